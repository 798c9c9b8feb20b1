"""An iCalendar file of the events people can go to and the last days to have their say.

Address: feeds/events.ics. Calendar apps can subscribe to it. The icalendar library writes it,
because the format's escaping and line folding are easy to get wrong by hand.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from hub.facts.catalogue import Catalogue
from hub.facts.entries import Entry

from .files import GeneratedFile

PATH = "feeds/events.ics"
_UTC = dt.UTC


def calendar_file(catalogue: Catalogue, site_url: str | None) -> GeneratedFile:
    zone = ZoneInfo(catalogue.settings.timezone)
    calendar = Calendar()
    calendar.add("prodid", f"-//Engagement Hub//{catalogue.settings.area}//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Have your say: {catalogue.settings.area}")
    # Stamped with the build's date, not the clock, so two builds on one day give the same file.
    stamp = dt.datetime.combine(catalogue.today, dt.time(0), _UTC)
    for entry in [*catalogue.open_now, *catalogue.coming_up]:
        # The calendar copies record text elsewhere: without anyone's own details.
        for number, event in enumerate(entry.public.take_part.events):
            if event.date >= catalogue.today:
                calendar.add_component(_event(entry, number, event, zone, stamp, site_url))
        if entry.engagement.closes is not None:  # one that carries on has no last day to remind people of
            calendar.add_component(_closing_day(entry, stamp, site_url))
    return GeneratedFile(PATH, calendar.to_ical().decode("utf-8"))


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
    item.add("dtstart", e.closes)
    item.add("dtend", e.closes + dt.timedelta(days=1))
    item.add("description", " ".join(e.summary.split()))
    item.add("transp", "TRANSPARENT")  # a reminder, not a meeting: it does not fill the day
    return item


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
