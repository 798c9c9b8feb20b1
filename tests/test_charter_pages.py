"""The charter on the built site: scorecards, principle pages, 'feedback due' and staff warnings."""

from __future__ import annotations

import pytest

from conftest import copy_hub, mkdocs_build, validate
from hub.facts.charter import PRINCIPLES
from pages import content, page, text
from test_broken_records import GOOD


def _record(opens: str, closes: str, title: str) -> str:
    return (
        GOOD.replace("opens: 2026-11-01", f"opens: {opens}")
        .replace("closes: 2026-12-31", f"closes: {closes}")
        .replace("Your say on the Testham walk-in centre", title)
    )


RECORDS = {
    # Closed 30 June: the outcome was due 22 September, 62 days before 23 November.
    "late-since-june.yaml": _record("2026-05-01", "2026-06-30", "Late since June"),
    # Closed 1 August: due 24 October, 30 days before.
    "late-since-october.yaml": _record("2026-06-01", "2026-08-01", "Late since October"),
    # Closed 30 October: not due until 22 January.
    "not-due-yet.yaml": _record("2026-09-01", "2026-10-30", "Not due yet"),
    "still-open.yaml": _record("2026-11-01", "2026-12-31", "Still open").replace(
        "lead: NHS", "partners:\n  - Healthwatch Testham\nlead: NHS"
    ),
    "short-consultation.yaml": _record("2026-11-01", "2026-12-01", "Short consultation").replace(
        "type: survey", "type: formal_consultation\nno_equality_impact_assessment: It is a test."
    ),
}


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    root = copy_hub(tmp_path_factory.mktemp("charter"), with_records=False)
    for name, text_ in RECORDS.items():
        (root / "engagements" / name).write_text(text_)
    built = mkdocs_build(root)
    assert built.code == 0, built.output
    return root


def test_feedback_due_lists_late_outcomes_oldest_first_with_weeks_late(hub):
    cards = content(page(hub / "site", "feedback-due/")).select(".hub-card")
    assert [text(c.select_one("h2")) for c in cards] == ["Late since June", "Late since October"]
    assert "8 weeks late" in text(cards[0]) and "due by 22 September 2026" in text(cards[0])
    assert "4 weeks late" in text(cards[1])


def test_validation_warns_staff_of_the_same_late_outcomes_without_failing(hub):
    result = validate(hub)
    assert result.code == 0, result.output
    late = [l for l in result.output.splitlines() if "outcome was due" in l]
    assert len(late) == 2
    assert late[0].startswith("engagements/late-since-june.yaml:18: closes: warning:")
    assert "8 weeks late" in late[0]


def test_validation_warns_of_gunning_risks(hub):
    output = validate(hub).output
    short = [l for l in output.splitlines() if l.startswith("engagements/short-consultation.yaml")]
    assert any("decision: warning: a formal consultation should say when the decision" in l for l in short)
    assert any(
        "closes: warning: it is open for 31 days, but formal public consultation should be open for at least 84 days"
        in l
        for l in short
    )


def test_a_decision_before_the_close_is_a_gunning_warning(hub, tmp_path):
    record = tmp_path / "early.yaml"
    record.write_text(GOOD.replace("  when: Spring 2027", "  when: December 2026\n  date: 2026-12-10"))
    result = validate(hub, "2026-11-23", str(record))
    assert result.code == 0
    assert "decision.date: warning: the decision is on 10 December 2026, before the engagement closes" in result.output


def test_the_scorecard_on_the_page_matches_the_record(hub):
    table = content(page(hub / "site", "engagements/still-open/")).select_one("table.hub-scorecard")
    rows = {text(r.th): text(r.find_all("td")[0]) for r in table.tbody.find_all("tr")}
    assert len(rows) == 9
    assert rows["1. We are clear about why we are asking"] == "Met"
    assert rows["2. We work with partners"] == "Met"  # Healthwatch Testham is named
    assert rows["4. We offer different ways to have your say"] == "Met"  # online and phone
    assert rows["5. We are open and honest"] == "Not met"  # no limits given
    assert rows["6. Our information is easy for everyone to use"] == "Not met"
    assert rows["7. We tell you what happened"] == "Not yet due"


def test_each_principle_page_lists_who_met_it_and_who_did_not(hub):
    partners = next(p for p in PRINCIPLES if p.number == 2)
    soup = content(page(hub / "site", f"charter/{partners.slug}/"))
    met = [text(a) for a in soup.find(id="met").find_parent("section").select(".hub-card__title a")]
    not_met = [text(a) for a in soup.find(id="not-met").find_parent("section").select(".hub-card__title a")]
    assert met == ["Still open"]
    assert sorted(not_met) == ["Late since June", "Late since October", "Not due yet", "Short consultation"]


def test_the_charter_page_explains_each_principle_and_counts(hub):
    soup = content(page(hub / "site", "charter/"))
    items = soup.select("ol.hub-principles > li")
    assert len(items) == 9
    assert "Met by 1 engagement. Not met by 4." in text(items[1])


def test_the_types_page_shows_the_minimum_times_from_the_settings(hub):
    soup = content(page(hub / "site", "types-of-engagement/"))
    rows = {text(r.th): text(r.find_all("td")[-1]) for r in soup.select("tbody tr")}
    assert rows["Formal public consultation"] == "12 weeks"
    assert rows["Information and updates"] == "No set time"
