"""What checking each record found, kept between the rebuilds of `mkdocs serve` and used again while the
record's file holds the same bytes.

Reading and checking every record again on each save took most of a rebuild at 1,000 records. A record's
own checks depend only on its bytes and on what every record is checked against (the date, the settings, the
map's bodies, the lists, the population groups): when any of those changes, everything is checked again.
The checks that compare records with each other always run, on the summaries.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from hub.records.loading import LoadedRecord, Summary
from hub.records.problems import Problem


@dataclass(frozen=True)
class Found:
    """One record's verdict: the record itself (None if it has problems), its problems and its warnings."""

    digest: bytes
    record: LoadedRecord | None
    summary: Summary | None
    problems: list[Problem]
    warnings: list[Problem]


@dataclass
class RecordMemo:
    """Each record file's verdict by its path, for the bytes it held when it was checked."""

    against: object = None  # what the records were checked against, as a value to compare
    found: dict[str, Found] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)  # files checked afresh in the latest round, by path

    def start(self, against: object) -> None:
        """Begin a round of checks; forget everything if the records are checked against something new."""
        if against != self.against:
            self.found.clear()
            self.against = against
        self.changed = set()

    def get(self, path: str, raw: bytes) -> Found | None:
        found = self.found.get(path)
        return found if found is not None and found.digest == digest(raw) else None

    def put(self, path: str, found: Found) -> None:
        self.found[path] = found
        self.changed.add(path)

    def keep_only(self, paths: set[str]) -> None:
        """Forget the files that are gone."""
        for gone in self.found.keys() - paths:
            del self.found[gone]


def digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()
