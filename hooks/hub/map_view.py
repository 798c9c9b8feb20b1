"""The decisions map joined to the engagements: who reports to whom, who decided what, and what informed it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .map_model import Body, Decision
from .status import Status

if TYPE_CHECKING:
    from .catalogue import Catalogue, Entry


@dataclass
class MapView:
    bodies: list[Body]
    decisions: list[Decision]
    catalogue: Catalogue = field(repr=False)

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
        return sorted((d for d in self.decisions if d.body == body.id), key=lambda d: d.date, reverse=True)

    def decisions_informed_by(self, entry: Entry) -> list[Decision]:
        return sorted((d for d in self.decisions if entry.slug in d.informed_by), key=lambda d: d.date, reverse=True)

    def engagements_for(self, body: Body) -> list[Entry]:
        """The engagements whose decision this body will take, or took."""
        return [e for e in self.catalogue.everything if e.engagement.decision.body == body.id]

    def open_for(self, body: Body) -> list[Entry]:
        return [e for e in self.engagements_for(body) if e.timing.status in (Status.open, Status.coming_up)]

    def informing(self, decision: Decision) -> list[Entry]:
        entries = {e.slug: e for e in self.catalogue.entries}
        return [entries[slug] for slug in decision.informed_by if slug in entries]

    def body_of(self, entry: Entry) -> Body | None:
        wanted = entry.engagement.decision.body
        return self.by_id.get(wanted) if wanted else None
