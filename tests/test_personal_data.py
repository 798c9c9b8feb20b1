"""A private person's email address or phone number in a free-text field is a warning for staff, and
`redact` takes it out of anything that copies free text elsewhere (feeds, open data)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import DEMO_TODAY, ROOT, copy_hub, validate
from hub.checks.check_all import check_files
from hub.records.personal_data import _phones, find_personal_data, redact
from hub.settings import settings_from_mkdocs_yml
from test_broken_records import OUTCOME, replace

PERSONAL = [
    "jane.smith@nhs.net",
    "j.smith@examplevale.gov.uk",
    "jane_smith2@example.org",
    "bob@gmail.com",
    "info@hotmail.co.uk",
    "07700 900123",
    "07700900123",
    "+44 7700 900123",
    "+44 (0)7700 900 123",
    "(01632) 960 001",
    "020 7946 0000",
    "01632-960-001",
    "+1 212 555 0100",
]
ORGANISATIONAL = [
    "engage@example.nhs.uk",
    "haveyoursay@example.org",
    "info@examplevale.gov.uk",
    "vaccines@example.org",
    "stroke.consultation@example.org",
    "evicb.engagement@nhs.net",
    "0800 123 4567",
    "0808 800 4000",
    "0300 123 1234",
    "0845 46 47",
    "Relay UK, dial 18001 then 0800 000 1401",
    "111",
]
NOT_CONTACT_DETAILS = ["2026-11-01", "1,200 people", "from 2026 to 2027", "reference 12345678901", "£2,500,000"]


@pytest.mark.parametrize("detail", PERSONAL)
def test_a_private_persons_details_are_found_and_removed(detail):
    text = f"Before. Ask {detail} if you have questions. After."
    assert [found.text for found in find_personal_data(text)] == [detail]
    assert redact(text) == "Before. Ask [removed] if you have questions. After."


@pytest.mark.parametrize("detail", ORGANISATIONAL + NOT_CONTACT_DETAILS)
def test_an_organisations_details_and_other_numbers_are_left_alone(detail):
    text = f"Ask {detail} if you have questions."
    assert find_personal_data(text) == []
    assert redact(text) == text


def test_redact_removes_each_of_several_and_keeps_the_rest():
    text = "Call 07700 900123 or 0800 123 4567, or email jane.smith@nhs.net or engage@example.nhs.uk."
    assert redact(text) == "Call [removed] or 0800 123 4567, or email [removed] or engage@example.nhs.uk."


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=20), st.sampled_from(PERSONAL + ORGANISATIONAL + NOT_CONTACT_DETAILS)), max_size=8
    ).map(" ".join)
)
def test_redacted_text_holds_no_personal_details_and_nothing_else_changes(text):
    redacted = redact(text)
    assert find_personal_data(redacted) == []
    assert redact(redacted) == redacted
    if not find_personal_data(text):
        assert redacted == text


# The phone search as one pattern, as it was written first: the quicker search must find the same.
ONE_PHONE_PATTERN = re.compile(r"(?:\+\d|\(0|0)[\d ().-]{8,18}\d(?!\w)")


def _phones_with_one_pattern(text: str) -> list[tuple[int, int]]:
    found, position = [], 0
    while match := ONE_PHONE_PATTERN.search(text, position):
        if match.start() and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "_+"):
            position = match.start() + 1
        else:
            found.append(match.span())
            position = match.end()
    return found


@settings(max_examples=300, deadline=None, database=None)
@example("Call 0800 (0123) 456 7890 or (0123) 456 7890.")  # two ways of reading one number overlap
@given(
    st.lists(
        st.one_of(
            st.text(alphabet="0123456789 +()-.xé_\n", max_size=30),
            st.sampled_from(PERSONAL + ORGANISATIONAL + NOT_CONTACT_DETAILS),
        ),
        max_size=8,
    ).map("".join)
)
def test_phone_numbers_are_found_as_one_pattern_would_find_them(text):
    assert [m.span() for m in _phones(text)] == _phones_with_one_pattern(text)


# --- Warnings for staff -----------------------------------------------------------------------

HUB_SETTINGS = settings_from_mkdocs_yml(ROOT / "mkdocs.yml")
TODAY = dt.date.fromisoformat(DEMO_TODAY)


def _warnings(tmp_path: Path, record: str) -> list[str]:
    path = tmp_path / "walk-in.yaml"
    path.write_text(record)
    result = check_files([path], HUB_SETTINGS, TODAY)
    assert result.problems == []
    return [str(w).replace(f"{tmp_path}/", "") for w in result.warnings if "person's own details" in w.message]


def test_a_private_email_in_why_is_a_warning_at_its_line_with_how_to_fix(tmp_path):
    record = replace(
        "  We want to know when you use it.", "  We want to know when you use it. Write to jane.smith@nhs.net."
    )
    assert _warnings(tmp_path, record) == [
        "walk-in.yaml:12: why: warning: this has what looks like a person's own details: an email address "
        "starting ja… at nhs.net. The site is public, so use the team's contact details instead, in the contact fields."
    ]


def test_a_private_phone_number_in_an_outcome_is_a_warning(tmp_path):
    record = replace("closes: 2026-12-31", "closes: 2026-11-10") + OUTCOME.replace(
        "detail: Open later.", "detail: Open later, said Sam on 07700 900123."
    )
    assert _warnings(tmp_path, record) == [
        "walk-in.yaml:37: outcome.themes[1].detail: warning: this has what looks like a person's own details: a phone "
        "number ending 123. The site is public, so use the team's contact details instead, in the contact fields."
    ]


def test_the_warning_does_not_repeat_the_details_in_logs(tmp_path):
    record = replace("summary: We want to know how you use the walk-in centre.", "summary: Ring Sam on 07700 900123.")
    (warning,) = _warnings(tmp_path, record)
    assert "900123" not in warning and "07700" not in warning


def test_contact_fields_may_hold_a_persons_details(tmp_path):
    record = replace("  email: engage@example.org", '  email: jane.smith@nhs.net\n  phone: "07700 900123"').replace(
        '    number: "0800 000 0000"', '    number: "07700 900124"\n    description: Ask for Jane on 07700 900125.'
    )
    assert _warnings(tmp_path, record) == []


def test_organisational_details_in_free_text_are_no_warning(tmp_path):
    record = replace("  We want to know when you use it.", "  Email engage@example.nhs.uk or call 0800 123 4567.")
    assert _warnings(tmp_path, record) == []


def test_the_validator_shows_the_warning_and_still_passes(tmp_path):
    root = copy_hub(tmp_path, with_records=False)
    (root / "engagements" / "walk-in.yaml").write_text(
        replace("lead: NHS", "partners:\n  - Jo Bloggs, jo.bloggs@gmail.com\nlead: NHS")
    )
    result = validate(root)
    assert result.code == 0, result.output
    assert (
        "engagements/walk-in.yaml:4: partners[1]: warning: this has what looks like a person's own details"
        in result.output
    )


def test_no_demo_record_has_a_persons_details(tmp_path):
    result = validate(ROOT)
    assert "person's own details" not in result.output


def test_the_map_is_checked_too(tmp_path):
    hub = copy_hub(tmp_path)
    bodies = hub / "map" / "bodies.yaml"
    text = bodies.read_text()
    asked = "      questions: Send your question by email at least five working days before the meeting."
    assert asked in text
    bodies.write_text(text.replace(asked, asked[:-1] + ", or email jane.smith@nhs.net."))
    line = bodies.read_text().splitlines().index(asked[:-1] + ", or email jane.smith@nhs.net.") + 1
    checked = validate(hub)
    assert checked.code == 0
    assert (
        f"map/bodies.yaml:{line}: bodies[1].meets_in_public.questions: warning: this has what looks like a person's own details"
        in checked.output
    )
    assert "jane.smith" not in checked.output
