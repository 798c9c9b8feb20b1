"""The hub's own lists of topics, places, organisations and groups of people, so each has one spelling.

Each list is a YAML file in the vocabulary folder (vocabulary/ unless mkdocs.yml says otherwise). An
item is a name on a line, with the other words people use for it if there are any:

    topics:
      - name: Dementia
      - name: Vaccines
        synonyms: [Jabs, Immunisations]

The staff editor offers the names from these files, so each item is written the same way, with name:.

Records must use a listed name. A synonym is not accepted in a record, only suggested from: two
spellings of one topic would make two pages and hide overlaps ("tell us once").
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from hub.words import say

from .loading import read_as, shown
from .model import Record, Text
from .names import key
from .problems import Problem


class Term(Record):
    name: Text
    synonyms: list[Text] = Field(default_factory=list)


class TopicList(Record):
    topics: list[Term] = Field(min_length=1)


class PlaceList(Record):
    places: list[Term] = Field(min_length=1)


class OrganisationList(Record):
    organisations: list[Term] = Field(min_length=1)


class GroupList(Record):
    groups: list[Term] = Field(min_length=1)


# Which record fields each list covers, by the file that holds the list.
FILES: dict[str, type[Record]] = {
    "topics.yaml": TopicList,
    "places.yaml": PlaceList,
    "organisations.yaml": OrganisationList,
    "groups.yaml": GroupList,
}


@dataclass
class Words:
    """One list: its names by key (any case and spacing), and the names its synonyms point to."""

    file: Path  # as shown in messages
    names: dict[str, str] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)


@dataclass
class Vocabulary:
    """The lists the hub has; a list that is not there is not checked."""

    lists: dict[str, Words] = field(default_factory=dict)  # by kind: topics, places, organisations, groups


def load_vocabulary(folder: Path, display_root: Path | None = None) -> tuple[Vocabulary, list[Problem]]:
    vocabulary, problems = Vocabulary(), []
    for name, model in FILES.items():
        path = folder / name
        if not os.path.lexists(path):
            continue
        where = shown(path, display_root)
        document, parsed, found = read_as(model, path, where)
        problems += found
        if document is None or parsed is None:
            continue
        kind = next(iter(type(parsed).model_fields))
        words = vocabulary.lists[kind] = Words(where)
        for number, term in enumerate(getattr(parsed, kind)):
            for word in (term.name, *term.synonyms):
                if key(word) in words.names or key(word) in words.synonyms:
                    line = document.line_of((kind, number))
                    problems.append(
                        Problem(where, line, f"{kind}[{number + 1}]", say("problems.twice_in_list", name=word))
                    )
            words.names[key(term.name)] = term.name
            words.synonyms.update((key(s), term.name) for s in term.synonyms)
    return vocabulary, problems
