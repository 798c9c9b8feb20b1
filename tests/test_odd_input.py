"""Odd input, careless or hostile, gets a `file:line:` message in plain English: never a traceback, a hang,
a page silently replaced or dropped, or a character nobody can see in the site's files."""

from __future__ import annotations

import os
import re
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import ROOT, copy_hub, run, validate

RECORD = "carers-breaks.yaml"


def _one_run(root: Path, *files: str):
    started = time.monotonic()
    result = validate(root, "2026-11-23", *files)
    assert time.monotonic() - started < 10, "validation should answer at once, not hang"
    assert "Traceback" not in result.output, result.output
    return result


def _said(output: str, path: str, words: str) -> bool:
    """Whether a message about `path` holds `words`."""
    return any(line.startswith(f"{path}:") and words in line for line in output.splitlines())


@pytest.fixture()
def hub(tmp_path) -> Path:
    return copy_hub(tmp_path)


# Each case: what to put in the record's text (replacing the title line), and words the message must hold.
WRITTEN_TWO_WAYS = {
    "backspace written as an escape": (
        'title: "Breaks\\x08 for carers"',
        "4: title: has a hidden character (backspace",
    ),
    "null written as an escape": ('title: "Breaks\\0 for carers"', "4: title: has a hidden character (null"),
    "escape character": ('title: "Breaks\\e for carers"', "4: title: has a hidden character (escape"),
    "zero-width space": ('title: "Bre\\u200baks for carers"', "4: title: has a hidden character (zero width space"),
    "right-to-left override": ('title: "Breaks \\u202efor carers"', "right-to-left override, code 202E) at letter 8"),
}


@pytest.mark.parametrize("case", WRITTEN_TWO_WAYS, ids=list(WRITTEN_TWO_WAYS))
def test_hidden_characters_are_refused_however_they_are_written(hub, case):
    line, expected = WRITTEN_TWO_WAYS[case]
    record = hub / "engagements" / RECORD
    record.write_text(re.sub(r"(?m)^title: .*$", lambda _: line, record.read_text(), count=1))
    result = _one_run(hub)
    assert result.code == 1
    assert _said(result.output, f"engagements/{RECORD}", expected), result.output


def test_a_look_alike_topic_is_refused_where_it_is_written(hub):
    record = hub / "engagements" / RECORD
    text = record.read_text().replace("topics:\n  - ", 'topics:\n  - "Car\\u200bers"\n  - ', 1)
    record.write_text(text)
    output = _one_run(hub).output
    assert re.search(
        rf"(?m)^engagements/{RECORD}:\d+: topics\[1\]: has a hidden character \(zero width space, code 200B\) at letter 4",
        output,
    ), output


STRICT_VALUES = {
    "a yes for true": (r"(?m)^example: true$", 'example: "yes"', "example: should be true or false."),
    "a date and a time": (
        r"(?m)^opens: (\S+)$",
        r"opens: \1T00:00:00",
        "opens: should be a date written as YYYY-MM-DD",
    ),
    "a day that does not exist": (r"(?m)^opens: (\S+)$", "opens: 2026-02-30", "February 2026 has no day 30"),
    "a month that does not exist": (r"(?m)^opens: (\S+)$", "opens: 2026-13-01", "there is no month 13"),
}


@pytest.mark.parametrize("case", STRICT_VALUES, ids=list(STRICT_VALUES))
def test_values_are_read_one_way_only(hub, case):
    pattern, replacement, expected = STRICT_VALUES[case]
    record = hub / "engagements" / RECORD
    text, changed = re.subn(pattern, replacement, record.read_text(), count=1)
    assert changed
    record.write_text(text)
    result = _one_run(hub)
    assert result.code == 1
    assert _said(result.output, f"engagements/{RECORD}", expected), result.output


def test_a_count_must_be_a_number_not_true_or_text(hub):
    record = hub / "engagements" / RECORD
    text = record.read_text()
    counts = re.findall(r"(?m)^(\s+count: )(\d+)$", text)
    assert len(counts) >= 2
    text = re.sub(r"(?m)^(\s+count: )\d+$", r"\1true", text, count=1)
    text = re.sub(r"(?m)^(\s+count: )(\d+)$", r'\1"\2"', text, count=1)
    record.write_text(text)
    output = _one_run(hub).output
    assert len(re.findall(r"count: should be a whole number", output)) == 2, output


NAMES = {
    "index.yaml": "'index' is the name of a page the hub makes itself. Rename the file, for example to 'index-1.yaml'",
    "page-2.yaml": "'page-2' is the name of a page the hub makes itself",
    f"{'a' * 81}.yaml": "it is 81 letters long, and the most is 80",
    "café.yaml": "it may only use small letters, numbers and dashes. Rename the file, for example to 'cafe.yaml'",
}


@pytest.mark.parametrize("name", NAMES, ids=["index", "page-2", "too-long", "accent"])
def test_names_that_would_replace_or_break_a_page_are_refused(hub, name):
    (hub / "engagements" / name).write_text((hub / "engagements" / RECORD).read_text())
    result = _one_run(hub)
    assert result.code == 1
    assert _said(result.output, f"engagements/{name}", NAMES[name]), result.output


def test_every_file_in_the_records_folder_is_accounted_for(hub):
    records = hub / "engagements"
    (records / "in-a-folder").mkdir()
    (records / "in-a-folder" / "lost.yaml").write_text((records / RECORD).read_text())
    (records / "folder.yaml").mkdir()
    (records / "broken.yaml").symlink_to(records / "nowhere.yaml")
    (records / "loop.yaml").symlink_to(records / "loop.yaml")
    (records / "outside.yaml").symlink_to(ROOT / "mkdocs.yml")
    os.mkfifo(records / "pipe.yaml")
    (records / "carers-breaks.YAML").write_text((records / RECORD).read_text())
    result = _one_run(hub)
    assert result.code == 1
    expected = {
        "engagements/in-a-folder": "records in a folder inside engagements/ are not read",
        "engagements/folder.yaml": "this is a folder, not a record",
        "engagements/broken.yaml": "this is a link to another file or folder, not a record",
        "engagements/loop.yaml": "this is a link to another file or folder, not a record",
        "engagements/outside.yaml": "this is a link to another file or folder, not a record",
        "engagements/pipe.yaml": "this is not an ordinary file (it is a pipe or a device)",
        "engagements/carers-breaks.YAML": "would both be shown at the address /engagements/carers-breaks/",
    }
    for path, words in expected.items():
        assert _said(result.output, path, words), (path, result.output)
    # Each named on its own, the files get the same verdict as in the whole check.
    for path in expected:
        alone = _one_run(hub, path)
        problems = [
            line for line in alone.output.splitlines() if line.startswith(f"{path}:1: ") and ": warning: " not in line
        ]
        assert alone.code == 1 and problems, (path, alone.output)


def test_checking_one_file_finds_a_deciding_body_missing_from_the_map(hub):
    record = hub / "engagements" / RECORD
    text, changed = re.subn(r"(?m)^(\s+body: )\S+$", r"\1no-such-body", record.read_text(), count=1)
    assert changed
    record.write_text(text)
    whole, alone = _one_run(hub), _one_run(hub, f"engagements/{RECORD}")
    assert whole.code == alone.code == 1
    assert _said(whole.output, f"engagements/{RECORD}", "no-such-body"), whole.output
    assert _said(alone.output, f"engagements/{RECORD}", "no-such-body"), alone.output


def test_map_ids_that_would_replace_or_break_a_page_are_refused(hub):
    bodies = hub / "map" / "bodies.yaml"
    first_id = re.search(r"(?m)^  - id: (\S+)$", bodies.read_text())
    assert first_id
    bodies.write_text(bodies.read_text().replace(f"id: {first_id[1]}", "id: index", 1))
    (hub / "map" / "extra.yaml").write_text("bodies: []\n")
    result = _one_run(hub)
    assert "cannot be part of a web address: 'index' is the name of a page the hub makes itself" in result.output
    assert "map/extra.yaml:1: the map is read from bodies.yaml and decisions.yaml only" in result.output


def test_a_date_too_far_away_is_refused_plainly(hub):
    result = run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--config", str(hub / "mkdocs.yml")], hub, "2106-01-01"
    )
    assert result.code == 1 and "Traceback" not in result.output
    assert "HUB_TODAY is 2106-01-01, which is too far from today. Use a date from 2000 to 2099." in result.output


def test_every_xml_file_of_the_site_is_well_formed(demo_site):
    xml_files = [*demo_site.rglob("*.xml")]
    assert {p.name for p in xml_files} >= {"engagements.xml", "outcomes.xml", "sitemap.xml"}
    for path in xml_files:
        ElementTree.parse(path)  # raises on anything a feed reader would refuse


def test_no_file_of_the_site_holds_a_hidden_control_character(demo_site):
    for path in demo_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".ics", ".txt"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u202a-\u202e\u2066-\u2069]", text), path
