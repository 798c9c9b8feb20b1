"""The engagement record: one YAML file in `engagements/` is one `Engagement`.

Each field's `description` is written for the member of staff who fills it in:
validation messages quote it when the field is missing or wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

# --- Small value types ------------------------------------------------------------

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class AllowsFormatting:
    """Marks text that may use a little Markdown, shown by hub/formatting.py; other text never is formatted."""

    note = " (you can use bold, bullet lists and links)"


# Long explanations read better with a list or a link; names, titles and short items stay plain.
FormattedText = Annotated[Text, AllowsFormatting()]


class Sentences:
    """Marks plain text of a sentence or more: the staff editor gives it a box of several lines."""


LongText = Annotated[Text, Sentences()]

# Web addresses, email addresses and phone numbers are checked by pydantic's own regular expressions,
# which are quicker than a check in Python at thousands of records; the schema for editors shows them
# too. Each says, when a value does not match, what is wrong and what to write (messages.py).
# Only plain web links: anything else (javascript:, data:, file:) could run code or leak data.
_WEB_ADDRESS = r"^[hH][tT][tT][pP][sS]?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$"
_EMAIL = r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$"
_PHONE = r"^\+?[0-9][0-9 ()-]{5,20}$"
PATTERN_MESSAGES = {
    _WEB_ADDRESS: "is not a web address we can link to. Write the full address, starting with "
    "https://, for example https://www.example.nhs.uk/have-your-say",
    _EMAIL: "is not an email address. Write it like engage@example.nhs.uk",
    _PHONE: 'is not a phone number. Write the digits with spaces, in quotes, for example "0800 123 4567"',
}
_TIME = re.compile(r"^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$")


def _clock_time(value: str) -> str:
    match = _TIME.match(value)
    if not match:
        raise PydanticCustomError(
            "clock_time",
            'is not a time. Use the 24-hour clock in quotes, for example "14:30"',
        )
    return f"{int(match[1]):02d}:{match[2]}"


def _not_a_number(value: object) -> object:
    # pydantic reads a number as seconds since 1970, so "opens: 0" would quietly be 1 January 1970.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError("date_type", "should be a date written as YYYY-MM-DD, such as 2026-12-31")
    return value


# A day, written as YYYY-MM-DD. A number is refused, not read as a time stamp.
Day = Annotated[dt.date, BeforeValidator(_not_a_number)]
WebAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=_WEB_ADDRESS)]
EmailAddress = Annotated[str, StringConstraints(strip_whitespace=True, pattern=_EMAIL)]
PhoneNumber = Annotated[str, StringConstraints(strip_whitespace=True, pattern=_PHONE)]
ClockTime = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_clock_time)]


class Record(BaseModel):
    """Every part of a record refuses fields it does not know, so a typo never hides content.

    A check that spans fields puts the field it blames in its error's context as `field`,
    so the message can point at that field's line.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- Choices ----------------------------------------------------------------------


class Level(str, Enum):
    system = "system"
    place = "place"
    neighbourhood = "neighbourhood"

    @property
    def label(self) -> str:
        return {
            "system": "Whole area (system)",
            "place": "One town or borough (place)",
            "neighbourhood": "Local neighbourhood",
        }[self.value]


class EngagementType(str, Enum):
    information = "information"
    survey = "survey"
    pre_consultation = "pre_consultation"
    formal_consultation = "formal_consultation"
    co_production = "co_production"
    advisory_group = "advisory_group"

    @property
    def label(self) -> str:
        return {
            "information": "Information and updates",
            "survey": "Survey or feedback",
            "pre_consultation": "Early conversation before a consultation",
            "formal_consultation": "Formal public consultation",
            "co_production": "Designing together (co-production)",
            "advisory_group": "Patient or advisory group",
        }[self.value]

    @property
    def description(self) -> str:
        return {
            "information": "We tell you about a change or a plan, and answer your questions.",
            "survey": "We ask what you think of a service, often with a survey.",
            "pre_consultation": "We talk with you early, before we write the options for a formal consultation.",
            "formal_consultation": "We ask for your views on options for a big change, before a decision is made.",
            "co_production": "People who use a service work with staff to design it together.",
            "advisory_group": "A group of patients, carers or local people who advise us over time.",
        }[self.value]


class Access(str, Enum):
    step_free = "step_free"
    hearing_loop = "hearing_loop"
    public_transport = "public_transport"
    accessible_toilet = "accessible_toilet"
    parking = "parking"
    quiet_space = "quiet_space"

    @property
    def label(self) -> str:
        return {
            "step_free": "Step-free access",
            "hearing_loop": "Hearing loop",
            "public_transport": "Near public transport",
            "accessible_toilet": "Accessible toilet",
            "parking": "Blue badge parking",
            "quiet_space": "Quiet space",
        }[self.value]


class Format(str, Enum):
    easy_read = "easy_read"
    large_print = "large_print"
    audio = "audio"
    british_sign_language = "british_sign_language"
    braille = "braille"
    other_language = "other_language"

    @property
    def label(self) -> str:
        return {
            "easy_read": "Easy Read",
            "large_print": "Large print",
            "audio": "Audio",
            "british_sign_language": "British Sign Language video",
            "braille": "Braille",
            "other_language": "Other language",
        }[self.value]


class DocumentKind(str, Enum):
    consultation_document = "consultation_document"
    equality_impact_assessment = "equality_impact_assessment"
    summary = "summary"
    easy_read = "easy_read"
    report = "report"
    other = "other"

    @property
    def label(self) -> str:
        return {
            "consultation_document": "Consultation document",
            "equality_impact_assessment": "Equality impact assessment",
            "summary": "Summary",
            "easy_read": "Easy Read version",
            "report": "Report",
            "other": "Document",
        }[self.value]


# --- Parts of a record ---------------------------------------------------------------


class Limit(Record):
    what: Text = Field(description="what people cannot change")
    why: LongText = Field(description="why it cannot change, in one or two sentences")


class Online(Record):
    link: WebAddress = Field(description="the web address of the survey or form")
    description: Text | None = Field(None, description="what to expect, such as how long it takes")


class Paper(Record):
    description: LongText = Field(description="how to get a paper copy and where to send it back")
    freepost: Text | None = Field(None, description="the freepost address, if there is one")


class Phone(Record):
    number: PhoneNumber = Field(description='the phone number in quotes, such as "0800 123 4567"')
    description: Text | None = Field(None, description="when to call and what happens")


class Email(Record):
    address: EmailAddress = Field(description="the email address to send views to")
    description: Text | None = Field(None, description="what to put in the email")


class Event(Record):
    name: Text = Field(description="what the event is, such as Drop-in session")
    date: Day = Field(description="the day, written as YYYY-MM-DD, such as 2026-12-03")
    starts: ClockTime = Field(description='the start time in quotes, such as "10:00"')
    ends: ClockTime = Field(description='the end time in quotes, such as "12:00"')
    venue: Text = Field(description="the name of the place")
    address: Text = Field(description="the address, with postcode")
    access: list[Access] = Field(
        default_factory=list,
        description="what the venue offers: " + ", ".join(a.value for a in Access),
    )
    access_notes: Text | None = Field(None, description="anything else about getting there")
    booking: Text | None = Field(None, description="how to book, or say that there is no need")

    @model_validator(mode="after")
    def _ends_after_start(self) -> Event:
        if self.ends <= self.starts:
            raise PydanticCustomError(
                "event_times",
                "ends at {ends}, which is not after it starts at {starts}. Check both times",
                {"ends": self.ends, "starts": self.starts, "field": "ends"},
            )
        return self


class TakePart(Record):
    """The ways to take part. At least one is needed; more than one is better."""

    online: Online | None = Field(None, description="a survey or form on the web")
    paper: Paper | None = Field(None, description="a paper form, and where to get it")
    phone: Phone | None = Field(None, description="a phone number to give views by phone")
    email: Email | None = Field(None, description="an email address to send views to")
    events: list[Event] = Field(default_factory=list, description="meetings and drop-in sessions people can come to")
    other: Text | None = Field(None, description="any other way, such as a text message service")

    @model_validator(mode="after")
    def _at_least_one_way(self) -> TakePart:
        if not self.ways:
            raise PydanticCustomError(
                "no_way_to_take_part",
                "lists no way to take part. Add at least one of these: online, paper, phone, email, events or other",
            )
        return self

    @property
    def ways(self) -> list[str]:
        found = [name for name in ("online", "paper", "phone", "email", "other") if getattr(self, name)]
        return found + (["events"] if self.events else [])

    @property
    def offline_ways(self) -> list[str]:
        return [way for way in self.ways if way != "online"]


class AccessibleFormat(Record):
    format: Format = Field(description="one of: " + ", ".join(f.value for f in Format))
    language: Text | None = Field(None, description="the language, for other_language")
    link: WebAddress | None = Field(None, description="where to get it online")
    how_to_ask: Text | None = Field(None, description="how to ask for it, if it is not online")

    @model_validator(mode="after")
    def _complete(self) -> AccessibleFormat:
        if self.format is Format.other_language and not self.language:
            raise PydanticCustomError(
                "language_missing",
                "is another language but does not say which. Add a language line with its name",
                {"field": "format"},
            )
        if not self.link and not self.how_to_ask:
            raise PydanticCustomError(
                "format_unreachable",
                "does not say how to get it. Add a link line with a web address, or a how_to_ask line",
                {"field": "format"},
            )
        return self

    @property
    def label(self) -> str:
        if self.format is Format.other_language:
            return f"{self.format.label}: {self.language}"
        return self.format.label


class Contact(Record):
    team: Text = Field(description="the team to contact (a team, not a person's name)")
    email: EmailAddress | None = Field(None, description="the team's email address")
    phone: PhoneNumber | None = Field(None, description='the team\'s phone number in quotes, such as "0800 123 4567"')
    address: Text | None = Field(None, description="a postal address")
    textphone: Text | None = Field(None, description="a textphone or Relay UK number")

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.email or self.phone or self.address):
            raise PydanticCustomError(
                "contact_unreachable",
                "gives no way to reach the team. Add an email, phone or address line",
            )
        return self


class Decision(Record):
    """Who will decide, using what people said, and roughly when."""

    who: Text = Field(description="the board or group that will decide")
    body: Text | None = Field(None, description="the id of that body in the decisions map, such as icb-board")
    when: Text = Field(description="roughly when, such as Spring 2027")
    date: Day | None = Field(None, description="the meeting date, if it is known")
    how: Text | None = Field(None, description="how the decision is made, such as at a board meeting in public")


class Document(Record):
    title: Text = Field(description="the document's name")
    link: WebAddress = Field(description="the web address of the document")
    kind: DocumentKind = Field(DocumentKind.other, description="one of: " + ", ".join(k.value for k in DocumentKind))
    format: Text | None = Field(None, description="the file type and size, such as PDF, 2 MB")


class MethodCount(Record):
    method: Text = Field(description="how people took part, such as Online survey")
    count: int = Field(ge=0, description="how many people took part this way")


class Participation(Record):
    total: int = Field(ge=0, description="how many people took part in all")
    by_method: list[MethodCount] = Field(default_factory=list, description="how many took part each way")


class Theme(Record):
    theme: Text = Field(description="a short name for what people said")
    detail: LongText = Field(description="what people said about it")


class DecisionTaken(Record):
    date: Day = Field(description="the day the decision was made")
    what: Text = Field(description="what was decided")
    by: Text = Field(description="who decided")
    link: WebAddress = Field(description="where the decision is recorded, such as the board minutes")


class Outcome(Record):
    """What happened because people took part: steps 8 and 9 of the staff guide."""

    published: Day = Field(description="the day this outcome was published")
    summary: FormattedText = Field(description="what happened, in two or three sentences" + AllowsFormatting.note)
    took_part: Participation = Field(description="how many people took part")
    who_took_part: Text | None = Field(None, description="who took part, where this is known")
    themes: list[Theme] = Field(min_length=1, description="the main things people said")
    changed: list[Text] = Field(default_factory=list, description="what changed because of what people said")
    not_changed: list[Limit] = Field(default_factory=list, description="what could not change, and why")
    next_steps: list[Text] = Field(default_factory=list, description="what happens next")
    lessons: list[Text] = Field(
        default_factory=list, description="what we learned about how we engaged, to do better next time"
    )
    lessons_shared: Text | None = Field(
        None, description="where the lessons were shared with partners, such as a network meeting"
    )
    decision: DecisionTaken | None = Field(None, description="the decision, once it is made")
    report: WebAddress | None = Field(None, description="the web address of the full report")


# --- The record ---------------------------------------------------------------------


class Engagement(Record):
    example: bool = Field(False, description="true for a made-up record that shows how the hub works")
    title: Text = Field(max_length=120, description="a short title that says what this is about")
    summary: LongText = Field(description="two or three plain sentences about what is happening")
    lead: Text = Field(description="the organisation that leads this")
    partners: list[Text] = Field(default_factory=list, description="other organisations taking part")
    level: Level = Field(description="one of: system, place, neighbourhood")
    places: list[Text] = Field(min_length=1, description="the towns or areas it covers")
    topics: list[Text] = Field(min_length=1, description="what it is about, such as Mental health")
    who_for: list[Text] = Field(
        min_length=1, description="the communities and groups of people it is for, named in full"
    )
    type: EngagementType = Field(description="one of: " + ", ".join(t.value for t in EngagementType))
    why: FormattedText = Field(description="why we are asking" + AllowsFormatting.note)
    can_influence: list[Text] = Field(min_length=1, description="what people's views can change")
    cannot_influence: list[Limit] = Field(
        default_factory=list, description="what people's views cannot change, and why"
    )
    opens: Day = Field(description="the first day, written as YYYY-MM-DD")
    closes: Day = Field(description="the last day, written as YYYY-MM-DD")
    take_part: TakePart = Field(description="the ways to take part: at least one, and more than one is better")
    accessible_formats: list[AccessibleFormat] = Field(
        default_factory=list, description="other formats and languages, such as Easy Read or large print"
    )
    contact: Contact = Field(description="who to ask about this engagement")
    decision: Decision = Field(description="who will decide, using what people said, and roughly when")
    documents: list[Document] = Field(default_factory=list, description="documents to read, with their web addresses")
    outcome_due: Day | None = Field(
        None, description="the day by which we promise to publish the outcome, if not the usual time"
    )
    outcome: Outcome | None = Field(
        None, description="what happened because people took part: add it after the engagement closes"
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Engagement:
        if self.closes < self.opens:
            raise PydanticCustomError(
                "closes_before_opens",
                "closes on {closes}, before it opens on {opens}. Check both dates",
                {"closes": self.closes.isoformat(), "opens": self.opens.isoformat(), "field": "closes"},
            )
        if self.outcome_due and self.outcome_due <= self.closes:
            raise PydanticCustomError(
                "outcome_due_before_close",
                "is {due}, which is not after the engagement closes on {closes}. "
                "Promise the outcome for a day after it closes",
                {"due": self.outcome_due.isoformat(), "closes": self.closes.isoformat(), "field": "outcome_due"},
            )
        if self.outcome and self.outcome.published <= self.closes:
            raise PydanticCustomError(
                "outcome_before_close",
                "outcome was published on {published}, but the engagement closes on {closes}. "
                "An outcome comes after it closes: check outcome.published and closes",
                {
                    "published": self.outcome.published.isoformat(),
                    "closes": self.closes.isoformat(),
                    "field": "outcome.published",
                },
            )
        return self

    @property
    def organisations(self) -> list[str]:
        return [self.lead, *self.partners]


# The file's name is the page's address, so it must be safe and readable in a link.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
