"""The home page: what is open, what closes soon, the latest outcomes, and how to get in touch offline."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage, render


def home_page(catalogue: Catalogue) -> GeneratedPage:
    size = catalogue.settings.home_list_size
    return render(
        "home.html",
        "index.md",
        title=f"Have your say on health and care in {catalogue.settings.area}",
        description=f"Find out how to have your say on health and care services in {catalogue.settings.area}, "
        "and what changed because people took part.",
        catalogue=catalogue,
        settings=catalogue.settings,
        closing_soon=catalogue.closing_soon[:size],
        open_now=[e for e in catalogue.open_now if not e.timing.closing_soon][:size],
        coming_up=catalogue.coming_up[:size],
        outcomes=catalogue.outcomes[:size],
    )
