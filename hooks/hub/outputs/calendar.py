"""iCalendar files of the events people can go to, the last days to have their say, and when promises are due.

Addresses: feeds/events.ics (what is still to come, across the hub) and, to follow one engagement,
feeds/engagements/<id>.ics (all its dates). Calendar apps can subscribe to either. The icalendar library
writes them, because the format's escaping and line folding are easy to get wrong by hand.

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

from icalendar import Calendar, Event

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress, Tracked
from hub.facts.entries import Entry
from hub.records.model import Event as Happening
from hub.words import say

from .files import GeneratedFile
from .fingerprint import remembered

PATH = "feeds/events.ics"
_UTC = dt.UTC


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
    calendar = _calendar(catalogue, say("calendar.name", area=catalogue.settings.area))
    stamp = _stamp(catalogue)
    for entry in [*catalogue.open_now, *catalogue.coming_up]:
        # The calendar copies record text elsewhere: without anyone's own details.
        events = entry.public.take_part.events
        for uid, event in zip(event_uids(entry.slug, events), events):
            if event.date >= catalogue.today:
                calendar.add_component(_event(entry, uid, event, zone, stamp, site_url))
        if entry.engagement.closes is not None:  # one that carries on has no last day to remind people of
            calendar.add_component(_closing_day(entry, stamp, site_url))
    for promise in catalogue.commitments:
        if promise.commitment.due_by >= catalogue.today and promise.progress not in (Progress.done, Progress.dropped):
            calendar.add_component(_promise_due(promise, stamp, site_url))
    return GeneratedFile(PATH, _text(calendar))


def _engagement_file(catalogue: Catalogue, entry: Entry, site_url: str | None) -> GeneratedFile:
    """Every date of one engagement, past ones too: its events, its last day, the decision and its promises."""
    zone, stamp = ZoneInfo(catalogue.settings.timezone), _stamp(catalogue)
    calendar = _calendar(catalogue, entry.public.title)
    events = entry.public.take_part.events
    for uid, event in zip(event_uids(entry.slug, events), events):
        calendar.add_component(_event(entry, uid, event, zone, stamp, site_url))
    if entry.engagement.closes is not None:
        calendar.add_component(_closing_day(entry, stamp, site_url))
    decision = entry.public.decision
    if decision.date is not None:
        calendar.add_component(
            _day(
                _component(
                    f"{entry.slug}-decision", say("calendar.decision", title=entry.public.title), stamp, entry, site_url
                ),
                decision.date,
                say("calendar.decides", who=decision.who, how=decision.how or ""),
            )
        )
    for promise in catalogue.commitments_of(entry):
        calendar.add_component(_promise_due(promise, stamp, site_url))
    return GeneratedFile(engagement_calendar(entry.slug), _text(calendar))


# The longest line in bytes that the format leaves as it is; icalendar folds a longer one.
_FOLD_AT = 75


def _text(calendar: Calendar) -> str:
    """calendar.to_ical(sorted=False), as text. Properties in the order they were added, which is always the
    same: sorting them took nearly half the time of writing a calendar for each of 1,000 engagements.
    icalendar looks at every character of every line to fold it (a third of the time of the calendars at
    10,000 engagements), so only the lines long enough to fold go to it."""
    lines = calendar.content_lines(sorted=False)
    return "".join(
        (line if len(line.encode("utf-8")) < _FOLD_AT else line.to_ical().decode("utf-8")) + "\r\n"
        for line in lines
        if line
    )


def _calendar(catalogue: Catalogue, name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//Engagement Hub//{catalogue.settings.area}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _stamp(catalogue: Catalogue) -> dt.datetime:
    # Stamped with the build's date, not the clock, so two builds on one day give the same file.
    return dt.datetime.combine(catalogue.today, dt.time(0), _UTC)


def _promise_due(promise: Tracked, stamp: dt.datetime, site_url: str | None) -> Event:
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


def _day(item: Event, day: dt.date, description: str) -> Event:
    item.add("dtstart", day)
    item.add("dtend", day + dt.timedelta(days=1))
    item.add("description", " ".join(description.split()))
    item.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not fill the day
    return item


def event_uids(slug: str, events: list[Happening]) -> list[str]:
    """Each event's UID (before the @), in the record's order: from its day and start time. Two events that
    start together are told apart by where they are and what they are called."""
    starts = [f"{slug}-event-{event.date:%Y%m%d}-{event.starts.replace(':', '')}" for event in events]
    return [f"{uid}-{_digest(event)}" if starts.count(uid) > 1 else uid for uid, event in zip(starts, events)]


def _digest(event: Happening) -> str:
    return hashlib.sha256("\n".join((event.name, _where(event))).encode()).hexdigest()[:8]


def _event(entry: Entry, uid: str, event, zone: ZoneInfo, stamp: dt.datetime, site_url: str | None) -> Event:
    e = entry.public
    item = _component(uid, say("calendar.event", name=event.name, title=e.title), stamp, entry, site_url)
    item.add("dtstart", _at(event.date, event.starts, zone))
    item.add("dtend", _at(event.date, event.ends, zone))
    item.add("location", _where(event))
    details = [
        e.summary,
        event.booking or "",
        say("list.comma").join(a.label for a in event.access),
        event.access_notes or "",
    ]
    item.add("description", "\n\n".join(" ".join(d.split()) for d in details if d))
    return item


def _where(event) -> str:
    if event.venue:
        return say("engagement.events.venue", venue=event.venue, address=event.address)
    online = event.online
    parts = (say("calendar.online"), online.how, online.link, online.dial_in)
    return say("list.comma").join(part for part in parts if part)


def _closing_day(entry: Entry, stamp: dt.datetime, site_url: str | None) -> Event:
    e = entry.public
    assert e.closes is not None  # only engagements with a last day get this reminder
    item = _component(f"{entry.slug}-closes", say("calendar.last_day", title=e.title), stamp, entry, site_url)
    return _day(item, e.closes, e.summary)


def _component(uid: str, summary: str, stamp: dt.datetime, entry: Entry, site_url: str | None) -> Event:
    item = Event()
    item.add("uid", f"{uid}@{_domain(site_url)}")
    item.add("dtstamp", stamp)
    item.add("summary", summary)
    if site_url:  # a calendar's URL must be a full address: without the hub's, there is none to give
        item.add("url", site_url.rstrip("/") + "/" + entry.url)
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
