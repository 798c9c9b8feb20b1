"""Did we do what we said? Each promise in an outcome, where it stands today, and whether it was kept on time.

A promise is overdue when its due day has passed and it is neither done nor dropped, whatever staff last
set its status to. It was kept on time when the update that says it is done is dated on or before its
due day (the last day of the month, for a promise due in a month).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from hub.records.model import Commitment, CommitmentStatus, CommitmentUpdate
from hub.records.names import key
from hub.wording import month_year, short_date
from hub.words import Choice

from .entries import Entry

_FINISHED = (CommitmentStatus.done, CommitmentStatus.dropped)


class Progress(Choice, words="progress"):
    """Where a promise stands on a given day: its status, unless the day has made it overdue.

    In the order the public page lists them: what needs attention first.
    """

    overdue = "overdue"
    late = "late"
    in_progress = "in_progress"
    planned = "planned"
    done = "done"
    dropped = "dropped"


_RANK = {progress: rank for rank, progress in enumerate(Progress)}


def is_overdue(commitment: Commitment, today: dt.date) -> bool:
    return commitment.due_by < today and commitment.status not in _FINISHED


def done_on(commitment: Commitment) -> dt.date | None:
    """The day the newest update that says "done" gives, if the promise is done."""
    if commitment.status is not CommitmentStatus.done:
        return None
    return max(u.date for u in commitment.updates if u.status is CommitmentStatus.done)


def due_words(commitment: Commitment) -> str:
    """June 2026, or 30 June 2026"""
    return month_year(commitment.due_by) if commitment.due_is_month else short_date(commitment.due_by)


@dataclass(frozen=True)
class Tracked:
    """One promise of one engagement, seen on `today`. `number` counts from 1 within its outcome."""

    entry: Entry
    number: int
    commitment: Commitment
    today: dt.date

    @cached_property
    def progress(self) -> Progress:
        if is_overdue(self.commitment, self.today):
            return Progress.overdue
        return Progress(self.commitment.status.value)

    @property
    def overdue(self) -> bool:
        return self.progress is Progress.overdue

    @property
    def done_on(self) -> dt.date | None:
        return done_on(self.commitment)

    @property
    def kept_on_time(self) -> bool:
        done = self.done_on
        return done is not None and done <= self.commitment.due_by

    @property
    def judged(self) -> bool:
        """Whether it can be said yet if it was kept on time: it is finished, or its due day has passed."""
        return self.commitment.status in _FINISHED or self.commitment.due_by < self.today

    @property
    def due(self) -> str:
        return due_words(self.commitment)

    @cached_property
    def organisation(self) -> str:
        """The organisation responsible, written as the engagement writes it (so its page can be found)."""
        wanted = key(self.commitment.who)
        return next((name for name in self.entry.engagement.organisations if key(name) == wanted), self.commitment.who)

    @cached_property
    def updates(self) -> list[CommitmentUpdate]:
        """The updates people can see today, oldest first: one dated later is shown from its day."""
        return sorted((u for u in self.commitment.updates if u.date <= self.today), key=lambda u: u.date)

    @cached_property
    def key(self) -> str:
        """Which promise this is, in 8 letters, for calendars and feeds: it stays the same when other promises
        are added, removed or moved, and when this one's status or due date changes."""
        return promise_keys(self.entry.public.outcome.commitments)[self.number - 1]  # type: ignore[union-attr]

    @property
    def anchor(self) -> str:
        return f"commitment-{self.number}"

    @property
    def url(self) -> str:
        return f"{self.entry.url}#{self.anchor}"

    def order(self) -> tuple:
        """Overdue first, then by organisation, then the soonest due."""
        e = self.entry.engagement
        return (_RANK[self.progress], key(self.organisation), self.commitment.due_by, e.title, self.number)


def tracked(entries: list[Entry], today: dt.date) -> list[Tracked]:
    """Every promise, in the order the public page lists them."""
    found = [
        Tracked(entry, number, commitment, today)
        for entry in entries
        if entry.engagement.outcome is not None
        for number, commitment in enumerate(entry.engagement.outcome.commitments, start=1)
    ]
    return sorted(found, key=Tracked.order)


@dataclass(frozen=True)
class OrganisationProgress:
    """How many of one organisation's promises stand at each point today."""

    organisation: str
    counts: dict[Progress, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def by_organisation(promises: list[Tracked]) -> list[OrganisationProgress]:
    """Each organisation with promises, by name, with its count at each point (0 where it has none)."""
    counted: dict[str, Counter[Progress]] = {}
    names: dict[str, str] = {}
    for promise in promises:
        name = key(promise.organisation)
        names.setdefault(name, promise.organisation)
        counted.setdefault(name, Counter())[promise.progress] += 1
    return [OrganisationProgress(names[name], {p: counted[name][p] for p in Progress}) for name in sorted(counted)]


@dataclass(frozen=True)
class KeptShare:
    """Of one organisation's promises that can be judged, how many were kept on time."""

    organisation: str
    kept: int
    judged: int

    @property
    def percent(self) -> int:
        return round(100 * self.kept / self.judged) if self.judged else 0


def kept_on_time(promises: list[Tracked]) -> list[KeptShare]:
    """Each organisation with a promise that can be judged yet, by name."""
    judged: dict[str, list[Tracked]] = {}
    names: dict[str, str] = {}
    for promise in promises:
        if promise.judged:
            name = key(promise.organisation)
            names.setdefault(name, promise.organisation)
            judged.setdefault(name, []).append(promise)
    return [
        KeptShare(names[name], sum(p.kept_on_time for p in judged[name]), len(judged[name])) for name in sorted(judged)
    ]


def promise_keys(promises: Sequence[Commitment]) -> list[str]:
    """Each promise's key, in the record's order: from what it promises. Two that promise the same are told
    apart by who makes the promise and when it is due."""
    whats = [" ".join(p.what.split()).casefold() for p in promises]
    return [
        _hash(what) if whats.count(what) == 1 else _hash(what, p.who, str(p.due)) for what, p in zip(whats, promises)
    ]


def _hash(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:8]
