"""One page per engagement, at engagements/<file name>/, and one for each of its versions in Easy Read or
another language, at engagements/<file name>/<version>/."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hub.facts.catalogue import Catalogue
from hub.facts.entries import Entry
from hub.facts.status import Status
from hub.facts.timeline import timeline
from hub.outputs.calendar import engagement_calendar
from hub.outputs.feeds import engagement_feed
from hub.outputs.fingerprint import remembered
from hub.outputs.open_data import record_csv, record_json
from hub.outputs.search import engagement_search_text
from hub.records.model import Version
from hub.site.render import GeneratedPage, made_elsewhere, render
from hub.urls import url_of
from hub.words import has, say

from .decisions_map import body_url, decision_url

# The order of a page's sections follows what a reader needs at that point in the engagement's life:
# while it is open, how to take part comes first; once there is an outcome, the outcome does, and then
# the promises made in it. "commitments" is left out when an outcome makes no promises.
_COMMON_TAIL = ["what_we_know", "formats", "decision", "documents", "about", "scorecard", "follow", "contact"]
_CLOSED = [
    "why",
    "influence",
    "what_we_know",
    "decision",
    "take_part",
    "formats",
    "documents",
    "about",
    "scorecard",
    "follow",
    "contact",
]
SECTIONS: dict[Status, list[str]] = {
    Status.open: ["take_part", "timeline", "why", "influence", *_COMMON_TAIL],
    Status.coming_up: ["why", "timeline", "influence", "take_part", *_COMMON_TAIL],
    # Once closed, what happens next and what informs the decision come before how people took part.
    Status.closed: ["timeline", *_CLOSED],
    Status.outcome_published: ["outcome", "commitments", "timeline", *_CLOSED],
}

# Each section's heading is section.<name> in the words catalogue, or section_when.<name>.<status>
# where the heading changes with the engagement's status.


def section_titles(status: Status, has_commitments: bool, heard_so_far: bool = False) -> list[tuple[str, str]]:
    """The page's sections in order. One that carries on and has published what people said so far shows
    it after how to take part; the promises section only when there are promises."""
    names = SECTIONS[status]
    if heard_so_far:
        names = [names[0], "outcome", "commitments", *names[1:]]
    return [(name, _heading(name, status)) for name in names if has_commitments or name != "commitments"]


def _heading(name: str, status: Status) -> str:
    changed = f"section_when.{name}.{status.value}"
    return say(changed) if has(changed) else say(f"section.{name}")


def engagement_page(entry: Entry, catalogue: Catalogue) -> GeneratedPage:
    promises = catalogue.commitments_of(entry)
    feeds = {"atom": engagement_feed(entry.slug), "ics": engagement_calendar(entry.slug)}
    return render(
        "engagement.html",
        entry.path,
        title=entry.engagement.title,
        description=entry.engagement.summary,
        source=entry.record.source,
        changed=catalogue.last_changed(entry),
        search_text=engagement_search_text(entry.engagement),
        entry=entry,
        e=entry.engagement,
        alternates=(
            ("application/atom+xml", say("engagement.alternate.feed", title=entry.engagement.title), feeds["atom"]),
            ("text/calendar", say("engagement.alternate.calendar", title=entry.engagement.title), feeds["ics"]),
        ),
        sections=section_titles(
            entry.timing.status,
            bool(promises),
            heard_so_far=entry.timing.status is Status.open and entry.engagement.outcome is not None,
        ),
        promises=promises,
        overdue=[p for p in promises if p.overdue],
        steps=timeline(entry, catalogue.today, catalogue.outcome_due(entry)),
        feeds=feeds,
        catalogue=catalogue,
        known=catalogue.what_we_know(entry),
        body=catalogue.map.body_of(entry),
        decisions=catalogue.map.decisions_informed_by(entry),
        body_url=body_url,
        decision_url=decision_url,
        data={"json": record_json(entry.slug), "csv": record_csv(entry.slug)},
        versions=[(v, url_of(version_path(entry, v))) for v in entry.engagement.versions],
    )


def version_pages(entry: Entry, changed: dt.date) -> list[GeneratedPage]:
    """One page for each version in Easy Read or another language, under the engagement's own address."""
    return [
        render(
            "version.html",
            version_path(entry, version),
            title=version.title,
            description=version.summary,
            source=entry.record.source,
            searchable=False,  # search is in English; the English page is found instead
            changed=changed,
            entry=entry,
            version=version,
        )
        for version in entry.engagement.versions
    ]


def version_path(entry: Entry, version: Version) -> str:
    return f"engagements/{entry.slug}/{version.slug}.md"


def engagement_pages(catalogue: Catalogue, entries: Sequence[Entry] | None = None) -> list[GeneratedPage]:
    """The pages of `entries`, or of every engagement."""
    return [
        page
        for entry in (catalogue.entries if entries is None else entries)
        for page in (_engagement_page(entry, catalogue), *_version_pages(entry, catalogue))
    ]


def _engagement_page(entry: Entry, catalogue: Catalogue) -> GeneratedPage:
    """The page, or in mkdocs serve the same page as the last build made if neither its record nor the earlier
    engagements it shows changed: everything else it shows comes from its record, the date, the settings and
    the map (fingerprint.py), so working out its values again is skipped too. A page another process made
    (site/shared_work.py) is taken as it is, for the same reason."""
    inputs = {"entry": entry, "known": catalogue.what_we_know(entry)}

    def make() -> GeneratedPage:
        return made_elsewhere(entry.path) or engagement_page(entry, catalogue)

    return remembered(f"{entry.path}#values", "engagement page", inputs, make)


def _version_pages(entry: Entry, catalogue: Catalogue) -> list[GeneratedPage]:
    """As _engagement_page: they show only what the record says, on the build's date."""

    return remembered(
        f"{entry.path}#versions",
        "version pages",
        {"entry": entry},
        lambda: version_pages(entry, catalogue.last_changed(entry)),
    )
