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


_VOWELS = str.maketrans("aeiouAEIOU", "åéîøüÅÉÎØÜ")


def _pseudo(text: str) -> str:
    """English made visibly foreign, as a translator's first pass would be: same meaning, other letters.
    The {places} keep their names, as a translator must keep them."""
    return (
        "⟦"
        + "".join(part if part.startswith("{") else part.translate(_VOWELS) for part in re.split(r"(\{\w*\})", text))
        + "⟧"
    )


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


# --- Every key the code asks for is in the catalogue, and every key in the catalogue is asked for ---------

HUB = ROOT / "hooks" / "hub"
# A key in a call: t('engagement.dates'), tn('late.weeks', n), say("status.open"), say_count(...), markup(...).
_CALL = re.compile(r"""\b(?:t|tn|say|say_count|markup|has)\(\s*(f?)(["'])([a-z_]+\.[\w.]*?)(\{|\2)""")
# A key chosen in a template expression: t('engagement.timeline.opened' if step.happened else '...').
_WORDS_KEY = re.compile(r"""(["'])([a-z_]+(?:\.[a-z0-9_]+)+)\1""")


def _code() -> dict[str, str]:
    files = [*HUB.rglob("*.py"), *HUB.rglob("templates/*.html"), *HUB.rglob("templates/*.xml")]
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in files if "__pycache__" not in p.parts}


def _asked_for() -> tuple[set[str], set[str], set[str]]:
    """Keys the code names whole; keys it counts with (key.one, key.other); and the starts of keys it builds."""
    whole, counted, starts = set(), set(), set()
    for path, text in _code().items():
        for f, _, key, end in _CALL.findall(text):
            if f or end == "{":
                starts.add(key)
            else:
                whole.add(key)
        # A key built before it is looked up: changed = f"section_when.{name}.{status.value}"
        starts.update(re.findall(r"""\bf["']([a-z_]+\.[\w.]*?)\{""", text))
        counted.update(re.findall(r"""\b(?:tn|say_count|plural)\(\s*["']([\w.]+)["']""", text))
        if path.endswith((".html", ".xml")):
            # In templates a key may be chosen by an expression before t() sees it.
            whole.update(key for _, key in _WORDS_KEY.findall(text) if key in words.catalogue("en"))
    return whole - counted, counted, starts


def test_every_key_the_templates_and_code_use_is_in_every_catalogue():
    whole, counted, _ = _asked_for()
    assert len(whole) > 150  # the test finds the keys
    for path in sorted(words.FOLDER.glob("*.yaml")):
        keys = set(words.catalogue(path.stem))
        assert not whole - keys, (path.name, sorted(whole - keys))
        missing = {f"{key}.{form}" for key in counted for form in ("one", "other")} - keys
        assert not missing, (path.name, sorted(missing))


def test_no_key_in_the_catalogue_is_unused():
    whole, counted, starts = _asked_for()
    unused = [
        key
        for key in words.catalogue("en")
        if key not in whole
        and key.rsplit(".", 1)[0] not in counted
        and not any(key.startswith(start) for start in starts)
    ]
    assert not unused, unused


def test_markup_escapes_the_words_and_every_value_that_is_not_markup_already():
    from markupsafe import Markup

    words.use({"a": 'Read <b> & "{link}" or {text}', "n.one": "{n} thing", "n.other": "{n} things"})
    try:
        made = words.markup("a", link=Markup('<a href="/x">here</a>'), text="<script>")
        assert made == 'Read &lt;b&gt; &amp; &#34;<a href="/x">here</a>&#34; or &lt;script&gt;'
        assert isinstance(made, Markup)
        assert words.say(words.plural("n", 1), n=1) == "1 thing" and words.say(words.plural("n", 0), n=0) == "0 things"
    finally:
        words.use(words.ENGLISH)
