"""The hub's glossary: short forms (acronyms) and what they mean, from data/glossary.yaml.

The site shows each meaning where the short form appears (render.py for generated pages, the
`abbr` Markdown extension for content pages), the glossary page lists them, and the plain-English
check accepts them without an explanation at first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from pydantic import Field

from hub.words import say

from .loading import read_yaml, validate_as
from .model import Record, Text
from .problems import Problem, RecordsInvalid

DATA = Path(__file__).parent.parent / "data"  # hooks/hub/data
GLOSSARY_FILE = DATA / "glossary.yaml"


class Term(Record):
    short: Text
    means: Text
    about: Text | None = None


class GlossaryFile(Record):
    terms: list[Term] = Field(default_factory=list)


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    # Worked out once: the pages ask on every page, and for each short form they find.
    @cached_property
    def by_short(self) -> dict[str, Term]:
        return {t.short: t for t in self.terms}

    def sorted(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: t.short.casefold())

    def markdown_glossary(self) -> dict[str, str]:
        """For the `abbr` Markdown extension's `glossary` option."""
        return {t.short: t.means for t in self.terms}

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """Finds each short form as a whole word in text or in escaped HTML text; a plural 's' may follow.

        Longest first, so that a short form inside a longer one (UK in GOV.UK) is not found alone.
        Not after a slash or a dot, and not before one, so parts of web addresses stay as they are.
        """
        if not self.terms:
            return None
        forms: dict[str, str] = {}
        for term in self.terms:
            forms[term.short] = term.short
            forms[term.short.replace("&", "&amp;")] = term.short
        longest_first = sorted(forms, key=len, reverse=True)
        # Each form's first letter comes first in the pattern, and only then what must not be before it: Python
        # then skips straight to those letters, and searched a page twice as quickly as with a lookahead for them.
        choices = "|".join(
            rf"{re.escape(first)}(?<![\w/.@&-]{re.escape(first)})(?:{'|'.join(re.escape(f[1:]) for f in longest_first if f[0] == first)})"
            for first in sorted({f[0] for f in forms})
        )
        return re.compile(rf"(?P<short>{choices})(?P<plural>s)?(?![\w/@]|\.\w|-\w*/)")


def load_glossary(path: Path = GLOSSARY_FILE) -> Glossary:
    """The glossary; raises RecordsInvalid with plain-English problems if the file is wrong."""
    stamp = path.stat().st_mtime_ns if path.is_file() else 0
    return _load(path, stamp)


@cache
def _load(path: Path, stamp: int) -> Glossary:
    # `stamp` is only part of the cache key: an edited glossary is read again during `mkdocs serve`.
    if not path.is_file():
        return Glossary(())
    glossary, problems = read_glossary(path, path)
    if problems:
        raise RecordsInvalid(problems)
    return glossary


def read_glossary(path: Path, shown: Path) -> tuple[Glossary, list[Problem]]:
    """The glossary and the problems with it, as for a record."""
    document, problems = read_yaml(path, shown)
    if document is None:
        return Glossary(()), problems
    parsed, problems = validate_as(GlossaryFile, document, shown)
    if parsed is None:
        return Glossary(()), problems
    first: dict[str, int] = {}
    for index, term in enumerate(parsed.terms):
        line = document.line_of(("terms", index, "short"))
        if term.short in first:
            problems.append(
                Problem(
                    shown,
                    line,
                    f"terms[{index + 1}].short",
                    say("problems.glossary_twice", name=term.short, line=first[term.short]),
                )
            )
        first.setdefault(term.short, line)
    return Glossary(tuple(parsed.terms)), problems
