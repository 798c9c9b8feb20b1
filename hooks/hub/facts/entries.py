"""One engagement with what is derived from it (its timing and scorecard), and groups of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from hub.records.loading import LoadedRecord
from hub.records.model import Engagement
from hub.records.personal_data import public_record
from hub.urls import url_of

from .scorecard import Verdict
from .status import Status, Timing


@dataclass(frozen=True)
class Entry:
    record: LoadedRecord
    timing: Timing
    verdicts: list[Verdict]

    @property
    def engagement(self) -> Engagement:
        return self.record.engagement

    @cached_property
    def public(self) -> Engagement:
        """The engagement as feeds and open data copy it: without what looks like a person's own details.

        Worked out once: the feeds, the calendar and the open data each need it.
        """
        return public_record(self.record)

    @property
    def slug(self) -> str:
        return self.record.slug

    @property
    def path(self) -> str:
        """The page's source path in the site; the file name is the page's address."""
        return f"engagements/{self.slug}.md"

    @property
    def url(self) -> str:
        return url_of(self.path)


@dataclass
class Group:
    """The engagements that share a place, a topic or an organisation."""

    name: str
    slug: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return sum(1 for e in self.entries if e.timing.status is Status.open)


# Open first, then coming up, then the rest, newest first within each.
_RANK = {Status.open: 0, Status.coming_up: 1, Status.closed: 2, Status.outcome_published: 3}


def in_page_order(entries: list[Entry]) -> list[Entry]:
    return sorted(
        entries,
        key=lambda e: (_RANK[e.timing.status], -(e.engagement.closes or dt.date.max).toordinal(), e.engagement.title),
    )
