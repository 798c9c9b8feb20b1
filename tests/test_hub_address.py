"""The hub's web address (site_url, or HUB_URL): a full sitemap with each page's real last change, canonical
links, feeds and a calendar with full links, robots.txt, and a "page not found" page that works in a folder.
Publishing without an address stops with a message; calendar UIDs do not depend on where an event sits."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup
from icalendar import Calendar

from conftest import DEMO_TODAY, copy_hub, mkdocs_build
from hub.checks.check_all import check_records
from hub.facts.catalogue import Catalogue
from hub.settings import settings_from_mkdocs_yml

# A project site on GitHub Pages: the hub lives in a folder of its host.
ADDRESS = "https://owner.github.io/have-your-say/"
TODAY = dt.date.fromisoformat(DEMO_TODAY)


def build(root: Path, address: str | None = ADDRESS, **env: str):
    """mkdocs build --strict with the address in HUB_URL, as the publish workflow gives it."""
    environ = {k: v for k, v in os.environ.items() if k not in ("HUB_URL", "HUB_PUBLISH")}
    environ.update(HUB_TODAY=DEMO_TODAY, NO_MKDOCS_2_WARNING="1", **env)
    if address is not None:
        environ["HUB_URL"] = address
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=environ, capture_output=True, text=True
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def hub(tmp_path_factory) -> Path:
    root = copy_hub(tmp_path_factory.mktemp("address"))
    code, output = build(root)
    assert code == 0, output
    return root


def html_pages(site: Path) -> dict[str, Path]:
    """Every page people can reach, by its full address: not the staff editor (noindex) or the 404 page."""
    return {
        ADDRESS + str(p.parent.relative_to(site)).removeprefix(".") + ("/" if p.parent != site else ""): p
        for p in site.rglob("index.html")
        if "admin" not in p.relative_to(site).parts
    }


def sitemap(site: Path) -> dict[str, str]:
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    return dict(re.findall(r"<loc>(.*?)</loc>\s*<lastmod>(.*?)</lastmod>", text))


def test_the_sitemap_lists_every_page_at_its_full_address_and_nothing_else(hub):
    site = hub / "site"
    assert set(sitemap(site)) == set(html_pages(site))
    assert len(html_pages(site)) > 100


def test_each_engagement_page_is_dated_with_its_last_change_from_the_record_not_the_build_day(hub):
    settings = settings_from_mkdocs_yml(hub / "mkdocs.yml")
    checked = check_records(hub, settings, TODAY, keep_records=True)
    catalogue = Catalogue.build(checked.records, TODAY, settings)
    dated = sitemap(hub / "site")
    for entry in catalogue.entries:
        assert dated[ADDRESS + entry.url] == catalogue.last_changed(entry).isoformat(), entry.slug
    days = {dt.date.fromisoformat(day) for day in dated.values()}
    assert max(days) <= TODAY and len(days) > 5
    # The day after an engagement's last day, it closed: its page changed then.
    closed = next(
        e for e in catalogue.entries if e.engagement.closes and e.engagement.closes < TODAY - dt.timedelta(60)
    )
    assert catalogue.last_changed(closed) >= closed.engagement.closes + dt.timedelta(1)


def test_an_update_moves_the_date_of_its_engagement_page(tmp_path):
    root = copy_hub(tmp_path)
    record = root / "engagements" / "carers-breaks.yaml"
    data = yaml.safe_load(record.read_text())
    data.setdefault("updates", []).append({"date": TODAY - dt.timedelta(days=2), "what": "We added a new date."})
    record.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    code, output = build(root)
    assert code == 0, output
    assert sitemap(root / "site")[ADDRESS + "engagements/carers-breaks/"] == (TODAY - dt.timedelta(2)).isoformat()


def test_every_page_has_a_canonical_link_and_a_description_an_engagement_page_its_summary(hub):
    for address, path in html_pages(hub / "site").items():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one('link[rel="canonical"]')["href"] == address
        assert soup.select_one('meta[name="description"]')["content"].strip(), address
    beds = BeautifulSoup((hub / "site/engagements/community-hospital-beds/index.html").read_text(), "html.parser")
    summary = yaml.safe_load((hub / "engagements/community-hospital-beds.yaml").read_text())["summary"]
    assert " ".join(beds.select_one('meta[name="description"]')["content"].split()) == " ".join(summary.split())


def test_feeds_and_the_calendar_carry_full_links_to_pages_that_exist(hub):
    site = hub / "site"
    pages = html_pages(site)
    for path in [
        site / "feeds/engagements.xml",
        site / "feeds/outcomes.xml",
        *(site / "feeds/engagements").glob("*.xml"),
    ]:
        feed = feedparser.parse(path.read_bytes())
        links = [link.href for link in feed.feed.links] + [e.link for e in feed.entries]
        assert links and all(link.startswith(ADDRESS) for link in links), path.name
        assert all(link.split("#")[0] in pages for link in links if not link.endswith(".xml")), path.name
    for path in [site / "feeds/events.ics", *(site / "feeds/engagements").glob("*.ics")]:
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            assert str(event["URL"]) in pages, path.name
            assert str(event["UID"]).endswith("@owner.github.io/have-your-say"), event["UID"]


def test_robots_txt_points_at_the_sitemap(hub):
    robots = (hub / "site" / "robots.txt").read_text()
    assert f"Sitemap: {ADDRESS}sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots


def test_the_page_not_found_page_works_in_the_hubs_folder(hub):
    soup = BeautifulSoup((hub / "site" / "404.html").read_text(encoding="utf-8"), "html.parser")
    links = [tag.get("href") or tag.get("src") for tag in soup.select("link[href], script[src], a[href]")]
    own = [link for link in links if link and not link.startswith(("http", "#", "mailto:", "tel:"))]
    # Any folder the missing address was in, the styles and links still reach the hub's own files.
    assert own and all(link.startswith("/have-your-say/") for link in own), own
    assert any(link.endswith(".css") for link in own)


def test_publishing_without_an_address_stops_with_what_to_do_and_keeps_the_last_site(tmp_path):
    root = copy_hub(tmp_path)
    code, output = build(root, address=None)  # the demo builds without one
    assert code == 0, output
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    code, output = build(root, address=None, HUB_PUBLISH="true")
    assert code != 0
    assert "The hub's web address is not set" in output and "HUB_URL" in output and "site_url" in output
    assert "Traceback" not in output
    assert {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()} == before


def _uids(site: Path, slug: str) -> dict[dt.datetime, str]:
    calendar = Calendar.from_ical((site / "feeds" / "engagements" / f"{slug}.ics").read_bytes())
    return {e.decoded("DTSTART"): str(e["UID"]) for e in calendar.walk("VEVENT") if "-event-" in str(e["UID"])}


def test_moving_or_adding_an_event_keeps_every_other_events_calendar_uid(tmp_path):
    root = copy_hub(tmp_path)
    slug = "community-hospital-beds"
    assert mkdocs_build(root).code == 0
    before = _uids(root / "site", slug)
    assert len(before) >= 2
    # The record's two events, swapped, with a new one before them: edited as text, as staff would.
    record = root / "engagements" / f"{slug}.yaml"
    text = record.read_text()
    start, end = text.index("    - name: Drop-in session"), text.index("accessible_formats:")
    first, second = re.split(r"(?m)^(?=    - name: )", text[start:end])[1:]
    added = first.replace("2025-11-04", "2025-11-05")
    record.write_text(text[:start] + added + second + first + text[end:])
    assert mkdocs_build(root).code == 0
    after = _uids(root / "site", slug)
    assert len(after) == len(before) + 1
    assert {start: after[start] for start in before} == before


def test_two_events_that_start_together_get_different_uids():
    from hub.outputs.calendar import event_uids
    from hub.records.model import Event

    common = {"date": "2026-12-01", "starts": "10:00", "ends": "11:00", "address": "1 High Street, EV1 1AA"}
    first = Event.model_validate({**common, "name": "Drop-in", "venue": "Library"})
    second = Event.model_validate({**common, "name": "Drop-in", "venue": "Town hall"})
    uids = event_uids("beds", [first, second])
    assert len(set(uids)) == 2 and all(u.startswith("beds-event-20261201-1000-") for u in uids)
    assert event_uids("beds", [second, first]) == uids[::-1]


def test_an_address_that_is_not_a_web_address_is_refused_with_an_example(tmp_path):
    root = copy_hub(tmp_path)
    code, output = build(root, address="owner.github.io/have-your-say")
    assert code != 0
    assert "HUB_URL is 'owner.github.io/have-your-say', which is not a web address" in output
    assert "https://" in output and "Traceback" not in output


def test_a_hand_written_page_is_dated_with_its_last_commit(tmp_path):
    root = copy_hub(tmp_path)
    git = ["git", "-C", str(root), "-c", "user.name=Staff", "-c", "user.email=staff@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    committed = {**os.environ, "GIT_COMMITTER_DATE": "2026-10-05T12:00:00+01:00"}
    subprocess.run([*git, "commit", "-q", "-m", "The hub"], check=True, env=committed)
    (root / "content" / "about.md").write_text((root / "content" / "about.md").read_text() + "\nMore about us.\n")
    committed["GIT_COMMITTER_DATE"] = "2026-11-02T12:00:00+00:00"
    subprocess.run([*git, "commit", "-q", "-am", "About us"], check=True, env=committed)
    code, output = build(root)
    assert code == 0, output
    dated = sitemap(root / "site")
    assert dated[ADDRESS + "about/"] == "2026-11-02"
    assert dated[ADDRESS + "accessibility/"] == "2026-10-05"
