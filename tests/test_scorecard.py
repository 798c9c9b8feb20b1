"""Each charter rule, met and not met, with thresholds taken from the settings."""

from __future__ import annotations

import datetime as dt

import pytest

from hub.facts.scorecard import Result, outcome_due, score
from hub.records.model import Engagement
from hub.settings import Settings
from records import minimal_record

D = dt.date
TODAY = D(2026, 11, 23)
SETTINGS = Settings(area="Testshire", phone="0800 000 0000", phone_hours="9 to 5", post="Freepost Test")
OUTCOME = {
    "published": D(2026, 8, 1),
    "summary": "People said things.",
    "took_part": {"total": 10},
    "themes": [{"theme": "Buses", "detail": "Too few."}],
}


EIA = {"documents": [{"title": "EIA", "link": "https://example.org/eia", "kind": "equality_impact_assessment"}]}


def verdict(number: int, settings: Settings = SETTINGS, today: dt.date = TODAY, **changes):
    if changes.get("type") == "formal_consultation":
        changes = {**EIA, **changes}  # a formal consultation must link one
    engagement = Engagement.model_validate(minimal_record(**changes))
    return score(engagement, today, settings)[number - 1]


def closed(**changes):
    return {"opens": D(2026, 5, 1), "closes": D(2026, 6, 30), **changes}


WHY = "Too many people wait for hours at the walk-in centre. We want to know when you need it most."


def test_1_purpose_is_met_by_a_record_that_explains_why_and_who_decides():
    v = verdict(1, why=WHY)
    assert v.result is Result.met and "Test Board will decide" in v.evidence


def test_1_purpose_is_not_met_by_a_reason_of_a_few_words():
    v = verdict(1, why="To test.")
    assert v.result is Result.not_met and "only 2 words long" in v.evidence


def test_1_purpose_word_count_is_a_setting():
    assert verdict(1, SETTINGS.model_copy(update={"purpose_min_words": 2}), why="To test.").result is Result.met


def test_2_partners_met_when_named():
    v = verdict(2, partners=["Healthwatch Testshire"])
    assert v.result is Result.met and "Healthwatch Testshire" in v.evidence


def test_2_partners_not_met_when_none_are_named():
    assert verdict(2).result is Result.not_met


def test_3_time_met_when_open_for_at_least_the_minimum_for_its_type():
    # 12 weeks is 84 days, counting the first and last day.
    v = verdict(3, type="formal_consultation", opens=D(2026, 9, 1), closes=D(2026, 11, 23))
    assert v.result is Result.met and "Open for 84 days" in v.evidence


def test_3_time_not_met_when_a_formal_consultation_is_too_short():
    v = verdict(3, type="formal_consultation", opens=D(2026, 9, 1), closes=D(2026, 11, 22))
    assert v.result is Result.not_met and "1 day too short" in v.evidence


def test_3_time_threshold_is_a_setting():
    shorter = SETTINGS.model_copy(update={"minimum_weeks": {"formal_consultation": 6}})
    v = verdict(3, shorter, type="formal_consultation", opens=D(2026, 9, 1), closes=D(2026, 10, 20))
    assert v.result is Result.met


def test_4_ways_met_with_two_ways_one_offline():
    take_part = {"online": {"link": "https://example.org/s"}, "phone": {"number": "0800 000 0001"}}
    assert verdict(4, take_part=take_part).result is Result.met


def test_4_ways_not_met_when_online_only():
    v = verdict(4)
    assert v.result is Result.not_met and "without the internet" in v.evidence


def test_4_ways_not_met_with_a_single_offline_way():
    v = verdict(4, take_part={"phone": {"number": "0800 000 0001"}})
    assert v.result is Result.not_met and "only one way" in v.evidence


def test_5_open_and_honest_met_when_limits_are_given_with_reasons_and_equality_is_assessed():
    limits = [{"what": "The budget", "why": "It is set nationally."}]
    v = verdict(5, cannot_influence=limits, **EIA)
    assert v.result is Result.met and v.evidence.endswith("It links its equality impact assessment.")
    reason = verdict(5, cannot_influence=limits, no_equality_impact_assessment="It changes no service.")
    assert reason.result is Result.met


def test_5_open_and_honest_not_met_without_an_equality_impact_assessment_or_a_reason():
    limits = [{"what": "The budget", "why": "It is set nationally."}]
    assert verdict(5, cannot_influence=limits).result is Result.not_met


def test_5_open_and_honest_not_met_without_limits():
    assert verdict(5).result is Result.not_met


def test_6_formats_met_when_one_is_offered():
    formats = [{"format": "easy_read", "link": "https://example.org/easy"}]
    v = verdict(6, accessible_formats=formats)
    assert v.result is Result.met and "Easy Read" in v.evidence


def test_6_formats_not_met_when_none_are_offered():
    assert verdict(6).result is Result.not_met


def test_7_feedback_not_yet_due_while_open_and_before_the_due_date():
    assert verdict(7).result is Result.not_yet_due
    # Closed 30 June: due 12 weeks later, on 22 September.
    assert verdict(7, today=D(2026, 9, 22), **closed()).result is Result.not_yet_due


def test_7_feedback_not_met_when_the_outcome_is_late():
    v = verdict(7, today=D(2026, 9, 23), **closed())
    assert v.result is Result.not_met and "has not been published" in v.evidence


def test_7_feedback_met_when_published_on_time():
    assert verdict(7, **closed(outcome=OUTCOME)).result is Result.met


def test_7_feedback_not_met_when_published_after_the_promised_date():
    v = verdict(7, **closed(outcome=OUTCOME, outcome_due=D(2026, 7, 15)))
    assert v.result is Result.not_met and "17 days after it was due" in v.evidence


def test_7_due_weeks_is_a_setting_and_a_record_can_promise_its_own_date():
    e = Engagement.model_validate(minimal_record(**closed()))
    assert outcome_due(e, SETTINGS) == D(2026, 9, 22)
    assert outcome_due(e, SETTINGS.model_copy(update={"outcome_due_weeks": 4})) == D(2026, 7, 28)
    promised = Engagement.model_validate(minimal_record(**closed(outcome_due=D(2026, 8, 1))))
    assert outcome_due(promised, SETTINGS) == D(2026, 8, 1)


@pytest.mark.parametrize(
    "number, field, value", [(8, "lessons_shared", "At the partners' network."), (9, "lessons", ["Start earlier."])]
)
def test_8_and_9_lessons_met_when_recorded(number, field, value):
    assert verdict(number, **closed(outcome={**OUTCOME, field: value})).result is Result.met


@pytest.mark.parametrize("number", [8, 9])
def test_8_and_9_lessons_not_met_when_the_outcome_has_none(number):
    assert verdict(number, **closed(outcome=OUTCOME)).result is Result.not_met


@pytest.mark.parametrize("number", [8, 9])
def test_8_and_9_not_yet_due_before_an_outcome(number):
    assert verdict(number).result is Result.not_yet_due
