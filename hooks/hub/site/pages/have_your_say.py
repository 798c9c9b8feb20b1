"""'Have your say': open now, coming up and recently closed, each also as a full list of its own."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage, render
from hub.words import say

from .listing import list_pages

FOLDER = "have-your-say"
# Each list: its address, and its name in the catalogue (have_your_say.<name>.title, .intro and .empty).
LISTS = [("open-now", "open_now"), ("coming-up", "coming_up"), ("recently-closed", "recently_closed")]


def have_your_say_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    size = catalogue.settings.page_size
    crumbs = [(say("have_your_say.title"), f"{FOLDER}/")]
    summary = render(
        "have_your_say.html",
        f"{FOLDER}/index.md",
        title=say("have_your_say.title"),
        description=say("have_your_say.description"),
        lists=[
            (slug, *_words(name)[:1], getattr(catalogue, name)[:size], len(getattr(catalogue, name)), *_words(name)[1:])
            for slug, name in LISTS
        ],
        folder=FOLDER,
    )
    pages = [summary]
    for slug, name in LISTS:
        heading, intro, empty = _words(name)
        pages += list_pages(catalogue, f"{FOLDER}/{slug}", heading, intro, getattr(catalogue, name), empty, crumbs)
    return pages


def _words(name: str) -> tuple[str, str, str]:
    """A list's heading, the sentence that introduces it, and what it says when it is empty."""
    return tuple(say(f"have_your_say.{name}.{part}") for part in ("title", "intro", "empty"))  # type: ignore[return-value]
