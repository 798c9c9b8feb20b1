"""Who took part, by group, beside who lives in the places (issue 21).

Shares and gaps are checked against a small set worked by hand; small numbers are checked wherever a
count appears (pages, feeds, open data, search index); the chart has a text equivalent and passes
axe-core; wrong group names and counts that do not add up get `file:line:` messages.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_hub, mkdocs_build, validate
from hub.facts.reach import engagement_reach, percent
from hub.facts.small_numbers import hide_small
from hub.records.model import Engagement
from hub.records.population import load_population
from pages import content, page, text
from records import minimal_record

# --- Figures worked by hand -------------------------------------------------------------------------

# Testham: 60% women; Otherby: 30% women. Ages: Under 16 is 200 of Testham's 1,000, so among adults
# (800) 16 to 24 is 100/800 = 12.5%, which rounds half up to 13%.
PLACES = {
    "made_up": True,
    "source": "figures made up for a test",
    "year": 2021,
    "places": [
        {
            "place": "Testham",
            "people": {
                "sex": {"Female": 600, "Male": 400},
                "age": {
                    "Under 16": 200,
                    "16 to 24": 100,
                    "25 to 34": 100,
                    "35 to 49": 200,
                    "50 to 64": 200,
                    "65 to 74": 100,
                    "75 to 84": 50,
                    "85 and over": 50,
                },
            },
        },
        {"place": "Otherby", "people": {"sex": {"Female": 300, "Male": 700}}},
        {"place": "Both", "made_of": ["Testham", "Otherby"]},
    ],
}


def _population(tmp_path: Path, places: dict = PLACES):
    folder = tmp_path / "population"
    folder.mkdir(exist_ok=True)
    (folder / "places.yaml").write_text(yaml.safe_dump(places, sort_keys=False), encoding="utf-8")
    population, problems = load_population(folder, tmp_path)
    assert problems == []
    return population


def _engagement(places: list[str], total: int, by_group: dict, **outcome) -> Engagement:
    record = minimal_record(
        places=places,
        opens="2026-05-01",
        closes="2026-06-30",
        outcome={
            "published": "2026-08-01",
            "summary": "What happened.",
            "took_part": {"total": total, **outcome},
            "themes": [{"theme": "A theme", "detail": "What people said."}],
            "by_group": by_group,
        },
    )
    return Engagement.model_validate(record)


def test_percentages_round_half_up_once():
    assert percent(Fraction(1, 8)) == "13%"  # 12.5%: Python's round() would say 12
    assert percent(Fraction(1, 200)) == "1%"
    assert percent(Fraction(1, 1000)) == "less than 1%"
    assert percent(Fraction(0)) == "0%"


def test_shares_and_gaps_worked_by_hand(tmp_path):
    population = _population(tmp_path)
    # 50 took part: 40 women, 7 men, 3 preferred not to say. Of the 47 who answered: 40/47 = 85.1%, 7/47 = 14.9%.
    e = _engagement(["Testham"], 50, {"sex": {"Female": 40, "Male": 7, "Preferred not to say": 3}})
    reach = engagement_reach(e, population)
    assert reach is not None
    (sex,) = reach.questions
    female, male = sex.rows
    assert sex.answered.value == 47
    assert (female.share, male.share) == (Fraction(40, 47), Fraction(7, 47))
    assert (female.lives_here, male.lives_here) == (Fraction(6, 10), Fraction(4, 10))
    # A gap of 25.1 points: with two groups, one's gap is the other's turned round, so it is said once.
    assert [(g.row.group.name, g.fewer, g.took_part, g.lives_here) for g in reach.gaps] == [
        ("Female", False, "85%", "60%")
    ]
    # 3 preferred not to say: hidden, and "Not asked" (0) hidden too, or 50 - 47 - 0 would give the 3 away.
    assert [(r.name, r.count.data) for r in sex.not_known] == [
        ("Not asked", "not shown"),
        ("Preferred not to say", "fewer than 5"),
    ]

    # Over both places: (600 + 300) / 2,000 = 45% women. A place made of others counts each part once.
    both = engagement_reach(
        _engagement(["Both", "Testham"], 50, {"sex": {"Female": 40, "Male": 7, "Not asked": 3}}), population
    )
    assert both is not None
    assert both.questions[0].rows[0].lives_here == Fraction(45, 100)


def test_an_optional_group_left_out_is_left_out_of_both_shares(tmp_path):
    population = _population(tmp_path)
    by_age = {
        "16 to 24": 5,
        "25 to 34": 5,
        "35 to 49": 10,
        "50 to 64": 10,
        "65 to 74": 10,
        "75 to 84": 5,
        "85 and over": 5,
    }
    reach = engagement_reach(_engagement(["Testham"], 50, {"age": by_age}), population)
    assert reach is not None
    rows = {r.group.name: r for r in reach.questions[0].rows}
    assert "Under 16" not in rows  # a survey of adults: compared with the 800 adults
    assert rows["16 to 24"].lives_here == Fraction(100, 800)
    assert rows["16 to 24"].share == Fraction(5, 50)
    # 16 to 24: 10% against 12.5%, 2.5 points: no sentence. 35 to 49 and 50 to 64: 20% against 25%, exactly
    # 5 points: a sentence each, fewer first. 65 to 74: 20% against 12.5%, 7.5 points more.
    assert [(g.row.group.name, g.fewer, g.took_part, g.lives_here) for g in reach.gaps] == [
        ("35 to 49", True, "20%", "25%"),
        ("50 to 64", True, "20%", "25%"),
        ("65 to 74", False, "20%", "13%"),
    ]


def test_no_comparison_for_a_place_without_figures(tmp_path):
    population = _population(tmp_path)
    reach = engagement_reach(_engagement(["Testham", "Nowhere"], 10, {"sex": {"Female": 5, "Male": 5}}), population)
    assert reach is not None
    assert reach.missing_places == ["Nowhere"]
    assert not reach.questions[0].compared and reach.gaps == []


def test_small_numbers_rule():
    # One hidden count among counts that add up to a known total: the smallest other is hidden too.
    assert [s.data for s in hide_small([36, 3], 39)] == ["not shown", "fewer than 5"]
    # Two hidden already: neither can be worked out, so nothing more is hidden.
    assert [s.data for s in hide_small([40, 3, 2], 45)] == [40, "fewer than 5", "fewer than 5"]
    # Counts that do not add up to a total (people may use more than one way): only rule 1.
    assert [s.data for s in hide_small([37, 3], 60)] == [37, "fewer than 5"]
    # 0 names nobody, and is shown; unless it is all that is left to hide.
    assert [s.data for s in hide_small([0, 12, 0, 4], 16)] == [0, "not shown", 0, "fewer than 5"]
    assert [s.data for s in hide_small([0, 3], 3)] == ["not shown", "fewer than 5"]


# --- A hub built with small numbers in it ------------------------------------------------------------

SMALL = {
    "total": 40,
    "by_method": [{"method": "Online survey", "count": 37}, {"method": "Phone", "count": 3}],
}
SMALL_GROUPS = {
    "sex": {"Female": 36, "Male": 3, "Preferred not to say": 1},
    "age": {"16 to 24": 2, "25 to 34": 1, "Not asked": 37},
}


def _record_yaml(slug_title: str, took_part: dict, by_group: dict | None) -> str:
    outcome = {
        "published": "2026-08-01",
        "summary": "We listened.",
        "took_part": took_part,
        "themes": [{"theme": "Waiting", "detail": "People waited too long."}],
    }
    if by_group is not None:
        outcome["by_group"] = by_group
    record = minimal_record(
        title=slug_title,
        places=["Riverside"],
        lead="Example Vale Integrated Care Board",
        topics=["GP services"],
        who_for=["Everyone"],
        closes="2026-06-30",
        opens="2026-05-01",
        outcome=outcome,
        no_equality_impact_assessment="It is a survey, not a change to services.",
        example=True,
    )
    record["outcome"] = record.pop("outcome")  # last, so a test can add to it at the end of the file
    return yaml.safe_dump(record, sort_keys=False, allow_unicode=True)


@pytest.fixture(scope="module")
def small_hub(tmp_path_factory) -> Path:
    root = copy_hub(tmp_path_factory.mktemp("small"), with_records=False)
    (root / "population").mkdir()
    (root / "population" / "places.yaml").write_text((ROOT / "population" / "places.yaml").read_text())
    (root / "engagements" / "small-survey.yaml").write_text(_record_yaml("Small survey", SMALL, SMALL_GROUPS))
    (root / "engagements" / "tiny-survey.yaml").write_text(
        _record_yaml("Tiny survey", {"total": 4, "by_method": [{"method": "Phone", "count": 4}]}, None)
    )
    result = mkdocs_build(root)
    assert result.code == 0, result.output
    return root


# The real numbers that must never appear, and the shares that would reveal them (of 39 who answered sex).
HIDDEN = {"36", "37", "3", "2", "1", "4"}
REVEALING_SHARES = {"92%", "8%", "95%"}


def _cells(element) -> list[str]:
    return [" ".join(td.get_text(" ").split()) for td in element.find_all("td")]


def test_pages_hide_small_numbers(small_hub):
    section = content(page(small_hub / "site", "engagements/small-survey")).select_one("#outcome").parent
    words = text(section)
    assert "40 people took part." in words
    cells = _cells(section)
    assert not (set(cells) & (HIDDEN | REVEALING_SHARES)), cells
    assert cells[:2] == ["not shown", "fewer than 5"]  # online 37, phone 3: add up to 40
    # Sex: 36 women and 3 men of 39 who answered: both hidden, and no share for either.
    sex = section.find("caption", string=lambda s: s and s.startswith("Sex")).parent
    assert _cells(sex)[:6] == ["not shown", "not shown", "50%", "fewer than 5", "not shown", "50%"]
    # Age: only 3 answered, so no group is shown at all.
    assert "Fewer than 5 people answered this question" in words
    assert "were aged 16 to 24" not in words
    assert "So that nobody can be picked out" in words
    tiny = text(content(page(small_hub / "site", "engagements/tiny-survey")))
    assert "Fewer than 5 people took part." in tiny and "4 people" not in tiny


def test_feeds_hide_small_numbers(small_hub):
    feed = (small_hub / "site" / "feeds" / "outcomes.xml").read_text()
    assert "40 people took part." in feed
    assert "Fewer than 5 people took part." in feed
    assert "4 people" not in feed


def test_open_data_hides_small_numbers_and_carries_the_population(small_hub):
    data = small_hub / "site" / "data"
    record = json.loads((data / "engagements" / "small-survey.json").read_text())
    outcome = record["outcome"]
    assert outcome["took_part"]["total"] == 40
    assert [m["count"] for m in outcome["took_part"]["by_method"]] == ["not shown", "fewer than 5"]
    assert outcome["by_group"]["sex"] == {
        "Female": "not shown",
        "Male": "fewer than 5",
        "Not asked": "not shown",
        "Preferred not to say": "fewer than 5",
    }
    assert set(outcome["by_group"]["age"].values()) <= {"fewer than 5", "not shown"}
    every = json.loads((data / "engagements.json").read_text())
    tiny = next(e for e in every["engagements"] if e["id"] == "tiny-survey")
    assert tiny["outcome"]["took_part"]["total"] == "fewer than 5"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((data / "engagements.csv").read_text()))}
    assert rows["tiny-survey"]["people_who_took_part"] == "fewer than 5"
    # The published schema says what a hidden count looks like.
    schema = json.loads((data / "engagement.schema.json").read_text())
    group_count = schema["$defs"]["Outcome"]["properties"]["by_group"]["additionalProperties"]["additionalProperties"]
    assert {"const": "fewer than 5"} in group_count["anyOf"] and {"const": "not shown"} in group_count["anyOf"]
    population = json.loads((data / "population.json").read_text())
    assert population["made_up"] is True and population["year"] == 2021
    riverside = next(p for p in population["places"] if p["place"] == "Riverside")
    assert riverside["people"]["sex"]["Female"] > 1000
    population_schema = json.loads((data / "population.schema.json").read_text())
    assert {"source", "year", "places"} <= set(population_schema["required"])


def test_the_search_index_and_annual_report_hide_small_numbers(small_hub):
    index = json.loads((small_hub / "site" / "search" / "search_index.json").read_text())
    report = [d["text"] for d in index["docs"] if d["location"].startswith("reports/2026/")]
    assert report, "the annual report is in the search index"
    words = " ".join(report)
    assert "Who took part, by group" in " ".join(
        d["title"] for d in index["docs"] if d["location"].startswith("reports/2026/")
    )
    for hidden in ("36", "37", "39"):
        assert f">{hidden}<" not in words and f" {hidden} " not in f" {words} "
    # The hidden total of 4 is left out of the year's sum, which says so.
    assert "40, counted in the outcomes" in words and "fewer than 5 people took part" in words


# --- The chart's text equivalent, and axe-core ------------------------------------------------------


def test_the_chart_has_a_text_equivalent(demo_site):
    section = content(page(demo_site, "engagements/community-hospital-beds")).select_one("#who-we-heard-from").parent
    charts = section.select("svg.hub-chart__svg")
    assert len(charts) == 5  # age, sex, ethnic group, disability, unpaid care
    for svg in charts:
        assert svg["role"] == "img"
        title = svg.find("title")
        assert title["id"] == svg["aria-labelledby"] and "The table gives the same numbers" in title.text
        table = svg.find_next("table")  # in its scroll box, right after the chart
        assert table is not None and table.find("caption")
    words = text(section)
    assert (
        "We heard from fewer young people: 2% of the people who took part were aged 16 to 24, but 15% of people who live here are."
        in words
    )
    assert "We made up these population figures." in words


def test_each_reach_chart_draws_what_its_table_says(demo_site):
    for url in ("engagements/community-hospital-beds", "engagements/diabetes-community-champions", "reports/2025"):
        charts = content(page(demo_site, url)).select(".hub-chart--reach")
        assert charts
        for chart in charts:
            drawn = [t.get_text() for t in chart.select("svg .hub-chart__value")]
            rows = [[td.get_text() for td in tr.select("td")] for tr in chart.select("tbody tr")]
            groups = [r for r in rows if r[1] != "100%" and r[1]]  # not the total, nor Not asked and the like
            expected = []
            for number, took_part_share, *lives_here in groups:
                expected.append(
                    f"{took_part_share} took part" if took_part_share != "not shown" else f"Took part: {number}"
                )
                expected += [f"{share} live here" for share in lives_here]
            assert drawn == expected


# --- Messages for staff -----------------------------------------------------------------------------


def _hub_with(tmp_path: Path, by_group_yaml: str, total: int = 50) -> Path:
    root = copy_hub(tmp_path, with_records=False)
    (root / "population").mkdir()
    (root / "population" / "places.yaml").write_text((ROOT / "population" / "places.yaml").read_text())
    text_ = _record_yaml("Checked survey", {"total": total}, None) + "  by_group:\n" + by_group_yaml
    # by_group sits under outcome, the last part of the record.
    (root / "engagements" / "checked-survey.yaml").write_text(text_)
    return root


def _line_of(root: Path, needle: str) -> int:
    lines = (root / "engagements" / "checked-survey.yaml").read_text().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_unknown_groups_and_questions_get_file_line_messages(tmp_path):
    root = _hub_with(tmp_path, "    sex:\n      Femail: 30\n      Men: 20\n    ages:\n      16 to 24: 50\n")
    result = validate(root)
    assert result.code == 1
    where = "engagements/checked-survey.yaml"
    assert (
        f"{where}:{_line_of(root, 'Femail')}: outcome.by_group.sex.Femail: 'Femail' is not a group under sex. "
        "Did you mean 'Female'?"
    ) in result.output
    assert (
        f"{where}:{_line_of(root, 'Men:')}: outcome.by_group.sex.Men: 'Men' is another word for 'Male'" in result.output
    )
    assert (
        f"{where}:{_line_of(root, 'ages:')}: outcome.by_group.ages: 'ages' is not a question we know. Did you mean 'age'?"
        in result.output
    )


def test_counts_that_do_not_add_up_get_a_file_line_message(tmp_path):
    root = _hub_with(tmp_path, "    sex:\n      Female: 30\n      Male: 15\n")
    result = validate(root)
    assert result.code == 1
    assert (
        f"engagements/checked-survey.yaml:{_line_of(root, 'sex:')}: outcome.by_group.sex: the numbers under sex add up "
        "to 45, but took_part.total says 50 people took part."
    ) in result.output


def test_a_small_number_written_as_words_is_refused(tmp_path):
    root = _hub_with(tmp_path, '    sex:\n      Female: 47\n      Male: "fewer than 5"\n')
    result = validate(root)
    assert result.code == 1
    assert (
        f"checked-survey.yaml:{_line_of(root, 'Male:')}: outcome.by_group.sex.Male: should be the exact number"
        in result.output
    )


def test_staff_are_warned_about_groups_we_hardly_heard_from(tmp_path):
    # Riverside (made up): 18% of people aged 16 and over are 16 to 24... 1 in 50 here.
    ages = "      16 to 24: 1\n      25 to 34: 5\n      35 to 49: 10\n      50 to 64: 14\n      65 to 74: 10\n      75 to 84: 6\n      85 and over: 4\n"
    root = _hub_with(tmp_path, "    age:\n" + ages)
    result = validate(root)
    assert result.code == 0, result.output
    line = _line_of(root, "16 to 24")
    assert (
        f"engagements/checked-survey.yaml:{line}: outcome.by_group.age.16 to 24: warning: we heard from few young people: "
        "2% of the people who answered were aged 16 to 24, but 22% of the people who live in Riverside are. "
        "Next time: Work with colleges, youth workers and youth groups"
    ) in result.output


def test_staff_are_warned_about_an_outcome_that_does_not_say_who_took_part(tmp_path):
    root = copy_hub(tmp_path, with_records=False)
    (root / "engagements" / "checked-survey.yaml").write_text(_record_yaml("Checked survey", {"total": 50}, None))
    result = validate(root)
    assert "outcome.took_part: warning: the outcome does not say who took part. Add a by_group part" in result.output


def test_population_figures_are_checked(tmp_path):
    (tmp_path / "vocabulary").mkdir()
    (tmp_path / "vocabulary" / "places.yaml").write_text("places:\n  - name: Testham\n  - name: Otherby\n")
    bad = {
        "source": "test",
        "year": 2021,
        "places": [
            {"place": "Testham", "people": {"sex": {"Female": 10}}},
            {"place": "Elsewhere", "people": {"sex": {"Female": 10, "Male": 10, "Femail": 3}}},
            {"place": "Otherby", "made_of": ["Nowhere"]},
        ],
    }
    folder = tmp_path / "population"
    folder.mkdir()
    (folder / "places.yaml").write_text(yaml.safe_dump(bad, sort_keys=False))
    (tmp_path / "hub").mkdir()
    root = copy_hub(tmp_path / "hub", with_records=False)
    for name in ("vocabulary", "population"):
        (root / name).mkdir()
        (root / name / "places.yaml").write_text((tmp_path / name / "places.yaml").read_text())
    result = validate(root)
    assert result.code == 1
    out = result.output
    assert "population/places.yaml:" in out
    assert "places[1].people.sex: has no figure for 'Male'" in out
    assert "places[2].place: 'Elsewhere' is not written as in the list of places" in out
    assert "places[2].people.sex.Femail: 'Femail' is not a group under sex" in out
    assert "places[3].made_of[1]: 'Nowhere' has no figures of its own" in out
