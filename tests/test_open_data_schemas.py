"""The open data meets the schemas it names, and its data package passes Frictionless's own check.

check-jsonschema (default settings: ECMA-262 patterns, formats checked) reads each JSON file against its
schema, as someone reusing the data would; `frictionless validate` reads datapackage.json and every CSV file
against its Table Schema.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from conftest import ROOT, copy_hub, mkdocs_build


def _check(schema, *files):
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_json_file_meets_the_schema_it_names(demo_site):
    data = demo_site / "data"
    engagements = json.loads((data / "engagements.json").read_text(encoding="utf-8"))
    assert engagements["schema"] == "engagements.schema.json"
    assert json.loads((data / "commitments.json").read_text(encoding="utf-8"))["schema"] == "commitments.schema.json"
    one_by_one = sorted((data / "engagements").glob("*.json"))
    assert len(one_by_one) == len(engagements["engagements"]) >= 16
    for schema, files in (
        ("engagements.schema.json", [data / "engagements.json"]),
        ("commitments.schema.json", [data / "commitments.json"]),
        ("engagement.schema.json", one_by_one),
        ("population.schema.json", [data / "population.json"]),
    ):
        result = _check(data / schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_published_schema_knows_what_open_data_adds_and_hides(demo_site):
    schema = json.loads((demo_site / "data" / "engagement.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert {"id", "page", "status", "commitment_progress", "title", "outcome"} <= set(schema["required"])
    counts = json.dumps(schema["$defs"]["Participation"])
    assert '"fewer than 5"' in counts and '"not shown"' in counts and '"null"' in counts
    # A record as staff write it is not open data: it has no id, page or status.
    record = ROOT / "engagements" / "carers-breaks.yaml"
    assert _check(demo_site / "data" / "engagement.schema.json", record).returncode == 1


def test_a_changed_published_record_is_refused(demo_site, tmp_path):
    """The schema is not a formality: the ways open data could go wrong are caught."""
    data = json.loads((demo_site / "data" / "engagements" / "carers-breaks.json").read_text(encoding="utf-8"))
    changes = {
        "a count shown that should be hidden": lambda d: d["outcome"]["by_group"]["age"].update({"16 to 24": "few"}),
        "a status nobody knows": lambda d: d.update(status="finished"),
        "a field nobody knows": lambda d: d.update(secret="x"),
        "a promise's progress without its day": lambda d: d["commitment_progress"][0].pop("due_by"),
        "an id that is not an address": lambda d: d.update(id="Carers Breaks"),
    }
    files = []
    for number, change in enumerate(changes.values()):
        changed = json.loads(json.dumps(data))
        change(changed)
        files.append(tmp_path / f"{number}.json")
        files[-1].write_text(json.dumps(changed), encoding="utf-8")
    for path, name in zip(files, changes):
        assert _check(demo_site / "data" / "engagement.schema.json", path).returncode == 1, name


def test_the_data_package_passes_frictionless(demo_site):
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "frictionless"), "validate", "--json", "datapackage.json"],
        cwd=demo_site / "data",
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["valid"], json.dumps(report["tasks"], indent=1)[:4000]
    package = json.loads((demo_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    tables = [r for r in package["resources"] if r["format"] == "csv"]
    # Every CSV file of the open data is described, each column with its type and what it holds.
    described = {r["path"] for r in tables}
    assert described == {str(p.relative_to(demo_site / "data")) for p in (demo_site / "data").rglob("*.csv")}
    # Each engagement's own CSV file shares the Table Schema of engagements.csv, kept in a file of its own.
    shared = json.loads((demo_site / "data" / "engagements.tableschema.json").read_text(encoding="utf-8"))
    schemas = [shared if t["schema"] == "engagements.tableschema.json" else t["schema"] for t in tables]
    assert sum(s is shared for s in schemas) == len(tables) - 1
    for table, schema in zip(tables, schemas):
        for column in schema["fields"]:
            assert column["type"] and column["description"].endswith("."), (table["name"], column["name"])
    engagements = {f["name"]: f for f in shared["fields"]}
    assert engagements["opens"]["type"] == "date"
    assert '"; "' in engagements["places"]["description"]
    assert engagements["people_who_took_part"]["missingValues"] == ["", "fewer than 5", "not shown"]


def test_a_summary_over_several_lines_is_one_line_in_the_csv(demo_site):
    text = (demo_site / "data" / "engagements.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    assert rows and all("\n" not in value for row in rows for value in row.values())
    assert len(text.splitlines()) == len(rows) + 1  # one line to a row, and the header
    carers = next(r for r in rows if r["id"] == "carers-breaks")
    assert "help them most. The council" in carers["summary"]
    # The JSON keeps the lines as staff wrote them.
    record = json.loads((demo_site / "data" / "engagements" / "carers-breaks.json").read_text(encoding="utf-8"))
    assert "\n" in record["summary"]


def test_a_hub_without_a_licence_link_or_population_still_makes_a_valid_package(tmp_path):
    root = copy_hub(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  hub:\n", "  hub:\n    open_data_licence_link: null\n", 1))
    for path in (root / "population").glob("*"):
        path.unlink()
    assert mkdocs_build(root).code == 0
    package = json.loads((root / "site" / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert "licenses" not in package and "Open Government Licence" in package["description"]
    assert not any(r["name"] == "population" for r in package["resources"])
