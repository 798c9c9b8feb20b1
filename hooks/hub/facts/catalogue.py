"""Every valid record with its status, and the lists and groups the pages are made from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from hub.records.loading import LoadedRecord
from hub.records.map_loading import AreaMap
from hub.records.names import slugify, unique
from hub.records.population import Population
from hub.settings import Settings

from .commitments import Tracked, tracked
from .entries import Entry, Group, in_page_order
from .map_view import MapView
from .reach import Reach, engagement_reach
from .related import what_we_know
from .scorecard import Result, outcome_due, score
from .status import Status, timing


@dataclass
class Catalogue:
    entries: list[Entry]
    today: dt.date
    settings: Settings
    map: MapView = field(init=False)
    population: Population = field(default_factory=Population)  # who lives where, to compare who took part

    @classmethod
    def build(
        cls,
        records: list[LoadedRecord],
        today: dt.date,
        settings: Settings,
        area: AreaMap | None = None,
        population: Population | None = None,
        earlier: dict[str, Entry] | None = None,
    ) -> Catalogue:
        """`earlier`: the last build's entries by address, from `mkdocs serve`. An entry whose record is the very
        object it was made from is used again: the record memo (checks/memo.py) keeps a record only while its
        bytes, the date and the settings, all an entry's timing and scorecard come from, are the same."""
        earlier = earlier or {}
        entries = []
        for r in records:
            entry = earlier.get(r.slug)
            if entry is None or entry.record is not r:
                entry = Entry(
                    r, timing(r.engagement, today, settings.closing_soon_days), score(r.engagement, today, settings)
                )
            entries.append(entry)
        catalogue = cls(entries, today, settings, population or Population())
        area = area or AreaMap()
        catalogue.map = MapView([b.item for b in area.bodies], [d.item for d in area.decisions], catalogue.everything)
        return catalogue

    def _with(self, status: Status) -> list[Entry]:
        return [e for e in self.entries if e.timing.status is status]

    @cached_property
    def open_now(self) -> list[Entry]:
        """Soonest closing first."""
        # Those that carry on come after every one with a closing day.
        return sorted(self._with(Status.open), key=lambda e: (e.engagement.closes or dt.date.max, e.engagement.title))

    @cached_property
    def closing_soon(self) -> list[Entry]:
        return [e for e in self.open_now if e.timing.closing_soon]

    @cached_property
    def coming_up(self) -> list[Entry]:
        return sorted(self._with(Status.coming_up), key=lambda e: (e.engagement.opens, e.engagement.title))

    @cached_property
    def recently_closed(self) -> list[Entry]:
        """Closed and waiting for an outcome, most recently closed first."""
        window = self.settings.recently_closed_days
        recent = [e for e in self._with(Status.closed) if e.timing.days_since_close <= window]
        return sorted(recent, key=lambda e: (e.timing.days_since_close, e.engagement.title))

    @cached_property
    def outcomes(self) -> list[Entry]:
        """Every published outcome, newest first: with those of engagements that carry on (what we heard so far)."""
        published = [e for e in self.entries if e.engagement.outcome is not None]
        return sorted(published, key=lambda e: (-e.engagement.outcome.published.toordinal(), e.engagement.title))  # type: ignore[union-attr]  # published: has one

    @cached_property
    def feedback_due(self) -> list[Entry]:
        """Closed engagements whose outcome is late, the longest overdue first."""
        late = [
            e
            for e in self.entries
            if e.engagement.outcome is None and (outcome_due(e.engagement, self.settings) or dt.date.max) < self.today
        ]
        return sorted(late, key=lambda e: (outcome_due(e.engagement, self.settings) or dt.date.max, e.engagement.title))

    def what_we_know(self, entry: Entry) -> list[Entry]:
        """Earlier engagements on the same topics, and what they found (see related.py)."""
        return self._what_we_know[entry.slug]

    @cached_property
    def _what_we_know(self) -> dict[str, list[Entry]]:
        return what_we_know(self.entries, self.settings.what_we_know_size)

    def reach(self, entry: Entry) -> Reach | None:
        """Who took part by group, beside who lives in its places (reach.py); None with no breakdown."""
        return self._reach.get(entry.slug)

    @cached_property
    def _reach(self) -> dict[str, Reach]:
        found = {e.slug: engagement_reach(e.engagement, self.population) for e in self.entries}
        return {slug: reach for slug, reach in found.items() if reach is not None}

    def outcome_due(self, entry: Entry):
        return outcome_due(entry.engagement, self.settings)

    def by_verdict(self, number: int, result: Result) -> list[Entry]:
        """The engagements whose scorecard gives principle `number` this result."""
        return [e for e in self.everything if e.verdicts[number - 1].result is result]

    @cached_property
    def everything(self) -> list[Entry]:
        return in_page_order(self.entries)

    @cached_property
    def places(self) -> list[Group]:
        return _group(self.entries, lambda e: e.places)

    @cached_property
    def topics(self) -> list[Group]:
        return _group(self.entries, lambda e: e.topics)

    @cached_property
    def organisations(self) -> list[Group]:
        return _group(self.entries, lambda e: e.organisations)

    def groups_of(self, kind: str) -> list[Group]:
        return {"places": self.places, "topics": self.topics, "organisations": self.organisations}[kind]

    def group_url(self, kind: str, name: str) -> str:
        return f"{kind}/{self._group_slugs[kind][name.casefold()]}/"

    @cached_property
    def _group_slugs(self) -> dict[str, dict[str, str]]:
        return {
            kind: {g.name.casefold(): g.slug for g in self.groups_of(kind)}
            for kind in ("places", "topics", "organisations")
        }

    @cached_property
    def commitments(self) -> list[Tracked]:
        """Every promise made in an outcome, overdue first (facts/commitments.py)."""
        return tracked(self.entries, self.today)

    def commitments_of(self, entry: Entry) -> list[Tracked]:
        """One engagement's promises, in the order its outcome lists them."""
        return self._commitments_by_slug.get(entry.slug, [])

    @cached_property
    def _commitments_by_slug(self) -> dict[str, list[Tracked]]:
        by_slug: dict[str, list[Tracked]] = {}
        for promise in sorted(self.commitments, key=lambda p: p.number):
            by_slug.setdefault(promise.entry.slug, []).append(promise)
        return by_slug

    def last_changed(self, entry: Entry) -> dt.date:
        """The latest day, up to today, on which what people read about the engagement changed: it opened,
        was updated, closed (the day after its last day), its outcome came out or was decided on, a promise
        was updated or fell overdue. The sitemap dates its page with this, so search engines are told of
        real changes, not of every day's build. One that has not opened yet is dated today: nothing in its
        record says when it was announced."""
        e = entry.engagement
        days = [e.opens, *(u.date for u in e.updates)]
        if e.closes is not None:
            days.append(e.closes + dt.timedelta(days=1))
        if e.decision.date is not None:
            days.append(e.decision.date + dt.timedelta(days=1))  # the meeting is then in the past
        if e.outcome is not None:
            days.append(e.outcome.published)
            if e.outcome.decision is not None:
                days.append(e.outcome.decision.date)
        for promise in self.commitments_of(entry):
            days += [u.date for u in promise.updates]
            if promise.overdue:
                days.append(promise.commitment.due_by + dt.timedelta(days=1))
        return max((day for day in days if day <= self.today), default=self.today)

    @cached_property
    def latest_change(self) -> dt.date:
        """The latest change to any engagement: the date of the pages that list or count them."""
        return max((self.last_changed(e) for e in self.entries), default=self.today)

    def overdue_commitments_of(self, organisation: str) -> list[Tracked]:
        """The overdue promises an organisation is responsible for, the longest overdue first."""
        return self._overdue_by_organisation.get(organisation.casefold(), [])

    @cached_property
    def _overdue_by_organisation(self) -> dict[str, list[Tracked]]:
        overdue = sorted(
            (p for p in self.commitments if p.overdue),
            key=lambda p: (p.commitment.due_by, p.entry.engagement.title, p.number),
        )
        by_name: dict[str, list[Tracked]] = {}
        for promise in overdue:
            by_name.setdefault(promise.organisation.casefold(), []).append(promise)
        return by_name


def _group(entries: list[Entry], names_of) -> list[Group]:
    groups: dict[str, Group] = {}
    for entry in entries:
        # "Mental health" and "mental health" are one group; the first spelling met names it.
        names = {name.casefold(): name for name in reversed(names_of(entry.engagement))}
        for key, name in names.items():
            groups.setdefault(key, Group(name, "")).entries.append(entry)
    ordered = sorted(groups.values(), key=lambda g: g.name.casefold())
    taken: set[str] = set()
    for group in ordered:
        group.slug = unique(slugify(group.name), taken)
        group.entries = in_page_order(group.entries)
    return ordered
