"""Every record as open data: JSON and CSV at stable addresses, and the schema that describes them.

Addresses (from the site's root), which do not change between builds:
  data/engagements.json, data/engagements.csv       every engagement
  data/engagements/<id>.json, data/engagements/<id>.csv   one engagement
  data/engagement.schema.json                       one engagement as published, with what each field means
  data/engagements.schema.json, data/commitments.schema.json   the JSON files of every engagement and promise
  data/commitments.json, data/commitments.csv       every promise made in an outcome, with where it stands
  data/population.json, data/population.schema.json  who lives in each place, by group, and its fields
  data/datapackage.json                             a Frictionless data package: every file, and each CSV's columns

The JSON Schemas are made from the record model, so the data always meets them (tests/test_open_data_schemas.py).

Counts of people are published as pages show them: a count from 1 to 4 is "fewer than 5", and a count
hidden so that such a count cannot be worked out is "not shown" (facts/small_numbers.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from typing import Any

from pydantic import BaseModel, Field

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress, Tracked
from hub.facts.entries import Entry
from hub.facts.reach import Reach
from hub.facts.small_numbers import is_small, shown_participation
from hub.facts.status import Status
from hub.records.descriptions import DescribedSchema, described
from hub.records.model import (
    FEWER_THAN_5,
    NOT_SHOWN,
    Commitment,
    CommitmentStatus,
    Engagement,
    EngagementType,
    Level,
)
from hub.records.names import slugify
from hub.records.population import Population, PopulationFile
from hub.words import say

from .files import GeneratedFile
from .fingerprint import remembered
from .packing import Packer

FOLDER = "data"
SCHEMA = f"{FOLDER}/engagement.schema.json"
ALL_JSON, ALL_CSV = f"{FOLDER}/engagements.json", f"{FOLDER}/engagements.csv"
ALL_SCHEMA = f"{FOLDER}/engagements.schema.json"
COMMITMENTS_JSON, COMMITMENTS_CSV = f"{FOLDER}/commitments.json", f"{FOLDER}/commitments.csv"
COMMITMENTS_SCHEMA = f"{FOLDER}/commitments.schema.json"
POPULATION, POPULATION_SCHEMA = f"{FOLDER}/population.json", f"{FOLDER}/population.schema.json"
PACKAGE = f"{FOLDER}/datapackage.json"
# The Table Schema of engagements.csv, which each engagement's own CSV file shares: the package names it.
TABLE_SCHEMA = f"{FOLDER}/engagements.tableschema.json"
JSON_SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def record_json(slug: str) -> str:
    return f"{FOLDER}/engagements/{slug}.json"


def record_csv(slug: str) -> str:
    return f"{FOLDER}/engagements/{slug}.csv"


def open_data_files(catalogue: Catalogue) -> list[GeneratedFile]:
    # Each engagement's data, its own two files and its promises depend on its record alone (and the date,
    # settings and population): mkdocs serve makes them again only for a record that changed (fingerprint.py).
    # The files of every engagement and every promise are joined from the same texts, compressed as they go.
    area, date = catalogue.settings.area, catalogue.today.isoformat()
    every_json = _Joined.json_list(ALL_JSON, {"area": area, "date": date, "schema": _name(ALL_SCHEMA)}, "engagements")
    every_csv = _Joined(ALL_CSV, _csv_head(COLUMNS))
    own: list[GeneratedFile] = []
    promises_of: dict[str, tuple[tuple[str, str], ...]] = {}  # by engagement, in the outcome's order
    for entry in catalogue.everything:
        data = remembered(
            record_json(entry.slug), "open data", {"entry": entry}, partial(_record_data, catalogue, entry)
        )
        every_json.add(data.json)
        every_csv.add(data.row)
        own += data.files
        promises_of[entry.slug] = data.promises
    promise_json = _Joined.json_list(
        COMMITMENTS_JSON, {"area": area, "date": date, "schema": _name(COMMITMENTS_SCHEMA)}, "commitments"
    )
    promise_csv = _Joined(COMMITMENTS_CSV, _csv_head(PROMISE_COLUMNS))
    for promise in catalogue.commitments:
        text, row = promises_of[promise.entry.slug][promise.number - 1]
        promise_json.add(text)
        promise_csv.add(row)
    files = [
        *remembered(SCHEMA, "open data schemas", {}, _schema_files),
        every_json.file(),
        every_csv.file(),
        promise_json.file(),
        promise_csv.file(),
        *own,
    ]
    if catalogue.population.file is not None:
        files += [
            GeneratedFile(POPULATION, _json(population_data(catalogue.population, area))),
            GeneratedFile(POPULATION_SCHEMA, _json(population_schema())),
        ]
    # Without spaces: it names every file, so it grows with the number of engagements.
    ids = tuple(promises_of)
    files.append(remembered(PACKAGE, "data package", {"ids": ids}, partial(_package_file, catalogue, list(ids))))
    return files


class _Joined:
    """A file that lists every engagement or promise, compressed as each one's text is added: the whole text of
    engagements.json and its CSV, at 10,000 engagements, is never held at once."""

    def __init__(self, path: str, head: str, between: str = "", tail: str = "") -> None:
        self.path, self._between, self._tail = path, between, tail
        self._packer = Packer()
        self._packer.add(head)
        self._empty = True

    @classmethod
    def json_list(cls, path: str, head: dict, key: str) -> _Joined:
        """_json of `head` with `key` last, whose value is the list of the items added, each already _json text."""
        return cls(path, _json({**head, key: []}).removesuffix("[]}") + "[", ",", "]}")

    def add(self, text: str) -> None:
        self._packer.add((self._between if not self._empty else "") + text)
        self._empty = False

    def file(self) -> GeneratedFile:
        self._packer.add(self._tail)
        return GeneratedFile.from_packed(self.path, self._packer.packed())


@dataclass(frozen=True)
class _RecordData:
    """One engagement's open data: its JSON and CSV row, as every file that lists it holds them, its own two
    files, and each of its promises' JSON and CSV row, in the outcome's order."""

    json: str
    row: str
    files: tuple[GeneratedFile, GeneratedFile]
    promises: tuple[tuple[str, str], ...]


def _record_data(catalogue: Catalogue, entry: Entry) -> _RecordData:
    promises = catalogue.commitments_of(entry)  # in the outcome's order
    record = as_data(entry, promises, catalogue.reach(entry))
    text, row = _json(record), _csv_rows([record])
    return _RecordData(
        text,
        row,
        (GeneratedFile(record_json(entry.slug), text), GeneratedFile(record_csv(entry.slug), _csv_head(COLUMNS) + row)),
        tuple((_json(data), _csv_rows([data], PROMISE_COLUMNS)) for data in map(promise_data, promises)),
    )


def _schema_files() -> list[GeneratedFile]:
    """The files that say what the data holds: they change only with the hub's language and its words."""
    return [
        GeneratedFile(SCHEMA, _schema_text(published_schema())),
        GeneratedFile(ALL_SCHEMA, _schema_text(_file_schema("engagements", {"$ref": _name(SCHEMA)}))),
        GeneratedFile(COMMITMENTS_SCHEMA, _schema_text(_file_schema("commitments", promise_schema()))),
        GeneratedFile(TABLE_SCHEMA, _schema_text(table_schema(COLUMNS))),
    ]


def _package_file(catalogue: Catalogue, ids: list[str]) -> GeneratedFile:
    return GeneratedFile(PACKAGE, _json(data_package(catalogue, ids)))


def _name(address: str) -> str:
    """A file's name within the data folder, where every file names the others."""
    return address.removeprefix(f"{FOLDER}/")


def as_data(entry: Entry, commitments: Sequence[Tracked] = (), reach: Reach | None = None) -> dict:
    """A record as it is published: its id, address and status, then every field staff wrote.

    What looks like a person's own email address or phone number in a free-text field is removed, and
    counts of people are shown as the page shows them, small numbers hidden.
    """
    data = {
        "id": entry.slug,
        "page": entry.url,
        "status": entry.timing.status.value,
        **entry.public.model_dump(mode="json"),
        # Where each promise in the outcome stands on the data's date, in the outcome's order.
        "commitment_progress": [_progress(p) for p in sorted(commitments, key=lambda p: p.number)],
    }
    outcome = entry.engagement.outcome
    if outcome is not None:
        total, methods = shown_participation(outcome.took_part)
        took_part = data["outcome"]["took_part"]
        took_part["total"] = total.data
        for method, (_, shown) in zip(took_part["by_method"], methods):
            method["count"] = shown.data
        data["outcome"]["by_group"] = _by_group(outcome.by_group, reach)
    return data


def _by_group(by_group: dict[str, dict[str, int]], reach: Reach | None) -> dict[str, dict[str, int | str | None]]:
    """Each question's counts as the page shows them. A question whose groups the page does not show
    (so few answered that any count would point at someone) gives none of them."""
    shown: dict[str, dict[str, int | str | None]] = {}
    questions = {q.question.name: q for q in reach.questions} if reach else {}
    for name, counts in by_group.items():
        question = questions.get(name)
        if question is None or question.answered.hidden:
            shown[name] = {group: FEWER_THAN_5 if is_small(n) else NOT_SHOWN for group, n in counts.items()}
            continue
        shown[name] = {row.group.name: row.count.data for row in question.rows}
        shown[name].update((row.name, row.count.data) for row in question.not_known)
    return shown


def population_data(population: Population, area: str) -> dict:
    """Who lives in each place, by group, as population/places.yaml gives it, with its source and year."""
    places: list[dict] = [{"place": place, "people": people} for place, people in population.figures.items()]
    places += [{"place": place, "made_of": list(parts)} for place, parts in population.parts.items()]
    return {
        "area": area,
        "made_up": population.made_up,
        "source": population.source,
        "link": population.link,
        "year": population.year,
        "places": places,
    }


@described
class PromiseProgress(BaseModel):
    """Where a promise stands on the data's date: what open data adds to each promise."""

    number: int = Field(ge=1)
    progress: Progress
    overdue: bool
    due_by: dt.date
    done_on: dt.date | None
    kept_on_time: bool | None
    page: str


def population_schema() -> dict:
    """population.json: population/places.yaml's fields, with the hub's area."""
    schema = PopulationFile.model_json_schema(mode="serialization", schema_generator=DescribedSchema)
    area = {"type": "string", "description": say("open_data.metadata.area")}
    return {
        "$schema": JSON_SCHEMA_DRAFT,
        **schema,
        "properties": {"area": area, **schema["properties"]},
        "required": ["area", *schema["required"]],
    }


def _progress(promise: Tracked) -> dict:
    done = promise.done_on
    return PromiseProgress(
        number=promise.number,
        progress=promise.progress,
        overdue=promise.overdue,
        due_by=promise.commitment.due_by,
        done_on=done,
        kept_on_time=promise.kept_on_time if promise.judged else None,
        page=promise.url,
    ).model_dump(mode="json")


@described
class Published(BaseModel):
    """What open data adds to an engagement's fields."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    page: str
    status: Status
    commitment_progress: list[PromiseProgress]


def _schema_of(model: type[BaseModel]) -> tuple[dict, dict]:
    """A model's schema as open data gives it (every field there, null where empty), and its parts."""
    schema = model.model_json_schema(mode="serialization", schema_generator=DescribedSchema)
    return schema, schema.pop("$defs", {})


def published_schema() -> dict:
    """One engagement as open data gives it: its id, page and status, every field staff wrote (with counts of
    people hidden as "fewer than 5" or "not shown", and null where nobody counted), and its promises' progress."""
    record, parts = _schema_of(Engagement)
    added, more = _schema_of(Published)
    fields = dict(added["properties"])
    progress = fields.pop("commitment_progress")
    return {
        "$schema": JSON_SCHEMA_DRAFT,
        "title": say("open_data.metadata.engagement.title"),
        "description": say("open_data.metadata.engagement.description", fewer_than_5=FEWER_THAN_5, not_shown=NOT_SHOWN),
        **{
            key: value for key, value in record.items() if key not in ("title", "description", "properties", "required")
        },
        "properties": {**fields, **record["properties"], "commitment_progress": progress},
        "required": [*added["required"], *record["required"]],
        "$defs": {**parts, **more},
    }


def promise_schema() -> dict:
    """One promise as the promise files give it: its engagement's id, its fields, and where it stands."""
    promise, parts = _schema_of(Commitment)
    progress, more = _schema_of(PromiseProgress)
    engagement = {"type": "string", "pattern": r"^[a-z0-9-]+$", "description": say("open_data.metadata.engagement_id")}
    return {
        **{key: value for key, value in promise.items() if key not in ("properties", "required")},
        "properties": {"engagement": engagement, **promise["properties"], **progress["properties"]},
        "required": ["engagement", *promise["required"], *progress["required"]],
        "$defs": {**parts, **more},
    }


def _file_schema(kind: str, item: dict) -> dict:
    """engagements.json or commitments.json: the area, the data's date, the file's schema and the list."""
    defs = item.pop("$defs", {}) if "$defs" in item else {}
    schema = {
        "$schema": JSON_SCHEMA_DRAFT,
        "title": say(f"open_data.metadata.every.{kind}"),
        "type": "object",
        "additionalProperties": False,
        "required": ["area", "date", "schema", kind],
        "properties": {
            "area": {"type": "string", "description": say("open_data.metadata.area")},
            "date": {"type": "string", "format": "date", "description": say("open_data.metadata.date")},
            "schema": {"const": f"{kind}.schema.json", "description": say("open_data.metadata.itself")},
            kind: {"type": "array", "items": item},
        },
    }
    return schema | ({"$defs": defs} if defs else {})


def _schema_text(schema: dict) -> str:
    # ASCII only, as schema/engagement.schema.json: its patterns hold characters written as escapes.
    return json.dumps(schema, indent=2, ensure_ascii=True) + "\n"


def promise_data(promise: Tracked) -> dict:
    """One promise with its engagement's id, as staff wrote it (without anyone's own details), and where it stands."""
    public = promise.entry.public.outcome.commitments[promise.number - 1]  # type: ignore[union-attr]  # it has one
    return {"engagement": promise.entry.slug, **public.model_dump(mode="json"), **_progress(promise)}


def _json(data: object) -> str:
    # Keys in a fixed order and no spaces, so two builds give the same bytes and files stay small.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Column:
    """One column of a CSV file: how to get it from the JSON, and its Table Schema field for datapackage.json."""

    get: Callable[[dict], Any]
    description: Callable[[], str]  # said as the schema is made, so in the hub's language
    type: str = "string"
    details: dict = field(default_factory=dict)  # the rest of the Table Schema field: constraints, format


LIST = "; "  # how a list is written in one cell
_NAME = r"^[a-z0-9-]+$"


def _said(key: str, listed: bool = False) -> Callable[[], str]:
    """A column's own words, open_data.metadata.column.<key>, and what a list in one cell is, for a list."""
    return lambda: say(f"open_data.metadata.column.{key}") + (_listed() if listed else "")


def _listed() -> str:
    return " " + say("open_data.metadata.listed", between=LIST)


def _sentence(model: type[BaseModel], name: str, listed: bool = False) -> Callable[[], str]:
    """A field's own description, as a sentence."""

    def said() -> str:
        text = model.model_fields[name].description or ""
        return text[:1].upper() + text[1:] + "." + (_listed() if listed else "")

    return said


def _as_they_are(name: str, column_type: str = "string", **details: Any) -> Column:
    description = _sentence(Engagement, name, listed=column_type == "list")
    return Column(operator.itemgetter(name), description, "string" if column_type == "list" else column_type, details)


def _count(get: Callable[[dict], Any], key: str) -> Column:
    return Column(
        get,
        lambda: _said(key)() + " " + say("open_data.metadata.count", fewer_than_5=FEWER_THAN_5, not_shown=NOT_SHOWN),
        "integer",
        {"missingValues": ["", FEWER_THAN_5, NOT_SHOWN], "constraints": {"minimum": 0}},
    )


def _enum(choices: type[Enum]) -> dict:
    return {"constraints": {"enum": [c.value for c in choices]}}


# One row per engagement: the fields people sort and filter by. The JSON has everything.
COLUMNS: dict[str, Column] = {
    "id": Column(
        operator.itemgetter("id"),
        _sentence(Published, "id"),
        details={"constraints": {"required": True, "unique": True, "pattern": _NAME}},
    ),
    "title": _as_they_are("title"),
    "status": Column(operator.itemgetter("status"), _said("status"), details=_enum(Status)),
    "type": _as_they_are("type", **_enum(EngagementType)),
    "level": _as_they_are("level", **_enum(Level)),
    "lead": _as_they_are("lead"),
    "partners": _as_they_are("partners", "list"),
    "places": _as_they_are("places", "list"),
    "topics": _as_they_are("topics", "list"),
    "who_for": _as_they_are("who_for", "list"),
    "opens": _as_they_are("opens", "date"),
    "closes": Column(operator.itemgetter("closes"), _said("closes"), "date"),
    "summary": _as_they_are("summary"),
    "ways_to_take_part": Column(
        lambda r: [way for way, value in r["take_part"].items() if value],
        _said("ways_to_take_part", listed=True),
    ),
    "decision_by": Column(lambda r: r["decision"]["who"], _said("decision_by")),
    "decision_when": Column(lambda r: r["decision"]["when"], _said("decision_when")),
    "outcome_published": Column(lambda r: (r["outcome"] or {}).get("published"), _said("outcome_published"), "date"),
    "people_who_took_part": _count(
        lambda r: (r["outcome"] or {}).get("took_part", {}).get("total"), "people_who_took_part"
    ),
    "themes": Column(
        lambda r: [t["theme"] for t in (r["outcome"] or {}).get("themes", [])],
        _said("themes", listed=True),
    ),
    "commitments": Column(lambda r: len(r["commitment_progress"]), _said("commitments"), "integer"),
    "commitments_done": Column(
        lambda r: sum(p["progress"] == "done" for p in r["commitment_progress"]),
        _said("commitments_done"),
        "integer",
    ),
    "commitments_overdue": Column(
        lambda r: sum(p["overdue"] for p in r["commitment_progress"]),
        _said("commitments_overdue"),
        "integer",
    ),
    "page": Column(operator.itemgetter("page"), _sentence(Published, "page")),
}


def _promise(name: str, column_type: str = "string", **details: Any) -> Column:
    model = Commitment if name in Commitment.model_fields else PromiseProgress
    return Column(operator.itemgetter(name), _sentence(model, name), column_type, details)


# One row per promise. Its updates are in the JSON; the row counts them.
PROMISE_COLUMNS: dict[str, Column] = {
    "engagement": Column(
        operator.itemgetter("engagement"),
        _said("engagement"),
        details={"constraints": {"required": True, "pattern": _NAME}},
    ),
    "number": _promise("number", "integer"),
    "what": _promise("what"),
    "theme": _promise("theme"),
    "who": _promise("who"),
    "due": _promise("due", constraints={"pattern": r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"}),
    "due_by": _promise("due_by", "date"),
    "status": _promise("status", **_enum(CommitmentStatus)),
    "progress": _promise("progress", **_enum(Progress)),
    "overdue": _promise("overdue", "boolean"),
    "done_on": _promise("done_on", "date"),
    "kept_on_time": _promise("kept_on_time", "boolean"),
    "why_dropped": _promise("why_dropped"),
    "updates": Column(lambda r: len(r["updates"]), _said("updates"), "integer"),
    "page": _promise("page"),
}


def _csv_head(columns: dict[str, Column]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(columns)
    return out.getvalue()


def _csv_rows(records: list[dict], columns: dict[str, Column] = COLUMNS) -> str:
    """One line for each record (_cell makes each cell one line)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for record in records:
        writer.writerow([_cell(column.get(record)) for column in columns.values()])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = LIST.join(map(str, value)) if isinstance(value, list) else str(value)
    # One line to a row: a line break in a summary written over several lines becomes a space.
    text = " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
    # A spreadsheet runs a cell that starts with = + - or @ as a formula: record text must not.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def table_schema(columns: dict[str, Column]) -> dict:
    """The Table Schema of a CSV file (Frictionless): each column's type and what it holds."""
    return {
        "fields": [
            {"name": name, "type": column.type, "description": column.description(), **column.details}
            for name, column in columns.items()
        ],
        "missingValues": [""],
    }


def data_package(catalogue: Catalogue, ids: list[str]) -> dict:
    """datapackage.json: every open data file of the hub, with a Table Schema for each CSV file."""
    settings = catalogue.settings
    engagements, promises = _name(TABLE_SCHEMA), table_schema(PROMISE_COLUMNS)
    csv_dialect = {"delimiter": ",", "doubleQuote": True, "header": True}

    def table(name: str, path: str, title: str, schema: dict | str) -> dict:
        return {
            "name": name,
            "path": path,
            "title": title,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": csv_dialect,
            "schema": schema,
        }

    def json_file(name: str, path: str, title: str, schema: str) -> dict:
        return {
            "name": name,
            "path": path,
            "title": title,
            "description": say("open_data.metadata.file.schema", schema=schema),
            "type": "json",
            "format": "json",
            "mediatype": "application/json" if not path.endswith(".schema.json") else "application/schema+json",
        }

    resources = [
        table("engagements", _name(ALL_CSV), say("open_data.metadata.file.engagements_csv"), engagements),
        table("commitments", _name(COMMITMENTS_CSV), say("open_data.metadata.file.commitments_csv"), promises),
        *(
            table(
                f"engagement-{i}",
                _name(record_csv(i)),
                say("open_data.metadata.file.engagement_csv", id=i),
                engagements,
            )
            for i in ids
        ),
        json_file(
            "engagements-json", _name(ALL_JSON), say("open_data.metadata.file.engagements_json"), _name(ALL_SCHEMA)
        ),
        json_file(
            "commitments-json",
            _name(COMMITMENTS_JSON),
            say("open_data.metadata.file.commitments_json"),
            _name(COMMITMENTS_SCHEMA),
        ),
        *(
            json_file(
                f"engagement-{i}-json",
                _name(record_json(i)),
                say("open_data.metadata.file.engagement_json", id=i),
                _name(SCHEMA),
            )
            for i in ids
        ),
    ]
    if catalogue.population.file is not None:
        resources.append(
            json_file(
                "population", _name(POPULATION), say("open_data.metadata.file.population"), _name(POPULATION_SCHEMA)
            )
        )
    package: dict[str, Any] = {
        "name": f"engagement-hub-{slugify(settings.area)}",
        "title": say("open_data.metadata.package.title", area=settings.area),
        "description": say("open_data.metadata.package.description", between=LIST),
    }
    if settings.open_data_licence_link:
        package["licenses"] = [{"title": settings.open_data_licence, "path": settings.open_data_licence_link}]
    else:
        package["description"] += f" {settings.open_data_licence}"
    return package | {"resources": resources}
