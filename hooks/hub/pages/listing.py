"""A titled list of engagements, split over as many pages as it needs."""

from __future__ import annotations

from ..catalogue import Catalogue, Entry
from ..paging import paginate
from ..render import GeneratedPage, render


def list_pages(
    catalogue: Catalogue,
    folder: str,
    title: str,
    intro: str,
    entries: list[Entry],
    empty: str,
    crumbs: list[tuple[str, str]] | None = None,
    template: str = "list.html",
) -> list[GeneratedPage]:
    pages = []
    for pageful in paginate(entries, catalogue.settings.page_size, folder):
        numbered = title if pageful.number == 1 else f"{title} (page {pageful.number} of {pageful.count})"
        pages.append(
            render(
                template,
                pageful.path,
                title=numbered,
                description=intro,
                intro=intro,
                pageful=pageful,
                empty=empty,
                crumbs=crumbs or [],
                catalogue=catalogue,
                searchable=False,
            )
        )
    return pages
