"""The hub's own words come from one catalogue per language (hooks/hub/words/en.yaml): a hub in another
language needs only another catalogue with the same keys."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DEMO_TODAY, ROOT, copy_hub, mkdocs_build, run, validate
from hub import words
from hub.checks.check_all import check_records
from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress
from hub.facts.scorecard import Result
from hub.facts.status import Status
from hub.records import descriptions
from hub.records.formatting import plain
from hub.records.map_model import BodyKind
from hub.records.map_model import Decision as MapDecision
from hub.records.model import Access, CommitmentStatus, DocumentKind, Engagement, EngagementType, Format, Level
from hub.records.scaffold import scaffold
from hub.records.schema import engagement_schema
from hub.settings import Settings, settings_from_mkdocs_yml
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


@pytest.fixture()
def hub_in_zz(tmp_path, monkeypatch) -> Iterator[Path]:
    """A copy of the demo whose mkdocs.yml names the made-up language "zz", with a catalogue for it."""
    root = copy_hub(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  hub:\n", "  hub:\n    language: zz\n", 1))
    english, made_up = words.catalogue, {k: _pseudo(v) for k, v in words.catalogue(words.ENGLISH).items()}
    monkeypatch.setattr(words, "catalogue", lambda language: made_up if language == "zz" else english(language))
    try:
        yield root
    finally:
        words.use(words.ENGLISH)


def test_the_staff_commands_speak_the_language_the_hub_is_set_to(hub_in_zz):
    record = hub_in_zz / "engagements" / "carers-breaks.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("type: ", "type: chat_show  # ", 1), encoding="utf-8")
    result = validate(hub_in_zz)
    line = next(line for line in result.output.splitlines() if line.startswith("engagements/carers-breaks.yaml:"))
    assert result.code == 1 and "type: ⟦" in line, line
    assert "is not one of the choices" not in result.output


def test_an_unknown_key_says_where_to_add_it():
    with pytest.raises(KeyError, match="The words catalogue has no 'status.lost'. Add it to hooks/hub/words/en.yaml."):
        words.say("status.lost")


def test_every_catalogue_has_the_same_keys_as_the_english_one():
    english = set(words.catalogue("en"))
    for path in sorted(words.FOLDER.glob("*.yaml")):
        assert set(words.catalogue(path.stem)) == english, path.name


# --- Every key the code asks for is in the catalogue, and every key in the catalogue is asked for ---------

HUB = ROOT / "hooks" / "hub"
# A key in a call: t('engagement.dates'), tn('late.weeks', n), say("status.open"), say_count(...), markup(...);
# not the theme's own lang.t('search.placeholder') in overrides/.
_CALL = re.compile(r"""\b(?:(?<!\.)t|tn|say|say_count|markup|has)\(\s*(f?)(["'])([a-z_]+\.[\w.]*?)(\{|\2)""")
# A key chosen in a template expression: t('engagement.timeline.opened' if step.happened else '...').
_WORDS_KEY = re.compile(r"""(["'])([a-z_]+(?:\.[a-z0-9_]+)+)\1""")


def _code() -> dict[str, str]:
    # The staff commands in scripts/ speak from the catalogue too.
    files = [*HUB.rglob("*.py"), *HUB.rglob("templates/*.html"), *HUB.rglob("templates/*.xml")]
    files += (ROOT / "scripts").glob("*.py")
    files += (ROOT / "overrides").rglob("*.html")  # the theme's page around the hub's
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in files if "__pycache__" not in p.parts}


def _asked_for() -> tuple[set[str], set[str], set[str]]:
    """Keys the code names whole; keys it counts with (key.one, key.other); and the starts of keys it builds."""
    whole, counted, starts = set(), set(), set()
    for path, text in _code().items():
        for f, _, key, end in _CALL.findall(text):
            if f or end == "{" or key.endswith("."):  # f"status.{value}", 'result.' ~ name
                starts.add(key)
            else:
                whole.add(key)
        # A key built before it is looked up: changed = f"section_when.{name}.{status.value}"
        starts.update(re.findall(r"""\bf["']([a-z_]+\.[\w.]*?)\{""", text))
        # A choice's labels: class Level(Choice, words="level") says "level.<value>".
        starts.update(f"{part}." for part in re.findall(r"""\(Choice, words="([a-z_]+)"\)""", text))
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


def test_every_field_description_in_the_catalogue_is_of_a_field_the_models_have():
    # The keys are built from the models (descriptions.key), so the search of the code above cannot tell.
    import hub.checks.plain_english.language
    import hub.records.glossary
    import hub.records.population
    import hub.records.vocabulary  # noqa: F401

    fields = {descriptions.key(model, name) for model in descriptions._models for name in model.model_fields}
    given = {key for key in words.catalogue("en") if key.startswith("fields.")} - {"fields.formatting"}
    assert len(given) > 180  # the test finds them
    assert not given - fields, sorted(given - fields)
    # And each part's description (models.<module>.<Model>) names a model or choice of the hub's.
    import hub.outputs.open_data  # noqa: F401

    modules = [module for name, module in sys.modules.items() if name.startswith("hub.")]
    parts = [key.split(".") for key in words.catalogue("en") if key.startswith("models.")]
    assert len(parts) > 8
    for _, module, name in parts:
        assert any(m.__name__.rpartition(".")[2] == module and hasattr(m, name) for m in modules), (module, name)


def test_the_fields_descriptions_speak_the_catalogues_language_wherever_they_are_shown(pseudo):
    # A part's description reaches the schema of the record that holds it, as the model is made again.
    schema = json.loads(engagement_schema())
    assert schema["title"] == _pseudo("Engagement record")
    # A part's own description, as a whole, where pydantic would give the model's docstring.
    assert schema["$defs"]["Decision"]["description"] == _pseudo(
        "Who will decide, using what people said, and roughly when."
    )
    event = schema["$defs"]["Event"]["properties"]
    assert event["date"]["description"] == _pseudo("the day, written as YYYY-MM-DD, such as 2026-12-03")
    assert schema["properties"]["why"]["description"] == _pseudo("why we are asking {formatting}").replace(
        "{formatting}", _pseudo("(you can use bold, bullet lists and links)")
    )
    # A field of fixed choices lists its codes, which are the same in every language.
    assert schema["$defs"]["Document"]["properties"]["kind"]["description"] == _pseudo("one of: {choices}").replace(
        "{choices}", ", ".join(kind.value for kind in DocumentKind)
    )
    # A new record's comments, and the map's and the settings' fields.
    # (Its comments are the descriptions, each made a sentence, and the optional fields left out.)
    comments = [line.strip() for line in scaffold({"title": "A walk-in clinic"}).splitlines()[4:] if "# " in line]
    described = [comment for comment in comments if comment.endswith(".")]
    assert len(described) > 50 and all(comment.startswith("# ⟦") for comment in described), described
    assert MapDecision.model_fields["date"].description == _pseudo("the day of the decision, written as YYYY-MM-DD")
    assert (Settings.model_fields["area"].description or "").startswith("⟦")


def test_the_fields_descriptions_are_english_again_when_the_hub_is(pseudo):
    words.use(words.ENGLISH)
    assert engagement_schema() == (ROOT / "schema" / "engagement.schema.json").read_text(encoding="utf-8")


def test_the_open_data_files_describe_their_fields_in_the_catalogues_language(pseudo):
    from hub.outputs.open_data import open_data_files

    today = dt.date.fromisoformat(DEMO_TODAY)
    checked = check_records(ROOT, SETTINGS, today, keep_records=True)
    catalogue = Catalogue.build(checked.records, today, SETTINGS, checked.area, checked.population)
    files = open_data_files(catalogue)
    data = {f.path.removeprefix("data/"): json.loads(f.content) for f in files if f.path.endswith(".json")}
    said: list[str] = []

    def described(part: object) -> None:
        """Every part's and property's description in the JSON Schemas, and every column's in the Table Schemas."""
        if isinstance(part, dict):
            if "description" in part and ("properties" in part or "enum" in part):
                said.append(part["description"])
            said.extend(
                field["description"] for field in (part.get("properties") or {}).values() if "description" in field
            )
            said.extend(column["description"] for column in part.get("fields") or [])
            part = list(part.values())
        if isinstance(part, list):
            for value in part:
                described(value)

    described([data[name] for name in data if name.endswith(("schema.json", "datapackage.json"))])
    package = data["datapackage.json"]
    said += [package["title"], package["description"], *(file["title"] for file in package["resources"])]
    said += [file["description"] for file in package["resources"] if "description" in file]
    said += [data["engagement.schema.json"]["title"], data["engagement.schema.json"]["description"]]
    said += [data["engagements.schema.json"]["title"], data["commitments.schema.json"]["title"]]
    assert len(said) > 220  # the test finds them
    assert not [text for text in said if not text.startswith("⟦")]


def test_what_replaces_personal_data_and_a_suggested_file_name_are_in_the_catalogues_language(pseudo, monkeypatch):
    from hub.records import loading
    from hub.records.personal_data import redact

    assert redact("Call Sam on 07700 900123.") == f"Call Sam on {_pseudo('[removed]')}."
    # When the file's own name, made an address, is still one the hub cannot use, a word is added to it.
    words.use({**pseudo, "problems.file.bad_name_other": "{name} ymgysylltu"})
    monkeypatch.setattr(loading, "address_problem", lambda name: None if name.endswith("ymgysylltu") else "taken")
    assert "'feeds-ymgysylltu." in loading._bad_name("feeds", ".yaml", "it is taken")


def test_every_choice_has_a_label_for_each_of_its_values_in_every_catalogue():
    import hub.facts.commitments
    import hub.facts.scorecard
    import hub.facts.status
    import hub.records.map_model
    import hub.records.model  # noqa: F401  (the modules that define choices)

    choices = words.Choice.__subclasses__()
    assert len(choices) >= 10
    for path in sorted(words.FOLDER.glob("*.yaml")):
        keys = set(words.catalogue(path.stem))
        missing = [f"{c.words_part}.{member.value}" for c in choices for member in c]
        assert not set(missing) - keys, (path.name, sorted(set(missing) - keys))


def test_markup_escapes_the_words_and_every_value_that_is_not_markup_already():
    from markupsafe import Markup

    # Every other key too: use() gives the models' field descriptions from the catalogue.
    words.use(
        {
            **words.catalogue(words.ENGLISH),
            "a": 'Read <b> & "{link}" or {text}',
            "n.one": "{n} thing",
            "n.other": "{n} things",
        }
    )
    try:
        made = words.markup("a", link=Markup('<a href="/x">here</a>'), text="<script>")
        assert made == 'Read &lt;b&gt; &amp; &#34;<a href="/x">here</a>&#34; or &lt;script&gt;'
        assert isinstance(made, Markup)
        assert words.say(words.plural("n", 1), n=1) == "1 thing" and words.say(words.plural("n", 0), n=0) == "0 things"
    finally:
        words.use(words.ENGLISH)


# --- Messages to staff in a made-up language: only field names and the record's own values stay as they are --

# One record with many things wrong: a word for a date, a day that does not exist, a field that does not exist,
# a choice that is not one, an empty list, a phone number with no digits, and no summary.
_BROKEN = """\
title: Your say on the Testham walk-in centre
lead: NHS Example Vale Integrated Care Board
level: town
places:
  - Testham
topics: []
who_for:
  - People who live in Testham
type: survey
why: The walk-in centre is busy, and we want to know when you use it.
can_influence:
  - Opening hours
opens: soon
closes: 2027-02-30
colour: blue
take_part:
  online:
    link: https://example.org/walk-in
contact:
  team: Engagement team
  phone: ask at reception
decision:
  who: NHS Example Vale Integrated Care Board
"""


def _outside_the_catalogue(text: str) -> str:
    """What is left of `text` when every part in the made-up language (⟦…⟧, inside each other) is taken out."""
    while _MARKED.search(text):
        text = _MARKED.sub("", text)
    return text


def test_messages_to_staff_speak_the_catalogues_language(pseudo, tmp_path):
    from hub.records.problems import RecordsInvalid

    folder = tmp_path / "engagements"
    folder.mkdir()
    (folder / "walk-in.yaml").write_text(_BROKEN, encoding="utf-8")
    (folder / "Bad Name.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    today = dt.date.fromisoformat(DEMO_TODAY)
    checked = check_records(tmp_path, SETTINGS.model_copy(update={"records": "engagements"}), today)
    by_field = {p.field: p.message for p in checked.problems if p.path.name == "walk-in.yaml"}
    assert {"level", "topics", "opens", "closes", "colour", "summary", "contact.phone"} <= set(by_field), by_field
    for field, message in by_field.items():
        assert message.startswith("⟦") and not _outside_the_catalogue(message), (field, message)
    # The record model's own checks, with a month's name from the catalogue too.
    closes = _pseudo("is not a real date: {month} 2027 has no day 30. Check the day and the month.")
    assert by_field["closes"] == closes.replace("{month}", _pseudo("February")), by_field["closes"]
    # Pydantic's list of choices ("'system', 'place' or 'neighbourhood'") is put together in the catalogue's words.
    assert " or " not in by_field["level"] and " ør " in by_field["level"], by_field["level"]
    # The values and names in a message are the record's own, in the catalogue's sentence.
    unknown = (
        "is not a field we know, so it would not be shown. The fields here are: {fields}. Fix the name, or remove it."
    )
    assert by_field["colour"] == _pseudo(unknown).replace("{fields}", ", ".join(Engagement.model_fields))
    bad = [p.message for p in checked.problems if p.path.name == "Bad Name.yaml"]
    assert bad and all(m.startswith("⟦") for m in bad), bad
    report = RecordsInvalid(checked.problems).report().splitlines()
    assert report[-1] == _pseudo("Found {n} problems in the records. Fix them, then try again.").replace(
        "{n}", str(len(checked.problems))
    )


# --- The whole demo site in a made-up language: nothing the hub writes itself is left in English ----------

# Builds the hub in a fresh Python with the catalogue "zz" given whole, as a translator's file would be.
_BUILD_IN = """
import json, sys
from hub import words
given = json.loads(open(sys.argv[1], encoding="utf-8").read())
english = words.catalogue
words.catalogue = lambda language: given if language == "zz" else english(language)
from mkdocs.__main__ import cli
cli(["build", "--strict"])
"""
# Pages written by hand are content, like records: they stay as their authors wrote them.
_HAND_WRITTEN = {"about", "accessibility", "gunning", "how-to-take-part", "publish-an-engagement", "ten-principles"}
_MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
_FILE_NAME = re.compile(r"[\w-]+(\.[a-z]+)+")


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory) -> Path:
    root = copy_hub(tmp_path_factory.mktemp("pseudo"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  hub:\n", "  hub:\n    language: zz\n", 1))
    catalogue = root / "zz.json"
    catalogue.write_text(json.dumps({k: _pseudo(v) for k, v in words.catalogue("en").items()}), encoding="utf-8")
    result = run([sys.executable, "-c", _BUILD_IN, str(catalogue)], root)
    assert result.code == 0, result.output
    return root


def _record_text(root: Path) -> str:
    """Every string in the records, the map, the lists, the population figures, the glossary and the
    site's settings, lower case with single spaces: what a page may show that is not the hub's own words."""
    strings: list[str] = []

    def walk(data: object) -> None:
        if isinstance(data, dict):
            for value in data.values():
                walk(value)
        elif isinstance(data, list):
            for value in data:
                walk(value)
        elif data is not None:
            strings.append(str(data))
            strings.append(plain(str(data)))

    folders = ("engagements", "map", "vocabulary", "population")
    files = [p for folder in folders for p in (root / folder).rglob("*.yaml")]
    for path in [*files, *sorted((ROOT / "hooks" / "hub" / "data").glob("*.yaml"))]:
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    walk(yaml.safe_load(re.sub(r"!!python/\S+", "", (root / "mkdocs.yml").read_text(encoding="utf-8")))["extra"])
    return "\n".join(" ".join(s.split()).lower() for s in strings)


def _english_left(page: Path, records: str) -> list[str]:
    """Text in the page's article that is neither in the made-up language nor from a record."""
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
    if article is None:
        return []
    # Code is not words: field names, and the names of the open data files.
    for tag in article.find_all(["script", "style", "code"]):
        tag.decompose()
    # Words with links or short forms inside are marked as a whole, across the tags: read the text whole.
    return _not_marked(
        [*article.find_all(string=True), *(t["aria-label"] for t in article.find_all(attrs={"aria-label": True}))],
        records,
    )


def _not_marked(texts: list[str], records: str) -> list[str]:
    text = "\0".join(texts)
    while _MARKED.search(text):
        text = _MARKED.sub("\0", text)
    left = []
    for piece in text.split("\0"):
        piece = " ".join(piece.split()).strip(" .,;:()…").lower()
        if re.search(r"[^\W\d_]", piece) and piece not in records and not _FILE_NAME.fullmatch(piece):
            left.append(piece)
    return left


def test_every_page_the_hub_makes_speaks_the_catalogues_language(pseudo_site):
    records = _record_text(pseudo_site)
    site = pseudo_site / "site"
    pages = [
        p
        for p in sorted(site.rglob("*.html"))
        if p.relative_to(site).parts[0] not in {*_HAND_WRITTEN, "search", "admin", "404.html", "assets"}
    ]
    assert len(pages) > 100
    left = {str(p.relative_to(site)): english for p in pages if (english := _english_left(p, records))}
    assert not left, "\n".join(f"{page}: {english}" for page, english in left.items())
    # A version's page links to the whole page in the hub's language, and says which that is.
    version = (site / "engagements" / "diabetes-champions-at-any-time" / "easy-read" / "index.html").read_text("utf-8")
    assert version.count(f'hreflang="{_pseudo("en")}"') == 2
    # The theme's page around the hub's: its skip link and the names of the hub's feeds.
    home = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    around = [home.select_one("a.hub-skip").get_text(), *(a["title"] for a in home.select('link[rel="alternate"]'))]
    assert len(around) >= 3 and not _not_marked(around, records), around


_ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feeds_and_calendars_speak_the_catalogues_language(pseudo_site):
    records = _record_text(pseudo_site)
    feeds = sorted((pseudo_site / "site" / "feeds").rglob("*.xml"))
    calendars = sorted((pseudo_site / "site" / "feeds").rglob("*.ics"))
    assert feeds and calendars
    left = {}
    for path in feeds:
        feed = ElementTree.parse(path).getroot()
        texts = [t.text or "" for name in ("title", "subtitle", "name", "summary") for t in feed.iter(_ATOM + name)]
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == _pseudo("en-GB")
        left[path.name] = _not_marked(texts, records)
    for path in calendars:
        unfolded = path.read_text(encoding="utf-8").replace("\r\n ", "").replace("\n ", "")
        texts = re.findall(r"^(?:SUMMARY|DESCRIPTION|LOCATION|X-WR-CALNAME):(.*)$", unfolded, re.M)
        # A description puts record texts one after another, a blank line between them.
        texts = [re.sub(r"\\([,;\\])", r"\1", t).replace("\\n\\n", "\0") for t in texts]
        left[path.name] = _not_marked(texts, records)
    assert not any(left.values()), {name: words for name, words in left.items() if words}


def test_the_hubs_language_is_the_themes_unless_the_hub_names_its_own():
    from hub.settings import read_mkdocs_yml, settings_from_mapping

    demo = read_mkdocs_yml(ROOT / "mkdocs.yml")["extra"]["hub"]
    assert "language" not in demo
    assert settings_from_mapping(demo, theme_language="cy").language == "cy"
    assert settings_from_mapping({**demo, "language": "zz"}, theme_language="cy").language == "zz"
    assert settings_from_mapping(demo, theme_language="pt-BR").language == "pt-BR"


def test_a_language_with_no_catalogue_stops_the_build_with_what_to_do(tmp_path):
    root = copy_hub(tmp_path, with_records=False)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: en\n", "  language: de\n", 1))
    result = mkdocs_build(root)
    assert result.code == 1
    assert (
        "The hub has no words in the language 'de' (theme.language or extra.hub.language in mkdocs.yml). "
        "Copy hooks/hub/words/en.yaml to hooks/hub/words/de.yaml and translate every value, or set the language to en."
    ) in result.output
    assert "Traceback" not in result.output


# The staff editor's page is for staff, like the messages in the records' checks: its words are not public.
_STAFF_TEMPLATES = {"admin.html"}


def test_the_templates_hold_no_words_of_their_own():
    """Every word a template shows comes from t() or tn(): none is written in the template itself."""
    found = {}
    for path in sorted([*HUB.rglob("templates/*.html"), *HUB.rglob("templates/*.xml")]):
        if path.name in _STAFF_TEMPLATES:
            continue
        # Jinja, and code (a field's name), are not words.
        text = re.sub(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}|<code>.*?</code>", " ", path.read_text("utf-8"), flags=re.S)
        shown = re.findall(r"""\b(?:aria-label|title|alt|placeholder)="([^"]*)\"""", text)
        shown += re.split(r"<[^>]*>", text)
        # Not words: a block that names a CSS class (hub-outcomes), and the names of files.
        words = [
            w
            for w in map(str.strip, shown)
            if re.search(r"[^\W\d_]{2,}", w) and not re.fullmatch(r"hub-[\w-]+", w) and not _FILE_NAME.fullmatch(w)
        ]
        if words:
            found[path.name] = [" ".join(w.split()) for w in words]
    assert not found, found
