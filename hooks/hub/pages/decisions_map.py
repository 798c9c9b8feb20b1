"""The functions-and-decisions map: who decides what, a page per body, and a page per decision."""

from __future__ import annotations

from ..catalogue import Catalogue
from ..render import GeneratedPage, render
from ..search import decision_search_text

MAP_FOLDER, DECISIONS_FOLDER = "who-decides", "decisions"


def body_url(body_id: str) -> str:
    return f"{MAP_FOLDER}/{body_id}/"


def decision_url(decision_id: str) -> str:
    return f"{DECISIONS_FOLDER}/{decision_id}/"


def map_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    view = catalogue.map
    common = dict(view=view, catalogue=catalogue, body_url=body_url, decision_url=decision_url)
    pages = [
        render(
            "decisions_map.html",
            f"{MAP_FOLDER}/index.md",
            title="Who decides what",
            description="The bodies that make decisions about health and care, who they report to, and how to take part.",
            **common,
        )
    ]
    for body in view.bodies:
        pages.append(
            render("body.html", f"{MAP_FOLDER}/{body.id}.md", title=body.name, description=f"What {body.name} decides.",
                   body=body, **common)
        )
    for decision in view.decisions:
        pages.append(
            render("decision.html", f"{DECISIONS_FOLDER}/{decision.id}.md",
                   title=f"Decision: {decision.what}", description=decision.what, decision=decision,
                   search_text=decision_search_text(decision, view.by_id[decision.body].name), **common)
        )
    return pages
