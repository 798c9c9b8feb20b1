"""The decisions map joined to the engagements: who reports to whom, who decided what, and what informed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from hub.records.map_model import Body, Decision

from .entries import Entry
from .status import Status


@dataclass
class MapView:
    bodies: list[Body]
    decisions: list[Decision]
    entries: list[Entry] = field(repr=False)  # in page order

    @cached_property
    def by_id(self) -> dict[str, Body]:
        return {b.id: b for b in self.bodies}

    @cached_property
    def roots(self) -> list[Body]:
        return [b for b in self.bodies if b.reports_to is None]

    def children(self, body: Body) -> list[Body]:
        return self._children.get(body.id, [])

    @cached_property
    def _children(self) -> dict[str, list[Body]]:
        found: dict[str, list[Body]] = {}
        for body in self.bodies:
            if body.reports_to is not None:
                found.setdefault(body.reports_to, []).append(body)
        return found

    def parent(self, body: Body) -> Body | None:
        return self.by_id.get(body.reports_to) if body.reports_to else None

    def decisions_of(self, body: Body) -> list[Decision]:
        return self._decisions_by_body.get(body.id, [])

    def decisions_informed_by(self, entry: Entry) -> list[Decision]:
        return self._decisions_by_engagement.get(entry.slug, [])

    def engagements_for(self, body: Body) -> list[Entry]:
        """The engagements whose decision this body will take, or took."""
        return self._engagements_by_body.get(body.id, [])

    # Indexes, built once: looking things up by scanning every record grew with the square of the records.
    @cached_property
    def _newest_first(self) -> list[Decision]:
        return sorted(self.decisions, key=lambda d: d.date, reverse=True)

    @cached_property
    def _decisions_by_body(self) -> dict[str, list[Decision]]:
        found: dict[str, list[Decision]] = {}
        for decision in self._newest_first:
            found.setdefault(decision.body, []).append(decision)
        return found

    @cached_property
    def _decisions_by_engagement(self) -> dict[str, list[Decision]]:
        found: dict[str, list[Decision]] = {}
        for decision in self._newest_first:
            for slug in dict.fromkeys(decision.informed_by):
                found.setdefault(slug, []).append(decision)
        return found

    @cached_property
    def _engagements_by_body(self) -> dict[str, list[Entry]]:
        found: dict[str, list[Entry]] = {}
        for entry in self.entries:
            if entry.engagement.decision.body:
                found.setdefault(entry.engagement.decision.body, []).append(entry)
        return found

    @cached_property
    def _entries_by_slug(self) -> dict[str, Entry]:
        return {e.slug: e for e in self.entries}

    def open_for(self, body: Body) -> list[Entry]:
        return [e for e in self.engagements_for(body) if e.timing.status in (Status.open, Status.coming_up)]

    def informing(self, decision: Decision) -> list[Entry]:
        return [self._entries_by_slug[slug] for slug in decision.informed_by if slug in self._entries_by_slug]

    def body_of(self, entry: Entry) -> Body | None:
        wanted = entry.engagement.decision.body
        return self.by_id.get(wanted) if wanted else None
