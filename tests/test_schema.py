"""The JSON Schema editors use to check records while staff type: kept in step with the model."""

from __future__ import annotations

import json

from conftest import ROOT
from hub.records.loading import record_files
from hub.records.schema import SCHEMA_COMMENT, SCHEMA_PATH, engagement_schema


def test_the_schema_in_the_repository_matches_the_model():
    kept = (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")
    assert kept == engagement_schema(), (
        f"{SCHEMA_PATH.as_posix()} is out of date with hooks/hub/records/model.py. "
        "Run: bash scripts/hub schema, then commit the schema."
    )


def test_the_schema_describes_every_field_for_staff():
    schema = json.loads((ROOT / SCHEMA_PATH).read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False  # a misspelt field is marked in the editor
    assert {"title", "opens", "take_part"} <= set(schema["required"])
    assert "the first day" in schema["properties"]["opens"]["description"]
    # Only an engagement that carries on leaves out its closing day, and the help says so.
    assert "closes" not in schema["required"]
    assert "Leave it out only for something that carries on" in schema["properties"]["closes"]["description"]


def test_every_record_names_the_schema_in_its_first_line():
    records = record_files(ROOT / "engagements")
    assert records
    for path in records:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == SCHEMA_COMMENT, f"{path.name}: the first line should be {SCHEMA_COMMENT}"
    assert (ROOT / "engagements" / SCHEMA_COMMENT.split("=", 1)[1]).resolve() == (ROOT / SCHEMA_PATH).resolve()
