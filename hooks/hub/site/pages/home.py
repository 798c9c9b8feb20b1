"""The home page: what is open, what closes soon, the latest outcomes, and how to get in touch offline."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage, render
from hub.words import say


def home_page(catalogue: Catalogue) -> GeneratedPage:
    size = catalogue.settings.home_list_size
    return render(
        "home.html",
        "index.md",
        title=say("home.title", area=catalogue.settings.area),
        description=say("home.description", area=catalogue.settings.area),
        catalogue=catalogue,
        settings=catalogue.settings,
        closing_soon=catalogue.closing_soon[:size],
        open_now=[e for e in catalogue.open_now if not e.timing.closing_soon][:size],
        coming_up=catalogue.coming_up[:size],
        open_now_count=len(catalogue.open_now),
        coming_up_count=len(catalogue.coming_up),
        outcomes=catalogue.outcomes[:size],
    )
