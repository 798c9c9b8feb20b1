"""Browse by place, by topic and by organisation, and a list of every engagement."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.site.paging import paginate
from hub.site.render import GeneratedPage, render
from hub.words import say

from .listing import index_pages, numbered_title

# Each kind's words are browse.<kind>.title, .intro and .one_intro (the page of one place, topic or organisation).
KINDS = ("places", "topics", "organisations")


def all_engagements_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    return index_pages(
        catalogue,
        "engagements",
        say("crumbs.all_engagements"),
        say("browse.all.intro"),
        catalogue.everything,
        say("browse.all.empty"),
    )


def browse_pages(catalogue: Catalogue, kind: str) -> list[GeneratedPage]:
    """The list of every place, topic or organisation (`kind`), and the page of each."""
    heading, intro = say(f"browse.{kind}.title"), say(f"browse.{kind}.intro")
    crumbs = [(heading, f"{kind}/")]
    groups = catalogue.groups_of(kind)
    pages = [
        render(
            "groups.html",
            pageful.path,
            title=heading if pageful.number == 1 else numbered_title(heading, pageful.number, pageful.count),
            description=intro,
            intro=intro,
            kind=kind,
            pageful=pageful,
            searchable=False,
        )
        for pageful in paginate(groups, catalogue.settings.page_size * 5, kind)
    ]
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
            say(f"browse.{kind}.one_intro"),
            group.entries,
            say("browse.one_empty"),
            crumbs,
            **extra,
        )
    return pages
