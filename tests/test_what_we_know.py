"""What we already know: each engagement page shows earlier engagements on its topics and what they found."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from hub.facts.entries import Entry
from hub.facts.related import what_we_know
from hub.records.loading import LoadedRecord
from hub.records.model import Engagement
from hub.records.yaml_source import Document
from records import minimal_record

OUTCOME = {
    "published": dt.date(2026, 6, 1),
    "summary": "People told us what they think.",
    "took_part": {"total": 10},
    "themes": [{"theme": "Waiting times", "detail": "Too long."}],
}


def entry(slug: str, opens: str, closes: str, **changes) -> Entry:
    e = Engagement.model_validate(
        minimal_record(title=slug, opens=dt.date.fromisoformat(opens), closes=dt.date.fromisoformat(closes), **changes)
    )
    path = Path("engagements") / f"{slug}.yaml"
    return Entry(LoadedRecord(slug, path, path, e, Document({})), None, [])


def known(entries: list[Entry], slug: str, size: int = 3) -> list[str]:
    return [e.slug for e in what_we_know(entries, size)[slug]]


def test_earlier_engagements_on_the_same_topic_are_shown_with_outcomes_first():
    entries = [
        entry("now", "2026-11-01", "2026-12-31", topics=["Testing", "Waiting"]),
        entry("recent-no-outcome", "2026-07-01", "2026-08-01"),
        entry("older-with-outcome", "2026-01-01", "2026-03-01", outcome=OUTCOME),
        entry("two-topics-in-common", "2025-01-01", "2025-03-01", topics=["Waiting", "testing"]),
        entry("another-topic", "2026-05-01", "2026-06-01", topics=["Dental care"]),
        entry("closes-after-it-opens", "2026-10-01", "2026-11-05"),
    ]
    assert known(entries, "now") == ["older-with-outcome", "two-topics-in-common", "recent-no-outcome"]
    assert known(entries, "now", size=1) == ["older-with-outcome"]
    assert known(entries, "older-with-outcome") == ["two-topics-in-common"]
    assert known(entries, "two-topics-in-common") == []


def test_the_same_place_comes_before_another_place():
    entries = [
        entry("now", "2026-11-01", "2026-12-31"),
        entry("elsewhere", "2026-05-01", "2026-06-01", places=["Elsewhere"]),
        entry("here", "2026-01-01", "2026-02-01"),
    ]
    assert known(entries, "now") == ["here", "elsewhere"]


def test_the_page_shows_what_earlier_engagements_found(demo_site):
    page = BeautifulSoup((demo_site / "engagements/stroke-rehabilitation/index.html").read_text(), "html.parser")
    section = page.find(id="what-we-know").find_parent("section")
    link = section.find("a", string="The future of beds at Marsh Lane Community Hospital")
    assert link["href"] == "../community-hospital-beds/"
    assert "The board chose to keep 8 beds" in section.get_text()
    assert "Care at night" in [li.get_text() for li in section.find_all("li")]
    assert page.find("nav", class_="hub-contents").find("a", href="#what-we-know")


def test_a_page_with_nothing_earlier_says_so(demo_site):
    page = BeautifulSoup(
        (demo_site / "engagements/maternity-services-conversation/index.html").read_text(), "html.parser"
    )
    section = page.find(id="what-we-know").find_parent("section")
    assert "This site has no earlier engagement on the same topic." in section.get_text()
