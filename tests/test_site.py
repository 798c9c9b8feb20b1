"""The demo hub, built with the date pinned: every page is there and shows what it should."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, ROOT
from hub.facts.commitments import due_words
from hub.records.formatting import plain
from hub.records.loading import record_files
from hub.records.model import (
    Access,
    Commitment,
    CommitmentStatus,
    DocumentKind,
    Engagement,
    EngagementType,
    Format,
    Level,
)
from hub.records.names import slugify
from hub.records.yaml_source import parse
from hub.wording import long_date, number
from pages import content, links, page, text

TODAY = dt.date.fromisoformat(DEMO_TODAY)
RECORDS = record_files(ROOT / "engagements")


def raw(path: Path) -> dict:
    """The record as the hub reads it (dates as dates), with only the fields the file sets."""
    return Engagement.model_validate(parse(path.read_text(encoding="utf-8")).data).model_dump(exclude_unset=True)


def test_the_demo_has_at_least_twelve_records_all_marked_as_examples():
    assert len(RECORDS) >= 12
    assert all(raw(p)["example"] is True for p in RECORDS)


def test_the_demo_covers_every_type_and_every_status(demo_site):
    types = {raw(p)["type"] for p in RECORDS}
    assert types == {t.value for t in EngagementType}
    statuses = set()
    for p in RECORDS:
        box = content(page(demo_site, f"engagements/{p.stem}/")).select_one(".hub-status")
        statuses.add(text(box))
    assert {
        "Open now",
        "Open now: closing soon",
        "Coming up",
        "Closed: waiting for the outcome",
        "Outcome published",
    } <= statuses
    assert sum(1 for p in RECORDS if "outcome" in raw(p)) >= 3


@pytest.mark.parametrize(
    "url",
    [
        "",
        "have-your-say/",
        "have-your-say/open-now/",
        "have-your-say/coming-up/",
        "have-your-say/recently-closed/",
        "you-said-we-did/",
        "places/",
        "topics/",
        "organisations/",
        "engagements/",
        "about/",
        "how-to-take-part/",
    ],
)
def test_the_hub_has_its_main_pages(demo_site, url):
    assert (demo_site / url / "index.html").is_file()
    assert content(page(demo_site, url)).find("h1")


def test_every_record_has_its_own_page_named_after_its_file(demo_site):
    for path in RECORDS:
        soup = page(demo_site, f"engagements/{path.stem}/")
        assert text(content(soup).find("h1")) == " ".join(raw(path)["title"].split())


def test_every_place_topic_and_organisation_has_a_browse_page_that_lists_its_engagements(demo_site):
    for path in RECORDS:
        record = raw(path)
        groups = {
            "places": record["places"],
            "topics": record["topics"],
            "organisations": [record["lead"], *record.get("partners", [])],
        }
        for kind, names in groups.items():
            index = content(page(demo_site, f"{kind}/"))
            for name in names:
                link = next((a for a in index.find_all("a") if text(a) == name), None)
                assert link is not None, f"{name} is not listed on {kind}/"
                group = content(page(demo_site, f"{kind}/{link['href']}"))
                assert any(h.endswith(f"engagements/{path.stem}/") for h in links(group)), (kind, name)


def test_generated_pages_stay_out_of_the_side_navigation(demo_site):
    nav = page(demo_site, "").select_one("nav.md-nav--primary")
    hrefs = links(nav)
    assert not [h for h in hrefs if re.search(r"engagements/[a-z0-9-]+/$", h)]
    assert not [h for h in hrefs if re.search(r"(places|topics|organisations)/[a-z0-9-]+/$", h)]
    assert any(h.rstrip("/").endswith("have-your-say") for h in hrefs)


def test_every_link_in_the_side_navigation_goes_where_it_says_from_every_page(demo_site):
    """Pages kept out of the navigation share one drawing of it (hub/site/shells.py): its relative
    links must still lead, from each page, to the page they name."""

    def targets(url: str) -> dict[str, str]:
        nav = page(demo_site, url).select_one("nav.md-nav--primary")
        found = {}
        for a in nav.select("a.md-nav__link[href]"):
            if a["href"].startswith("#"):
                continue  # a page in the navigation lists its own headings
            where = posixpath.normpath(posixpath.join("/" + url, a["href"]))
            found[" ".join(a.get_text(" ").split())] = where.rstrip("/") + "/"
        return found

    expected = targets("")
    assert expected["Have your say"] == "/have-your-say/"
    # The staff editor (admin/) is Decap's own page, with no side navigation.
    pages = [
        p.parent.relative_to(demo_site).as_posix() + "/"
        for p in demo_site.rglob("index.html")
        if not p.parent.relative_to(demo_site).as_posix().startswith("admin")
    ]
    assert len(pages) > 100
    for url in pages:
        assert targets("" if url == "./" else url) == expected, url


def _cards(soup) -> list[str]:
    return [a["href"].split("#")[0].strip("/").split("/")[-1] for a in soup.select(".hub-card__title a")]


def test_have_your_say_lists_open_soonest_closing_first_coming_up_and_recently_closed(demo_site):
    soup = content(page(demo_site, "have-your-say/"))
    open_now = soup.find(id="open-now").find_parent("section")
    slugs = _cards(open_now)
    # Those that carry on, with no closing day, come last.
    closes = [raw(ROOT / "engagements" / f"{s}.yaml").get("closes") or dt.date.max for s in slugs]
    assert slugs and closes == sorted(closes) and closes[-1] == dt.date.max
    assert all(c >= TODAY for c in closes)
    for section in ("coming-up", "recently-closed"):
        assert _cards(soup.find(id=section).find_parent("section"))
    first = open_now.select_one(".hub-card")
    days = (closes[0] - TODAY).days
    expected = {0: "Closes today", 1: "Closes tomorrow"}.get(days, f"Closes in {days} days")
    assert expected in text(first)


def test_home_shows_what_closes_soon_the_latest_outcomes_and_offline_contact(demo_site):
    soup = content(page(demo_site, ""))
    assert _cards(soup.find(id="closing-soon").find_parent("section"))
    assert _cards(soup.find(id="latest-outcomes").find_parent("section"))
    offline = text(soup.find(id="offline").find_parent("section"))
    assert "0800 000 0000" in offline and "Freepost" in offline


def test_you_said_we_did_lists_every_outcome_newest_first(demo_site):
    soup = content(page(demo_site, "you-said-we-did/"))
    slugs = _cards(soup)
    with_outcome = {p.stem: raw(p)["outcome"]["published"] for p in RECORDS if "outcome" in raw(p)}
    assert set(slugs) == set(with_outcome)
    dates = [with_outcome[s] for s in slugs]
    assert dates == sorted(dates, reverse=True)


def test_an_open_engagement_puts_how_to_take_part_first(demo_site):
    for path in RECORDS:
        record = raw(path)
        if record["opens"] <= TODAY <= (record.get("closes") or dt.date.max):
            sections = content(page(demo_site, f"engagements/{path.stem}/")).select("section h2")
            assert sections[0]["id"] == "take-part", path.name


# --- Every public field of every record is on its page ---------------------------------------

FORMATTED = {("why",), ("outcome", "summary")}  # the fields that may use formatting (test_formatting.py)
ENUM_LABELS = {
    "level": Level,
    "type": EngagementType,
    "access": Access,
    "kind": DocumentKind,
    "status": CommitmentStatus,
}


def _leaves(value, location=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _leaves(inner, location + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _leaves(inner, location + (index,))
    else:
        yield location, value


def _expected(location, value, record) -> str:
    name = next(part for part in reversed(location) if isinstance(part, str))
    if isinstance(value, bool):
        return "This is an example." if value else ""
    if value is None and name in ("total", "count"):  # "not counted": said plainly, not as a number
        return "We did not count how many people took part." if name == "total" else "Not counted"
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, int) and _is_head_count(location) and 0 < value < 5:
        return "fewer than 5"  # small numbers are never shown (facts/small_numbers.py)
    if isinstance(value, int):
        return number(value)
    if name in ENUM_LABELS:
        return ENUM_LABELS[name](value).label
    if name == "due":  # a promise's due month or day, as people say it: June 2026, 30 June 2026
        promise = record["outcome"]["commitments"][location[2]]
        return due_words(Commitment.model_validate(promise))
    if name == "format" and location[0] == "accessible_formats":
        return Format(value).label
    if location in FORMATTED:
        return plain(value)
    return " ".join(str(value).split())


@pytest.mark.parametrize("path", RECORDS, ids=[p.stem for p in RECORDS])
def test_every_public_field_appears_on_the_engagement_page(demo_site, path):
    record = raw(path)
    article = content(page(demo_site, f"engagements/{path.stem}/"))
    shown = text(article)
    hrefs = set(links(article))
    missing = []
    # Each version in Easy Read or another language is on a page of its own, and named on this one.
    for version in record.pop("versions", []):
        slug = slugify(version["name"]) if version.get("lang", "en") == "en" else version["lang"]
        on_its_page = text(content(page(demo_site, f"engagements/{path.stem}/{slug}/")))
        missing += [
            (("versions", k), v) for k, v in version.items() if k != "lang" and " ".join(v.split()) not in on_its_page
        ]
        if version["name"] not in shown:
            missing.append((("versions", "name"), version["name"]))
    for location, value in _leaves(record):
        expected = _expected(location, value, record)
        if not expected:
            continue
        if location[-1] == "body":
            if not any(h.endswith(f"who-decides/{value}/") for h in hrefs):
                missing.append((location, value))
        elif isinstance(value, str) and value.startswith("https://"):
            if value not in hrefs:
                missing.append((location, value))
        elif expected not in shown and not (_is_head_count(location) and "not shown" in shown):
            # A count hidden so that a small one cannot be worked out by subtraction says "not shown".
            missing.append((location, expected))
    assert not missing


def _is_head_count(location) -> bool:
    return location[:1] == ("outcome",) and ("by_group" in location or location[-1] in ("total", "count"))
