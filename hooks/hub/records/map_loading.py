"""Load the decisions map and check every reference between bodies, decisions and engagements."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from hub.words import say

from .loading import LoadedRecord, dotted, other_entries, read_as, record_files, shown
from .map_model import BodiesFile, Body, Decision, DecisionsFile
from .problems import Problem
from .yaml_source import Document

T = TypeVar("T")
BODIES_FILE, DECISIONS_FILE = "bodies.yaml", "decisions.yaml"


@dataclass(frozen=True)
class Located(Generic[T]):
    """An item of a map file, with where it is, so a problem can point at its line."""

    item: T
    path: Path
    document: Document
    location: tuple

    def line_of(self, name: str) -> int:
        return self.document.line_of(self.location + (name,))

    def field_name(self, name: str) -> str:
        return dotted(self.location + (name,))


@dataclass
class AreaMap:
    bodies: list[Located[Body]] = field(default_factory=list)
    decisions: list[Located[Decision]] = field(default_factory=list)

    @property
    def body_ids(self) -> frozenset[str]:
        return frozenset(b.item.id for b in self.bodies)


def load_map(folder: Path, display_root: Path | None = None) -> tuple[AreaMap, list[Problem]]:
    """The map in `folder`; an area without a map folder simply has no map."""
    area = AreaMap()
    problems: list[Problem] = []
    if not folder.is_dir():
        return area, problems
    for entry in record_files(folder):
        if entry.name not in (BODIES_FILE, DECISIONS_FILE):
            message = say("problems.map.unknown_file", bodies=BODIES_FILE, decisions=DECISIONS_FILE)
            problems.append(Problem(shown(entry, display_root), 1, "", message))
    problems += [p for p in other_entries(folder, display_root) if p.path.name not in (BODIES_FILE, DECISIONS_FILE)]
    for name, model, key in ((BODIES_FILE, BodiesFile, "bodies"), (DECISIONS_FILE, DecisionsFile, "decisions")):
        path = folder / name
        if not os.path.lexists(path):
            continue  # each part of the map is optional
        shown_path = shown(path, display_root)
        document, parsed, found = read_as(model, path, shown_path)
        problems += found
        if document is not None and parsed is not None:
            items = getattr(parsed, key)
            getattr(area, key).extend(Located(item, shown_path, document, (key, i)) for i, item in enumerate(items))
    return area, problems


def reference_problems(area: AreaMap, slugs: set[str]) -> list[Problem]:
    """Every name in the map that points at something must point at something that exists.

    `slugs` are the engagements there are. Each record's own decision.body is checked with the record
    (`body_problems`).
    """
    problems = _duplicates(area.bodies, "body") + _duplicates(area.decisions, "decision")
    body_ids = area.body_ids
    for body in area.bodies:
        if body.item.reports_to is not None:
            problems += _missing(body, "reports_to", body.item.reports_to, body_ids, "body")
    problems += _loops(area.bodies)
    for decision in area.decisions:
        problems += _missing(decision, "body", decision.item.body, body_ids, "body")
        for index, slug in enumerate(decision.item.informed_by):
            problems += _missing(decision, f"informed_by.{index}", slug, slugs, "engagement")
    return problems


def body_problems(record: LoadedRecord, body_ids: frozenset[str]) -> list[Problem]:
    """A record's decision.body must be one of the map's `body_ids`, if the map has any."""
    wanted = record.engagement.decision.body
    if not body_ids or wanted is None or wanted in body_ids:
        return []
    return [Problem(record.path, record.line_of("decision.body"), "decision.body", _unknown(wanted, body_ids, "body"))]


def _missing(located: Located, name: str, wanted: str, known: frozenset[str] | set[str], kind: str) -> list[Problem]:
    if wanted in known:
        return []
    location = located.location + tuple(int(p) if p.isdigit() else p for p in name.split("."))
    line = located.document.line_of(location)
    return [Problem(located.path, line, located.field_name(name.split(".")[0]), _unknown(wanted, known, kind))]


def _unknown(wanted: str, known: frozenset[str] | set[str], kind: str) -> str:
    """`kind` is body or engagement."""
    close = difflib.get_close_matches(wanted, sorted(known), n=1, cutoff=0.5)
    if close:
        return say(f"problems.map.unknown_{kind}_close", name=wanted, close=close[0])
    return say(f"problems.map.unknown_{kind}", name=wanted)


def _duplicates(items: list[Located], kind: str) -> list[Problem]:
    first: dict[str, Located] = {}
    problems = []
    for located in items:
        key = located.item.id
        if key in first:
            problems.append(
                Problem(
                    located.path,
                    located.line_of("id"),
                    located.field_name("id"),
                    say(f"problems.map.same_{kind}_id", id=key, line=first[key].line_of("id")),
                )
            )
        else:
            first[key] = located
    return problems


def _loops(bodies: list[Located[Body]]) -> list[Problem]:
    parent = {b.item.id: b.item.reports_to for b in bodies}
    problems = []
    for body in bodies:
        seen, current = [body.item.id], parent.get(body.item.id)
        while current is not None and current in parent:
            if current == body.item.id:
                chain = say("problems.map.reports_to").join(seen + [current])
                problems.append(
                    Problem(
                        body.path,
                        body.line_of("reports_to"),
                        body.field_name("reports_to"),
                        say("problems.map.circle", chain=chain),
                    )
                )
                break
            if current in seen:
                break
            seen.append(current)
            current = parent.get(current)
    return problems
