"""Every page the hub makes from the records. One module per kind of page."""

from __future__ import annotations

from collections.abc import Callable

from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage, drawing_once

from .browse import browse_pages
from .charter import charter_pages, feedback_due_pages, types_page
from .commitments import commitment_pages
from .decisions_map import map_pages
from .engagement import engagement_pages
from .glossary import glossary_page
from .have_your_say import have_your_say_pages
from .home import home_page
from .open_data import open_data_page
from .outcomes import outcome_pages
from .reports import report_pages


def build_pages(
    catalogue: Catalogue, engagement: Callable[[Catalogue], list[GeneratedPage]] = engagement_pages
) -> list[GeneratedPage]:
    """Every page, in the order of the site. The engagement pages come last: `engagement` may be sharing
    them out between processes (site/shared_work.py), and this one helps once it has made the rest."""
    with drawing_once():
        first = [
            home_page(catalogue),
            *have_your_say_pages(catalogue),
            *outcome_pages(catalogue),
            *commitment_pages(catalogue),
            *browse_pages(catalogue),
        ]
        rest = [
            *charter_pages(catalogue),
            *feedback_due_pages(catalogue),
            types_page(catalogue),
            *map_pages(catalogue),
            *report_pages(catalogue),
            open_data_page(catalogue),
            glossary_page(),
        ]
        return [*first, *engagement(catalogue), *rest]
