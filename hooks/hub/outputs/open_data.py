"""Every record as open data: JSON and CSV at stable addresses, and the schema that describes them.

Addresses (from the site's root), which do not change between builds:
  data/engagements.json, data/engagements.csv       every engagement
  data/engagements/<id>.json, data/engagements/<id>.csv   one engagement
  data/engagement.schema.json                       the fields of a record, with what each means
  data/commitments.json, data/commitments.csv       every promise made in an outcome, with where it stands
  data/population.json, data/population.schema.json  who lives in each place, by group, and its fields

Counts of people are published as pages show them: a count from 1 to 4 is "fewer than 5", and a count
hidden so that such a count cannot be worked out is "not shown" (facts/small_numbers.py).
"""

from __future__ import annotations

import csv
import io
import json
import operator
from collections.abc import Callable, Sequence
from typing import Any

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Tracked
from hub.facts.entries import Entry
from hub.facts.reach import Reach
from hub.facts.small_numbers import is_small, shown_participation
from hub.records.model import FEWER_THAN_5, NOT_SHOWN
from hub.records.population import Population, PopulationFile
from hub.records.schema import engagement_schema

from .files import GeneratedFile

FOLDER = "data"
SCHEMA = f"{FOLDER}/engagement.schema.json"
ALL_JSON, ALL_CSV = f"{FOLDER}/engagements.json", f"{FOLDER}/engagements.csv"
COMMITMENTS_JSON, COMMITMENTS_CSV = f"{FOLDER}/commitments.json", f"{FOLDER}/commitments.csv"
POPULATION, POPULATION_SCHEMA = f"{FOLDER}/population.json", f"{FOLDER}/population.schema.json"


def record_json(slug: str) -> str:
    return f"{FOLDER}/engagements/{slug}.json"


def record_csv(slug: str) -> str:
    return f"{FOLDER}/engagements/{slug}.csv"


def open_data_files(catalogue: Catalogue) -> list[GeneratedFile]:
    records = [
        as_data(entry, catalogue.commitments_of(entry), catalogue.reach(entry)) for entry in catalogue.everything
    ]
    files = [
        # The schema staff's editors use (schema/engagement.schema.json in the repository), as the data is
        # published: where a record has a count of people, the data may say "fewer than 5" or "not shown".
        GeneratedFile(SCHEMA, engagement_schema(mode="serialization")),
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
    promises = [promise_data(p) for p in catalogue.commitments]
    files += [
        GeneratedFile(
            COMMITMENTS_JSON,
            _json({"area": catalogue.settings.area, "date": catalogue.today.isoformat(), "commitments": promises}),
        ),
        GeneratedFile(COMMITMENTS_CSV, _csv(promises, PROMISE_COLUMNS)),
    ]
    for record in records:
        files += [
            GeneratedFile(record_json(record["id"]), _json(record)),
            GeneratedFile(record_csv(record["id"]), _csv([record])),
        ]
    if catalogue.population.file is not None:
        files += [
            GeneratedFile(POPULATION, _json(population_data(catalogue.population, catalogue.settings.area))),
            GeneratedFile(POPULATION_SCHEMA, _json(PopulationFile.model_json_schema(mode="serialization"))),
        ]
    return files


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


def _progress(promise: Tracked) -> dict:
    done = promise.done_on
    return {
        "number": promise.number,
        "progress": promise.progress.value,
        "overdue": promise.overdue,
        "due_by": promise.commitment.due_by.isoformat(),
        "done_on": done.isoformat() if done else None,
        "kept_on_time": promise.kept_on_time if promise.judged else None,
        "page": promise.url,
    }


def promise_data(promise: Tracked) -> dict:
    """One promise with its engagement's id, as staff wrote it (without anyone's own details), and where it stands."""
    public = promise.entry.public.outcome.commitments[promise.number - 1]  # type: ignore[union-attr]  # it has one
    return {"engagement": promise.entry.slug, **public.model_dump(mode="json"), **_progress(promise)}


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
    "commitments": lambda r: len(r["commitment_progress"]),
    "commitments_done": lambda r: sum(p["progress"] == "done" for p in r["commitment_progress"]),
    "commitments_overdue": lambda r: sum(p["overdue"] for p in r["commitment_progress"]),
    "page": operator.itemgetter("page"),
}


# One row per promise. Its updates are in the JSON; the row counts them.
PROMISE_COLUMNS: dict[str, Callable[[dict], Any]] = {
    **{
        name: operator.itemgetter(name)
        for name in ("engagement", "number", "what", "theme", "who", "due", "due_by", "status", "progress")
    },
    "overdue": operator.itemgetter("overdue"),
    "done_on": operator.itemgetter("done_on"),
    "kept_on_time": operator.itemgetter("kept_on_time"),
    "why_dropped": operator.itemgetter("why_dropped"),
    "updates": lambda r: len(r["updates"]),
    "page": operator.itemgetter("page"),
}


def _csv(records: list[dict], columns: dict[str, Callable[[dict], Any]] = COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(get(record)) for get in columns.values()])
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    # A spreadsheet runs a cell that starts with = + - or @ as a formula: record text must not.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
