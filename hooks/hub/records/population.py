"""Who lives in each place, by group, so an outcome can set who took part beside who lives there.

Two files:

- the groups (hooks/hub/data/census_groups.yaml, or a hub's own population/groups.yaml instead): the
  questions an outcome's `by_group` can answer, such as age, and the groups under each, in the Census
  2021 categories;
- the figures (population/places.yaml): for each place in vocabulary/places.yaml, the number of people
  in each group, with where the figures come from and their year. A place can be made of others, such
  as a whole area made of its towns.

A hub with no population folder shows who took part without comparing it with anyone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, Field, StrictBool, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from hub.words import say

from .loading import read_as, shown
from .model import Record, Text, WebAddress
from .names import key
from .problems import Problem

BUILT_IN_GROUPS = Path(__file__).resolve().parent.parent / "data" / "census_groups.yaml"
GROUPS_FILE = "groups.yaml"  # a hub's own list of groups, in its population folder
PLACES_FILE = "places.yaml"

QuestionName = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_]*$")]


class GroupDefinition(Record):
    name: Text
    people: Text
    were: Text
    synonyms: list[Text] = Field(default_factory=list)
    optional: StrictBool = False
    reach: Text | None = None


class Question(Record):
    name: QuestionName
    title: Text
    source: Text
    reach: Text | None = None
    groups: list[GroupDefinition] = Field(min_length=2)

    def group(self, name: str) -> GroupDefinition | None:
        return next((g for g in self.groups if g.name == name), None)


class GroupsFile(Record):
    not_known: list[Text] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)


Figures = dict[str, dict[str, Annotated[int, Field(ge=0, strict=True)]]]


class PlaceFigures(Record):
    # Figures or parts, never both: open data gives only the one a place has.
    model_config = ConfigDict(
        json_schema_serialization_defaults_required=False,
        json_schema_extra={
            "oneOf": [
                {"required": ["people"], "properties": {"people": {"minProperties": 1}}},
                {"required": ["made_of"], "properties": {"made_of": {"minItems": 1}}},
            ]
        },
    )

    place: Text
    people: Figures = Field(default_factory=dict)
    made_of: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _figures_or_parts(self) -> PlaceFigures:
        if bool(self.people) == bool(self.made_of):
            raise PydanticCustomError(
                "figures_or_parts", say("problems.population.figures_or_parts"), {"field": "place"}
            )
        return self


class PopulationFile(Record):
    made_up: StrictBool = False
    source: Text
    link: WebAddress | None = None
    year: int = Field(ge=1800, le=2200)
    places: list[PlaceFigures] = Field(min_length=1)


@dataclass(frozen=True)
class Groups:
    """The questions and their groups, and where they came from (for messages)."""

    file: Path
    not_known: tuple[str, ...]
    questions: tuple[Question, ...]

    def question(self, name: str) -> Question | None:
        return next((q for q in self.questions if q.name == name), None)

    def is_not_known(self, name: str) -> bool:
        return name in self.not_known


@dataclass(frozen=True)
class Population:
    """Everything known about who lives where. `figures` is by place: question -> group -> people."""

    groups: Groups | None = None
    file: Path | None = None
    made_up: bool = False
    source: str = ""
    link: str | None = None
    year: int | None = None
    figures: dict[str, Figures] = field(default_factory=dict)
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # places made of others

    def base_places(self, places: list[str]) -> tuple[list[str], list[str]]:
        """The places with figures that make up `places` (each once), and those of `places` with none."""
        found: list[str] = []
        missing: list[str] = []
        for place in places:
            for part in self.parts.get(place, (place,)):
                if part in self.figures:
                    if part not in found:
                        found.append(part)
                elif place not in missing:
                    missing.append(place)
        return found, missing


def load_population(
    folder: Path, display_root: Path | None = None, places: dict[str, str] | None = None
) -> tuple[Population, list[Problem]]:
    """The groups and the figures, and a problem for anything wrong in either file.

    `places` are the hub's listed place names by key (vocabulary/places.yaml): figures must be for them.
    """
    problems: list[Problem] = []
    groups_path = folder / GROUPS_FILE if os.path.lexists(folder / GROUPS_FILE) else BUILT_IN_GROUPS
    groups_shown = shown(groups_path, display_root) if groups_path != BUILT_IN_GROUPS else Path("census_groups.yaml")
    document, parsed, found = read_as(GroupsFile, groups_path, groups_shown)
    problems += found
    if document is None or parsed is None:
        return Population(), problems
    groups = Groups(groups_shown, tuple(parsed.not_known), tuple(parsed.questions))
    problems += _groups_problems(parsed, document, groups_shown)
    places_path = folder / PLACES_FILE
    if not os.path.lexists(places_path):
        return Population(groups), problems
    where = shown(places_path, display_root)
    document, figures_file, found = read_as(PopulationFile, places_path, where)
    problems += found
    if document is None or figures_file is None:
        return Population(groups), problems
    population = Population(
        groups,
        where,
        figures_file.made_up,
        figures_file.source,
        figures_file.link,
        figures_file.year,
        {p.place: p.people for p in figures_file.places if p.people},
        {p.place: tuple(p.made_of) for p in figures_file.places if p.made_of},
    )
    problems += _figures_problems(figures_file, groups, places, lambda loc: document.line_of(loc), where)
    return population, problems


def _groups_problems(parsed: GroupsFile, document, where: Path) -> list[Problem]:
    problems = []
    seen_questions: set[str] = set()
    for q_number, question in enumerate(parsed.questions):
        if question.name in seen_questions:
            line = document.line_of(("questions", q_number, "name"))
            problems.append(Problem(where, line, f"questions[{q_number + 1}].name", _twice(question.name)))
        seen_questions.add(question.name)
        seen: set[str] = {key(n) for n in parsed.not_known}
        for g_number, group in enumerate(question.groups):
            for word in (group.name, *group.synonyms):
                if key(word) in seen:
                    line = document.line_of(("questions", q_number, "groups", g_number))
                    field_name = f"questions[{q_number + 1}].groups[{g_number + 1}]"
                    problems.append(Problem(where, line, field_name, _twice(word)))
                seen.add(key(word))
    return problems


def _twice(word: str) -> str:
    return say("problems.twice_in_list", name=word)


def _figures_problems(figures_file: PopulationFile, groups: Groups, places: dict[str, str] | None, line_of, where):
    problems = []
    with_figures = {p.place for p in figures_file.places if p.people}
    seen: set[str] = set()
    for number, place in enumerate(figures_file.places):
        at = ("places", number)
        name = f"places[{number + 1}]"
        if place.place in seen:
            problems.append(Problem(where, line_of((*at, "place")), f"{name}.place", _twice(place.place)))
        seen.add(place.place)
        if places is not None and places.get(key(place.place)) != place.place:
            problems.append(
                Problem(
                    where,
                    line_of((*at, "place")),
                    f"{name}.place",
                    say("problems.population.place_not_listed", place=place.place),
                )
            )
        for part_number, part in enumerate(place.made_of):
            if part not in with_figures:
                problems.append(
                    Problem(
                        where,
                        line_of((*at, "made_of", part_number)),
                        f"{name}.made_of[{part_number + 1}]",
                        say("problems.population.no_own_figures", place=part),
                    )
                )
        for question_name, counts in place.people.items():
            question = groups.question(question_name)
            q_at = (*at, "people", question_name)
            if question is None:
                problems.append(
                    Problem(
                        where,
                        line_of(q_at),
                        f"{name}.people.{question_name}",
                        say(
                            "problems.population.not_a_question",
                            question=question_name,
                            file=groups.file,
                            questions=", ".join(q.name for q in groups.questions),
                        ),
                    )
                )
                continue
            left_out = [g.name for g in question.groups if g.name not in counts]
            if left_out:
                problems.append(
                    Problem(
                        where,
                        line_of(q_at),
                        f"{name}.people.{question_name}",
                        say("problems.population.figures_missing", groups=", ".join(repr(g) for g in left_out)),
                    )
                )
            for group_name in counts:
                if question.group(group_name) is None:
                    problems.append(
                        Problem(
                            where,
                            line_of((*q_at, group_name)),
                            f"{name}.people.{question_name}.{group_name}",
                            say(
                                "problems.population.not_a_group",
                                group=group_name,
                                question=question_name,
                                file=groups.file,
                                groups=", ".join(g.name for g in question.groups),
                            ),
                        )
                    )
    return problems
