"""'Did we do what we said?': every promise made in an outcome, overdue first, by organisation, paged."""

from __future__ import annotations

from itertools import groupby

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress, Tracked, by_organisation
from hub.outputs.open_data import COMMITMENTS_CSV, COMMITMENTS_JSON
from hub.site.pages.listing import numbered_title
from hub.site.paging import paginate
from hub.site.render import GeneratedPage, render
from hub.words import say

FOLDER = "did-we-do-what-we-said"


def commitment_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    promises = catalogue.commitments
    totals = {progress: sum(p.progress is progress for p in promises) for progress in Progress}
    organisations = by_organisation(promises)  # the same on every page: worked out once, not once a page
    pages = []
    for pageful in paginate(promises, catalogue.settings.page_size, FOLDER):
        pages.append(
            render(
                "commitments.html",
                pageful.path,
                title=say("section.commitments")
                if pageful.number == 1
                else numbered_title(say("section.commitments"), pageful.number, pageful.count),
                description=say("commitments.description"),
                pageful=pageful,
                groups=_grouped(pageful.items),
                totals=totals,
                organisations=organisations,
                catalogue=catalogue,
                today=catalogue.today,
                data={"json": COMMITMENTS_JSON, "csv": COMMITMENTS_CSV},
                searchable=False,
            )
        )
    return pages


def _grouped(promises: list[Tracked]) -> list[tuple[Progress, list[tuple[str, list[Tracked]]]]]:
    """One page's promises under their progress, then their organisation, keeping the list's order."""
    return [
        (progress, [(organisation, list(theirs)) for organisation, theirs in groupby(same, lambda p: p.organisation)])
        for progress, same in groupby(promises, lambda p: p.progress)
    ]
