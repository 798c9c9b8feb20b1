"""A big hub stays usable: long lists are paged, pages stay small, and search has one entry per record."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import DEMO_TODAY, copy_hub, mkdocs_build
from hub.records.yaml_source import parse
from pages import content, page
from synthetic_records import write_area

RECORDS, SIZE = 150, 3


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    root = copy_hub(tmp_path_factory.mktemp("big"), with_records=False)
    write_area(root, RECORDS, dt.date.fromisoformat(DEMO_TODAY))
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text()
        .replace("page_size: 20", f"page_size: {SIZE}")
        .replace("index_page_size: 100", "index_page_size: 20")
    )
    built = mkdocs_build(root)
    assert built.code == 0, built.output
    return root


def test_a_body_page_shows_its_latest_decisions_and_pages_the_rest(big):
    decisions = parse((big / "map" / "decisions.yaml").read_text()).data["decisions"]
    mine = sorted((d for d in decisions if d["body"] == "icb-board"), key=lambda d: d["date"], reverse=True)
    assert len(mine) > SIZE
    body = content(page(big / "site", "who-decides/icb-board/"))
    assert len(body.select("ul.hub-decisions > li")) == SIZE
    assert body.find("a", string=f"See all {len(mine)} decisions it has taken")["href"] == "decisions/"
    listed, number = [], 1
    while (
        big / "site" / "who-decides/icb-board/decisions" / ("" if number == 1 else f"page-{number}") / "index.html"
    ).exists():
        url = "who-decides/icb-board/decisions/" + ("" if number == 1 else f"page-{number}/")
        listed += [
            a["href"].rstrip("/").rsplit("/", 1)[1]
            for a in content(page(big / "site", url)).select("ul.hub-decisions > li > a:first-child")
        ]
        number += 1
    assert listed == [d["id"] for d in mine]


def test_no_page_grows_with_the_number_of_records(big):
    # The largest page of a small hub, with lists of 5 and indexes of 20: well under the 200 KB limit.
    largest = max(p.stat().st_size for p in (big / "site").rglob("*.html"))
    assert largest < 100_000


def test_search_has_one_short_entry_for_each_record(big):
    docs = json.loads((big / "site" / "search" / "search_index.json").read_text())["docs"]
    records = [d for d in docs if d["location"].startswith("engagements/record-")]
    assert len(records) == RECORDS
    assert max(len(d["text"]) for d in records) < 300
