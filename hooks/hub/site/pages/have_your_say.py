"""'Have your say': open now, coming up and recently closed, each also as a full list of its own."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage, render

from .listing import list_pages

FOLDER = "have-your-say"
LISTS = [
    (
        "open-now",
        "Open now",
        "open_now",
        "Engagements you can take part in today. The soonest to close are first.",
        "Nothing is open right now. Look at what is coming up.",
    ),
    (
        "coming-up",
        "Coming up",
        "coming_up",
        "Engagements that open soon. The soonest to open are first.",
        "Nothing new is planned yet.",
    ),
    (
        "recently-closed",
        "Recently closed",
        "recently_closed",
        "Engagements that have closed. We are looking at what people said, and will publish what happens next.",
        "Nothing has closed recently.",
    ),
]


def have_your_say_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    size = catalogue.settings.page_size
    crumbs = [("Have your say", f"{FOLDER}/")]
    summary = render(
        "have_your_say.html",
        f"{FOLDER}/index.md",
        title="Have your say",
        description="Engagements and consultations that are open now, coming up or recently closed.",
        lists=[
            (slug, heading, getattr(catalogue, name)[:size], len(getattr(catalogue, name)), intro, empty)
            for slug, heading, name, intro, empty in LISTS
        ],
        folder=FOLDER,
    )
    pages = [summary]
    for slug, heading, name, intro, empty in LISTS:
        pages += list_pages(catalogue, f"{FOLDER}/{slug}", heading, intro, getattr(catalogue, name), empty, crumbs)
    return pages
