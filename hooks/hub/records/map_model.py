"""The functions-and-decisions map: the bodies of an area, what each decides, and the decisions taken.

Two files in the map folder (`map/` by default): bodies.yaml and decisions.yaml. A third, lists.yaml,
holds the names of the area's organisations, places and topics that the staff editor offers.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, StringConstraints

from .model import Day, Record, Text, WebAddress

# The id of a body or a decision, used in links and references: small letters, numbers and dashes.
Id = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class BodyKind(str, Enum):
    integrated_care_board = "integrated_care_board"
    committee = "committee"
    integrated_care_partnership = "integrated_care_partnership"
    place_partnership = "place_partnership"
    primary_care_network = "primary_care_network"
    council = "council"
    nhs_trust = "nhs_trust"
    healthwatch = "healthwatch"
    health_and_wellbeing_board = "health_and_wellbeing_board"

    @property
    def label(self) -> str:
        return {
            "integrated_care_board": "Integrated care board: plans and pays for NHS services",
            "committee": "Committee",
            "integrated_care_partnership": "Integrated care partnership: NHS, councils and partners together",
            "place_partnership": "Place partnership: health and care in one town or borough",
            "primary_care_network": "Primary care network: GP practices working together",
            "council": "Council",
            "nhs_trust": "NHS trust: runs hospitals or community services",
            "healthwatch": "Healthwatch: the independent voice of patients",
            "health_and_wellbeing_board": "Health and wellbeing board",
        }[self.value]


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


class ListsFile(Record):
    """The hub's own lists. The staff editor offers these names, so each is spelt the same way on every page."""

    organisations: list[Text] = Field(
        min_length=1, description="the organisations that lead or join engagements, by their full names"
    )
    places: list[Text] = Field(min_length=1, description="the towns and areas that engagements cover")
    topics: list[Text] = Field(min_length=1, description="what engagements are about, such as Mental health")


class BodiesFile(Record):
    bodies: list[Body] = Field(min_length=1)


class DecisionsFile(Record):
    decisions: list[Decision] = Field(default_factory=list)
