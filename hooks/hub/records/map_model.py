"""The functions-and-decisions map: the bodies of an area, what each decides, and the decisions taken.

Two files in the map folder (`map/` by default): bodies.yaml and decisions.yaml. The names of the area's
organisations, places, topics and groups of people are in the vocabulary folder (records/vocabulary.py).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from hub.words import Choice, say

from .model import Day, Record, Text, WebAddress
from .names import address_problem


def _address_name(value: str) -> str:
    wrong = address_problem(value)
    if wrong:
        raise PydanticCustomError("address_name", say("problems.address.not_an_address"), {"wrong": wrong})
    return value


# The id of a body or a decision, used in links and references and as its page's address.
Id = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_address_name)]


class BodyKind(Choice, words="body_kind"):
    integrated_care_board = "integrated_care_board"
    committee = "committee"
    integrated_care_partnership = "integrated_care_partnership"
    place_partnership = "place_partnership"
    primary_care_network = "primary_care_network"
    council = "council"
    nhs_trust = "nhs_trust"
    healthwatch = "healthwatch"
    health_and_wellbeing_board = "health_and_wellbeing_board"


class PublicMeetings(Record):
    how_often: Text
    where: Text
    next_meeting: Day | None = None
    questions: Text


class Link(Record):
    title: Text
    link: WebAddress


class Body(Record):
    id: Id
    name: Text
    kind: BodyKind
    decides: list[Text] = Field(min_length=1)
    reports_to: Id | None = None
    meets_in_public: PublicMeetings | None = None
    links: list[Link] = Field(default_factory=list)


class Decision(Record):
    id: Id
    date: Day
    body: Id
    what: Text
    minutes: WebAddress
    informed_by: list[Id] = Field(default_factory=list)


class BodiesFile(Record):
    bodies: list[Body] = Field(min_length=1)


class DecisionsFile(Record):
    decisions: list[Decision] = Field(default_factory=list)
