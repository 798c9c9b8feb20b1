"""Search finds each engagement by what people search for, and the index stays small."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, copy_hub, mkdocs_build
from hub.records.yaml_source import parse


@pytest.fixture(scope="module")
def index(demo_site) -> dict[str, dict]:
    docs = json.loads((demo_site / "search" / "search_index.json").read_text())["docs"]
    return {d["location"]: d for d in docs}


def _record(name: str) -> dict:
    return parse((ROOT / "engagements" / f"{name}.yaml").read_text()).data


def test_each_engagement_is_found_by_title_summary_places_topics_and_outcome_themes(index):
    record = _record("community-hospital-beds")
    entry = index["engagements/community-hospital-beds/"]
    assert entry["title"] == record["title"]
    assert " ".join(record["summary"].split()).split(". ")[0][:60] in entry["text"]
    for word in [*record["places"], *record["topics"], *(t["theme"] for t in record["outcome"]["themes"])]:
        assert word in entry["text"]


def test_an_engagement_has_one_short_entry_not_its_whole_page(index):
    record = _record("community-hospital-beds")
    entries = [loc for loc in index if loc.startswith("engagements/community-hospital-beds/")]
    assert entries == ["engagements/community-hospital-beds/"]
    assert record["why"].split()[0:6] != [] and " ".join(record["why"].split()[:8]) not in index[entries[0]]["text"]


def test_every_engagement_and_decision_can_be_found(index):
    for record in (ROOT / "engagements").glob("*.yaml"):
        assert f"engagements/{record.stem}/" in index
    for decision in parse((ROOT / "map" / "decisions.yaml").read_text()).data["decisions"]:
        assert f"decisions/{decision['id']}/" in index


def test_lists_are_left_out_and_hand_written_pages_are_in(index):
    lists = (
        "places/",
        "topics/",
        "organisations/",
        "have-your-say/open-now/",
        "you-said-we-did/",
        "charter/feedback/met/",
    )
    assert not [loc for loc in index if loc.startswith(lists) or loc.split("#")[0] == "engagements/"]
    assert any(loc.startswith("how-to-take-part/") for loc in index)


def test_a_long_summary_is_cut_at_a_word_to_keep_the_index_small():
    from hub.outputs.search import SUMMARY_CHARACTERS, _first_sentence

    long = "We want to hear from everyone who uses the walk-in centre in Testham about the opening hours and the waiting times. More."
    cut = _first_sentence(long)
    assert len(cut) <= SUMMARY_CHARACTERS + 2 and cut.endswith(" …") and long.startswith(cut[:-2])
    assert _first_sentence("Short one. Second sentence.") == "Short one"


def test_search_reads_the_pages_it_indexes_and_is_not_asked_about_the_pages_it_leaves_out(tmp_path, monkeypatch):
    """Material's search runs a regular expression over the whole HTML of every page it is asked about; the
    hub asks it only about the pages it reads (hub/site/mkdocs_plugin.py)."""
    from material.plugins.search.plugin import SearchPlugin

    asked: list[str] = []
    read = SearchPlugin.on_page_context

    def on_page_context(self, context, *, page, config, nav):
        asked.append(page.url)
        return read(self, context, page=page, config=config, nav=nav)

    monkeypatch.setattr(SearchPlugin, "on_page_context", on_page_context)
    (tmp_path / "hub").mkdir()
    root = copy_hub(tmp_path / "hub")
    assert mkdocs_build(root).code == 0
    assert "about/" in asked
    assert not [url for url in asked if url.startswith("engagements/")], asked
    docs = json.loads((root / "site" / "search" / "search_index.json").read_text())["docs"]
    assert "engagements/community-hospital-beds/" in {d["location"] for d in docs}  # the hub's own entry
