"""Tell us once: warn when an engagement would ask the same people about the same thing as another.

Two engagements overlap when all of these hold:
- they share a topic;
- they share a place, or one of them covers the whole area (level: system);
- they share a group in `who_for`, written the same way;
- they are near in time: open in the same weeks, or one closes no more than `tell_us_once_weeks`
  before the other opens.

Only engagements that have not closed yet are warned about: a past overlap can no longer be avoided.
Records are found through an index by topic and opening date, so thousands of records stay quick.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .loading import LoadedRecord
from .model import Engagement, Level
from .problems import Problem
from .wording import and_list, short_date


# How many overlapping engagements a record's warnings name; the rest are counted.
MOST_NAMED = 3


@dataclass(frozen=True)
class Shared:
    """What two engagements have in common: the reason for a warning."""

    topics: list[str]
    places: list[str]
    who_for: list[str]


def key(text: str) -> str:
    """Names match whatever their case and spacing: "Mental health" is "mental  Health"."""
    return " ".join(text.casefold().split())


def asks_same_people(a: Engagement, b: Engagement, weeks: int) -> Shared | None:
    """What `a` and `b` share, if they ask the same people about the same thing at nearly the same time."""
    if _gap_days(a, b) > 7 * weeks:
        return None
    topics = _shared(a.topics, b.topics)
    who_for = _shared(a.who_for, b.who_for)
    if not topics or not who_for:
        return None
    places = _shared(a.places, b.places)
    if not places and Level.system not in (a.level, b.level):
        return None
    return Shared(topics, places, who_for)


def overlap_warnings(
    records: list[LoadedRecord], today: dt.date, weeks: int, others: Iterable[LoadedRecord] = ()
) -> list[Problem]:
    """A warning on each record not closed yet that overlaps another record or one of `others`."""
    index = _TopicIndex([*records, *others], weeks)
    found = []
    for record in records:
        if record.engagement.closes < today:
            continue
        overlapping = index.overlapping(record)
        # The nearest in time first; a few are enough to act on, and a long list would hide other warnings.
        overlapping.sort(key=lambda other: (max(_gap_days(record.engagement, other.engagement), 0), str(other.path)))
        for other in overlapping[:MOST_NAMED]:
            found.append(_warning(record, other, asks_same_people(record.engagement, other.engagement, weeks)))
        if len(overlapping) > MOST_NAMED:
            found.append(_more(record, len(overlapping) - MOST_NAMED))
    return found


@dataclass(frozen=True)
class _Keys:
    """A record's names, matched once, so comparing two records is a few set operations."""

    record: LoadedRecord
    topics: frozenset[str]
    places: frozenset[str]
    who_for: frozenset[str]
    system: bool
    closes: dt.date

    @classmethod
    def of(cls, record: LoadedRecord) -> _Keys:
        e = record.engagement
        return cls(record, _keys(e.topics), _keys(e.places), _keys(e.who_for), e.level is Level.system, e.closes)

    def same_people(self, other: _Keys) -> bool:
        return bool(
            self.who_for & other.who_for
            and (self.system or other.system or self.places & other.places)
        )


class _TopicIndex:
    """Records by topic, in order of opening, so only those near in time are compared."""

    def __init__(self, records: list[LoadedRecord], weeks: int):
        self.weeks = weeks
        self.by_topic: dict[str, list[_Keys]] = defaultdict(list)
        for record in records:
            keys = _Keys.of(record)
            for topic in keys.topics:
                self.by_topic[topic].append(keys)
        self.opens: dict[str, list[dt.date]] = {}
        self.longest: dict[str, dt.timedelta] = {}
        for topic, same in self.by_topic.items():
            same.sort(key=lambda k: (k.record.engagement.opens, str(k.record.path)))
            self.opens[topic] = [k.record.engagement.opens for k in same]
            self.longest[topic] = max(k.record.engagement.closes - k.record.engagement.opens for k in same)

    def overlapping(self, record: LoadedRecord) -> list[LoadedRecord]:
        e, near = record.engagement, dt.timedelta(weeks=self.weeks)
        mine = _Keys.of(record)
        found: dict[str, LoadedRecord] = {}
        for topic in mine.topics:
            opens = self.opens[topic]
            # One that opens before this bound closed too long before this one opens.
            first = bisect.bisect_left(opens, e.opens - near - self.longest[topic])
            last = bisect.bisect_right(opens, e.closes + near)
            # All up to `last` open soon enough after this one closes; keep those that close soon enough before.
            closed_by = e.opens - near
            for other in self.by_topic[topic][first:last]:
                if other.closes >= closed_by and other.record is not record and mine.same_people(other):
                    found[str(other.record.path)] = other.record
        return list(found.values())


def _gap_days(a: Engagement, b: Engagement) -> int:
    """Days from the first one closing to the second opening; zero or less when both are open at once."""
    return (max(a.opens, b.opens) - min(a.closes, b.closes)).days


def _keys(names: list[str]) -> frozenset[str]:
    return frozenset(key(name) for name in names)


def _shared(first: list[str], second: list[str]) -> list[str]:
    theirs = {key(name) for name in second}
    return [name for name in first if key(name) in theirs]


def _warning(record: LoadedRecord, other: LoadedRecord, shared: Shared) -> Problem:
    e, o = record.engagement, other.engagement
    where = f"in {and_list(shared.places)}" if shared.places else "in the same area"
    when, topics, groups = _when(e, o), and_list(shared.topics), and_list(shared.who_for)
    # One string a sentence: the plain-English check reads each on its own.
    message = " ".join([
        f'"{o.title}" ({other.path}) asks the same people about the same thing {where}, {when}.',
        f"Both are about {topics}, for {groups}.",
        "Talk to its team and use what it found, so you do not ask people the same thing twice.",
    ])
    return Problem(record.path, record.line_of("topics"), "topics", message, warning=True)


def _more(record: LoadedRecord, more: int) -> Problem:
    topics = and_list(record.engagement.topics)
    message = (f"{more} more engagements ask the same people about the same thing at about the same time. "
               f"Look for {topics} on the hub to find them.")
    return Problem(record.path, record.line_of("topics"), "topics", message, warning=True)


def _when(e: Engagement, o: Engagement) -> str:
    if _gap_days(e, o) <= 0:
        return f"while both are open (it runs from {short_date(o.opens)} to {short_date(o.closes)})"
    if o.closes < e.opens:
        return f"and it closed on {short_date(o.closes)}"
    return f"and it opens on {short_date(o.opens)}"
