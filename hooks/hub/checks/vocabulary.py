"""Each topic, place, organisation and group of people in a record must be one of the hub's listed names
(records/vocabulary.py)."""

from __future__ import annotations

import difflib

from hub.records.loading import LoadedRecord, dotted
from hub.records.names import key
from hub.records.problems import Problem
from hub.records.vocabulary import Vocabulary, Words

# What one item and the whole list are called in messages.
_NAMES = {
    "topics": ("topic", "topics"),
    "places": ("place", "places"),
    "organisations": ("organisation", "organisations"),
    "groups": ("group of people", "groups of people"),
}


def vocabulary_problems(record: LoadedRecord, vocabulary: Vocabulary) -> list[Problem]:
    e = record.engagement
    used: dict[str, list[tuple[tuple, str]]] = {
        "topics": [(("topics", i), t) for i, t in enumerate(e.topics)],
        "places": [(("places", i), p) for i, p in enumerate(e.places)],
        "organisations": [(("lead",), e.lead), *((("partners", i), p) for i, p in enumerate(e.partners))],
        "groups": [(("who_for", i), g) for i, g in enumerate(e.who_for)],
    }
    problems = []
    for kind, values in used.items():
        words = vocabulary.lists.get(kind)
        if words is None:
            continue
        for location, value in values:
            message = _wrong(value, words, *_NAMES[kind])
            if message:
                problems.append(Problem(record.path, record.document.line_of(location), dotted(location), message))
    return problems


def _wrong(value: str, words: Words, one: str, many: str) -> str | None:
    listed = words.names.get(key(value))
    if listed == value:
        return None
    if listed is not None:
        return f"write it as '{listed}', as the list of {many} in {words.file} does."
    if key(value) in words.synonyms:
        return f"'{value}' is another word for '{words.synonyms[key(value)]}'. Use '{words.synonyms[key(value)]}', the name in {words.file}."
    choices = {**words.names, **words.synonyms}
    close = difflib.get_close_matches(key(value), list(choices), n=1, cutoff=0.6)
    hint = f"Did you mean '{choices[close[0]]}'? " if close else ""
    return (
        f"'{value}' is not in the list of {many}. {hint}Use a name from {words.file}. "
        f"For a new {one}, add it to that file on a line of its own."
    )
