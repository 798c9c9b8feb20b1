"""'You said, we did': every published outcome, newest first."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage

from .listing import list_pages


def outcome_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    return list_pages(
        catalogue,
        "you-said-we-did",
        "You said, we did",
        "What people told us, and what changed because they did. The newest are first.",
        catalogue.outcomes,
        "No outcomes have been published yet.",
        template="outcomes.html",
    )
