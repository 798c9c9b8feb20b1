"""Feeds, the calendar and the open data, read back with standard readers for each format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import feedparser
import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from conftest import DEMO_TODAY, ROOT
from hub.outputs import ics
from hub.outputs.calendar import _at, _calendar
from hub.outputs.open_data import _cell
from hub.records.model import Engagement
from hub.records.yaml_source import parse
from pages import content, page

TODAY = dt.date.fromisoformat(DEMO_TODAY)


def _records() -> dict[str, dict]:
    """Each demo record as the model reads it: dates as dates, text trimmed."""
    return {
        p.stem: Engagement.model_validate(parse(p.read_text()).data).model_dump()
        for p in sorted((ROOT / "engagements").glob("*.yaml"))
    }


def _feed(site: Path, name: str):
    feed = feedparser.parse(
        (site / "feeds" / name).read_bytes(),
        response_headers={"content-location": f"http://hub.test/feeds/{name}", "content-type": "application/atom+xml"},
    )
    assert not feed.bozo, feed.bozo_exception
    return feed


def _site_path(site: Path, link: str) -> Path:
    return site / link.removeprefix("http://hub.test/") / "index.html"


def test_the_engagements_feed_lists_engagements_newest_first_with_working_links(demo_site):
    feed = _feed(demo_site, "engagements.xml")
    records = _records()
    assert len(feed.entries) == len(records)
    opened = [records[e.link.rstrip("/").rsplit("/", 1)[1]]["opens"] for e in feed.entries]
    assert opened == sorted(opened, reverse=True)
    for entry in feed.entries:
        assert _site_path(demo_site, entry.link).is_file(), entry.link
        assert entry.title and entry.summary and entry.id.startswith("urn:uuid:")


def test_the_outcomes_feed_has_every_published_outcome(demo_site):
    feed = _feed(demo_site, "outcomes.xml")
    published = {slug for slug, r in _records().items() if r.get("outcome")}
    outcomes = [e for e in feed.entries if e.title.startswith("You said, we did: ")]
    assert {e.link.rstrip("/").rsplit("/", 1)[1] for e in outcomes} == published
    # The rest is news of the promises made in those outcomes (tests/test_commitments.py).
    assert all(e.title.startswith("Promise ") for e in feed.entries if e not in outcomes)


def test_the_calendar_has_future_events_and_closing_days_of_open_and_coming_engagements(demo_site):
    calendar = Calendar.from_ical((demo_site / "feeds" / "events.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    records = _records()
    # Open or coming up: closing on or after today, or carrying on with no closing day to remind people of.
    live = {s for s, r in records.items() if r.get("closes") is None or r["closes"] >= TODAY}
    closing = {str(e["UID"]).split("-closes@")[0] for e in events if "-closes@" in str(e["UID"])}
    assert closing == {s for s in live if records[s].get("closes")}
    assert any(records[s].get("closes") is None for s in live)
    meetings = [e for e in events if "-event-" in str(e["UID"])]
    expected = [(s, ev) for s in live for ev in records[s]["take_part"].get("events", []) if ev["date"] >= TODAY]
    assert len(meetings) == len(expected) > 0
    for event in meetings:
        assert event.decoded("DTSTART").tzinfo is not None and event["LOCATION"]


def test_event_times_are_london_times(tmp_path):
    assert _at(dt.date(2026, 6, 10), "10:00", ZoneInfo("Europe/London")) == dt.datetime(
        2026, 6, 10, 9, 0, tzinfo=dt.UTC
    )
    assert _at(dt.date(2026, 12, 10), "10:00", ZoneInfo("Europe/London")) == dt.datetime(
        2026, 12, 10, 10, 0, tzinfo=dt.UTC
    )


# Record text as the hub writes it into calendars: its own escapes, line breaks of each kind, characters of one to
# four bytes, and backslashes and carets where a long line is folded.
TRICKY = "Ward 3; beds, chairs \\ and a \\n that is not a break\nNext line\r\nand \rmore ^\\^ \\" + "é€𝄞 ^\\" * 40


def _read_back(summary: str, description: str) -> tuple[str, object]:
    text = ics.calendar(
        ["VERSION:2.0"],
        [[f"UID:{ics.text('a;b,c@hub')}", f"SUMMARY:{ics.text(summary)}", f"DESCRIPTION:{ics.text(description)}"]],
    )
    (event,) = Calendar.from_ical(text.encode()).walk("VEVENT")
    return text, event


def _written(value: str) -> str:
    """What a calendar app reads: every line break as \\n; a written \\N stays as it is."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def test_calendar_text_is_escaped_and_folded_so_calendar_apps_read_it_as_written():
    text, event = _read_back(TRICKY, "x" * 300)
    assert str(event["SUMMARY"]) == _written(TRICKY) and str(event["DESCRIPTION"]) == "x" * 300
    assert str(event["UID"]) == "a;b,c@hub"
    lines = text.split("\r\n")
    assert lines[-1] == "" and all(len(line.encode()) <= 75 for line in lines)
    assert len(lines) > 20  # the summary was folded, many times
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:Ward 3\\; beds\\, chairs \\\\ and a \\\\n that is not a break\\nNext line\\nand \\nmore" in unfolded


@given(st.text(st.characters(exclude_categories=("Cs",))), st.text(st.sampled_from("abN é€𝄞\\^;,\n\r")))
def test_any_text_reads_back_from_a_calendar_as_it_was_written(summary, description):
    text, event = _read_back(summary, description)
    assert str(event.get("SUMMARY", "")) == _written(summary)
    assert str(event.get("DESCRIPTION", "")) == _written(description)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_a_calendar_name_is_one_line_even_if_the_title_has_a_line_break():
    hub = SimpleNamespace(settings=SimpleNamespace(area="Vale, North"))
    calendar = Calendar.from_ical(_calendar(hub, "Beds\nand chairs, here", []).encode())  # type: ignore[arg-type]
    assert str(calendar["X-WR-CALNAME"]) == "Beds\\nand chairs, here"  # as icalendar wrote it: not TEXT
    assert str(calendar["PRODID"]) == "-//Engagement Hub//Vale, North//EN"


def test_every_record_is_open_data_with_every_field(demo_site):
    data = json.loads((demo_site / "data" / "engagements.json").read_text())
    by_id = {r["id"]: r for r in data["engagements"]}
    for slug, record in _records().items():
        published = by_id[slug]
        for field, value in record.items():
            if isinstance(value, (str, int, bool)) and field != "example":
                assert published[field] == value, (slug, field)
        assert published["opens"] == record["opens"].isoformat()
        assert json.loads((demo_site / "data" / "engagements" / f"{slug}.json").read_text()) == published
        (row,) = csv.DictReader(io.StringIO((demo_site / "data" / "engagements" / f"{slug}.csv").read_text()))
        assert row["title"] == record["title"] and row["places"] == "; ".join(record["places"])


def test_the_spreadsheet_has_one_row_for_each_engagement(demo_site):
    rows = list(csv.DictReader(io.StringIO((demo_site / "data" / "engagements.csv").read_text())))
    assert sorted(r["id"] for r in rows) == sorted(_records())


def test_a_spreadsheet_cell_never_starts_a_formula():
    assert _cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert _cell(["@SUM(A1)", "fine"]) == "'@SUM(A1); fine"
    assert _cell(None) == "" and _cell(12) == "12"


def test_the_schema_describes_the_record(demo_site):
    schema = json.loads((demo_site / "data" / "engagement.schema.json").read_text())
    assert {"title", "summary", "opens", "closes", "outcome"} <= set(schema["properties"])
    assert "title" in schema["required"]


def test_each_engagement_page_links_to_its_data(demo_site):
    article = content(page(demo_site, "engagements/carers-breaks/"))
    links = {a["href"] for a in article.select("a")}
    assert "../../data/engagements/carers-breaks.json" in links
    assert "../../data/engagements/carers-breaks.csv" in links


@pytest.mark.parametrize("url", ["have-your-say/", "open-data/"])
def test_pages_offer_the_feeds_and_the_calendar(demo_site, url):
    links = [a["href"] for a in content(page(demo_site, url)).select(".hub-updates a")]
    assert [link.rsplit("/", 1)[1] for link in links] == ["engagements.xml", "outcomes.xml", "events.ics"]


def test_each_year_has_a_report_whose_charts_and_tables_agree(demo_site):
    years = {r["opens"].year for r in _records().values()}
    for year in years:
        article = content(page(demo_site, f"reports/{year}/"))
        opened = sum(r["opens"].year == year for r in _records().values())
        assert article.select_one(".hub-facts dd").get_text() == str(opened)
        # Charts of who took part draw two bars a group: test_reach.py checks those against their tables.
        for chart in article.select(".hub-chart:not(.hub-chart--reach)"):
            svg = chart.select_one("svg")
            if svg is None:
                continue
            assert svg["role"] == "img" and svg.select_one("title").get_text()
            drawn = [t.get_text() for t in svg.select(".hub-chart__value")]
            table = [tr.select("td")[1].get_text() for tr in chart.select("tbody tr")]
            assert drawn == table[: len(drawn)]
    listed = [a.get_text() for a in content(page(demo_site, "reports/")).select("tbody a")]
    assert listed == [f"Report for {y}" for y in sorted(years, reverse=True)]


@pytest.fixture(scope="module")
def site_with_a_personal_detail(tmp_path_factory):
    from conftest import copy_hub, mkdocs_build
    from test_broken_records import GOOD

    root = copy_hub(tmp_path_factory.mktemp("personal"), with_records=False)
    record = GOOD.replace(
        "summary: We want to know how you use the walk-in centre.",
        "summary: We want to know how you use the walk-in centre. Or text Jo on 07700 900123.",
    )
    assert record != GOOD
    (root / "engagements" / "walk-in.yaml").write_text(record)
    built = mkdocs_build(root)
    assert built.code == 0, built.output
    return root / "site"


@pytest.mark.parametrize(
    "path",
    [
        "feeds/engagements.xml",
        "feeds/events.ics",
        "data/engagements.json",
        "data/engagements.csv",
        "data/engagements/walk-in.json",
        "data/engagements/walk-in.csv",
    ],
)
def test_feeds_and_open_data_never_copy_a_persons_own_phone_number(site_with_a_personal_detail, path):
    text = (site_with_a_personal_detail / path).read_text()
    assert "900123" not in text.replace("\r\n ", "")
    if path != "feeds/events.ics" or "walk-in" in text:
        assert "[removed]" in text.replace("\r\n ", "")
