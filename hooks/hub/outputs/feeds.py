"""Atom feeds, so people and other sites hear of new engagements and new outcomes without checking.

Addresses: feeds/engagements.xml (newest first by opening day) and feeds/outcomes.xml (newest first).
Without a site_url in mkdocs.yml, links are relative to the feed, which Atom allows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from hub.facts.catalogue import Catalogue
from hub.facts.entries import Entry
from hub.facts.small_numbers import one
from hub.records.formatting import plain
from hub.urls import relative
from hub.wording import count

from .files import TEMPLATES, GeneratedFile

FOLDER = "feeds"
ENGAGEMENTS, OUTCOMES = f"{FOLDER}/engagements.xml", f"{FOLDER}/outcomes.xml"


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    link: str
    updated: str
    summary: str
    categories: list[str]


def feed_files(catalogue: Catalogue, site_url: str | None) -> list[GeneratedFile]:
    size, today = catalogue.settings.feed_size, catalogue.today
    newest = sorted(catalogue.entries, key=lambda e: (e.engagement.opens, e.slug), reverse=True)[:size]
    # Feeds copy record text elsewhere: without formatting marks, and without anyone's own details.
    engagements = [
        _item(
            catalogue,
            e,
            "engagement",
            min(e.engagement.opens, today),
            e.engagement.title,
            e.public.summary,
            ENGAGEMENTS,
            site_url,
        )
        for e in newest
    ]
    outcomes = [
        _item(
            catalogue,
            e,
            "outcome",
            e.engagement.outcome.published,  # type: ignore[union-attr]  # from catalogue.outcomes: has one
            f"You said, we did: {e.engagement.title}",
            plain(e.public.outcome.summary) + _took_part(e),  # type: ignore[union-attr]
            OUTCOMES,
            site_url,
        )
        for e in catalogue.outcomes[:size]
    ]
    area = catalogue.settings.area
    return [
        _feed(
            catalogue,
            ENGAGEMENTS,
            f"New engagements in {area}",
            "Ways to have your say on health and care.",
            engagements,
            site_url,
        ),
        _feed(
            catalogue,
            OUTCOMES,
            f"You said, we did: {area}",
            "What people told us, and what changed because they did.",
            outcomes,
            site_url,
        ),
    ]


def _item(
    catalogue: Catalogue,
    entry: Entry,
    kind: str,
    day: dt.date,
    title: str,
    summary: str,
    feed: str,
    site_url: str | None,
) -> Item:
    e = entry.engagement
    return Item(
        id=_id(kind, entry.slug),
        title=title,
        link=_link(entry.url, feed, site_url),
        updated=_instant(day, catalogue.settings.timezone),
        summary=" ".join(summary.split()),
        categories=[*e.places, *e.topics],
    )


def _took_part(entry: Entry) -> str:
    """How many took part, after the summary, with a small number hidden as on the page."""
    total = one(entry.engagement.outcome.took_part.total)  # type: ignore[union-attr]  # has an outcome
    if total.value is None:
        return ""
    if total.hidden:
        return " Fewer than 5 people took part."
    return f" {count(total.value, 'person', 'people')} took part."


def _feed(catalogue: Catalogue, path: str, title: str, subtitle: str, items: list[Item], site_url: str | None):
    updated = max((i.updated for i in items), default=_instant(catalogue.today, catalogue.settings.timezone))
    xml = TEMPLATES.get_template("feed.xml").render(
        title=title,
        subtitle=subtitle,
        id=_id("feed", path),
        updated=updated,
        items=items,
        self_link=_link(path, path, site_url),
        site_link=_link("", path, site_url),
        area=catalogue.settings.area,
    )
    return GeneratedFile(path, xml)


def _id(kind: str, name: str) -> str:
    # The same engagement keeps the same id in every build, so readers do not show it twice.
    stable = uuid.uuid5(uuid.NAMESPACE_URL, f"engagement-hub/{kind}/{name}")
    return stable.urn


def _link(target: str, feed: str, site_url: str | None) -> str:
    if site_url:
        return site_url.rstrip("/") + "/" + target
    return relative(feed.rsplit("/", 1)[0] + "/", target)


def _instant(day: dt.date, timezone: str) -> str:
    return dt.datetime.combine(day, dt.time(0), ZoneInfo(timezone)).isoformat()
