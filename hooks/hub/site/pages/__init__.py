"""Every page the hub makes from the records. One module per kind of page."""

from __future__ import annotations

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


def build_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    with drawing_once():
        return [
            home_page(catalogue),
            *have_your_say_pages(catalogue),
            *outcome_pages(catalogue),
            *commitment_pages(catalogue),
            *browse_pages(catalogue),
            *engagement_pages(catalogue),
            *charter_pages(catalogue),
            *feedback_due_pages(catalogue),
            types_page(catalogue),
            *map_pages(catalogue),
            *report_pages(catalogue),
            open_data_page(catalogue),
            glossary_page(),
        ]
