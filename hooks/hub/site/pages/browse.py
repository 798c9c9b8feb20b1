"""Browse by place, by topic and by organisation, and a list of every engagement."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.paging import paginate
from hub.site.render import GeneratedPage, render

from .listing import index_pages

KINDS = {
    "places": ("Places", "place", "Find engagements by the town or area they cover."),
    "topics": ("Topics", "topic", "Find engagements by what they are about."),
    "organisations": (
        "Organisations",
        "organisation",
        "Find engagements by the organisation that leads them or takes part.",
    ),
}


def browse_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    pages = index_pages(
        catalogue,
        "engagements",
        "All engagements",
        "Every engagement on this hub. Open ones come first, then those coming up, then the rest, newest first.",
        catalogue.everything,
        "There are no engagements yet.",
    )
    for kind, (heading, noun, intro) in KINDS.items():
        crumbs = [(heading, f"{kind}/")]
        groups = catalogue.groups_of(kind)
        for pageful in paginate(groups, catalogue.settings.page_size * 5, kind):
            pages.append(
                render(
                    "groups.html",
                    pageful.path,
                    title=heading if pageful.number == 1 else f"{heading} (page {pageful.number} of {pageful.count})",
                    description=intro,
                    intro=intro,
                    kind=kind,
                    pageful=pageful,
                    searchable=False,
                )
            )
        for group in groups:
            # An organisation's page starts with the promises it has not kept on time.
            extra = (
                {
                    "template": "organisation.html",
                    "organisation": group.name,
                    "overdue": catalogue.overdue_commitments_of(group.name),
                }
                if kind == "organisations"
                else {}
            )
            pages += index_pages(
                catalogue,
                f"{kind}/{group.slug}",
                group.name,
                f"Engagements for this {noun}.",
                group.entries,
                "There are no engagements here.",
                crumbs,
                **extra,
            )
    return pages
