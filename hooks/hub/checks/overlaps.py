"""Tell us once: warn when an engagement would ask the same people about the same thing as another.

Two engagements overlap when all of these hold:
- they share a topic;
- they share a place, or one of them covers the whole area (level: system);
- they share a group in `who_for`, written the same way;
- they are near in time: open in the same weeks, or one closes no more than `tell_us_once_weeks`
  before the other opens.

Only engagements that have not closed yet are warned about: a past overlap can no longer be avoided.
Records are found through an index by topic, group and opening date, so thousands of records stay quick.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from hub.records.loading import CARRIES_ON, Summary
from hub.records.model import Level
from hub.records.names import key
from hub.records.problems import Problem
from hub.wording import and_list, say_count, short_date
from hub.words import say

# How many overlapping engagements a record's warnings name; the rest are counted.
MOST_NAMED = 3


@dataclass(frozen=True)
class Shared:
    """What two engagements have in common: the reason for a warning."""

    topics: list[str]
    places: list[str]
    who_for: list[str]


def asks_same_people(a: Summary, b: Summary, weeks: int) -> Shared | None:
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
    records: list[Summary], today: dt.date, weeks: int, others: Iterable[Summary] = ()
) -> list[Problem]:
    """A warning on each record not closed yet that overlaps another record or one of `others`."""
    current = [record for record in records if record.closes >= today]
    if not current:
        return []
    # A record that closed more than `weeks` before the first of these opens overlaps none of them. Most
    # records of a hub that has run for years have: leaving them out took this from 0.32 s to 0.19 s
    # at 10,000 records.
    horizon = min(record.opens for record in current) - dt.timedelta(weeks=weeks)
    index = _Index([r for r in itertools.chain(records, others) if r.closes >= horizon], weeks)
    found = []
    for record in current:
        overlapping = index.overlapping(record)
        # The nearest in time first; a few are enough to act on, and a long list would hide other warnings.
        overlapping.sort(key=lambda other: (max(_gap_days(record, other), 0), str(other.path)))
        for other in overlapping[:MOST_NAMED]:
            shared = asks_same_people(record, other, weeks)
            assert shared is not None  # the index returns only records that ask the same people
            found.append(_warning(record, other, shared))
        if len(overlapping) > MOST_NAMED:
            found.append(_more(record, len(overlapping) - MOST_NAMED))
    return found


class _Keys(NamedTuple):
    """A record's names, matched once, so comparing two records is a few set operations.

    A named tuple, not a frozen dataclass: one is made for each record, and a named tuple is made in
    a quarter to a half of the time.
    """

    record: Summary
    topics: frozenset[str]
    places: frozenset[str]
    who_for: frozenset[str]
    system: bool
    closes: dt.date

    @classmethod
    def of(cls, r: Summary) -> _Keys:
        return cls(r, _keys(r.topics), _keys(r.places), _keys(r.who_for), r.level is Level.system, r.closes)

    def same_people(self, other: _Keys) -> bool:
        return bool(self.who_for & other.who_for and (self.system or other.system or self.places & other.places))


class _Index:
    """Records by topic and group of people, in order of opening, so only those near in time are compared.

    Two records that overlap share a topic and a group, so they meet in at least one of these lists.
    """

    def __init__(self, records: list[Summary], weeks: int):
        self.weeks = weeks
        self.by_pair: dict[tuple[str, str], list[_Keys]] = defaultdict(list)
        # Sorted once, so each list is in order of opening as it is filled.
        for keys in sorted(map(_Keys.of, records), key=lambda k: (k.record.opens, str(k.record.path))):
            for pair in itertools.product(keys.topics, keys.who_for):
                self.by_pair[pair].append(keys)
        self.opens: dict[tuple[str, str], list[dt.date]] = {}
        self.longest: dict[tuple[str, str], dt.timedelta] = {}
        for pair, same in self.by_pair.items():
            self.opens[pair] = [k.record.opens for k in same]
            self.longest[pair] = max(k.record.closes - k.record.opens for k in same)

    def overlapping(self, record: Summary) -> list[Summary]:
        near = dt.timedelta(weeks=self.weeks)
        mine = _Keys.of(record)
        found: dict[str, Summary] = {}
        for pair in itertools.product(mine.topics, mine.who_for):
            opens = self.opens[pair]
            # One that opens before this bound closed too long before this one opens. One that carries on
            # (closes is CARRIES_ON) makes the bound fall before year 1: then every earlier one is a candidate.
            try:
                bound = record.opens - near - self.longest[pair]
            except OverflowError:
                bound = dt.date.min
            first = bisect.bisect_left(opens, bound)
            last = bisect.bisect_right(opens, record.closes + near)
            # All up to `last` open soon enough after this one closes; keep those that close soon enough before.
            closed_by = record.opens - near
            for other in self.by_pair[pair][first:last]:
                if other.closes >= closed_by and other.record is not record and mine.same_people(other):
                    found[str(other.record.path)] = other.record
        return list(found.values())


def _gap_days(a: Summary, b: Summary) -> int:
    """Days from the first one closing to the second opening; zero or less when both are open at once."""
    return (max(a.opens, b.opens) - min(a.closes, b.closes)).days


@functools.lru_cache(maxsize=8192)  # records share their lists of topics, places and groups too
def _keys(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(map(key, names))


def _shared(first: tuple[str, ...], second: tuple[str, ...]) -> list[str]:
    theirs = {key(name) for name in second}
    return [name for name in first if key(name) in theirs]


def _warning(record: Summary, other: Summary, shared: Shared) -> Problem:
    where = (
        say("warnings.same_people.in_places", places=and_list(shared.places))
        if shared.places
        else say("warnings.same_people.in_the_area")
    )
    message = say(
        "warnings.same_people.message",
        title=other.title,
        path=other.path,
        where=where,
        when=_when(record, other),
        topics=and_list(shared.topics),
        groups=and_list(shared.who_for),
    )
    return Problem(record.path, record.topics_line, "topics", message, warning=True)


def _more(record: Summary, more: int) -> Problem:
    message = say_count("warnings.same_people.more", more, topics=and_list(record.topics))
    return Problem(record.path, record.topics_line, "topics", message, warning=True)


def _when(e: Summary, o: Summary) -> str:
    if _gap_days(e, o) <= 0:
        if o.closes == CARRIES_ON:
            return say("warnings.same_people.both_open_carries_on", opens=short_date(o.opens))
        return say("warnings.same_people.both_open", opens=short_date(o.opens), closes=short_date(o.closes))
    if o.closes < e.opens:
        return say("warnings.same_people.closed", closes=short_date(o.closes))
    return say("warnings.same_people.opens", opens=short_date(o.opens))
