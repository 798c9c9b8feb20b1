"""What we already know: for each engagement, earlier engagements on the same topics and what they found.

An earlier engagement closed before this one opened and shares at least one of its topics. Those with a
published outcome come first, then those sharing more topics, then those in the same place, then the
most recent. Each topic's engagements are kept in order of closing, so each page looks at only a few.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from hub.records.model import Level
from hub.records.names import key

from .entries import Entry


def what_we_know(entries: list[Entry], size: int) -> dict[str, list[Entry]]:
    """The `size` most useful earlier engagements for each entry, by its slug."""
    by_slug = {entry.slug: entry for entry in entries}
    found = _earlier_by_slug(tuple(_Row.of(entry) for entry in entries), size)
    return {slug: [by_slug[other] for other in earlier] for slug, earlier in found.items()}


class _Row(NamedTuple):
    """All that choosing an engagement's earlier engagements reads of it."""

    slug: str
    topics: frozenset[str]
    places: frozenset[str]
    system: bool  # about the whole system, so near every place
    opens: dt.date
    closes: dt.date | None
    outcome: bool

    @classmethod
    def of(cls, entry: Entry) -> _Row:
        e = entry.engagement
        topics, places = frozenset(key(t) for t in e.topics), frozenset(key(p) for p in e.places)
        return cls(entry.slug, topics, places, e.level is Level.system, e.opens, e.closes, e.outcome is not None)


# mkdocs serve asks again after each save; a new title, say, changes none of the rows, so nothing is worked out.
@lru_cache(maxsize=1)
def _earlier_by_slug(rows: tuple[_Row, ...], size: int) -> dict[str, tuple[str, ...]]:
    by_topic: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        if row.closes is None:
            continue  # it has not closed, so it is never earlier than another
        for topic in row.topics:
            by_topic[topic].append(row)
    for same in by_topic.values():
        same.sort(key=lambda r: (r.closes, r.slug))
    closes = {topic: [r.closes for r in same] for topic, same in by_topic.items()}
    return {row.slug: _earlier(row, by_topic, closes, size) for row in rows}


def _earlier(row: _Row, by_topic: dict[str, list[_Row]], closes: dict, size: int) -> tuple[str, ...]:
    candidates: dict[str, _Row] = {}
    for topic in row.topics:
        before = bisect.bisect_left(closes.get(topic, []), row.opens)
        # The most recent few of each topic are enough to choose the best `size` from.
        for other in by_topic[topic][max(0, before - 4 * size) : before]:
            candidates[other.slug] = other

    def rank(other: _Row) -> tuple:
        shared = len(row.topics & other.topics)
        near = row.system or other.system or bool(row.places & other.places)
        closed = other.closes or dt.date.max  # every candidate has closed (see _earlier_by_slug): never the max
        return (not other.outcome, -shared, not near, -closed.toordinal(), other.slug)

    return tuple(other.slug for other in sorted(candidates.values(), key=rank)[:size])
