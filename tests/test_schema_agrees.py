"""The JSON Schema and the model's validation give the same verdict on a record.

Each case changes one thing in a full record (every part of it used) and writes the file as staff would.
The hub's own check (`load_file`) and check-jsonschema with its default settings, as in a pre-commit hook or
an editor, must both accept it or both refuse it. A few checks compare one value with another (a closing
day before the opening day): JSON Schema cannot say those, so only the hub refuses them, and the last
list here names each one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from hub.records.loading import load_file
from hub.records.schema import SCHEMA_PATH

CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema"]

FULL = """\
example: true
title: Your say on the Testham walk-in centre
summary: |
  We want to know how you use the walk-in centre.
  Tell us what works.
lead: NHS Example Vale Integrated Care Board
partners:
  - Testham Council
level: place
places:
  - Testham
topics:
  - Urgent care
who_for:
  - People who live in Testham
type: survey
why: The walk-in centre is busy.
can_influence:
  - Opening hours
cannot_influence:
  - what: The building
    why: It is owned by someone else.
opens: 2026-11-01
closes: 2026-12-31
take_part:
  online:
    link: https://example.org/walk-in
  paper:
    description: Ask at the library.
  phone:
    number: "0800 000 0000"
  email:
    address: engage@example.org
  events:
    - name: Drop-in
      date: 2026-11-20
      starts: "10:00"
      ends: "12:00"
      venue: Library
      address: 1 High Street, Testham
      access:
        - step_free
    - name: Online meeting
      date: 2026-11-21
      starts: "18:00"
      ends: "19:00"
      online:
        how: On Microsoft Teams
        link: https://example.org/join
accessible_formats:
  - format: other_language
    language: Polish
    how_to_ask: Call us.
  - format: large_print
    link: https://example.org/large
contact:
  team: Engagement team
  email: engage@example.org
  phone: "0800 000 0001"
decision:
  who: NHS Example Vale Integrated Care Board
  body: icb-board
  when: Spring 2027
  date: 2027-03-01
documents:
  - title: Equality impact assessment
    link: https://example.org/eia.pdf
    kind: equality_impact_assessment
    format: PDF, 1 MB
outcome_due: 2027-03-31
updates:
  - date: 2026-11-10
    what: We have heard from 20 people so far.
versions:
  - name: Cymraeg
    lang: cy
    title: Dweud eich dweud
    summary: Rydym eisiau gwybod.
outcome:
  published: 2027-01-10
  summary: People said things.
  took_part:
    total: 40
    by_method:
      - method: Online survey
        count: 30
      - method: Paper
        count: 10
  by_group:
    sex:
      Female: 25
      Male: 12
      Preferred not to say: 3
  themes:
    - theme: Hours
      detail: Open later.
  decision:
    date: 2027-03-01
    what: Open until 10pm.
    by: The board
    link: https://example.org/minutes
  commitments:
    - what: Open on Saturdays
      theme: Hours
      who: Testham Council
      due: 2027-06
      status: in_progress
      updates:
        - date: 2027-02-01
          what: Staff are being hired.
          status: in_progress
"""

# name: (the text to change, what to write instead, whether the record is then right)
CASES: dict[str, tuple[str, str, bool]] = {
    "the full record": ("example: true", "example: true", True),
    # One way to write a value: no second reading of true, numbers and dates.
    "yes for true, in quotes": ("example: true", 'example: "yes"', False),
    "yes for true": ("example: true", "example: yes", False),
    "1 for true": ("example: true", "example: 1", False),
    "true for a count": ("total: 40", "total: true", False),
    "a count in quotes": ("total: 40", 'total: "40"', False),
    "a count with a fraction": ("total: 40", "total: 40.5", False),
    "a count written with .0": ("total: 40", "total: 40.0", True),
    "a count below 0": ("count: 10", "count: -1", False),
    "a count nobody took": ("count: 10", 'count: "not counted"', True),
    "a total nobody took": ("total: 40", "total: not counted", True),
    "a group count hidden by hand": ("Male: 12", 'Male: "fewer than 5"', False),
    "a group count of true": ("Male: 12", "Male: true", False),
    "a day that does not exist": ("opens: 2026-11-01", "opens: 2026-02-30", False),
    "a day with a time": ("opens: 2026-11-01", "opens: 2026-11-01T00:00:00", False),
    "a number for a day": ("opens: 2026-11-01", "opens: 0", False),
    "a day written the British way": ("opens: 2026-11-01", "opens: 01/11/2026", False),
    "a day without its zeros": ("opens: 2026-11-01", "opens: 2026-11-1", False),
    "a day in quotes": ("opens: 2026-11-01", 'opens: "2026-11-01"', True),
    "a day with spaces in quotes": ("opens: 2026-11-01", 'opens: " 2026-11-01"', False),
    "a deciding day that does not exist": ("  date: 2027-03-01\ndocuments", "  date: 2027-02-29\ndocuments", False),
    # Times on the 24-hour clock.
    "a time past midnight": ('starts: "10:00"', 'starts: "25:00"', False),
    "a minute past 59": ('starts: "10:00"', 'starts: "10:60"', False),
    "a time with one digit of hour": ('starts: "10:00"', 'starts: "9:30"', True),
    "a time with a dot": ('starts: "10:00"', 'starts: "9.30"', True),
    "a time as a number": ('starts: "10:00"', "starts: 930", False),
    "a time in words": ('starts: "10:00"', "starts: ten", False),
    # Rules across fields that the schema can say.
    "no way to take part": (
        FULL[FULL.index("take_part:\n") : FULL.index("accessible_formats:")],
        "take_part: {}\n",
        False,
    ),
    "only another way": (
        FULL[FULL.index("take_part:\n") : FULL.index("accessible_formats:")],
        "take_part:\n  other: Text us on 60777.\n",
        True,
    ),
    "only an empty list of events": (
        FULL[FULL.index("take_part:\n") : FULL.index("accessible_formats:")],
        "take_part:\n  events: []\n  online:\n",
        False,
    ),
    "an event with no place and no way to join": ("      venue: Library\n", "", False),
    "an online event with no way to join": ("        link: https://example.org/join\n", "", False),
    "an online event joined by phone": (
        "        link: https://example.org/join\n",
        '        dial_in: "0800 000 0002"\n',
        True,
    ),
    "a contact with no way to reach it": (
        '  email: engage@example.org\n  phone: "0800 000 0001"\n',
        "",
        False,
    ),
    "another language with no name": ("    language: Polish\n", "", False),
    "a format with no way to get it": ("    link: https://example.org/large\n", "", False),
    "a formal consultation": ("type: survey", "type: formal_consultation", True),
    "a formal consultation with no closing day": ("closes: 2026-12-31\n", "", False),
    "a formal consultation with no assessment": ("kind: equality_impact_assessment", "kind: report", False),
    "a formal consultation that says why there is no assessment": (
        "kind: equality_impact_assessment",
        "kind: report",
        True,
    ),
    "something that carries on": ("closes: 2026-12-31\n", "", True),
    "a promise dropped with no reason": (
        "      status: in_progress\n      updates",
        "      status: dropped\n      updates",
        False,
    ),
    "a reason for a promise not dropped": (
        "      status: in_progress\n      updates",
        "      status: in_progress\n      why_dropped: No money.\n      updates",
        False,
    ),
    "a promise done with no update saying so": (
        "      status: in_progress\n      updates",
        "      status: done\n      updates",
        False,
    ),
    "a promise dropped with a reason": (
        "      status: in_progress\n      updates:\n        - date: 2027-02-01\n          what: Staff are being hired.\n          status: in_progress\n",
        "      status: dropped\n      why_dropped: No money.\n",
        True,
    ),
    "a promise done with an update saying so": (
        "      status: in_progress\n      updates:\n        - date: 2027-02-01\n          what: Staff are being hired.\n          status: in_progress\n",
        "      status: done\n      updates:\n        - date: 2027-02-01\n          what: Saturdays from today.\n          status: done\n",
        True,
    ),
    "a promise due in month 13": ("due: 2027-06", "due: 2027-13", False),
    "a promise due on a day": ("due: 2027-06", "due: 2027-06-30", True),
    "a promise due on a day that does not exist": ("due: 2027-06", "due: 2027-06-31", False),
    "a promise due in a month without its zero": ("due: 2027-06", 'due: "2027-6"', False),
    # Addresses, numbers and codes.
    "a web address without https": ("link: https://example.org/walk-in", "link: www.example.org/walk-in", False),
    "a javascript: link": ("link: https://example.org/walk-in", 'link: "javascript:alert(1)"', False),
    "a web address with spaces around it": (
        "link: https://example.org/walk-in",
        'link: " https://example.org/walk-in "',
        True,
    ),
    "an email address in words": (
        "  email: engage@example.org\n  phone",
        "  email: engage at example.org\n  phone",
        False,
    ),
    "an email address with a quote mark": ("address: engage@example.org", 'address: en"gage@example.org', False),
    "a phone number as a number": ('number: "0800 000 0000"', "number: 8000000000", False),
    "a phone number with letters": ('number: "0800 000 0000"', 'number: "0800 CALL US"', False),
    "a language code in words": ("lang: cy", "lang: Welsh", False),
    # Text, lists and choices.
    "a field nobody knows": ("summary:", "sumary:", False),
    "an empty title": ("title: Your say on the Testham walk-in centre", 'title: ""', False),
    "a title of spaces": ("title: Your say on the Testham walk-in centre", 'title: "   "', False),
    "a title too long": ("title: Your say on the Testham walk-in centre", "title: " + "a" * 121, False),
    "a number for a title": ("title: Your say on the Testham walk-in centre", "title: 2026", False),
    "a title that looks like a day": ("title: Your say on the Testham walk-in centre", "title: 2026-11-01", True),
    "a choice in capitals": ("level: place", "level: Place", False),
    "one place, not a list": ("places:\n  - Testham", "places: Testham", False),
    "no places": ("places:\n  - Testham", "places: []", False),
    "an empty place": ("places:\n  - Testham", "places:\n  - ", False),
    "an access need nobody knows": ("- step_free", "- lift", False),
    "a kind of document nobody knows": ("kind: equality_impact_assessment", "kind: pdf", False),
    "an optional field left empty": ("  body: icb-board\n", "  body:\n", True),
    "no themes": (
        "  themes:\n    - theme: Hours\n      detail: Open later.\n",
        "  themes: []\n",
        False,
    ),
    # Characters nobody can see.
    "a zero-width space in the title": (
        "title: Your say on the Testham walk-in centre",
        'title: "Your\\u200b say on the Testham walk-in centre"',
        False,
    ),
    "a backspace in a list item": ("  - Opening hours", '  - "Opening\\x08 hours"', False),
    "a right-to-left mark in an update": (
        "what: Staff are being hired.",
        'what: "Staff \\u200fare being hired."',
        False,
    ),
    "a tab and new lines are spacing": (
        "why: The walk-in centre is busy.",
        'why: "The walk-in\\tcentre\\nis busy."',
        True,
    ),
}

# The checks that compare one value with another, which JSON Schema cannot do: the hub refuses each record.
ONLY_THE_HUB: dict[str, tuple[str, str]] = {
    "closes before it opens": ("closes: 2026-12-31", "closes: 2026-10-31"),
    "an event that ends before it starts": ('ends: "12:00"', 'ends: "09:00"'),
    "an outcome published before it closes": ("published: 2027-01-10", "published: 2026-12-01"),
    "an outcome promised before it closes": ("outcome_due: 2027-03-31", "outcome_due: 2026-12-01"),
    "a promise for a theme nobody raised": ("theme: Hours\n      who", "theme: Parking\n      who"),
    "a promise by an organisation that took no part": (
        "who: Testham Council\n      due",
        "who: Rotary Club\n      due",
    ),
    "a breakdown that does not add up": ("Male: 12", "Male: 13"),
    "a status the newest update does not give": ("          status: in_progress\n", "          status: late\n"),
    "two versions at one address": (
        "    summary: Rydym eisiau gwybod.\n",
        "    summary: Rydym eisiau gwybod.\n  - name: Welsh\n    lang: cy\n    title: T\n    summary: S\n",
    ),
}


def _changed(old: str, new: str, name: str) -> str:
    text = FULL
    if name.startswith("a formal consultation "):
        text = text.replace("type: survey", "type: formal_consultation")
    if name.endswith("says why there is no assessment"):
        text += "no_equality_impact_assessment: Nothing changes for anyone.\n"
    assert old in text, (name, old)
    return text.replace(old, new, 1)


def _write(folder: Path, cases: dict[str, str]) -> dict[str, Path]:
    folder.mkdir()
    files = {}
    for number, (name, text) in enumerate(cases.items(), start=1):
        files[name] = folder / f"case-{number}.yaml"
        files[name].write_text(text, encoding="utf-8")
    return files


def _hub_accepts(path: Path) -> bool:
    record, problems = load_file(path, Path(path.name))
    return record is not None and not problems


def _schema_refuses(paths: list[Path]) -> dict[Path, list[str]]:
    """check-jsonschema with its default settings on every file at once: what it says about each it refuses."""
    result = subprocess.run(
        [*CHECK_JSONSCHEMA, "--schemafile", str(ROOT / SCHEMA_PATH), "-o", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    refused: dict[Path, list[str]] = {}
    for error in report.get("parse_errors", []):
        refused.setdefault(Path(error["filename"]), []).append(error["message"])
    for error in report.get("errors", []):
        refused.setdefault(Path(error["filename"]), []).append(f"{error['path']}: {error['message']}")
    return refused


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("schema") / "cases"
    texts = {name: _changed(old, new, name) for name, (old, new, _) in CASES.items()}
    texts |= {name: _changed(old, new, name) for name, (old, new) in ONLY_THE_HUB.items()}
    files = _write(folder, texts)
    refused = _schema_refuses(list(files.values()))
    return {name: (_hub_accepts(path), path not in refused, refused.get(path, [])) for name, path in files.items()}


def test_there_are_enough_cases_of_both_kinds():
    assert len(CASES) >= 40
    assert sum(right for *_, right in CASES.values()) >= 10
    assert sum(not right for *_, right in CASES.values()) >= 30


@pytest.mark.parametrize("name", CASES, ids=list(CASES))
def test_the_hub_and_the_schema_agree(verdicts, name):
    hub, schema, said = verdicts[name]
    right = CASES[name][2]
    assert hub == right, f"the hub {'accepts' if hub else 'refuses'} {name!r}: {said}"
    assert schema == right, f"the schema {'accepts' if schema else 'refuses'} {name!r}: {said}"


@pytest.mark.parametrize("name", ONLY_THE_HUB, ids=list(ONLY_THE_HUB))
def test_only_the_hub_compares_values(verdicts, name):
    hub, schema, _ = verdicts[name]
    assert not hub, f"the hub should refuse {name!r}"
    assert schema, f"the schema now refuses {name!r}: move it to CASES"


# The broken records of tests/test_broken_records.py that JSON Schema cannot see: it reads one file alone,
# knows nothing of other files, the map, today's date or the file's name, and cannot compare two values.
BEYOND_THE_SCHEMA = {
    "outcome before it has closed": "today's date",
    "two records at one address": "another file",
    "file name with spaces": "the file's name",
    "file too big": "the file's size",
    "alias": "how the YAML is written: YAML allows aliases, records do not",
    "unknown deciding body": "the map",
    "closes before it opens": "two values",
    "outcome dated before the close": "two values",
    "event that ends before it starts": "two values",
    "promise answering a theme nobody raised": "two values",
    "promise owned by an organisation that took no part": "two values",
}


def test_check_jsonschema_passes_the_demo_records_and_refuses_the_broken_ones(tmp_path):
    from test_broken_records import CASES as BROKEN

    demo = sorted((ROOT / "engagements").glob("*.yaml"))
    assert demo and not _schema_refuses(demo)
    files: dict[Path, str] = {}
    for number, case in enumerate(BROKEN, start=1):
        for name, text in case.files.items():
            if "/" not in name:  # a record, not a map file
                path = tmp_path / f"{number}-{name}"
                path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
                files[path] = case.name
    refused = _schema_refuses(list(files))
    caught = {name for path, name in files.items() if path in refused}
    assert len(caught) >= 30
    assert {name for name in files.values() if name not in BEYOND_THE_SCHEMA} <= caught
    assert not caught & set(BEYOND_THE_SCHEMA), "the schema now sees these: take them off BEYOND_THE_SCHEMA"


def test_the_written_out_hidden_characters_are_unicodes_controls_and_format_characters():
    """The list in the model (and so in the schema) holds every control, format, private-use and separator
    character this Python knows, and no other character that Unicode has given a meaning."""
    import unicodedata

    from hub.records.model import _HIDDEN_CHARACTER

    hidden_kinds = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
    wrong = []
    for code in range(0x110000):
        character = chr(code)
        kind = unicodedata.category(character)
        if kind == "Cn":
            continue  # not given a meaning yet in this Python's Unicode
        expected = kind in hidden_kinds and character not in "\t\n\r"
        if bool(_HIDDEN_CHARACTER.match(character)) != expected:
            wrong.append(f"U+{code:04X} ({kind})")
    assert wrong == []
