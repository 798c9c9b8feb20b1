"""Atom feeds, so people and other sites hear of new engagements and new outcomes without checking.

Addresses: feeds/engagements.xml (newest first by opening day), feeds/outcomes.xml (outcomes and news of
the promises made in them, newest first) and, to follow one engagement, feeds/engagements/<id>.xml (its
updates, its outcome and its promises). Without a site_url in mkdocs.yml, links are relative to the feed,
which Atom allows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from functools import partial
from zoneinfo import ZoneInfo

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Tracked
from hub.facts.entries import Entry
from hub.facts.small_numbers import one
from hub.records.formatting import plain
from hub.urls import relative
from hub.wording import say_count
from hub.words import say

from .files import TEMPLATES, GeneratedFile
from .fingerprint import remembered

FOLDER = "feeds"
ENGAGEMENTS, OUTCOMES = f"{FOLDER}/engagements.xml", f"{FOLDER}/outcomes.xml"


def engagement_feed(slug: str) -> str:
    """The feed that follows one engagement."""
    return f"{FOLDER}/engagements/{slug}.xml"


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
    outcomes = [_outcome_item(catalogue, e, OUTCOMES, site_url) for e in catalogue.outcomes[:size]]
    outcomes += [
        item
        for entry in catalogue.outcomes
        for item in remembered(
            f"{OUTCOMES}#{entry.slug}",
            "promise items",
            {"entry": entry, "site_url": site_url},
            partial(_entry_promise_items, catalogue, entry, OUTCOMES, site_url),
        )
    ]
    area = catalogue.settings.area
    return [
        _feed(
            catalogue,
            ENGAGEMENTS,
            say("feeds.engagements.title", area=area),
            say("feeds.engagements.subtitle"),
            engagements,
            site_url,
        ),
        _feed(
            catalogue,
            OUTCOMES,
            say("feeds.outcomes.title", area=area),
            say("feeds.outcomes.subtitle"),
            _newest(outcomes, size),
            site_url,
        ),
        *[
            remembered(
                engagement_feed(entry.slug),
                "feed",
                {"entry": entry, "site_url": site_url},
                partial(_engagement_feed, catalogue, entry, site_url),
            )
            for entry in catalogue.entries
        ],
    ]


def _engagement_feed(catalogue: Catalogue, entry: Entry, site_url: str | None) -> GeneratedFile:
    """Everything that happens to one engagement, for someone who wants to follow it without an account."""
    path, today, e = engagement_feed(entry.slug), catalogue.today, entry.public
    items = [
        _item(catalogue, entry, "engagement", min(e.opens, today), e.title, e.summary, path, site_url),
        *[
            _item(
                catalogue,
                entry,
                f"update-{n}",
                u.date,
                say("feeds.update", title=e.title),
                u.what,
                path,
                site_url,
                "timeline",
            )
            for n, u in enumerate(e.updates, start=1)
            if u.date <= today
        ],
        *[item for p in catalogue.commitments_of(entry) for item in _promise_items(catalogue, p, path, site_url)],
    ]
    if e.outcome is not None:
        items.append(_outcome_item(catalogue, entry, path, site_url))
    return _feed(
        catalogue,
        path,
        say("feeds.engagement.title", title=e.title),
        say("feeds.engagement.subtitle"),
        _newest(items, catalogue.settings.feed_size),
        site_url,
        entry.url,
    )


def _outcome_item(catalogue: Catalogue, entry: Entry, feed: str, site_url: str | None) -> Item:
    outcome = entry.public.outcome
    assert outcome is not None  # only engagements with an outcome are asked for
    title = say("feeds.outcome", title=entry.engagement.title)
    summary = plain(outcome.summary) + _took_part(entry)
    return _item(catalogue, entry, "outcome", outcome.published, title, summary, feed, site_url)


def _entry_promise_items(catalogue: Catalogue, entry: Entry, feed: str, site_url: str | None) -> list[Item]:
    """The changes to each of one engagement's promises: they depend on its record alone."""
    return [item for p in catalogue.commitments_of(entry) for item in _promise_items(catalogue, p, feed, site_url)]


def _promise_items(catalogue: Catalogue, promise: Tracked, feed: str, site_url: str | None) -> list[Item]:
    """Each change to a promise people can see today: its updates, and the day after it became overdue."""
    entry, what = promise.entry, promise.commitment.what
    # The public copy of the promise: what looks like a person's own details is removed.
    public = entry.public.outcome.commitments[promise.number - 1]  # type: ignore[union-attr]  # it has one
    name = f"promise-{promise.key}"  # not its place in the list: adding a promise renames no entry
    items = [
        _item(
            catalogue,
            entry,
            f"{name}-update-{n}",
            update.date,
            say(
                "feeds.promise",
                status=(update.status.label if update.status else say("feeds.promise_update")).lower(),
                what=what,
            ),
            say("feeds.why_dropped", what=update.what, why=public.why_dropped)
            if update.status and public.why_dropped
            else update.what,
            feed,
            site_url,
            promise.anchor,
        )
        for n, update in enumerate(public.updates, start=1)
        if update.date <= catalogue.today
    ]
    if promise.overdue:
        items.append(
            _item(
                catalogue,
                entry,
                f"{name}-overdue",
                promise.commitment.due_by + dt.timedelta(days=1),
                say("feeds.overdue.title", what=what),
                say("feeds.overdue.summary", due=promise.due),
                feed,
                site_url,
                promise.anchor,
            )
        )
    return items


def _newest(items: list[Item], size: int) -> list[Item]:
    return sorted(items, key=lambda i: (i.updated, i.id), reverse=True)[:size]


def _item(
    catalogue: Catalogue,
    entry: Entry,
    kind: str,
    day: dt.date,
    title: str,
    summary: str,
    feed: str,
    site_url: str | None,
    anchor: str = "",
) -> Item:
    e = entry.engagement
    return Item(
        id=_id(kind, entry.slug),
        title=title,
        link=_link(entry.url + (f"#{anchor}" if anchor else ""), feed, site_url),
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
        return " " + say("reach.total_fewer_than_5")
    return " " + say_count("reach.total", total.value)


def _feed(
    catalogue: Catalogue,
    path: str,
    title: str,
    subtitle: str,
    items: list[Item],
    site_url: str | None,
    page: str = "",
) -> GeneratedFile:
    updated = max((i.updated for i in items), default=_instant(catalogue.today, catalogue.settings.timezone))
    xml = TEMPLATES.get_template("feed.xml").render(
        title=title,
        subtitle=subtitle,
        id=_id("feed", path),
        updated=updated,
        items=items,
        self_link=_link(path, path, site_url),
        site_link=_link(page, path, site_url),
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
