"""Records that fit real engagements: programmes with no closing date, events online or by phone, counts
nobody took, one spelling for each topic, place and organisation, and the equality impact assessment."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from conftest import DEMO_TODAY, ROOT, copy_hub, mkdocs_build, validate
from hub.checks.at_risk import cautions
from hub.facts.catalogue import Catalogue
from hub.facts.scorecard import Result, outcome_due, score
from hub.facts.status import Status, timing
from hub.outputs.calendar import calendar_file
from hub.outputs.open_data import open_data_files
from hub.records.loading import load_each
from hub.records.model import Engagement
from hub.settings import settings_from_mkdocs_yml
from records import minimal_record

SETTINGS = settings_from_mkdocs_yml(ROOT / "mkdocs.yml")
TODAY = dt.date.fromisoformat(DEMO_TODAY)
ONGOING = "engagements/diabetes-champions-at-any-time.yaml"


def ongoing(**changes) -> dict:
    record = minimal_record(**changes)
    del record["closes"]
    return record


def _errors(record: dict) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as error:
        Engagement.model_validate(record)
    return [(".".join(str(p) for p in e["loc"]), e["msg"]) for e in error.value.errors()]


# --- Ongoing engagements ---------------------------------------------------------------------------


def test_an_engagement_that_carries_on_needs_no_closing_date_and_stays_open():
    e = Engagement.model_validate(ongoing(opens=dt.date(2020, 1, 1)))
    t = timing(e, TODAY, SETTINGS.closing_soon_days)
    assert e.ongoing and t.status is Status.open and not t.closing_soon
    assert t.countdown == "Open, with no closing date"


def test_one_that_carries_on_is_never_late_and_its_time_promise_is_met():
    e = Engagement.model_validate(ongoing(opens=dt.date(2020, 1, 1)))
    assert outcome_due(e, SETTINGS) is None
    verdicts = {v.principle.number: v for v in score(e, dt.date(2030, 1, 1), SETTINGS)}
    assert verdicts[3].result is Result.met
    assert verdicts[7].result is Result.not_yet_due


def test_a_formal_consultation_still_needs_a_closing_date():
    record = ongoing(type="formal_consultation", no_equality_impact_assessment="Not needed for a test.")
    [(_, message)] = _errors(record)
    assert message == (
        "is missing. A formal consultation needs a closing date, so people know how long they have. "
        "Add a closes line, such as closes: 2027-03-31."
    )


def test_the_demo_programme_shows_as_open_with_no_closing_date_everywhere(demo_site):
    page = (demo_site / "engagements/diabetes-champions-at-any-time/index.html").read_text()
    assert "Open from Monday 1 June 2026, with no closing date: you can take part at any time." in page
    assert "We did not count how many people took part." in page
    assert '<td class="hub-number">Not counted</td>' in page
    listed = (demo_site / "have-your-say/index.html").read_text()
    assert "From 1 June 2026, with no closing date" in listed
    assert "diabetes-champions-at-any-time" not in (demo_site / "feedback-due/index.html").read_text()
    data = yaml.safe_load((demo_site / "data/engagements/diabetes-champions-at-any-time.json").read_text())
    assert data["closes"] is None and data["status"] == "open"
    assert data["outcome"]["took_part"]["total"] is None
    calendar = (demo_site / "feeds/events.ics").read_text()
    assert "diabetes-champions-at-any-time-closes" not in calendar
    assert "Online questions with a diabetes nurse" in calendar


def test_outputs_made_in_memory_handle_a_record_with_no_closing_date(tmp_path):
    (tmp_path / "walk-in.yaml").write_text(yaml.safe_dump(ongoing(), sort_keys=False))
    [(record, problems)] = load_each([tmp_path / "walk-in.yaml"])
    assert record is not None, problems
    catalogue = Catalogue.build([record], TODAY, SETTINGS)
    assert [e.slug for e in catalogue.open_now] == ["walk-in"] and catalogue.feedback_due == []
    assert "walk-in-closes" not in calendar_file(catalogue, None).content
    published = {f.path: f.content for f in open_data_files(catalogue)}
    assert '"closes":null' in published["data/engagements/walk-in.json"]
    assert ",2026-11-01,,A test.," in published["data/engagements/walk-in.csv"]  # an empty closing day


# --- Events online or by phone ------------------------------------------------------------------------


def _event(**changes) -> dict:
    event = {"name": "Online session", "date": dt.date(2026, 12, 9), "starts": "18:30", "ends": "19:30"}
    event.update(changes)
    return event


def test_an_online_event_needs_no_venue_or_address():
    record = minimal_record(take_part={"events": [_event(online={"how": "on Teams", "link_sent": "By email."})]})
    e = Engagement.model_validate(record)
    assert e.take_part.events[0].venue is None and e.take_part.events[0].time_of_day == "evening"


def test_an_event_with_neither_a_place_nor_a_way_to_join_is_refused():
    messages = _errors(minimal_record(take_part={"events": [_event()]}))
    assert any("says no venue. Add the venue and address lines, or an online part" in m for _, m in messages)


def test_an_online_event_must_say_how_to_join():
    messages = _errors(minimal_record(take_part={"events": [_event(online={"how": "on Teams"})]}))
    assert any("does not say how to join" in m for _, m in messages)


# --- Counts nobody took ---------------------------------------------------------------------------------


def test_a_count_can_be_not_counted_but_not_true_or_text():
    outcome = {
        "published": dt.date(2027, 2, 1),
        "summary": "What happened.",
        "took_part": {"total": "not counted", "by_method": [{"method": "Stall", "count": "not counted"}]},
        "themes": [{"theme": "Time", "detail": "People want more time."}],
    }
    e = Engagement.model_validate(minimal_record(outcome=outcome))
    assert e.outcome is not None and e.outcome.took_part.total is None
    for wrong in (True, "lots", -1, None):
        outcome["took_part"] = {"total": wrong}
        assert any("took_part.total" in where for where, _ in _errors(minimal_record(outcome=outcome))), wrong


# --- Equality impact assessment --------------------------------------------------------------------------


def test_a_formal_consultation_needs_its_equality_assessment_or_a_reason():
    messages = _errors(minimal_record(type="formal_consultation"))
    assert any("needs its equality impact assessment" in m for _, m in messages)
    documented = minimal_record(
        type="formal_consultation",
        documents=[{"title": "EIA", "link": "https://example.org/eia", "kind": "equality_impact_assessment"}],
    )
    assert Engagement.model_validate(documented).equality_assessment is not None
    assert Engagement.model_validate(minimal_record(type="formal_consultation", no_equality_impact_assessment="Why."))


def test_other_types_get_a_warning_and_the_scorecard_counts_it(tmp_path):
    (tmp_path / "walk-in.yaml").write_text(
        yaml.safe_dump(minimal_record(cannot_influence=[{"what": "A", "why": "B."}]))
    )
    [(record, _)] = load_each([tmp_path / "walk-in.yaml"])
    assert record is not None
    warnings = [w.message for w in cautions(record, TODAY, SETTINGS)]
    assert any(w.startswith("it links no equality impact assessment") for w in warnings)
    open_and_honest = score(record.engagement, TODAY, SETTINGS)[4]
    assert open_and_honest.result is Result.not_met
    assert "does not link an equality impact assessment" in open_and_honest.evidence


def test_staff_are_told_before_publishing_which_promises_the_page_will_show_as_not_met(tmp_path):
    (tmp_path / "walk-in.yaml").write_text(yaml.safe_dump(minimal_record(), sort_keys=False))
    [(record, _)] = load_each([tmp_path / "walk-in.yaml"])
    assert record is not None
    warnings = [w for w in cautions(record, TODAY, SETTINGS) if "the page will show the promise" in w.message]
    # A promise kept in a field the record leaves out (partners, cannot_influence) points at the title.
    assert {w.field for w in warnings} == {"title", "why", "take_part"}
    partners = next(w for w in warnings if '"We work with partners"' in w.message)
    assert partners.message.endswith(
        "To meet it: Plan with partners such as the council, Healthwatch and community groups, and name them."
    )


# --- One spelling for each topic, place and organisation -----------------------------------------------


@pytest.fixture()
def hub(tmp_path) -> Path:
    return copy_hub(tmp_path)


def test_a_topic_not_in_the_list_gets_the_nearest_listed_one(hub):
    record = hub / "engagements" / "vaccine-video-somali-community.yaml"
    record.write_text(re.sub(r"(?m)^  - Vaccines$", "  - Vaccination", record.read_text(), count=1))
    result = validate(hub)
    assert result.code == 1
    assert re.search(
        r"(?m)^engagements/vaccine-video-somali-community.yaml:\d+: topics\[\d\]: 'Vaccination' is not in the list "
        r"of topics\. Did you mean 'Vaccines'\? Use a name from vocabulary/topics\.yaml\.",
        result.output,
    ), result.output


def test_a_synonym_or_another_spelling_is_told_the_listed_name(hub):
    record = hub / "engagements" / "vaccine-video-somali-community.yaml"
    text = re.sub(r"(?m)^  - Vaccines$", "  - Jabs", record.read_text(), count=1)
    text = re.sub(r"(?m)^lead: (.*)$", lambda m: f"lead: {m[1].upper()}", text, count=1)
    record.write_text(text)
    output = validate(hub).output
    assert "'Jabs' is another word for 'Vaccines'. Use 'Vaccines', the name in vocabulary/topics.yaml." in output
    assert re.search(
        r": lead: write it as '[^']+', as the list of organisations in vocabulary/organisations.yaml does", output
    )


def test_adding_a_topic_is_one_line_in_the_list(hub):
    record = hub / "engagements" / "vaccine-video-somali-community.yaml"
    record.write_text(re.sub(r"(?m)^  - Vaccines$", "  - Eye care", record.read_text(), count=1))
    assert validate(hub).code == 1
    topics = hub / "vocabulary" / "topics.yaml"
    topics.write_text(topics.read_text() + "  - name: Eye care\n")
    assert validate(hub).code == 0


def test_every_demo_record_uses_the_listed_names():
    lists = {
        name: yaml.safe_load((ROOT / "vocabulary" / f"{name}.yaml").read_text())[name]
        for name in ("topics", "places", "organisations")
    }
    names = {kind: {i if isinstance(i, str) else i["name"] for i in items} for kind, items in lists.items()}
    for path in sorted((ROOT / "engagements").glob("*.yaml")):
        record = yaml.safe_load(path.read_text())
        assert set(record["topics"]) <= names["topics"], path
        assert set(record["places"]) <= names["places"], path
        assert {record["lead"], *record.get("partners", [])} <= names["organisations"], path


# --- Easy Read and other languages ---------------------------------------------------------------------


WELSH = {
    "name": "Cymraeg",
    "lang": "cy",
    "title": "Dweud eich dweud am y ganolfan galw heibio",
    "summary": "Rydym eisiau gwybod pryd rydych chi angen y ganolfan.",
}


def test_a_version_in_another_language_has_its_own_page_in_that_language(hub):
    record = hub / "engagements" / "walk-in.yaml"
    easy = {
        "name": "Easy Read",
        "title": "Tell us about the walk-in centre",
        "summary": "We want to know what you think.",
    }
    changes = {
        "lead": "Example Vale Council",
        "places": ["Eastbrook"],
        "topics": ["Urgent care"],
        "who_for": ["Older people"],
        "versions": [easy, WELSH],
    }
    record.write_text(yaml.safe_dump(minimal_record(**changes), sort_keys=False, allow_unicode=True))
    assert validate(hub).code == 0
    assert mkdocs_build(hub).code == 0
    english = (hub / "site/engagements/walk-in/index.html").read_text()
    assert '<a href="cy/" hreflang="cy" lang="cy">Cymraeg</a>' in english
    assert '<a href="easy-read/" hreflang="en" lang="en">Easy Read</a>' in english
    welsh = (hub / "site/engagements/walk-in/cy/index.html").read_text()
    assert '<div lang="cy">\n<h1>Dweud eich dweud am y ganolfan galw heibio</h1>' in welsh
    assert 'hreflang="en">Read the whole page in English</a>' in welsh


def test_the_plain_english_check_reads_easy_read_but_not_other_languages(tmp_path):
    from hub.checks.plain_english.yaml_records import record_source

    easy = {"name": "Easy Read", "title": "Tell us", "summary": "We will utilise your views."}
    text = yaml.safe_dump(minimal_record(versions=[easy, {**WELSH, "summary": "We will utilise your views."}]))
    source = record_source("walk-in.yaml", text)
    checked = [source.masked[p.start : p.end] for p in source.passages]
    assert sum("utilise" in c for c in checked) == 1  # the Easy Read one only


def test_two_versions_at_one_address_are_refused():
    messages = _errors(minimal_record(versions=[WELSH, {**WELSH, "name": "Welsh"}]))
    assert any("has two versions at one address (cy)" in m for _, m in messages)


def test_groups_of_people_come_from_their_list_too(hub):
    record = hub / "engagements" / "carers-breaks.yaml"
    record.write_text(re.sub(r"(?m)^  - Unpaid carers of any age$", "  - Carers", record.read_text(), count=1))
    output = validate(hub).output
    assert re.search(
        r"(?m)^engagements/carers-breaks\.yaml:\d+: who_for\[\d\]: 'Carers' is another word for "
        r"'Unpaid carers of any age'\. Use 'Unpaid carers of any age', the name in vocabulary/groups\.yaml\.$",
        output,
    ), output
