"""Long lists are split into pages, so no page grows with the number of records."""

from __future__ import annotations

import pytest

from conftest import copy_hub, mkdocs_build
from hub.site.paging import paginate
from pages import content, page
from test_broken_records import GOOD

COUNT, SIZE = 45, 10


def test_paginate_splits_a_list_and_links_the_pages():
    pages = paginate(list(range(25)), 10, "topics/x")
    assert [p.path for p in pages] == ["topics/x/index.md", "topics/x/page-2.md", "topics/x/page-3.md"]
    assert [len(p.items) for p in pages] == [10, 10, 5]
    assert pages[0].previous_url is None and pages[0].next_url == "topics/x/page-2/"
    assert pages[2].previous_url == "topics/x/page-2/" and pages[2].next_url is None


def test_an_empty_list_still_has_one_page():
    (only,) = paginate([], 10, "places")
    assert only.items == [] and only.path == "places/index.md"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_hub(tmp_path_factory.mktemp("many"), with_records=False)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text()
        .replace("page_size: 20", f"page_size: {SIZE}")
        .replace("index_page_size: 100", f"index_page_size: {SIZE}")
    )
    for n in range(COUNT):
        record = GOOD.replace("Testham walk-in centre", f"Testham walk-in centre, part {n}")
        (root / "engagements" / f"walk-in-{n:02d}.yaml").write_text(record)
    built = mkdocs_build(root)
    assert built.code == 0, built.output
    return root / "site"


@pytest.mark.parametrize("folder", ["engagements", "have-your-say/open-now", "places/testham", "topics/urgent-care"])
def test_a_long_list_is_split_into_pages_that_together_list_everything(site, folder):
    seen = []
    for number in range(1, 6):
        url = f"{folder}/" if number == 1 else f"{folder}/page-{number}/"
        # Cards on "Have your say"; one line each in the long indexes.
        cards = content(page(site, url)).select(".hub-card__title a, a.hub-row__title")
        assert 0 < len(cards) <= SIZE
        seen += [a["href"] for a in cards]
    assert len(set(seen)) == COUNT
    assert not (site / folder / "page-6").exists()


def test_the_summary_page_shows_one_page_and_links_to_the_rest(site):
    soup = content(page(site, "have-your-say/"))
    assert len(soup.select("#open-now ~ ul .hub-card")) == SIZE
    assert soup.find("a", string=f"See all {COUNT}: open now")


def test_the_pager_links_the_first_last_and_nearby_pages_only():
    *_, ninth = paginate(list(range(100)), 10, "topics/x")[:9]
    assert ninth.window() == [1, None, 7, 8, 9, 10]
    assert paginate(list(range(100)), 10, "x")[0].window() == [1, 2, 3, None, 10]
    assert paginate(list(range(30)), 10, "x")[1].window() == [1, 2, 3]


def test_the_long_indexes_show_one_line_for_each_engagement(site):
    rows = content(page(site, "places/testham/")).select("ul.hub-rows > li.hub-row")
    assert len(rows) == SIZE
    assert rows[0].select_one(".hub-status") and "to" in rows[0].select_one(".hub-row__facts").get_text()


def test_pages_link_to_each_other(site):
    pager = content(page(site, "engagements/page-2/")).select_one("nav.hub-pager")
    assert pager.find("a", rel="prev")["href"] == "../"
    assert pager.find("a", rel="next")["href"] == "../page-3/"
    assert pager.find("a", attrs={"aria-current": "page"}).get_text() == "Page 2"
