"""Record text is untrusted: HTML, scripts and Markdown in it are shown as text and never run."""

from __future__ import annotations

import json

import pytest

from conftest import copy_hub, mkdocs_build
from pages import content, page, text
from test_broken_records import GOOD

NASTY = '<script>alert("boom")</script><img src=x onerror=alert(1)> [click](javascript:alert(2)) {{ 7*7 }}'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_hub(tmp_path_factory.mktemp("nasty"), with_records=False)
    record = (
        GOOD.replace("title: Your say on the Testham walk-in centre", f"title: '{NASTY}'")
        .replace("summary: We want to know how you use the walk-in centre.", f"summary: '{NASTY}'")
        .replace("  - Testham", f"  - '{NASTY}'")
        .replace("  team: Engagement team", f"  team: '{NASTY}'")
        # A field that allows formatting goes through Markdown and the sanitiser instead of escaping alone.
        .replace("  We want to know when you use it.", f"  {NASTY}")
        .replace("  - Opening hours", '  - "--8<-- \\"mkdocs.yml\\""')
    )
    (root / "engagements" / "nasty.yaml").write_text(record)
    built = mkdocs_build(root)
    assert built.code == 0, built.output
    return root / "site"


def test_html_in_a_record_is_shown_as_text(site):
    article = content(page(site, "engagements/nasty/"))
    shown = text(article)
    assert shown.count('<script>alert("boom")</script>') >= 4
    assert "{{ 7*7 }}" in shown
    assert '--8<-- "mkdocs.yml"' in shown


@pytest.mark.parametrize("url", ["engagements/nasty/", "", "have-your-say/", "places/", "engagements/"])
def test_no_script_or_event_handler_from_a_record_reaches_any_page(site, url):
    soup = page(site, url)
    for script in soup.find_all("script"):
        assert "boom" not in script.get_text()
    assert not soup.find_all(attrs={"onerror": True})
    assert not [a for a in soup.find_all("a") if a.get("href", "").lower().startswith("javascript:")]


def test_the_page_title_in_the_browser_tab_is_escaped(site):
    raw_html = (site / "engagements" / "nasty" / "index.html").read_text()
    head = raw_html[: raw_html.index("</head>")]
    assert "<script>alert" not in head
    assert "&lt;script&gt;alert" in head


def test_the_search_index_holds_record_text_escaped(site):
    # Material's search shows an entry's text as HTML, so the record's text must arrive escaped.
    index = json.loads((site / "search" / "search_index.json").read_text())
    (entry,) = [d for d in index["docs"] if d["location"] == "engagements/nasty/"]
    assert "<script>" not in entry["title"] + entry["text"]
    assert '&lt;script&gt;alert("boom")&lt;/script&gt;' in entry["text"]
