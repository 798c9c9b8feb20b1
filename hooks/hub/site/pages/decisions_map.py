"""The functions-and-decisions map: who decides what, a page per body, and a page per decision."""

from __future__ import annotations

from typing import Any

from hub.facts.catalogue import Catalogue
from hub.records.map_model import Body
from hub.site.paging import paginate
from hub.site.render import GeneratedPage, render
from hub.words import say

from .listing import index_pages, numbered_title

MAP_FOLDER, DECISIONS_FOLDER = "who-decides", "decisions"


def body_url(body_id: str) -> str:
    return f"{MAP_FOLDER}/{body_id}/"


def decision_url(decision_id: str) -> str:
    return f"{DECISIONS_FOLDER}/{decision_id}/"


def map_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    view = catalogue.map
    common: dict[str, Any] = dict(view=view, catalogue=catalogue, body_url=body_url, decision_url=decision_url)
    pages = [
        render(
            "decisions_map.html",
            f"{MAP_FOLDER}/index.md",
            title=say("map.title"),
            description=say("map.description"),
            **common,
        )
    ]
    size = catalogue.settings.page_size
    for body in view.bodies:
        pages.append(
            render(
                "body.html",
                f"{MAP_FOLDER}/{body.id}.md",
                title=body.name,
                description=say("map.body.description", body=body.name),
                body=body,
                size=size,
                open=view.open_for(body),
                informed_by={d.id: view.informing(d) for d in view.decisions_of(body)},
                **common,
            )
        )
        pages += _body_lists(catalogue, body, common)
    for decision in view.decisions:
        # Search finds a decision by its title, which says what was decided, and by who decided.
        pages.append(
            render(
                "decision.html",
                f"{DECISIONS_FOLDER}/{decision.id}.md",
                title=say("map.decision.title", what=decision.what),
                description=decision.what,
                decision=decision,
                informing=view.informing(decision),
                search_text=view.by_id[decision.body].name,
                **common,
            )
        )
    return pages


def _body_lists(catalogue: Catalogue, body: Body, common: dict) -> list[GeneratedPage]:
    """Full lists for a body with more open engagements or decisions than its page shows."""
    view, size, folder = catalogue.map, catalogue.settings.page_size, f"{MAP_FOLDER}/{body.id}"
    crumbs = [(say("map.title"), f"{MAP_FOLDER}/"), (body.name, body_url(body.id))]
    pages = []
    if len(view.open_for(body)) > size:
        pages += index_pages(
            catalogue,
            f"{folder}/open",
            say("map.body.open_title", body=body.name),
            say("map.body.open_intro"),
            view.open_for(body),
            say("charter.none"),
            crumbs,
        )
    taken = view.decisions_of(body)
    if len(taken) > size:
        for pageful in paginate(taken, size, f"{folder}/decisions"):
            title = say("map.body.decisions_title", body=body.name)
            pages.append(
                render(
                    "decisions_list.html",
                    pageful.path,
                    title=title if pageful.number == 1 else numbered_title(title, pageful.number, pageful.count),
                    description=title,
                    pageful=pageful,
                    informed_by={d.id: view.informing(d) for d in pageful.items},
                    crumbs=crumbs,
                    searchable=False,
                    **common,
                )
            )
    return pages
