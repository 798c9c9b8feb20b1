"""Did we do what we said? Promises made in outcomes, tracked to delivery on the pinned date.

What each test expects is worked out here from the records themselves (dates, statuses), not taken
from the hub's own code, so a mistake in the hub's rules shows up as a difference.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from conftest import DEMO_TODAY, ROOT, copy_hub, mkdocs_build, validate
from hub.checks.check_all import check_records
from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress, is_overdue, promise_keys
from hub.facts.timeline import timeline
from hub.records.model import Commitment
from hub.records.yaml_source import parse
from hub.settings import settings_from_mkdocs_yml
from pages import content, page, text

TODAY = dt.date.fromisoformat(DEMO_TODAY)
LATER = "2027-01-05"  # after the last day of December 2026: one more demo promise is overdue by then
SETTINGS = settings_from_mkdocs_yml(ROOT / "mkdocs.yml")


# --- What the records say, read without the hub's rules --------------------------------------


def _records() -> dict[str, dict]:
    return {p.stem: parse(p.read_text(encoding="utf-8")).data for p in sorted((ROOT / "engagements").glob("*.yaml"))}


def _promises() -> list[tuple[str, int, dict]]:
    """(engagement, number from 1, the promise as written) for every demo promise."""
    return [
        (slug, number, promise)
        for slug, record in _records().items()
        for number, promise in enumerate((record.get("outcome") or {}).get("commitments", []), start=1)
    ]


def _promise_uid(slug: str, number: int) -> str:
    """A demo promise's calendar UID: made from what it promises, not from where it sits."""
    promises = [Commitment.model_validate(p) for s, _, p in _promises() if s == slug]
    return f"{slug}-promise-{promise_keys(promises)[number - 1]}@engagement-hub"


def _last_day(due: str) -> dt.date:
    parts = [int(p) for p in due.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])


def _overdue(today: dt.date) -> set[tuple[str, int]]:
    return {
        (slug, n)
        for slug, n, p in _promises()
        if _last_day(p["due"]) < today and p["status"] not in ("done", "dropped")
    }


def _done_on(promise: dict) -> dt.date:
    return max(dt.date.fromisoformat(u["date"]) for u in promise["updates"] if u.get("status") == "done")


def _catalogue(today: dt.date) -> Catalogue:
    checked = check_records(ROOT, SETTINGS, today, keep_records=True)
    assert not checked.problems
    return Catalogue.build(checked.records, today, SETTINGS, checked.area)


# --- The rules ---------------------------------------------------------------------------------


def _promise(**changes) -> Commitment:
    fields = {"what": "Open on Saturdays", "theme": "Hours", "who": "Test Board", "due": "2026-06", "status": "planned"}
    return Commitment.model_validate({**fields, **changes})


def test_adding_or_moving_a_promise_keeps_every_other_promises_key_for_calendars_and_feeds():
    saturdays, evenings = _promise(), _promise(what="Open until 8pm")
    keys = promise_keys([saturdays, evenings])
    assert len(set(keys)) == 2
    assert promise_keys([_promise(what="Add a bus stop"), evenings, saturdays])[1:] == keys[::-1]
    # Its status and due date can change: it is still the same promise.
    assert promise_keys([_promise(status="in_progress", due="2026-09"), evenings]) == keys
    # Two that promise the same are told apart by who makes them and when.
    assert len(set(promise_keys([saturdays, _promise(who="Other Board")]))) == 2


def test_a_promise_due_in_a_month_is_overdue_from_the_first_day_of_the_next():
    promise = _promise(due="2026-06")
    assert promise.due_by == dt.date(2026, 6, 30)
    assert not is_overdue(promise, dt.date(2026, 6, 30))
    assert is_overdue(promise, dt.date(2026, 7, 1))
    assert _promise(due="2028-02").due_by == dt.date(2028, 2, 29)
    assert _promise(due="2026-12").due_by == dt.date(2026, 12, 31)
    day = _promise(due="2026-06-10")
    assert not is_overdue(day, dt.date(2026, 6, 10)) and is_overdue(day, dt.date(2026, 6, 11))


def test_only_a_promise_that_is_done_or_dropped_is_never_overdue():
    later = dt.date(2030, 1, 1)
    for status in ("planned", "in_progress", "late"):
        assert is_overdue(_promise(status=status, updates=[]), later), status
    done = _promise(status="done", updates=[{"date": "2026-06-02", "what": "Open.", "status": "done"}])
    dropped = _promise(status="dropped", why_dropped="Nobody came.")
    assert not is_overdue(done, later) and not is_overdue(dropped, later)


def test_status_and_overdue_come_from_the_pinned_date():
    for day in (TODAY, dt.date.fromisoformat(LATER)):
        found = {(p.entry.slug, p.number) for p in _catalogue(day).commitments if p.progress is Progress.overdue}
        assert found == _overdue(day), day
    assert _overdue(TODAY) < _overdue(dt.date.fromisoformat(LATER))


def test_the_demo_has_a_promise_done_in_progress_overdue_and_dropped_with_its_reason():
    progress = {p.progress for p in _catalogue(TODAY).commitments}
    assert {Progress.done, Progress.in_progress, Progress.overdue, Progress.dropped} <= progress
    assert all(p["why_dropped"] for _, _, p in _promises() if p["status"] == "dropped")
    marsh_lane = [p["what"] for slug, _, p in _promises() if slug == "community-hospital-beds"]
    assert "Start a night nursing service for people cared for at home" in marsh_lane


def test_validate_warns_about_each_overdue_promise_at_its_status_line():
    for day in (DEMO_TODAY, LATER):
        result = validate(ROOT, day)
        assert result.code == 0, result.output
        warned = re.findall(
            r"^engagements/([a-z0-9-]+)\.yaml:(\d+): outcome\.commitments\[(\d+)\]\.status: warning: (.*)$",
            result.output,
            re.MULTILINE,
        )
        assert {(slug, int(n)) for slug, _, n, _ in warned} == _overdue(dt.date.fromisoformat(day))
        for slug, line, _, message in warned:
            source = (ROOT / "engagements" / f"{slug}.yaml").read_text().splitlines()
            assert source[int(line) - 1].strip().startswith("status:")
            assert "was due by" in message and "Add an update" in message


def test_an_update_dated_ahead_is_not_shown_until_its_day_and_staff_are_told():
    before = dt.date(2026, 11, 1)  # Healthwatch's update on the night service is dated 2 November 2026
    catalogue = _catalogue(before)
    (healthwatch,) = [p for p in catalogue.commitments if p.organisation == "Healthwatch Example Vale"]
    assert healthwatch.updates == [] and len(healthwatch.commitment.updates) == 1
    (gp,) = [e for e in catalogue.entries if e.slug == "gp-appointments-survey"]
    assert [s for s in timeline(gp, before, catalogue.outcome_due(gp)) if s.kind == "update"] == []
    warnings = [str(w) for w in check_records(ROOT, SETTINGS, before).warnings]
    assert any(
        w.startswith("engagements/community-hospital-beds.yaml:") and "updates[1].date: warning:" in w for w in warnings
    )


# --- The public page: overdue first, by organisation and status, paged ------------------------


def _listed(site: Path, folder: str = "did-we-do-what-we-said/") -> list[tuple[str, str, str]]:
    """Every promise on the page and the pages after it: (progress, organisation heading, link)."""
    found, number = [], 1
    while (site / (url := folder if number == 1 else f"{folder}page-{number}/") / "index.html").is_file():
        article = content(page(site, url))
        for card in article.select("li.hub-promise"):
            progress = next(c.removeprefix("hub-promise--") for c in card["class"] if c.startswith("hub-promise--"))
            heading = card.find_parent("ul").find_previous_sibling("h3")
            found.append((progress, text(heading), card.select_one("h4 a")["href"]))
        number += 1
    return found


def _slug_and_number(link: str) -> tuple[str, int]:
    match = re.search(r"engagements/([a-z0-9-]+)/#commitment-(\d+)$", link)
    assert match, link
    return match[1], int(match[2])


def test_the_public_page_lists_overdue_promises_first(demo_site):
    listed = _listed(demo_site)
    assert len(listed) == len(_promises())
    overdue = _overdue(TODAY)
    ranks = [list(Progress).index(Progress(progress)) for progress, _, _ in listed]
    assert ranks == sorted(ranks) and ranks[0] == 0
    assert {_slug_and_number(link) for progress, _, link in listed if progress == "overdue"} == overdue
    assert all(progress == "overdue" for progress, _, _ in listed[: len(overdue)])
    # Within each status, by organisation.
    for progress in Progress:
        names = [organisation for p, organisation, _ in listed if p == progress.value]
        assert names == sorted(names, key=str.casefold)
    article = content(page(demo_site, "did-we-do-what-we-said/"))
    assert text(article.find("h1")) == "Did we do what we said?"
    assert text(article.select_one("section h2")) == "Overdue"


@pytest.fixture(scope="module")
def later_site(tmp_path_factory) -> Path:
    """The demo hub on a later day, two promises to a page, so the list runs over several pages."""
    root = copy_hub(tmp_path_factory.mktemp("later"))
    config = (root / "mkdocs.yml").read_text()
    (root / "mkdocs.yml").write_text(config.replace("    page_size: 20\n", "    page_size: 2\n"))
    built = mkdocs_build(root, LATER)
    assert built.code == 0, built.output
    return root / "site"


def test_the_public_page_is_paged_and_overdue_promises_still_come_first(later_site):
    assert (later_site / "did-we-do-what-we-said" / "page-3" / "index.html").is_file()
    listed = _listed(later_site)
    assert len(listed) == len(_promises())
    overdue = _overdue(dt.date.fromisoformat(LATER))
    assert len(overdue) > 2  # more than a page of them
    assert {_slug_and_number(link) for _, _, link in listed[: len(overdue)]} == overdue
    second = content(page(later_site, "did-we-do-what-we-said/page-2/"))
    assert "page 2 of" in text(second.find("h1"))


# --- The engagement page: timeline, promises, its own feed and calendar ------------------------

MARSH_LANE = "community-hospital-beds"


def test_the_engagement_page_shows_its_overdue_promises_and_each_promise_with_its_updates(demo_site):
    record = _records()[MARSH_LANE]
    article = content(page(demo_site, f"engagements/{MARSH_LANE}/"))
    overdue = sorted(n for slug, n in _overdue(TODAY) if slug == MARSH_LANE)
    box = text(article.select_one(".hub-status-box"))
    assert f"{len(overdue)} promise is overdue" in box
    section = article.find(id="commitments").find_parent("section")
    for number, promise in enumerate(record["outcome"]["commitments"], start=1):
        heading = section.find(id=f"commitment-{number}")
        assert text(heading) == promise["what"]
        item = text(heading.find_parent("li"))
        assert ("Overdue" in item) == (number in overdue)
        for update in promise.get("updates", []):
            assert " ".join(update["what"].split()) in item
        if promise.get("why_dropped"):
            assert "Why we dropped it " + " ".join(promise["why_dropped"].split()) in item


def test_the_timeline_goes_from_opening_to_each_promise_you_said_we_will_we_did(demo_site):
    record = _records()[MARSH_LANE]
    article = content(page(demo_site, f"engagements/{MARSH_LANE}/"))
    section = article.find(id="timeline").find_parent("section")
    days = [dt.date.fromisoformat(t["datetime"]) for t in section.select(".hub-timeline__date time")]
    assert days == sorted(days)
    expected = {
        dt.date.fromisoformat(d)
        for d in [
            record["opens"],
            record["closes"],
            record["outcome"]["published"],
            record["outcome"]["decision"]["date"],
            *[u["date"] for u in record["updates"]],
        ]
    }
    assert set(days) == expected
    rows = [[text(td) for td in tr.select("td")] for tr in section.select("table.hub-you-said tbody tr")]
    promises = record["outcome"]["commitments"]
    assert [r[0] for r in rows] == [p["theme"] for p in promises]
    links = [text(a) for a in section.select("table.hub-you-said tbody tr td:nth-of-type(2) a")]
    assert links == [p["what"] for p in promises]
    overdue = {n for slug, n in _overdue(TODAY) if slug == MARSH_LANE}
    for number, (row, promise) in enumerate(zip(rows, promises, strict=True), start=1):
        said = "Overdue" if number in overdue else {"done": "Done", "dropped": "Dropped"}.get(promise["status"])
        assert said is None or row[2].startswith(said), row


def test_updates_during_an_engagement_are_dated_entries_on_its_page(demo_site):
    record = _records()["gp-appointments-survey"]
    section = content(page(demo_site, "engagements/gp-appointments-survey/")).find(id="timeline").find_parent("section")
    steps = section.select(".hub-timeline > li")
    shown = [(step.select_one("time")["datetime"], text(step)) for step in steps]
    for update in record["updates"]:
        assert any(day == update["date"] and " ".join(update["what"].split()) in said for day, said in shown)
    (closes,) = [n for n, (_, said) in enumerate(shown) if "Closes:" in said]  # still to come, after the updates
    assert shown[closes][0] == record["closes"] and "(to come)" in shown[closes][1]
    assert all(n < closes for n, (day, _) in enumerate(shown) if day in {u["date"] for u in record["updates"]})


@pytest.mark.parametrize("slug", sorted(_records()))
def test_each_engagement_has_its_own_feed_and_calendar_linked_from_its_head(demo_site, slug):
    soup = page(demo_site, f"engagements/{slug}/")
    alternates = {link["type"]: link["href"] for link in soup.select('head link[rel="alternate"]')}
    feed_path = (demo_site / "engagements" / slug / alternates["application/atom+xml"]).resolve()
    calendar_path = (demo_site / "engagements" / slug / alternates["text/calendar"]).resolve()
    assert feed_path == (demo_site / "feeds" / "engagements" / f"{slug}.xml").resolve()
    assert calendar_path == (demo_site / "feeds" / "engagements" / f"{slug}.ics").resolve()
    follow = [a["href"] for a in content(soup).select(".hub-follow a")]
    assert follow == [alternates["application/atom+xml"], alternates["text/calendar"]]

    feed = feedparser.parse(
        feed_path.read_bytes(),
        response_headers={
            "content-location": f"http://hub.test/feeds/engagements/{slug}.xml",
            "content-type": "application/atom+xml",
        },
    )
    assert not feed.bozo, feed.bozo_exception
    record = _records()[slug]
    titles = [e.title for e in feed.entries]
    assert record["title"] in titles
    updates = [u for u in record.get("updates", []) if dt.date.fromisoformat(u["date"]) <= TODAY]
    assert titles.count(f"Update: {record['title']}") == len(updates)
    promises = [(n, p) for s, n, p in _promises() if s == slug]
    for number, promise in promises:
        about = [e for e in feed.entries if e.link.endswith(f"#commitment-{number}")]
        seen = [u for u in promise.get("updates", []) if dt.date.fromisoformat(u["date"]) <= TODAY]
        assert len(about) == len(seen) + ((slug, number) in _overdue(TODAY)), promise["what"]
    updated = [e.updated_parsed for e in feed.entries]
    assert updated == sorted(updated, reverse=True)

    events = list(Calendar.from_ical(calendar_path.read_bytes()).walk("VEVENT"))
    uids = {str(e["UID"]) for e in events}
    # One that carries on has no last day to remind people of.
    assert (f"{slug}-closes@engagement-hub" in uids) == ("closes" in record), slug
    assert len([u for u in uids if "-event-" in u]) == len(record["take_part"].get("events", []))
    for number, promise in promises:
        (due,) = [e for e in events if str(e["UID"]) == _promise_uid(slug, number)]
        assert due.decoded("DTSTART") == _last_day(promise["due"])


def test_the_site_wide_feed_and_calendar_carry_promise_changes(demo_site):
    feed = feedparser.parse((demo_site / "feeds" / "outcomes.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    titles = [e.title for e in feed.entries]
    for slug, number, promise in _promises():
        if (slug, number) in _overdue(TODAY):
            assert f"Promise overdue: {promise['what']}" in titles
        if promise["status"] in ("done", "dropped"):
            assert f"Promise {promise['status']}: {promise['what']}" in titles
    events = list(Calendar.from_ical((demo_site / "feeds" / "events.ics").read_bytes()).walk("VEVENT"))
    due = {str(e["UID"]) for e in events if "-promise-" in str(e["UID"])}
    assert due == {
        _promise_uid(slug, n)
        for slug, n, p in _promises()
        if _last_day(p["due"]) >= TODAY and p["status"] not in ("done", "dropped")
    }


# --- Organisations, the annual report and the open data ----------------------------------------


def test_each_organisation_page_shows_its_overdue_promises(demo_site):
    by_organisation: dict[str, set[str]] = {}
    for slug, number, promise in _promises():
        if (slug, number) in _overdue(TODAY):
            by_organisation.setdefault(promise["who"], set()).add(promise["what"])
    index = content(page(demo_site, "organisations/"))
    for link in index.select(".hub-group-list a"):
        article = content(page(demo_site, "organisations/" + link["href"]))
        section = article.find(id="overdue-promises")
        expected = by_organisation.get(text(link), set())
        shown = {text(a) for a in section.find_parent("section").select("li a")} if section else set()
        assert shown == expected, text(link)
    assert by_organisation


def test_the_annual_report_shows_the_share_of_promises_kept_on_time_by_organisation(demo_site):
    by_year: dict[int, dict[str, list[bool]]] = {}
    for _, _, promise in _promises():
        due = _last_day(promise["due"])
        if promise["status"] in ("done", "dropped") or due < TODAY:
            kept = promise["status"] == "done" and _done_on(promise) <= due
            by_year.setdefault(due.year, {}).setdefault(promise["who"], []).append(kept)
    assert by_year
    for year, organisations in by_year.items():
        article = content(page(demo_site, f"reports/{year}/"))
        chart = article.find(id="promises-kept").find_next_sibling("div", class_="hub-chart")
        rows = [[text(td) for td in tr.select("td")] for tr in chart.select("tbody tr")]
        expected = [
            [name, f"{round(100 * sum(kept) / len(kept))}%", f"{sum(kept)} of {len(kept)}"]
            for name, kept in sorted(organisations.items(), key=lambda item: item[0].casefold())
        ]
        assert rows == expected
        assert [text(t) for t in chart.select("svg .hub-chart__value")] == [row[1] for row in expected]
        assert chart.select_one("svg")["role"] == "img" and chart.select_one("svg title").get_text()


def test_promises_are_open_data_with_their_status_and_dates(demo_site):
    promises = _promises()
    rows = list(csv.DictReader(io.StringIO((demo_site / "data" / "commitments.csv").read_text())))
    assert len(rows) == len(promises)
    by_key = {(r["engagement"], int(r["number"])): r for r in rows}
    for slug, number, promise in promises:
        row = by_key[(slug, number)]
        assert (row["what"], row["status"], row["due"]) == (promise["what"], promise["status"], promise["due"])
        assert row["due_by"] == _last_day(promise["due"]).isoformat()
        assert row["overdue"] == str((slug, number) in _overdue(TODAY))
    data = json.loads((demo_site / "data" / "commitments.json").read_text())
    assert data["date"] == DEMO_TODAY and len(data["commitments"]) == len(promises)
    record = json.loads((demo_site / "data" / "engagements" / f"{MARSH_LANE}.json").read_text())
    written = record["outcome"]["commitments"]
    assert [p["status"] for p in written] == [p["status"] for s, _, p in promises if s == MARSH_LANE]
    assert [p["overdue"] for p in record["commitment_progress"]] == [
        (MARSH_LANE, n) in _overdue(TODAY) for n in range(1, len(written) + 1)
    ]
    (row,) = csv.DictReader(io.StringIO((demo_site / "data" / "engagements" / f"{MARSH_LANE}.csv").read_text()))
    assert row["commitments"] == str(len(written))
    assert row["commitments_overdue"] == str(sum(1 for s, _ in _overdue(TODAY) if s == MARSH_LANE))
    schema = json.loads((demo_site / "data" / "engagement.schema.json").read_text())
    commitment = schema["$defs"]["Commitment"]
    assert {"what", "theme", "who", "due", "status", "updates"} <= set(commitment["properties"])
    assert schema["$defs"]["CommitmentStatus"]["enum"] == ["planned", "in_progress", "done", "late", "dropped"]
    assert "commitments" in schema["$defs"]["Outcome"]["properties"]


def test_the_new_page_is_in_the_side_navigation(demo_site):
    nav = page(demo_site, "").select_one("nav.md-nav--primary")
    assert any(text(a) == "Did we do what we said?" for a in nav.select("a"))
