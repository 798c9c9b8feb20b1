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
    how_often: Text = Field(description="how often it meets in public, such as Every two months")
    where: Text = Field(description="where, or how to watch online")
    next_meeting: Day | None = Field(None, description="the date of the next meeting in public")
    questions: Text = Field(description="how a member of the public can ask a question")


class Link(Record):
    title: Text
    link: WebAddress


class Body(Record):
    id: Id = Field(description="a short name for links, with small letters and dashes, such as icb-board")
    name: Text = Field(description="the body's full name")
    kind: BodyKind = Field(description="one of: " + ", ".join(k.value for k in BodyKind))
    decides: list[Text] = Field(min_length=1, description="what this body decides")
    reports_to: Id | None = Field(None, description="the id of the body it reports to")
    meets_in_public: PublicMeetings | None = Field(None, description="leave out if it does not meet in public")
    links: list[Link] = Field(default_factory=list)


class Decision(Record):
    id: Id = Field(description="a short name for links, such as marsh-lane-beds-2026")
    date: Day = Field(description="the day of the decision, written as YYYY-MM-DD")
    body: Id = Field(description="the id of the body that decided")
    what: Text = Field(description="what was decided, in plain words")
    minutes: WebAddress = Field(description="the web address of the minutes or record of the decision")
    informed_by: list[Id] = Field(
        default_factory=list, description="the engagements that informed it: their file names without .yaml"
    )


class BodiesFile(Record):
    bodies: list[Body] = Field(min_length=1)


class DecisionsFile(Record):
    decisions: list[Decision] = Field(default_factory=list)
