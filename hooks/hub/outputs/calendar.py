"""iCalendar files of the events people can go to, the last days to have their say, and when promises are due.

Addresses: feeds/events.ics (what is still to come, across the hub) and, to follow one engagement,
feeds/engagements/<id>.ics (all its dates). Calendar apps can subscribe to either. The icalendar library
writes them, because the format's escaping and line folding are easy to get wrong by hand.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress, Tracked
from hub.facts.entries import Entry

from .files import GeneratedFile

PATH = "feeds/events.ics"
_UTC = dt.UTC


def engagement_calendar(slug: str) -> str:
    """The calendar that follows one engagement."""
    return f"feeds/engagements/{slug}.ics"


def calendar_files(catalogue: Catalogue, site_url: str | None) -> list[GeneratedFile]:
    return [calendar_file(catalogue, site_url), *[_engagement_file(catalogue, e, site_url) for e in catalogue.entries]]


def calendar_file(catalogue: Catalogue, site_url: str | None) -> GeneratedFile:
    zone = ZoneInfo(catalogue.settings.timezone)
    calendar = _calendar(catalogue, f"Have your say: {catalogue.settings.area}")
    stamp = _stamp(catalogue)
    for entry in [*catalogue.open_now, *catalogue.coming_up]:
        # The calendar copies record text elsewhere: without anyone's own details.
        for number, event in enumerate(entry.public.take_part.events):
            if event.date >= catalogue.today:
                calendar.add_component(_event(entry, number, event, zone, stamp, site_url))
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
    for number, event in enumerate(entry.public.take_part.events):
        calendar.add_component(_event(entry, number, event, zone, stamp, site_url))
    if entry.engagement.closes is not None:
        calendar.add_component(_closing_day(entry, stamp, site_url))
    decision = entry.public.decision
    if decision.date is not None:
        calendar.add_component(
            _day(
                _component(f"{entry.slug}-decision", f"Decision: {entry.public.title}", stamp, entry, site_url),
                decision.date,
                f"{decision.who} decides. {decision.how or ''}",
            )
        )
    for promise in catalogue.commitments_of(entry):
        calendar.add_component(_promise_due(promise, stamp, site_url))
    return GeneratedFile(engagement_calendar(entry.slug), _text(calendar))


def _text(calendar: Calendar) -> str:
    # Properties in the order they were added, which is always the same: sorting them took nearly half
    # the time of writing a calendar for each of 1,000 engagements (1.6 s sorted, 0.9 s not).
    return calendar.to_ical(sorted=False).decode("utf-8")


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
        f"{promise.entry.slug}-{promise.anchor}", f"Promise due: {public.what}", stamp, promise.entry, site_url
    )
    said = f"Due by {promise.due}. {public.who} is responsible. Now: {promise.progress.label}."
    return _day(item, promise.commitment.due_by, said)


def _day(item: Event, day: dt.date, description: str) -> Event:
    item.add("dtstart", day)
    item.add("dtend", day + dt.timedelta(days=1))
    item.add("description", " ".join(description.split()))
    item.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not fill the day
    return item


def _event(entry: Entry, number: int, event, zone: ZoneInfo, stamp: dt.datetime, site_url: str | None) -> Event:
    e = entry.public
    item = _component(f"{entry.slug}-event-{number + 1}", f"{event.name}: {e.title}", stamp, entry, site_url)
    item.add("dtstart", _at(event.date, event.starts, zone))
    item.add("dtend", _at(event.date, event.ends, zone))
    item.add("location", _where(event))
    details = [e.summary, event.booking or "", ", ".join(a.label for a in event.access), event.access_notes or ""]
    item.add("description", "\n\n".join(" ".join(d.split()) for d in details if d))
    return item


def _where(event) -> str:
    if event.venue:
        return f"{event.venue}, {event.address}"
    online = event.online
    return ", ".join(part for part in ("Online", online.how, online.link, online.dial_in) if part)


def _closing_day(entry: Entry, stamp: dt.datetime, site_url: str | None) -> Event:
    e = entry.public
    assert e.closes is not None  # only engagements with a last day get this reminder
    item = _component(f"{entry.slug}-closes", f"Last day to have your say: {e.title}", stamp, entry, site_url)
    return _day(item, e.closes, e.summary)


def _component(uid: str, summary: str, stamp: dt.datetime, entry: Entry, site_url: str | None) -> Event:
    item = Event()
    item.add("uid", f"{uid}@engagement-hub")
    item.add("dtstamp", stamp)
    item.add("summary", summary)
    if site_url:
        item.add("url", site_url.rstrip("/") + "/" + entry.url)
    return item


def _at(day: dt.date, clock: str, zone: ZoneInfo) -> dt.datetime:
    hours, minutes = map(int, clock.split(":"))
    return dt.datetime.combine(day, dt.time(hours, minutes), zone).astimezone(_UTC)
