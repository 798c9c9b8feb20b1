"""A titled list of engagements, split over as many pages as it needs."""

from __future__ import annotations

from typing import Any

from hub.facts.catalogue import Catalogue
from hub.facts.entries import Entry
from hub.site.paging import paginate
from hub.site.render import GeneratedPage, render
from hub.words import say


def list_pages(
    catalogue: Catalogue,
    folder: str,
    title: str,
    intro: str,
    entries: list[Entry],
    empty: str,
    crumbs: list[tuple[str, str]] | None = None,
    template: str = "list.html",
    size: int | None = None,
    **context: Any,
) -> list[GeneratedPage]:
    pages = []
    for pageful in paginate(entries, size or catalogue.settings.page_size, folder):
        numbered = title if pageful.number == 1 else numbered_title(title, pageful.number, pageful.count)
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
                **context,
            )
        )
    return pages


def numbered_title(title: str, number: int, count: int) -> str:
    """The title of the second and later pages of a list: Topics (page 2 of 3)."""
    return say("pager.title", title=title, number=number, count=count)


def index_pages(catalogue: Catalogue, *args: Any, **kwargs: Any) -> list[GeneratedPage]:
    """A long list with one line for each engagement (index.html, or a template that extends it), so more of
    them fit on a page."""
    kwargs.setdefault("template", "index.html")
    kwargs.update(size=catalogue.settings.index_page_size)
    return list_pages(catalogue, *args, **kwargs)
