"""'You said, we did': every published outcome, newest first."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage
from hub.words import say

from .listing import list_pages


def outcome_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    return list_pages(
        catalogue,
        "you-said-we-did",
        say("outcomes.title"),
        say("outcomes.intro"),
        catalogue.outcomes,
        say("outcomes.empty"),
        template="outcomes.html",
    )
