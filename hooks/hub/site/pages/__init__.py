"""Every page the hub makes from the records. One module per kind of page."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from hub.facts.catalogue import Catalogue
from hub.facts.charter import PRINCIPLES
from hub.site.render import GeneratedPage, drawing_once

from .browse import KINDS, all_engagements_pages, browse_pages
from .charter import charter_page, feedback_due_pages, principle_pages, types_page
from .commitments import commitment_pages
from .decisions_map import map_pages
from .engagement import engagement_pages
from .glossary import glossary_page
from .have_your_say import have_your_say_pages
from .home import home_page
from .open_data import open_data_page
from .outcomes import outcome_pages
from .reports import report_pages

Part = Callable[[], list[GeneratedPage]]

# Small enough that processes sharing the engagement pages finish close together (site/shared_work.py).
ENTRIES_PER_PART = 20


def build_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    """Every page, in the order of the site, made in this process."""
    with drawing_once():
        return [page for part in page_parts(catalogue) for page in part()]


def page_parts(catalogue: Catalogue, entries_per_part: int = ENTRIES_PER_PART) -> list[Part]:
    """Every page, in parts that may be made in any order and in any process, listed in the site's order.
    The long lists and the engagement pages are split, so that no part is much bigger than the rest."""
    entries = catalogue.entries
    return [
        _one(home_page, catalogue),
        partial(have_your_say_pages, catalogue),
        partial(outcome_pages, catalogue),
        partial(commitment_pages, catalogue),
        partial(all_engagements_pages, catalogue),
        *(partial(browse_pages, catalogue, kind) for kind in KINDS),
        *(
            partial(engagement_pages, catalogue, entries[start : start + entries_per_part])
            for start in range(0, len(entries), entries_per_part)
        ),
        _one(charter_page, catalogue),
        *(partial(principle_pages, catalogue, principle) for principle in PRINCIPLES),
        partial(feedback_due_pages, catalogue),
        _one(types_page, catalogue),
        partial(map_pages, catalogue),
        partial(report_pages, catalogue),
        _one(open_data_page, catalogue),
        lambda: [glossary_page()],
    ]


def _one(page: Callable[[Catalogue], GeneratedPage], catalogue: Catalogue) -> Part:
    return lambda: [page(catalogue)]
