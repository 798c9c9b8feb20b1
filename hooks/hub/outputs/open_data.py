"""Every record as open data: JSON and CSV at stable addresses, and the schema that describes them.

Addresses (from the site's root), which do not change between builds:
  data/engagements.json, data/engagements.csv       every engagement
  data/engagements/<id>.json, data/engagements/<id>.csv   one engagement
  data/engagement.schema.json                       the fields of a record, with what each means
"""

from __future__ import annotations

import csv
import io
import json
import operator
from collections.abc import Callable
from typing import Any

from hub.facts.catalogue import Catalogue
from hub.facts.entries import Entry
from hub.records.schema import engagement_schema

from .files import GeneratedFile

FOLDER = "data"
SCHEMA = f"{FOLDER}/engagement.schema.json"
ALL_JSON, ALL_CSV = f"{FOLDER}/engagements.json", f"{FOLDER}/engagements.csv"


def record_json(slug: str) -> str:
    return f"{FOLDER}/engagements/{slug}.json"


def record_csv(slug: str) -> str:
    return f"{FOLDER}/engagements/{slug}.csv"


def open_data_files(catalogue: Catalogue) -> list[GeneratedFile]:
    records = [as_data(entry) for entry in catalogue.everything]
    files = [
        # The same schema staff's editors use (schema/engagement.schema.json in the repository).
        GeneratedFile(SCHEMA, engagement_schema()),
        GeneratedFile(
            ALL_JSON,
            _json(
                {
                    "area": catalogue.settings.area,
                    "date": catalogue.today.isoformat(),
                    "schema": SCHEMA.split("/")[-1],
                    "engagements": records,
                }
            ),
        ),
        GeneratedFile(ALL_CSV, _csv(records)),
    ]
    for record in records:
        files += [
            GeneratedFile(record_json(record["id"]), _json(record)),
            GeneratedFile(record_csv(record["id"]), _csv([record])),
        ]
    return files


def as_data(entry: Entry) -> dict:
    """A record as it is published: its id, address and status, then every field staff wrote.

    What looks like a person's own email address or phone number in a free-text field is removed.
    """
    return {
        "id": entry.slug,
        "page": entry.url,
        "status": entry.timing.status.value,
        **entry.public.model_dump(mode="json"),
    }


def _json(data: object) -> str:
    # Keys in a fixed order and no spaces, so two builds give the same bytes and files stay small.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# One row per engagement: the fields people sort and filter by. The JSON has everything.
_AS_THEY_ARE = (
    "id",
    "title",
    "status",
    "type",
    "level",
    "lead",
    "partners",
    "places",
    "topics",
    "who_for",
    "opens",
    "closes",
    "summary",
)
COLUMNS: dict[str, Callable[[dict], Any]] = {
    **{name: operator.itemgetter(name) for name in _AS_THEY_ARE},
    "ways_to_take_part": lambda r: [way for way, value in r["take_part"].items() if value],
    "decision_by": lambda r: r["decision"]["who"],
    "decision_when": lambda r: r["decision"]["when"],
    "outcome_published": lambda r: (r["outcome"] or {}).get("published"),
    "people_who_took_part": lambda r: (r["outcome"] or {}).get("took_part", {}).get("total"),
    "themes": lambda r: [t["theme"] for t in (r["outcome"] or {}).get("themes", [])],
    "page": operator.itemgetter("page"),
}


def _csv(records: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        writer.writerow([_cell(get(record)) for get in COLUMNS.values()])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    # A spreadsheet runs a cell that starts with = + - or @ as a formula: record text must not.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
