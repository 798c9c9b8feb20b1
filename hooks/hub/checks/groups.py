"""Each question and group in an outcome's breakdown of who took part must be one the hub lists
(records/population.py: the Census 2021 categories, or the hub's own)."""

from __future__ import annotations

import difflib

from hub.records.loading import LoadedRecord, dotted
from hub.records.names import key
from hub.records.population import Groups
from hub.records.problems import Problem
from hub.words import say


def group_problems(record: LoadedRecord, groups: Groups | None) -> list[Problem]:
    outcome = record.engagement.outcome
    if outcome is None or not outcome.by_group or groups is None:
        return []
    problems = []
    for question_name, counts in outcome.by_group.items():
        at: tuple = ("outcome", "by_group", question_name)
        question = groups.question(question_name)
        if question is None:
            known = [q.name for q in groups.questions]
            close = difflib.get_close_matches(question_name, known, n=1, cutoff=0.6)
            said = {"question": question_name, "known": ", ".join(known), "file": groups.file}
            if close:
                message = say("problems.groups.not_a_question_close", close=close[0], **said)
            else:
                message = say("problems.groups.not_a_question", **said)
            problems.append(Problem(record.path, record.document.line_of(at), dotted(at), message))
            continue
        names = {key(g.name): g.name for g in question.groups} | {key(n): n for n in groups.not_known}
        synonyms = {key(s): g.name for g in question.groups for s in g.synonyms}
        for group_name in counts:
            wrong = _wrong(group_name, question_name, names, synonyms, str(groups.file))
            if wrong:
                where = (*at, group_name)
                problems.append(Problem(record.path, record.document.line_of(where), dotted(where), wrong))
    return problems


def _wrong(value: str, question: str, names: dict[str, str], synonyms: dict[str, str], file: str) -> str | None:
    listed = names.get(key(value))
    if listed == value:
        return None
    if listed is not None:
        return say("problems.groups.write_as", name=listed, question=question, file=file)
    if key(value) in synonyms:
        return say("problems.groups.another_word", value=value, name=synonyms[key(value)])
    choices = {**names, **synonyms}
    close = difflib.get_close_matches(key(value), list(choices), n=1, cutoff=0.6)
    said = {"value": value, "question": question, "groups": ", ".join(dict.fromkeys(names.values())), "file": file}
    if close:
        return say("problems.groups.not_a_group_close", close=choices[close[0]], **said)
    return say("problems.groups.not_a_group", **said)
