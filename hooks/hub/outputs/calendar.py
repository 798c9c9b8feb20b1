"""iCalendar files of the events people can go to, the last days to have their say, and when promises are due.

Addresses: feeds/events.ics (what is still to come, across the hub) and, to follow one engagement,
feeds/engagements/<id>.ics (all its dates). Calendar apps can subscribe to either. ics.py writes the format:
its escaping, dates and line folding.

Each item's UID says what it is, never where it sits in the record: an event's is its engagement, day and
start time, so adding, removing or moving another event leaves it alone, and calendar apps that subscribe
update the right entry. UIDs end with the hub's own address, so two hubs never share one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import partial
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress, Tracked
from hub.facts.entries import Entry
from hub.records.model import Event
from hub.words import say

from . import ics
from .files import GeneratedFile
from .fingerprint import remembered

PATH = "feeds/events.ics"
_UTC = dt.UTC

# One calendar item: its content lines, unfolded, in the order they are written.
Item = list[str]


def engagement_calendar(slug: str) -> str:
    """The calendar that follows one engagement."""
    return f"feeds/engagements/{slug}.ics"


def calendar_files(catalogue: Catalogue, site_url: str | None) -> list[GeneratedFile]:
    return [
        calendar_file(catalogue, site_url),
        *[
            remembered(
                engagement_calendar(e.slug),
                "calendar",
                {"entry": e, "site_url": site_url},
                partial(_engagement_file, catalogue, e, site_url),
            )
            for e in catalogue.entries
        ],
    ]


def calendar_file(catalogue: Catalogue, site_url: str | None) -> GeneratedFile:
    zone = ZoneInfo(catalogue.settings.timezone)
    stamp = _stamp(catalogue)
    items: list[Item] = []
    for entry in [*catalogue.open_now, *catalogue.coming_up]:
        # The calendar copies record text elsewhere: without anyone's own details.
        events = entry.public.take_part.events
        for uid, event in zip(event_uids(entry.slug, events), events):
            if event.date >= catalogue.today:
                items.append(_event(entry, uid, event, zone, stamp, site_url))
        if entry.engagement.closes is not None:  # one that carries on has no last day to remind people of
            items.append(_closing_day(entry, stamp, site_url))
    for promise in catalogue.commitments:
        if promise.commitment.due_by >= catalogue.today and promise.progress not in (Progress.done, Progress.dropped):
            items.append(_promise_due(promise, stamp, site_url))
    return GeneratedFile(PATH, _calendar(catalogue, say("calendar.name", area=catalogue.settings.area), items))


def _engagement_file(catalogue: Catalogue, entry: Entry, site_url: str | None) -> GeneratedFile:
    """Every date of one engagement, past ones too: its events, its last day, the decision and its promises."""
    zone, stamp = ZoneInfo(catalogue.settings.timezone), _stamp(catalogue)
    items: list[Item] = []
    events = entry.public.take_part.events
    for uid, event in zip(event_uids(entry.slug, events), events):
        items.append(_event(entry, uid, event, zone, stamp, site_url))
    if entry.engagement.closes is not None:
        items.append(_closing_day(entry, stamp, site_url))
    decision = entry.public.decision
    if decision.date is not None:
        items.append(
            _day(
                _component(
                    f"{entry.slug}-decision", say("calendar.decision", title=entry.public.title), stamp, entry, site_url
                ),
                decision.date,
                say("calendar.decides", who=decision.who, how=decision.how or ""),
            )
        )
    for promise in catalogue.commitments_of(entry):
        items.append(_promise_due(promise, stamp, site_url))
    return GeneratedFile(engagement_calendar(entry.slug), _calendar(catalogue, entry.public.title, items))


def _calendar(catalogue: Catalogue, name: str, items: list[Item]) -> str:
    # X-WR-CALNAME, a name calendar apps show, is not in RFC 5545: icalendar wrote its value as it was, not
    # escaped as TEXT, and so does this. A line break in it would end the line, so that alone is escaped.
    own = [
        f"PRODID:{ics.text(f'-//Engagement Hub//{catalogue.settings.area}//EN')}",
        "VERSION:2.0",
        f"X-WR-CALNAME:{ics.line_breaks(name)}",
    ]
    return ics.calendar(own, items)


def _stamp(catalogue: Catalogue) -> dt.datetime:
    # Stamped with the build's date, not the clock, so two builds on one day give the same file.
    return dt.datetime.combine(catalogue.today, dt.time(0), _UTC)


def _promise_due(promise: Tracked, stamp: dt.datetime, site_url: str | None) -> Item:
    """A reminder on the last day a promise can be kept on time, with where it stands."""
    public = promise.entry.public.outcome.commitments[promise.number - 1]  # type: ignore[union-attr]  # it has one
    item = _component(
        f"{promise.entry.slug}-promise-{promise.key}",
        say("calendar.promise_due", what=public.what),
        stamp,
        promise.entry,
        site_url,
    )
    said = say("calendar.promise", due=promise.due, who=public.who, progress=promise.progress.label)
    return _day(item, promise.commitment.due_by, said)


def _day(item: Item, day: dt.date, description: str) -> Item:
    item += [
        f"DTSTART;VALUE=DATE:{ics.date(day)}",
        f"DTEND;VALUE=DATE:{ics.date(day + dt.timedelta(days=1))}",
        f"DESCRIPTION:{ics.text(' '.join(description.split()))}",
        "TRANSP:TRANSPARENT",  # a reminder, not a meeting: it does not fill the day
    ]
    return item


def event_uids(slug: str, events: list[Event]) -> list[str]:
    """Each event's UID (before the @), in the record's order: from its day and start time. Two events that
    start together are told apart by where they are and what they are called."""
    starts = [f"{slug}-event-{event.date:%Y%m%d}-{event.starts.replace(':', '')}" for event in events]
    return [f"{uid}-{_digest(event)}" if starts.count(uid) > 1 else uid for uid, event in zip(starts, events)]


def _digest(event: Event) -> str:
    return hashlib.sha256("\n".join((event.name, _where(event))).encode()).hexdigest()[:8]


def _event(entry: Entry, uid: str, event, zone: ZoneInfo, stamp: dt.datetime, site_url: str | None) -> Item:
    e = entry.public
    item = _component(uid, say("calendar.event", name=event.name, title=e.title), stamp, entry, site_url)
    item += [
        f"DTSTART:{ics.utc(_at(event.date, event.starts, zone))}",
        f"DTEND:{ics.utc(_at(event.date, event.ends, zone))}",
        f"LOCATION:{ics.text(_where(event))}",
    ]
    details = [
        e.summary,
        event.booking or "",
        say("list.comma").join(a.label for a in event.access),
        event.access_notes or "",
    ]
    item.append("DESCRIPTION:" + ics.text("\n\n".join(" ".join(d.split()) for d in details if d)))
    return item


def _where(event) -> str:
    if event.venue:
        return say("engagement.events.venue", venue=event.venue, address=event.address)
    online = event.online
    parts = (say("calendar.online"), online.how, online.link, online.dial_in)
    return say("list.comma").join(part for part in parts if part)


def _closing_day(entry: Entry, stamp: dt.datetime, site_url: str | None) -> Item:
    e = entry.public
    assert e.closes is not None  # only engagements with a last day get this reminder
    item = _component(f"{entry.slug}-closes", say("calendar.last_day", title=e.title), stamp, entry, site_url)
    return _day(item, e.closes, e.summary)


def _component(uid: str, summary: str, stamp: dt.datetime, entry: Entry, site_url: str | None) -> Item:
    item = [
        f"UID:{ics.text(f'{uid}@{_domain(site_url)}')}",
        f"DTSTAMP:{ics.utc(stamp)}",
        f"SUMMARY:{ics.text(summary)}",
    ]
    if site_url:  # a calendar's URL must be a full address: without the hub's, there is none to give
        item.append(f"URL:{site_url.rstrip('/')}/{entry.url}")  # a URI, which has no escapes
    return item


def _domain(site_url: str | None) -> str:
    """The hub's own address without its scheme, such as haveyoursay.example.org or owner.github.io/hub."""
    if not site_url:
        return "engagement-hub"
    parts = urlsplit(site_url)
    return f"{parts.hostname}{parts.path.rstrip('/')}"


def _at(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    hours, minutes = map(int, clock.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), zone).astimezone(_UTC)
