"""What we already know: for each engagement, earlier engagements on the same topics and what they found.

An earlier engagement closed before this one opened and shares at least one of its topics. Those with a
published outcome come first, then those sharing more topics, then those in the same place, then the
most recent. Each topic's engagements are kept in order of closing, so each page looks at only a few.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict

from hub.records.model import Level
from hub.records.names import key

from .entries import Entry


def what_we_know(entries: list[Entry], size: int) -> dict[str, list[Entry]]:
    """The `size` most useful earlier engagements for each entry, by its slug."""
    by_topic: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.engagement.closes is None:
            continue  # it has not closed, so it is never earlier than another
        for topic in {key(t) for t in entry.engagement.topics}:
            by_topic[topic].append(entry)
    for same in by_topic.values():
        same.sort(key=lambda e: (e.engagement.closes, e.slug))
    closes = {topic: [e.engagement.closes for e in same] for topic, same in by_topic.items()}
    return {entry.slug: _earlier(entry, by_topic, closes, size) for entry in entries}


def _earlier(entry: Entry, by_topic: dict[str, list[Entry]], closes: dict, size: int) -> list[Entry]:
    e = entry.engagement
    topics = {key(t) for t in e.topics}
    candidates: dict[str, Entry] = {}
    for topic in topics:
        before = bisect.bisect_left(closes.get(topic, []), e.opens)
        # The most recent few of each topic are enough to choose the best `size` from.
        for other in by_topic[topic][max(0, before - 4 * size) : before]:
            candidates[other.slug] = other
    places = {key(p) for p in e.places}

    def rank(other: Entry) -> tuple:
        o = other.engagement
        shared = len(topics & {key(t) for t in o.topics})
        near = e.level is Level.system or o.level is Level.system or bool(places & {key(p) for p in o.places})
        closed = o.closes or dt.date.max  # every candidate has closed (see what_we_know): never the max
        return (o.outcome is None, -shared, not near, -closed.toordinal(), other.slug)

    return sorted(candidates.values(), key=rank)[:size]
