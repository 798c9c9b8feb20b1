"""Each topic, place, organisation and group of people in a record must be one of the hub's listed names
(records/vocabulary.py)."""

from __future__ import annotations

import difflib

from hub.records.loading import LoadedRecord, dotted
from hub.records.names import key
from hub.records.problems import Problem
from hub.records.vocabulary import Vocabulary, Words
from hub.words import say


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
            message = _wrong(value, words, kind)
            if message:
                problems.append(Problem(record.path, record.document.line_of(location), dotted(location), message))
    return problems


def _wrong(value: str, words: Words, kind: str) -> str | None:
    """`kind` is the list's: topics, places, organisations or groups."""
    listed = words.names.get(key(value))
    if listed == value:
        return None
    # What one item and the whole list are called in messages.
    one, many = say(f"problems.vocabulary.names.{kind}.one"), say(f"problems.vocabulary.names.{kind}.other")
    if listed is not None:
        return say("problems.vocabulary.write_as", name=listed, many=many, file=words.file)
    if key(value) in words.synonyms:
        return say("problems.vocabulary.another_word", value=value, name=words.synonyms[key(value)], file=words.file)
    choices = {**words.names, **words.synonyms}
    close = difflib.get_close_matches(key(value), list(choices), n=1, cutoff=0.6)
    said = {"value": value, "many": many, "one": one, "file": words.file}
    if close:
        return say("problems.vocabulary.not_listed_close", close=choices[close[0]], **said)
    return say("problems.vocabulary.not_listed", **said)
