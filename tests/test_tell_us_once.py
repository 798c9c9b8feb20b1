"""Tell us once: a warning when an engagement asks the same people about the same thing as another."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from conftest import DEMO_TODAY, copy_hub, validate
from hub.checks.overlaps import asks_same_people, overlap_warnings
from hub.records.loading import LoadedRecord, Summary
from hub.records.model import Engagement
from hub.records.yaml_source import Document
from records import minimal_record

TODAY = dt.date.fromisoformat(DEMO_TODAY)
WEEKS = 26

# Open now, in Testham, about GP services, for older people.
PLANNED = dict(
    level="place",
    places=["Testham"],
    topics=["GP services", "Buildings"],
    who_for=["Older people", "Carers"],
    opens=dt.date(2026, 11, 1),
    closes=dt.date(2026, 12, 31),
)


def loaded(slug: str, **changes) -> Summary:
    """A record's summary, which is what the overlap check reads."""
    path = Path("engagements") / f"{slug}.yaml"
    engagement = Engagement.model_validate(minimal_record(**{**PLANNED, "title": slug, **changes}))
    return LoadedRecord(slug, path, path, engagement, Document({}, _lines={("topics",): 9})).summary


def engagement(**changes) -> Summary:
    return loaded("planned", **changes)


@pytest.mark.parametrize(
    "other, why",
    [
        (dict(), "the same in every way"),
        (dict(opens=dt.date(2026, 12, 1), closes=dt.date(2027, 2, 1)), "open in the same weeks"),
        (dict(opens=dt.date(2026, 3, 1), closes=dt.date(2026, 5, 5)), "closed 25 weeks before it opens"),
        (dict(opens=dt.date(2027, 6, 1), closes=dt.date(2027, 7, 1)), "opens 22 weeks after it closes"),
        (dict(topics=["gp  Services"]), "the same topic in other capitals and spaces"),
        (dict(places=["Elsewhere"], level="system"), "the other covers the whole area"),
        (dict(places=["Elsewhere", "Testham"]), "one place in common"),
        (dict(who_for=["Carers", "Young people"]), "one group of people in common"),
    ],
)
def test_engagements_that_ask_the_same_people_about_the_same_thing_overlap(other, why):
    shared = asks_same_people(engagement(), engagement(**other), WEEKS)
    assert shared is not None, why
    assert asks_same_people(engagement(**other), engagement(), WEEKS) is not None, why


@pytest.mark.parametrize(
    "other, why",
    [
        (dict(topics=["Dental care"]), "no topic in common"),
        (dict(places=["Elsewhere"]), "no place in common, and neither covers the whole area"),
        (dict(who_for=["Young people"]), "no group of people in common"),
        (dict(opens=dt.date(2026, 1, 1), closes=dt.date(2026, 4, 30)), "closed 26 weeks and 2 days before it opens"),
        (dict(opens=dt.date(2027, 7, 3), closes=dt.date(2027, 8, 1)), "opens more than 26 weeks after it closes"),
    ],
)
def test_engagements_that_differ_in_any_one_way_do_not_overlap(other, why):
    assert asks_same_people(engagement(), engagement(**other), WEEKS) is None, why
    assert asks_same_people(engagement(**other), engagement(), WEEKS) is None, why


def test_what_they_share_is_named():
    shared = asks_same_people(engagement(), engagement(topics=["Buildings"], who_for=["carers"]), WEEKS)
    assert (shared.topics, shared.places, shared.who_for) == (["Buildings"], ["Testham"], ["Carers"])


def test_the_warning_names_the_other_engagement_and_points_at_topics():
    planned = loaded("new-surgery")
    earlier = loaded("surgery-survey", opens=dt.date(2026, 3, 1), closes=dt.date(2026, 5, 5))
    [warning] = overlap_warnings([planned], TODAY, WEEKS, others=[earlier])
    assert warning.warning and warning.field == "topics" and warning.line == 9
    assert str(warning.path) == "engagements/new-surgery.yaml"
    assert '"surgery-survey" (engagements/surgery-survey.yaml)' in warning.message
    assert "Both are about GP services and Buildings, for Older people and Carers." in warning.message
    assert "it closed on 5 May 2026" in warning.message


def test_one_that_closed_exactly_the_weeks_before_it_opens_is_named_and_one_a_day_earlier_is_not():
    planned = loaded("planned")  # opens on 1 November 2026; 26 weeks before is 3 May
    edge = loaded("edge", opens=dt.date(2026, 3, 1), closes=dt.date(2026, 5, 3))
    beyond = loaded("beyond", opens=dt.date(2026, 3, 1), closes=dt.date(2026, 5, 2))
    [warning] = overlap_warnings([planned, edge, beyond], TODAY, WEEKS)
    assert str(warning.path) == "engagements/planned.yaml" and "(engagements/edge.yaml)" in warning.message


def test_engagements_that_have_closed_are_not_warned_about():
    past = loaded("past", opens=dt.date(2026, 1, 1), closes=dt.date(2026, 3, 1))
    older = loaded("older", opens=dt.date(2025, 11, 1), closes=dt.date(2025, 12, 1))
    assert overlap_warnings([past, older], TODAY, WEEKS) == []


def test_two_open_engagements_are_each_warned_about_the_other():
    first, second = loaded("first"), loaded("second", opens=dt.date(2026, 12, 1), closes=dt.date(2027, 1, 31))
    warnings = overlap_warnings([first, second], TODAY, WEEKS)
    assert [(str(w.path), "(engagements/second.yaml)" in w.message) for w in warnings] == [
        ("engagements/first.yaml", True),
        ("engagements/second.yaml", False),
    ]
    assert "while both are open" in warnings[0].message


def test_the_index_finds_every_overlap_that_comparing_every_pair_finds():
    # Records on a few topics, places and groups, over two years, some covering the whole area.
    records = [
        loaded(
            f"r{n}",
            topics=[f"Topic {n % 7}", f"Topic {n % 3}"],
            places=[f"Place {n % 5}"],
            who_for=[f"Group {n % 4}"],
            level="system" if n % 11 == 0 else "place",
            opens=dt.date(2026, 1, 1) + dt.timedelta(days=n * 2),
            closes=dt.date(2026, 2, 1) + dt.timedelta(days=n * 3),
        )
        for n in range(300)
    ]
    today = dt.date(2026, 1, 1)
    counted = {}
    for warning in overlap_warnings(records, today, WEEKS):
        more = re.match(r"(\d+) more engagements? asks? ", warning.message)
        counted[warning.path.stem] = counted.get(warning.path.stem, 0) + (int(more[1]) if more else 1)
    every_pair = {r.slug: sum(1 for o in records if o is not r and asks_same_people(r, o, WEEKS)) for r in records}
    assert counted == {slug: n for slug, n in every_pair.items() if n}
    assert len(counted) > 100


def test_validate_shows_the_warning_when_one_new_file_is_checked(tmp_path):
    root = copy_hub(tmp_path)
    stroke = yaml.safe_load((root / "engagements" / "stroke-rehabilitation.yaml").read_text(encoding="utf-8"))
    new = minimal_record(
        title="Stroke support at home",
        lead="Example Vale Council",  # from the hub's list of organisations
        level="place",
        places=["Northfield"],
        topics=["Stroke"],
        who_for=["Older people"],
        opens=dt.date(2027, 2, 1),
        closes=dt.date(2027, 3, 31),
    )
    (root / "engagements" / "stroke-at-home.yaml").write_text(yaml.safe_dump(new, sort_keys=False), encoding="utf-8")
    result = validate(root, DEMO_TODAY, "engagements/stroke-at-home.yaml")
    assert result.code == 0, result.output
    assert (
        f'engagements/stroke-at-home.yaml:7: topics: warning: "{stroke["title"]}" '
        "(engagements/stroke-rehabilitation.yaml) asks the same people about the same thing in Northfield"
    ) in result.output
    assert "(engagements/stroke-at-home.yaml) asks" not in result.output  # not warned about itself


def test_a_record_names_its_three_nearest_overlaps_and_counts_the_rest():
    this = loaded("this")
    # Each opens a day later than the one before, so the nearest in time are other-0, other-1 and other-2.
    others = [loaded(f"other-{n}", opens=dt.date(2026, 11, 1) + dt.timedelta(days=n)) for n in range(5)]
    warnings = overlap_warnings([this], TODAY, WEEKS, others)
    named = [w.message for w in warnings if "other-" in w.message]
    assert len(named) == 3 and all(f"other-{n}" in m for n, m in enumerate(named))
    assert "2 more engagements ask the same people" in warnings[-1].message
