"""The scaffold: a new record with every field explained, valid once its required fields are filled in."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT, copy_hub, validate
from hub.records.model import Engagement
from hub.records.schema import SCHEMA_COMMENT
from new_engagement import main

ANSWERS = [
    "--title",
    "Stroke: care at home",
    "--lead",
    "Example Vale Hospitals",
    "--type",
    "survey",
    "--level",
    "place",
    "--place",
    "Northfield",
    "--topic",
    "Stroke",
    "--opens",
    "2027-01-04",
    "--closes",
    "2027-03-01",
]
# What a member of staff writes in the empty values the scaffold leaves.
FILLED = {
    'summary: ""': 'summary: "We want to know what helps people at home after a stroke."',
    'who_for:\n  - ""': 'who_for:\n  - "People who have had a stroke"',
    'why: ""': 'why: "To plan care at home."',
    'can_influence:\n  - ""': 'can_influence:\n  - "What visits include"',
    '  # online:\n    # The web address of the survey or form.\n    # link: ""': '  online:\n    # The web address of the survey or form.\n    link: "https://example.org/stroke"',
    'team: ""\n  # The team\'s email address.\n  # email: ""': 'team: "Stroke team"\n  # The team\'s email address.\n  email: "stroke@example.org"',
    'who: ""': 'who: "Hospital board"',
    'when: ""': 'when: "Spring 2027"',
}


def new_record(root, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "new_engagement.py"), "--config", str(root / "mkdocs.yml"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_new_record_is_valid_once_its_required_fields_are_filled(tmp_path):
    root = copy_hub(tmp_path, with_records=False)
    made = new_record(root, *ANSWERS)
    assert made.returncode == 0, made.stderr
    assert "Wrote engagements/stroke-care-at-home.yaml" in made.stdout
    assert "bash scripts/hub validate engagements/stroke-care-at-home.yaml" in made.stdout
    path = root / "engagements" / "stroke-care-at-home.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    assert 'title: "Stroke: care at home"' in text and "opens: 2027-01-04" in text

    unfilled = validate(root)
    assert unfilled.code == 1
    for field in ("summary", "who_for[1]", "why", "can_influence[1]", "take_part", "contact.team", "decision.who"):
        assert "stroke-care-at-home.yaml:" in unfilled.output and f" {field}: " in unfilled.output, field

    for blank, filled in FILLED.items():
        assert blank in text, blank
        text = text.replace(blank, filled, 1)
    path.write_text(text, encoding="utf-8")
    checked = validate(root)
    assert checked.code == 0, checked.output
    # Fine: what remains are warnings, such as the charter promises a new record does not meet yet.
    assert "The record is fine, with" in checked.output


def test_every_field_of_the_model_is_in_the_new_record_with_its_help(tmp_path):
    root = copy_hub(tmp_path, with_records=False)
    assert new_record(root, "--file", "blank", "--no-questions").returncode == 0
    text = (root / "engagements" / "blank.yaml").read_text(encoding="utf-8")
    for name, info in Engagement.model_fields.items():
        if name != "example":
            assert re.search(rf"^(# )?{name}:", text, re.MULTILINE), name
            assert f"# {info.description[0].upper()}{info.description[1:]}" in text, name
    for nested in ("take_part:", "  # online:", "    # link:", "      # venue:", "  # themes:", "    # - theme:"):
        assert f"\n{nested}" in text or f"\n  {nested.strip()}" in text, nested


def test_an_address_already_taken_is_refused(tmp_path):
    root = copy_hub(tmp_path)
    before = (root / "engagements" / "carers-breaks.yaml").read_bytes()
    refused = new_record(root, "--file", "carers-breaks", "--title", "Carers again")
    assert refused.returncode == 1
    assert "engagements/carers-breaks.yaml is there already, so /engagements/carers-breaks/ is taken" in refused.stderr
    assert (root / "engagements" / "carers-breaks.yaml").read_bytes() == before


def test_it_asks_for_what_is_not_given_and_asks_again_after_a_wrong_answer(tmp_path, capsys):
    root = copy_hub(tmp_path, with_records=False)
    replies = iter(
        [
            "Pharmacy hours",
            "Example Vale Council",
            "chat",
            "survey",
            "system",
            "Example Vale",
            "Pharmacy",
            "4 January",
            "2027-01-04",
            "2027-02-15",
        ]
    )
    asked = []
    code = main(["--config", str(root / "mkdocs.yml")], ask=lambda q: asked.append(q) or next(replies))
    assert code == 0
    assert "'chat' is not a type" in capsys.readouterr().out
    assert len(asked) == 10
    text = (root / "engagements" / "pharmacy-hours.yaml").read_text(encoding="utf-8")
    assert 'places:\n  - "Example Vale"' in text and "closes: 2027-02-15" in text


def test_the_help_in_the_new_record_is_plain_english(tmp_path):
    root = copy_hub(tmp_path, with_records=False)
    new_record(root, "--file", "blank", "--no-questions")
    lines = (root / "engagements" / "blank.yaml").read_text(encoding="utf-8").splitlines()[1:]
    # Help lines are sentences; the others are optional fields to turn on.
    help_text = [l.strip()[2:] for l in lines if l.strip().startswith("# ") and l.strip().endswith(".")]
    page = root / "content" / "scaffold-help.md"
    # The date pattern is allowed in the hub's messages (plain_english_allowed.yaml): here it is code too.
    page.write_text("\n\n".join(help_text).replace("YYYY-MM-DD", "`YYYY-MM-DD`") + "\n", encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "plain_english.py"), str(page)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout
