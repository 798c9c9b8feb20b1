"""The hub's own words come from one catalogue per language (hooks/hub/words/en.yaml): a hub in another
language needs only another catalogue with the same keys."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest

from conftest import DEMO_TODAY, ROOT
from hub import words
from hub.checks.check_all import check_records
from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress
from hub.facts.scorecard import Result
from hub.facts.status import Status
from hub.records.map_model import BodyKind
from hub.records.model import Access, CommitmentStatus, DocumentKind, EngagementType, Format, Level
from hub.settings import settings_from_mkdocs_yml
from hub.site.pages import build_pages
from hub.site.pages.engagement import SECTIONS, section_titles

SETTINGS = settings_from_mkdocs_yml(ROOT / "mkdocs.yml")
CHOICES = [Level, EngagementType, Access, Format, DocumentKind, CommitmentStatus, BodyKind, Status, Result, Progress]


def _pseudo(text: str) -> str:
    """English made visibly foreign, as a translator's first pass would be: same meaning, other letters."""
    return "⟦" + text.translate(str.maketrans("aeiouAEIOU", "åéîøüÅÉÎØÜ")) + "⟧"


@pytest.fixture()
def pseudo() -> Iterator[dict[str, str]]:
    catalogue = {key: _pseudo(value) for key, value in words.catalogue(words.ENGLISH).items()}
    words.use(catalogue)
    try:
        yield catalogue
    finally:
        words.use(words.ENGLISH)


def test_every_choice_and_section_heading_has_words_in_the_catalogue():
    for choice in CHOICES:
        for member in choice:
            assert member.label, member
    assert all(member.description for member in EngagementType)
    for status in Status:
        assert all(heading for _, heading in section_titles(status, True, heard_so_far=True))
    assert set(SECTIONS[Status.open]) <= {
        key.split(".")[1] for key in words.catalogue("en") if key.startswith("section.")
    }


def test_labels_and_headings_speak_the_catalogues_language(pseudo):
    assert Status.open.label == "⟦Øpén nøw⟧"
    assert Access.step_free.label == _pseudo("Step-free access")
    assert dict(section_titles(Status.coming_up, False))["take_part"] == _pseudo("How you will be able to take part")


def test_the_pages_made_in_another_language_keep_no_english_from_the_catalogue(pseudo):
    # The pages as build_hub makes them, with the catalogue given whole rather than named in settings.
    today = dt.date.fromisoformat(DEMO_TODAY)
    checked = check_records(ROOT, SETTINGS, today, keep_records=True)
    pages = build_pages(Catalogue.build(checked.records, today, SETTINGS, checked.area))
    engagement = next(p for p in pages if p.path == "engagements/carers-breaks.md").body
    headings = re.findall(r'<h2 id="[\w-]+">(.*?)</h2>', engagement)
    assert len(headings) >= 8 and all(h.startswith("⟦") for h in headings), headings
    assert f">{_pseudo('Outcome published')}<" in engagement  # the status word
    level = next(r for r in checked.records if r.slug == "carers-breaks").engagement.level
    assert level.label.startswith("⟦") and level.label in engagement  # a choice's label


def test_an_unknown_key_says_where_to_add_it():
    with pytest.raises(KeyError, match="The words catalogue has no 'status.lost'. Add it to hooks/hub/words/en.yaml."):
        words.say("status.lost")


def test_every_catalogue_has_the_same_keys_as_the_english_one():
    english = set(words.catalogue("en"))
    for path in sorted(words.FOLDER.glob("*.yaml")):
        assert set(words.catalogue(path.stem)) == english, path.name
