"""Every kind of wrong record or map file gets its own clear message, at the right line, and stops the
build without touching the site that was there before (tests/test_fuzzed_records.py tries any file at all)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import copy_hub, mkdocs_build, validate

# A valid record. Line numbers below count from 1 in this text.
GOOD = """\
title: Your say on the Testham walk-in centre
summary: We want to know how you use the walk-in centre.
lead: NHS Example Vale Integrated Care Board
level: place
places:
  - Testham
topics:
  - Urgent care
who_for:
  - People who live in Testham
type: survey
why: |
  The walk-in centre is busy.
  We want to know when you use it.
can_influence:
  - Opening hours
opens: 2026-11-01
closes: 2026-12-31
take_part:
  online:
    link: https://example.org/walk-in
  phone:
    number: "0800 000 0000"
contact:
  team: Engagement team
  email: engage@example.org
decision:
  who: NHS Example Vale Integrated Care Board
  when: Spring 2027
"""


def replace(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


OUTCOME = """\
outcome:
  published: 2027-02-01
  summary: People said things.
  took_part:
    total: 10
  themes:
    - theme: Hours
      detail: Open later.
"""


# A closed engagement whose outcome makes one promise: the promise starts at line 39.
PROMISE = (
    replace("closes: 2026-12-31", "closes: 2026-11-10")
    + OUTCOME.replace("2027-02-01", "2026-11-20")
    + """\
  commitments:
    - what: Open on Saturdays
      theme: Hours
      who: NHS Example Vale Integrated Care Board
      due: 2027-03
      status: planned
"""
)


def promise(old: str, new: str) -> str:
    assert old in PROMISE, old
    return PROMISE.replace(old, new, 1)


BODIES = """\
bodies:
  - id: icb-board
    name: NHS Example Vale Integrated Care Board
    kind: integrated_care_board
    decides:
      - Big changes to services
"""


@dataclass
class Case:
    name: str
    files: dict[str, bytes | str]  # file name -> content
    line: int
    field: str
    says: str  # a fragment of the message


CASES = [
    Case("yaml syntax error", {"walk-in.yaml": replace("title: Your say", "title: Your say: the")}, 1, "", "colon"),
    Case("tab indent", {"walk-in.yaml": replace("  - Testham", "\t- Testham")}, 6, "", "tab"),
    Case(
        "missing required field",
        {"walk-in.yaml": replace("why: |\n  The walk-in centre is busy.\n  We want to know when you use it.\n", "")},
        1,
        "why",
        "is missing. Add it: why we are asking",
    ),
    Case(
        "wrong type: text for a list",
        {"walk-in.yaml": replace("places:\n  - Testham", "places: Testham")},
        5,
        "places",
        "should be a list",
    ),
    Case("unknown field", {"walk-in.yaml": replace("summary:", "sumary:")}, 2, "sumary", "Did you mean 'summary'?"),
    Case(
        "closes before it opens",
        {"walk-in.yaml": replace("closes: 2026-12-31", "closes: 2026-10-31")},
        18,
        "closes",
        "before it opens on 2026-11-01",
    ),
    Case(
        "malformed web address",
        {"walk-in.yaml": replace("https://example.org/walk-in", "www.example.org/walk-in")},
        21,
        "take_part.online.link",
        "starting with https://",
    ),
    Case(
        "javascript: link",
        {"walk-in.yaml": replace("https://example.org/walk-in", "javascript:alert(1)")},
        21,
        "take_part.online.link",
        "is not a web address we can link to",
    ),
    Case(
        "data: link",
        {"walk-in.yaml": replace("https://example.org/walk-in", "data:text/html,<script>alert(1)</script>")},
        21,
        "take_part.online.link",
        "is not a web address",
    ),
    Case("outcome before it has closed", {"walk-in.yaml": GOOD + OUTCOME}, 30, "outcome", "cannot have an outcome yet"),
    Case(
        "outcome dated before the close",
        {
            "walk-in.yaml": replace("closes: 2026-12-31", "closes: 2026-11-10")
            + OUTCOME.replace("2027-02-01", "2026-11-05")
        },
        31,
        "outcome.published",
        "An outcome comes after it closes",
    ),
    Case(
        "two records at one address",
        {"walk-in.yaml": GOOD, "walk-in.yml": GOOD},
        1,
        "",
        "would both be shown at the address /engagements/walk-in/",
    ),
    Case("empty file", {"walk-in.yaml": ""}, 1, "", "this file is empty"),
    Case(
        "not UTF-8",
        {"walk-in.yaml": GOOD.replace("We want to know how", "We want to know caf\u00e9 how").encode("latin-1")},
        2,
        "",
        "not saved as UTF-8",
    ),
    Case(
        "date in the wrong form",
        {"walk-in.yaml": replace("opens: 2026-11-01", "opens: 01/11/2026")},
        17,
        "opens",
        "YYYY-MM-DD",
    ),
    Case(
        "same field twice",
        {"walk-in.yaml": replace("level: place", "level: place\nlevel: system")},
        5,
        "",
        "'level' appears twice (first on line 4)",
    ),
    Case(
        "not one of the choices",
        {"walk-in.yaml": replace("type: survey", "type: consultation")},
        11,
        "type",
        "Use one of: information, survey",
    ),
    Case(
        "email address",
        {"walk-in.yaml": replace("email: engage@example.org", "email: engage at example.org")},
        26,
        "contact.email",
        "is not an email address",
    ),
    Case("file name with spaces", {"Walk In.yaml": GOOD}, 1, "", "Rename the file, for example to 'walk-in.yaml'"),
    Case(
        "no way to take part",
        {
            "walk-in.yaml": replace(
                '  online:\n    link: https://example.org/walk-in\n  phone:\n    number: "0800 000 0000"\n', "  {}\n"
            )
        },
        19,
        "take_part",
        "lists no way to take part",
    ),
    Case("two records in one file", {"walk-in.yaml": GOOD + "---\n" + GOOD}, 30, "", "more than one record"),
    Case("a list, not fields", {"walk-in.yaml": "- title: A\n- summary: B\n"}, 1, "", "should be a list of fields"),
    Case(
        "number that is not a number",
        {
            "walk-in.yaml": GOOD.replace(
                "decision:",
                "outcome:\n  published: 2027-01-05\n  summary: x\n  took_part:\n    total: lots\n  themes:\n    - theme: A\n      detail: B\ndecision:",
            ).replace("closes: 2026-12-31", "closes: 2026-11-10")
        },
        31,
        "outcome.took_part.total",
        "should be a whole number",
    ),
    Case(
        "phone number as a bare number",
        {"walk-in.yaml": replace('number: "0800 000 0000"', "number: 8000000000")},
        23,
        "take_part.phone.number",
        "should be text",
    ),
    Case(
        "empty text",
        {"walk-in.yaml": replace("title: Your say on the Testham walk-in centre", 'title: ""')},
        1,
        "title",
        "is empty",
    ),
    Case(
        "other language without its name",
        {"walk-in.yaml": GOOD + "accessible_formats:\n  - format: other_language\n    how_to_ask: Call us.\n"},
        31,
        "accessible_formats[1].format",
        "does not say which",
    ),
    Case(
        "alias",
        {"walk-in.yaml": replace("places:\n  - Testham", "places: &here\n  - Testham") + "partners: *here\n"},
        30,
        "",
        "Records do not allow aliases",
    ),
    Case(
        "nested too deep",
        {"walk-in.yaml": GOOD + "documents: " + "[" * 50 + "]" * 50 + "\n"},
        30,
        "",
        "nested more than 20 levels deep",
    ),
    Case(
        "YAML tag",
        {"walk-in.yaml": replace("type: survey", "type: !!python/name:os.system survey")},
        11,
        "",
        "Records do not allow tags",
    ),
    Case("file too big", {"walk-in.yaml": GOOD + "# " + "x" * 1_100_000 + "\n"}, 1, "", "too big for a record"),
    Case(
        "control character", {"walk-in.yaml": replace("lead: NHS", "lead: \x07NHS")}, 3, "", "hidden control character"
    ),
    Case(
        "a number for a date",
        {"walk-in.yaml": replace("opens: 2026-11-01", "opens: 0")},
        17,
        "opens",
        "should be a date written as YYYY-MM-DD, such as",
    ),
    Case(
        "a day that does not exist",
        {"walk-in.yaml": replace("opens: 2026-11-01", "opens: 2026-02-30")},
        17,
        "opens",
        "is not a real date: February 2026 has no day 30",
    ),
    Case(
        "list as a field name",
        {"walk-in.yaml": replace("level: place", "? [level]\n: place")},
        4,
        "",
        "a field's name here is not a word",
    ),
    Case(
        "unknown deciding body",
        {
            "walk-in.yaml": replace("  when: Spring 2027", "  when: Spring 2027\n  body: icb-bored"),
            "map/bodies.yaml": BODIES,
        },
        30,
        "decision.body",
        "there is no body called 'icb-bored'",
    ),
    Case(
        "map: body reports to no body",
        {"map/bodies.yaml": BODIES + "    reports_to: nobody\n"},
        7,
        "bodies[1].reports_to",
        "there is no body called 'nobody'",
    ),
    Case(
        "map: decision informed by no engagement",
        {
            "map/decisions.yaml": "decisions:\n  - id: d-1\n    date: 2026-01-01\n    body: icb-board\n    what: We decided.\n    minutes: https://example.org/m\n    informed_by:\n      - no-such-engagement\n"
        },
        8,
        "decisions[1].informed_by",
        "there is no engagement called",
    ),
    Case("map: not YAML", {"map/bodies.yaml": "bodies:\n  - id: a\n   name: b\n"}, 3, "", "the YAML is not valid here"),
    Case(
        "event that ends before it starts",
        {
            "walk-in.yaml": replace(
                "  phone:",
                '  events:\n    - name: Drop-in\n      date: 2026-11-20\n      starts: "14:00"\n      ends: "13:00"\n      venue: Library\n      address: 1 High Street\n  phone:',
            )
        },
        26,
        "take_part.events[1].ends",
        "is not after it starts",
    ),
    Case(
        "promise answering a theme nobody raised",
        {"walk-in.yaml": promise("theme: Hours\n      who", "theme: Parking\n      who")},
        40,
        "outcome.commitments[1].theme",
        "'Parking' is not one of the themes of what people said. Use one of: Hours",
    ),
    Case(
        "promise with a status that is not allowed",
        {"walk-in.yaml": promise("status: planned", "status: finished")},
        43,
        "outcome.commitments[1].status",
        "Use one of: planned, in_progress, done, late or dropped.",
    ),
    Case(
        "promise dropped without a reason",
        {"walk-in.yaml": promise("status: planned", "status: dropped")},
        43,
        "outcome.commitments[1].status",
        "is dropped, so people need to know why",
    ),
    Case(
        "promise done without saying when",
        {"walk-in.yaml": promise("status: planned", "status: done")},
        43,
        "outcome.commitments[1].status",
        "is done, so say when",
    ),
    Case(
        "promise owned by an organisation that took no part",
        {
            "walk-in.yaml": promise(
                "  who: NHS Example Vale Integrated Care Board\n      due", "  who: Testham Rotary Club\n      due"
            )
        },
        41,
        "outcome.commitments[1].who",
        "is not the lead or a partner of this engagement",
    ),
    Case(
        "promise due on a month that does not exist",
        {"walk-in.yaml": promise("due: 2027-03", "due: 2027-13")},
        42,
        "outcome.commitments[1].due",
        "there is no month 13",
    ),
]


def _shown(name: str) -> str:
    """A file name alone is a record in engagements/; map files are named with their folder."""
    return name if "/" in name else f"engagements/{name}"


def _write(root: Path, files: dict[str, bytes | str]) -> list[Path]:
    written = []
    for name, content in files.items():
        path = root / _shown(name)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        written.append(path)
    return written


def _expected(case: Case, name: str) -> str:
    field = f" {case.field}:" if case.field else ""
    return f"{_shown(name)}:{case.line}:{field} "


def _snapshot(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A small hub with one good record, already built once."""
    root = copy_hub(tmp_path_factory.mktemp("broken"), with_records=False)
    (root / "engagements" / "good-one.yaml").write_text(GOOD.replace("Testham walk-in", "Testham health"))
    built = mkdocs_build(root)
    assert built.code == 0, built.output
    return root


def test_there_are_at_least_twenty_kinds_of_broken_record():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_record_is_refused_with_a_clear_message(hub, case):
    before = _snapshot(hub / "site")
    written = _write(hub, case.files)
    try:
        checked = validate(hub)
        built = mkdocs_build(hub)
    finally:
        for path in written:
            path.unlink()
    name = next(iter(case.files))
    for result in (checked, built):
        assert result.code != 0
        assert "Traceback" not in result.output
        line = next(
            (l for l in result.output.splitlines() if _expected(case, name) in l and ": warning: " not in l), None
        )
        assert line is not None, f"expected {_expected(case, name)!r} in:\n{result.output}"
        assert case.says in line, line
    # The build shows the very problems the validator shows (warnings, such as overlaps, are advice).
    problem_lines = [
        l for l in checked.output.splitlines() if l.startswith(("engagements/", "map/")) and ": warning: " not in l
    ]
    assert problem_lines and all(l in built.output for l in problem_lines)
    # The site built before is left exactly as it was.
    assert _snapshot(hub / "site") == before


def test_each_kind_of_problem_has_its_own_message():
    fragments = [case.says for case in CASES]
    assert len(set(fragments)) == len(fragments)
