"""The hub's public words, in one catalogue per language: words/en.yaml for English.

A keyed YAML file rather than gettext catalogues: the people who would translate a hub are engagement
staff, who can edit YAML in the browser as they edit records; the plain-English check reads it with
its lines like any record; and a key says where a word is used ("status.open"), where gettext would
key it by the English text, which changes whenever the English is improved.

A second language is a second file (words/cy.yaml) with the same keys, named in mkdocs.yml as
`theme: language: cy`, which also gives the theme's own words (the search box, "Skip to content") in that
language. `extra: hub: language:` overrides it for the hub's words alone, for a language the theme lacks. Every word the hub's own pages, feeds and files say comes from here:
templates call t("key"), Python calls say("key").

Catalogue text is plain: no HTML. A sentence with a link in it has a place for the link, {link}, which
a template fills with markup it made (markup() escapes the text, and every value that is not markup).
Where the words change with a number, the catalogue has one key for each form, key.one and key.other:
plural() picks one, so no code adds an English "s". A language with more forms (Welsh has six) needs
plural() to learn its rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from string import Formatter
from typing import ClassVar

import yaml
from markupsafe import Markup, escape

FOLDER = Path(__file__).parent
ENGLISH = "en"
_language: Mapping[str, str] | None = None  # None: English; set by use()
_on_use: list[Callable[[], None]] = []


def say(key: str, **values: object) -> str:
    """The words for `key` in the hub's language, with {name} places filled from `values`."""
    text = _text(key)
    return text.format(**values) if values else text


def _text(key: str) -> str:
    words = _language if _language is not None else catalogue(ENGLISH)
    try:
        return words[key]
    except KeyError:
        # In English on purpose, as is the missing-catalogue error below: there are no words to say it with.
        raise KeyError(f"The words catalogue has no '{key}'. Add it to hooks/hub/words/{ENGLISH}.yaml.") from None


def plural(key: str, n: int) -> str:
    """The key of the form of `key` for `n` things: "key.one" for 1, "key.other" for any other number."""
    return f"{key}.one" if n == 1 else f"{key}.other"


def markup(key: str, **values: object) -> Markup:
    """The words for `key` as HTML: the text escaped, its places filled with `values`, each escaped
    unless it is markup already (such as a link a template made)."""
    html, places = _parsed(_text(key))
    if not values:
        return html
    if places is None:
        return html.format(**values)
    # As Markup.format fills them, without its formatter: pages call this hundreds of thousands of times.
    return Markup("".join([text + str(escape(values[name])) if name else text for text, name in places]))


@cache
def _parsed(text: str) -> tuple[Markup, tuple[tuple[str, str | None], ...] | None]:
    """The text escaped, and cut at its places: None where a place is more than a name (Markup.format fills those)."""
    html = Markup(_escape(text))
    places = tuple((literal, name) for literal, name, spec, conversion in Formatter().parse(html))
    simple = all(
        name is None or (name.isidentifier() and not spec and not conversion)
        for _, name, spec, conversion in Formatter().parse(html)
    )
    return html, places if simple else None


def _escape(text: str) -> str:
    # As Jinja escapes, but not the apostrophe: pages show "engagement's" as written, and the
    # templates put every attribute in double quotes.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")


def has(key: str) -> bool:
    return key in (_language if _language is not None else catalogue(ENGLISH))


def use(language: str | Mapping[str, str]) -> None:
    """Speak `language` (a catalogue's name, such as "cy") or a catalogue given whole (tests)."""
    global _language
    speaking = None if language == ENGLISH else catalogue(language) if isinstance(language, str) else language
    if speaking is _language:
        return  # every build names the hub's language: the words kept beyond a lookup are in it already
    _language = speaking
    for then in _on_use:
        then()


def on_use(then: Callable[[], None]) -> None:
    """Call `then` whenever use() changes the words, for words kept beyond a lookup: the models' field
    descriptions, and the templates, which hold the words that take no values (hub/outputs/files.py)."""
    _on_use.append(then)


@cache
def catalogue(language: str) -> dict[str, str]:
    """Every key of words/<language>.yaml, with dots for its levels: {"status.open": "Open now", ...}."""
    path = FOLDER / f"{language}.yaml"
    if not path.is_file():
        raise ValueError(
            f"The hub has no words in the language '{language}' (theme.language or extra.hub.language in mkdocs.yml). "
            f"Copy hooks/hub/words/{ENGLISH}.yaml to hooks/hub/words/{language}.yaml and translate every value, "
            f"or set the language to {ENGLISH}."
        )
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return dict(_flat(data, ""))


def _flat(data: object, prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _flat(value, f"{prefix}{key}.")
    else:
        yield prefix.rstrip("."), str(data)


class Choice(str, Enum):
    """A fixed set of values (a record's level, a promise's status) whose labels are in the catalogue.

    A subclass names its part of the catalogue, `class Level(Choice, words="level")`, and each value's
    label is the key `<part>.<value>`: Level.system.label is say("level.system").
    """

    words_part: ClassVar[str]

    def __init_subclass__(cls, words: str = "", **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.words_part = words

    @property
    def label(self) -> str:
        return say(f"{type(self).words_part}.{self.value}")
