"""The engagement record: one YAML file in `engagements/` is one `Engagement`.

Each field's description is written for the member of staff who fills it in, in the words catalogue
(fields.model.<Model>.<field>, given by descriptions.py): validation messages quote it when the field is
missing or wrong.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from hub.wording import month_name
from hub.words import Choice, say

from .descriptions import described
from .names import key, slugify

# --- Small value types ------------------------------------------------------------

# Characters nobody can see: controls (such as a backspace written as "\\x08") break feeds and files, and
# invisible or direction-changing ones (a zero-width space, a right-to-left mark) make two names that
# look the same but are not, so one topic becomes two pages. Tabs and new lines are ordinary spacing.
# The JSON Schema has the same list, so it is written out here rather than read from Python's Unicode tables,
# which change from one Python to the next: controls (but tab, new line and carriage return), Unicode's
# format characters (Cf, as of Unicode 15), line and paragraph separators, and private-use characters.
_HIDDEN_RANGES = (
    (0x0000, 0x0008),
    (0x000B, 0x000C),
    (0x000E, 0x001F),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xE000, 0xF8FF),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
    (0xF0000, 0xFFFFD),
    (0x100000, 0x10FFFD),
)


def _in_a_pattern(code: int) -> str:
    # ECMA-262 and Python write an escape beyond the first 65,536 characters differently: those are written
    # as themselves (the schema file writes them as JSON escapes).
    return f"\\u{code:04x}" if code <= 0xFFFF else chr(code)


# The body of a [...] class of every hidden character, for Python's re and for ECMA-262 alike.
_HIDDEN = "".join(
    _in_a_pattern(first) + (f"-{_in_a_pattern(last)}" if last != first else "") for first, last in _HIDDEN_RANGES
)
# Half of a character that never came whole (a lone surrogate) is hidden too; JSON cannot carry one.
_HIDDEN_CHARACTER = re.compile(f"[{_HIDDEN}\\ud800-\\udfff]")
# In the JSON Schema: a value with no hidden character.
_NOTHING_HIDDEN = f"^[^{_HIDDEN}]*$"
_CONTROL_NAMES = {
    "\0": "null",
    "\b": "backspace",
    "\x1b": "escape",
    "\x7f": "delete",
    "\f": "form feed",
    "\v": "vertical tab",
}


def _hidden_character(text: str) -> tuple[int, str] | None:
    found = _HIDDEN_CHARACTER.search(text)
    if found is None:
        return None
    character = found[0]
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(character, "a control character")
    return found.start() + 1, f"{name.lower()}, code {ord(character):04X}"


def _visible(text: str) -> str:
    if text.isascii() and text.isprintable():
        return text  # nearly every value: nothing to look for
    hidden = _hidden_character(text)
    if hidden is not None:
        position, name = hidden
        raise PydanticCustomError(
            "hidden_character",
            say("problems.record.hidden_character"),
            {"name": name, "position": position},
        )
    return unicodedata.normalize("NFC", text)


def _nothing_hidden(value: object) -> object:
    """Before the spaces are taken off its ends, as the schema sees it: a line separator there is hidden too."""
    return _visible(value) if isinstance(value, str) else value


# Text has something in it besides spaces (the model takes spaces off its ends, then wants a letter),
# and nothing hidden.
Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    BeforeValidator(_nothing_hidden),  # runs before the spaces are taken off
    AfterValidator(_visible),
    Field(json_schema_extra={"pattern": f"^(?=[\\s\\S]*\\S)[^{_HIDDEN}]*$"}),
]


class AllowsFormatting:
    """Marks text that may use a little Markdown, shown by hub/formatting.py; other text never is formatted."""

    @staticmethod
    def note() -> str:
        """What a field's description adds when it allows formatting: the staff editor says it its own way."""
        return " " + say("fields.formatting")


# Long explanations read better with a list or a link; names, titles and short items stay plain.
FormattedText = Annotated[Text, AllowsFormatting()]


class Sentences:
    """Marks plain text of a sentence or more: the staff editor gives it a box of several lines."""


LongText = Annotated[Text, Sentences()]

# Web addresses, email addresses and phone numbers are checked by pydantic's own regular expressions,
# which are quicker than a check in Python at thousands of records; the schema for editors shows them
# too. Each says, when a value does not match, what is wrong and what to write (messages.py).
# The same patterns are in the JSON Schema, so they are written to mean the same in ECMA-262 (with the
# `u` flag, as JSON Schema asks), in Rust's regex and in Python's re: plain [0-9], no escapes the others
# refuse. The schema sees a value before the model takes the spaces off its ends, so they allow spaces there.
# Only plain web links: anything else (javascript:, data:, file:) could run code or leak data.
_WEB_ADDRESS = r"^\s*[hH][tT][tT][pP][sS]?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?\s*$"
_EMAIL = r'^\s*[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+\s*$'
_PHONE = r"^\s*\+?[0-9][0-9 ()-]{5,20}\s*$"
_CLOCK = r"^\s*([01]?[0-9]|2[0-3])[:.]([0-5][0-9])\s*$"
_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MONTH = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


class _Said(Mapping[str, str]):
    """Words looked up in the catalogue when they are asked for, so they are in the language used then."""

    def __init__(self, words: dict[str, Callable[[], str]]):
        self._words = words

    def __getitem__(self, name: str) -> str:
        return self._words[name]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


PATTERN_MESSAGES = _Said(
    {
        _WEB_ADDRESS: lambda: say("problems.record.web_address"),
        _EMAIL: lambda: say("problems.record.email"),
        _PHONE: lambda: say("problems.record.phone"),
    }
)
_TIME = re.compile(_CLOCK)


def _clock_time(value: str) -> str:
    match = _TIME.fullmatch(value)
    if not match:
        raise PydanticCustomError(
            "clock_time",
            say("problems.record.clock_time"),
        )
    return f"{int(match[1]):02d}:{match[2]}"


_ONE_DAY = re.compile(_DAY)


def _one_day(value: object) -> object:
    """Only YYYY-MM-DD is a day. pydantic would also take a number (as seconds since 1970, so "opens: 0"
    would quietly be 1 January 1970) and a date with a time of midnight: each would be a second way to
    write the same field, which the schema and editors do not know."""
    if isinstance(value, dt.date):
        return value
    match = _ONE_DAY.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("date_type", say("problems.type.date_type"))
    year, month, day = (int(part) for part in match[0].split("-"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        if 1 <= month <= 12:
            raise PydanticCustomError(
                "date_value",
                say("problems.record.no_such_day"),
                {"month": month_name(month), "year": year, "day": day},
            ) from None
        raise PydanticCustomError("date_value", say("problems.record.no_such_month"), {"month": month}) from None


# A day, written as YYYY-MM-DD and nothing else.
Day = Annotated[dt.date, BeforeValidator(_one_day), Field(json_schema_extra={"pattern": _DAY})]
# The schema has a pattern of its own for what is hidden: the staff editor uses the first pattern, in
# browsers that read it without the `u` flag, where the characters beyond 65,536 in _HIDDEN would break it.
WebAddress = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=_WEB_ADDRESS),
    BeforeValidator(_nothing_hidden),
    Field(json_schema_extra={"allOf": [{"pattern": _NOTHING_HIDDEN}]}),
]
EmailAddress = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=_EMAIL),
    BeforeValidator(_nothing_hidden),
    Field(json_schema_extra={"allOf": [{"pattern": _NOTHING_HIDDEN}]}),
]
PhoneNumber = Annotated[str, StringConstraints(strip_whitespace=True, pattern=_PHONE)]
ClockTime = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    AfterValidator(_clock_time),
    Field(json_schema_extra={"pattern": _CLOCK}),
]


def filled(name: str) -> dict:
    """JSON Schema for "the field `name` is there and not empty", as the model's checks across fields read it."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}, "minItems": 1}}}


def when(name: str, value: str, then: dict) -> dict:
    """JSON Schema for "when the choice `name` is `value`, `then` holds"."""
    return {"if": {"required": [name], "properties": {name: {"const": value}}}, "then": then}


def has(name: str, field: str, value: str) -> dict:
    """JSON Schema for "the list `name` has an item whose `field` is `value`"."""
    item = {"required": [field], "properties": {field: {"const": value}}}
    return {"required": [name], "properties": {name: {"contains": item}}}


class Record(BaseModel):
    """Every part of a record refuses fields it does not know, so a typo never hides content.

    A check that spans fields puts the field it blames in its error's context as `field`,
    so the message can point at that field's line.
    """

    # Open data gives every field, null where it is empty: its schema says each is always there.
    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_serialization_defaults_required=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: object) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        described(cls)

    @field_validator("*", mode="after")
    @classmethod
    def _only_visible_characters(cls, value: object) -> object:
        """Every text, however it was written in the file (YAML escapes too), in one Unicode form and with
        no hidden characters."""
        if isinstance(value, str):
            return _visible(value)
        if isinstance(value, list) and value and isinstance(value[0], str):
            return [_visible(item) for item in value]
        return value


# --- Choices ----------------------------------------------------------------------


class Level(Choice, words="level"):
    system = "system"
    place = "place"
    neighbourhood = "neighbourhood"


class EngagementType(Choice, words="engagement_type"):
    information = "information"
    survey = "survey"
    pre_consultation = "pre_consultation"
    formal_consultation = "formal_consultation"
    co_production = "co_production"
    advisory_group = "advisory_group"

    @property
    def description(self) -> str:
        return say(f"engagement_type_description.{self.value}")


class Access(Choice, words="access"):
    step_free = "step_free"
    hearing_loop = "hearing_loop"
    public_transport = "public_transport"
    accessible_toilet = "accessible_toilet"
    parking = "parking"
    quiet_space = "quiet_space"
    # For events online or by phone.
    captions = "captions"
    sign_language_interpreter = "sign_language_interpreter"
    help_to_join = "help_to_join"


class Format(Choice, words="format"):
    easy_read = "easy_read"
    large_print = "large_print"
    audio = "audio"
    british_sign_language = "british_sign_language"
    braille = "braille"
    other_language = "other_language"


class DocumentKind(Choice, words="document_kind"):
    consultation_document = "consultation_document"
    equality_impact_assessment = "equality_impact_assessment"
    summary = "summary"
    easy_read = "easy_read"
    report = "report"
    other = "other"


# --- Parts of a record ---------------------------------------------------------------


class Limit(Record):
    what: Text
    why: LongText


class Online(Record):
    link: WebAddress
    description: Text | None = None


class Paper(Record):
    description: LongText
    freepost: Text | None = None


class Phone(Record):
    number: PhoneNumber
    description: Text | None = None


class Email(Record):
    address: EmailAddress
    description: Text | None = None


class JoinOnline(Record):
    """How to join an event held online or by phone: a link, a number to dial, or both."""

    model_config = ConfigDict(json_schema_extra={"anyOf": [filled("link"), filled("dial_in"), filled("link_sent")]})

    how: Text | None = None
    link: WebAddress | None = None
    dial_in: PhoneNumber | None = None
    link_sent: Text | None = None

    @model_validator(mode="after")
    def _can_join(self) -> JoinOnline:
        if not (self.link or self.dial_in or self.link_sent):
            raise PydanticCustomError(
                "online_unreachable",
                say("problems.record.online_unreachable"),
            )
        return self


class Event(Record):
    # The schema's side of _placed_and_in_order (the order of the times is for the model alone).
    model_config = ConfigDict(
        json_schema_extra={"anyOf": [filled("online"), {"allOf": [filled("venue"), filled("address")]}]}
    )

    name: Text
    date: Day
    starts: ClockTime
    ends: ClockTime
    venue: Text | None = None
    address: Text | None = None
    online: JoinOnline | None = None
    access: list[Access] = Field(default_factory=list)
    access_notes: Text | None = None
    booking: Text | None = None

    @property
    def time_of_day(self) -> str:
        hour = int(self.starts[:2])
        return say(f"time_of_day.{'morning' if hour < 12 else 'afternoon' if hour < 17 else 'evening'}")

    @model_validator(mode="after")
    def _ends_after_start(self) -> Event:
        if self.online is None and not (self.venue and self.address):
            missing = "venue" if not self.venue else "address"
            raise PydanticCustomError(
                "event_unplaced",
                say("problems.record.event_unplaced"),
                {"missing": missing, "field": missing if missing in self.model_fields_set else "name"},
            )
        if self.ends <= self.starts:
            raise PydanticCustomError(
                "event_times",
                say("problems.record.event_times"),
                {"ends": self.ends, "starts": self.starts, "field": "ends"},
            )
        return self


class TakePart(Record):
    """The ways to take part. At least one is needed; more than one is better."""

    model_config = ConfigDict(
        json_schema_extra={"anyOf": [filled(way) for way in ("online", "paper", "phone", "email", "events", "other")]}
    )

    online: Online | None = None
    paper: Paper | None = None
    phone: Phone | None = None
    email: Email | None = None
    events: list[Event] = Field(default_factory=list)
    other: Text | None = None

    @model_validator(mode="after")
    def _at_least_one_way(self) -> TakePart:
        if not self.ways:
            raise PydanticCustomError(
                "no_way_to_take_part",
                say("problems.record.no_way_to_take_part"),
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
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [filled("link"), filled("how_to_ask")],
            **when("format", "other_language", filled("language")),
        }
    )

    format: Format
    language: Text | None = None
    link: WebAddress | None = None
    how_to_ask: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> AccessibleFormat:
        if self.format is Format.other_language and not self.language:
            raise PydanticCustomError(
                "language_missing",
                say("problems.record.language_missing"),
                {"field": "format"},
            )
        if not self.link and not self.how_to_ask:
            raise PydanticCustomError(
                "format_unreachable",
                say("problems.record.format_unreachable"),
                {"field": "format"},
            )
        return self

    @property
    def label(self) -> str:
        if self.format is Format.other_language:
            return f"{self.format.label}: {self.language}"
        return self.format.label


class Contact(Record):
    model_config = ConfigDict(json_schema_extra={"anyOf": [filled("email"), filled("phone"), filled("address")]})

    team: Text
    email: EmailAddress | None = None
    phone: PhoneNumber | None = None
    address: Text | None = None
    textphone: Text | None = None

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.email or self.phone or self.address):
            raise PydanticCustomError(
                "contact_unreachable",
                say("problems.record.contact_unreachable"),
            )
        return self


class Decision(Record):
    """Who will decide, using what people said, and roughly when."""

    who: Text
    body: Text | None = None
    when: Text
    date: Day | None = None
    how: Text | None = None


class Document(Record):
    title: Text
    link: WebAddress
    kind: DocumentKind = DocumentKind.other
    format: Text | None = None


NOT_COUNTED = "not counted"
# How open data gives a count it hides (facts/small_numbers.py): one from 1 to 4, and one hidden so that
# such a count cannot be worked out by taking the others from the total.
FEWER_THAN_5 = "fewer than 5"
NOT_SHOWN = "not shown"
HIDDEN_COUNTS = [{"const": FEWER_THAN_5}, {"const": NOT_SHOWN}]


def _whole(value: object) -> object:
    """120.0 is 120: JSON Schema cannot tell them apart, so the model does not either. 120.5 stays wrong."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _head_count(value: object) -> object:
    """A number of people, or "not counted" where nobody counted: an honest gap, not a made-up number."""
    if value == NOT_COUNTED:
        return None
    value = _whole(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("head_count", say("problems.record.head_count"))
    if value < 0:
        raise PydanticCustomError("head_count", say("problems.record.negative"))
    return value


# None stands for "not counted"; the schema shows both ways to write it.
HeadCount = Annotated[
    int | None,
    BeforeValidator(_head_count),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, {"const": NOT_COUNTED}]}, mode="validation"),
    # Open data gives null where nobody counted, and hides small numbers (facts/small_numbers.py).
    WithJsonSchema(
        {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}, *HIDDEN_COUNTS]}, mode="serialization"
    ),
]


def _group_count(value: object) -> object:
    """The exact number of people in a group: the hub hides small numbers itself, where it shows them."""
    if isinstance(value, str) and value.strip().lower() in (FEWER_THAN_5, NOT_SHOWN, NOT_COUNTED):
        raise PydanticCustomError(
            "group_count",
            say("problems.record.group_count_exact"),
        )
    value = _whole(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("group_count", say("problems.record.group_count"))
    if value < 0:
        raise PydanticCustomError("group_count", say("problems.record.negative"))
    return value


# The number of people in one group, in an outcome's breakdown of who took part.
GroupCount = Annotated[
    int,
    BeforeValidator(_group_count),
    WithJsonSchema({"type": "integer", "minimum": 0}, mode="validation"),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": 0}, *HIDDEN_COUNTS]}, mode="serialization"),
]


class MethodCount(Record):
    method: Text
    count: HeadCount


class Participation(Record):
    total: HeadCount
    by_method: list[MethodCount] = Field(default_factory=list)


class Theme(Record):
    theme: Text
    detail: LongText


class DecisionTaken(Record):
    date: Day
    what: Text
    by: Text
    link: WebAddress


# --- Promises and updates: "did we do what we said?" ---------------------------------------


class CommitmentStatus(Choice, words="commitment_status"):
    planned = "planned"
    in_progress = "in_progress"
    done = "done"
    late = "late"
    dropped = "dropped"


_MONTH_OR_DAY = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")


def _month_or_day(value: object) -> object:
    """A promise is often made for a month ("June 2026"), sometimes for a day: both are kept as written."""
    if isinstance(value, dt.date):
        return value.isoformat()
    match = _MONTH_OR_DAY.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise PydanticCustomError("due_type", say("problems.record.due_type"))
    if match[3] is None:
        if not 1 <= int(match[2]) <= 12:
            raise PydanticCustomError(
                "date_value",
                say("problems.record.no_such_month_due"),
                {"month": match[2]},
            )
        return match[0]
    day = _one_day(match[0])  # a real day, or its own message
    assert isinstance(day, dt.date)
    return day.isoformat()


# When a promise is due: a month (such as 2026-06), due by its last day, or a day (such as 2026-06-30).
MonthOrDay = Annotated[
    str,
    BeforeValidator(_month_or_day),
    Field(json_schema_extra={"anyOf": [{"pattern": _MONTH}, {"pattern": _DAY, "format": "date"}]}),
]


def due_by(month_or_day: str) -> dt.date:
    """The last day a promise due in `month_or_day` can be kept on time."""
    year, month, *day = (int(part) for part in month_or_day.split("-"))
    if day:
        return dt.date(year, month, day[0])
    after = dt.date(year + month // 12, month % 12 + 1, 1)
    return after - dt.timedelta(days=1)


class Evidence(Record):
    title: Text
    link: WebAddress


class Update(Record):
    """News on an engagement while it runs, such as what we have heard so far or a changed date."""

    date: Day
    what: Text
    evidence: list[Evidence] = Field(default_factory=list)


class CommitmentUpdate(Update):
    status: CommitmentStatus | None = None


class Commitment(Record):
    """One promise made in an outcome, tracked until it is kept or dropped."""

    # The schema's side of _status_explained (whether the newest update agrees is for the model alone).
    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [
                when("status", "dropped", filled("why_dropped")),
                {"if": filled("why_dropped"), "then": {"properties": {"status": {"const": "dropped"}}}},
                when("status", "done", has("updates", "status", "done")),
            ]
        }
    )

    what: Text
    theme: Text
    who: Text
    due: MonthOrDay
    status: CommitmentStatus
    why_dropped: Text | None = None
    updates: list[CommitmentUpdate] = Field(default_factory=list)

    @model_validator(mode="after")
    def _status_explained(self) -> Commitment:
        if self.status is CommitmentStatus.dropped and not self.why_dropped:
            raise PydanticCustomError(
                "dropped_without_reason",
                say("problems.record.dropped_without_reason"),
                {"field": "status"},
            )
        if self.why_dropped and self.status is not CommitmentStatus.dropped:
            raise PydanticCustomError(
                "reason_without_drop",
                say("problems.record.reason_without_drop"),
                {"status": self.status.value, "field": "why_dropped"},
            )
        said = [u for u in sorted(self.updates, key=lambda u: u.date) if u.status is not None]
        if self.status is CommitmentStatus.done and not any(u.status is CommitmentStatus.done for u in said):
            raise PydanticCustomError(
                "done_without_update",
                say("problems.record.done_without_update"),
                {"field": "status"},
            )
        if said and said[-1].status is not self.status:
            raise PydanticCustomError(
                "status_not_latest",
                say("problems.record.status_not_latest"),
                {
                    "status": self.status.value,
                    "date": said[-1].date.isoformat(),
                    "latest": said[-1].status.value,  # type: ignore[union-attr]  # said: each has one
                    "field": "status",
                },
            )
        return self

    @property
    def due_by(self) -> dt.date:
        return due_by(self.due)

    @property
    def due_is_month(self) -> bool:
        return len(self.due) == 7


class Outcome(Record):
    """What happened because people took part: steps 8 and 9 of the staff guide."""

    published: Day
    summary: FormattedText
    took_part: Participation
    who_took_part: Text | None = None
    themes: list[Theme] = Field(min_length=1)
    changed: list[Text] = Field(default_factory=list)
    not_changed: list[Limit] = Field(default_factory=list)
    next_steps: list[Text] = Field(default_factory=list)
    lessons: list[Text] = Field(default_factory=list)
    lessons_shared: Text | None = None
    decision: DecisionTaken | None = None
    report: WebAddress | None = None
    commitments: list[Commitment] = Field(default_factory=list)

    @model_validator(mode="after")
    def _commitments_answer_themes(self) -> Outcome:
        themes = {key(t.theme) for t in self.themes}
        for number, commitment in enumerate(self.commitments):
            if key(commitment.theme) not in themes:
                raise PydanticCustomError(
                    "unknown_theme",
                    say("problems.record.unknown_theme"),
                    {
                        "theme": commitment.theme,
                        "themes": ", ".join(t.theme for t in self.themes),
                        "field": f"commitments.{number}.theme",
                    },
                )
        return self

    by_group: dict[str, dict[str, GroupCount]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _groups_add_up(self) -> Outcome:
        """Each person is counted once under every question, so each question's numbers add up to the total."""
        total = self.took_part.total
        if total is None:
            return self  # nobody counted the total: nothing to add up to
        for question, counts in self.by_group.items():
            added = sum(counts.values())
            if added != total:
                raise PydanticCustomError(
                    "groups_do_not_add_up",
                    say("problems.record.groups_do_not_add_up"),
                    {"question": question, "added": added, "total": total, "field": f"by_group.{question}"},
                )
        return self


class Version(Record):
    """The main text again in Easy Read or in another language, on a page of its own."""

    name: Text
    lang: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    title: Text
    summary: Text
    why: Text | None = None
    how_to_take_part: Text | None = None

    @property
    def slug(self) -> str:
        """Its page's address under the engagement's: the language code, or the name for English versions."""
        return slugify(self.name) if self.lang.split("-")[0] == "en" else self.lang.lower()


# --- The record ---------------------------------------------------------------------


class Engagement(Record):
    # The schema's side of _equality_assessed and _dates_in_order (the order of the days is for the model alone).
    model_config = ConfigDict(
        json_schema_extra=when(
            "type",
            "formal_consultation",
            {
                "allOf": [
                    filled("closes"),
                    {
                        "anyOf": [
                            filled("no_equality_impact_assessment"),
                            has("documents", "kind", "equality_impact_assessment"),
                        ]
                    },
                ]
            },
        )
    )

    example: StrictBool = False
    title: Text = Field(max_length=120)
    summary: LongText
    lead: Text
    partners: list[Text] = Field(default_factory=list)
    level: Level
    places: list[Text] = Field(min_length=1)
    topics: list[Text] = Field(min_length=1)
    who_for: list[Text] = Field(min_length=1)
    type: EngagementType
    why: FormattedText
    can_influence: list[Text] = Field(min_length=1)
    cannot_influence: list[Limit] = Field(default_factory=list)
    opens: Day
    closes: Day | None = None
    take_part: TakePart
    accessible_formats: list[AccessibleFormat] = Field(default_factory=list)
    contact: Contact
    decision: Decision
    documents: list[Document] = Field(default_factory=list)
    no_equality_impact_assessment: Text | None = None
    outcome_due: Day | None = None
    outcome: Outcome | None = None
    updates: list[Update] = Field(default_factory=list)

    versions: list[Version] = Field(default_factory=list)

    @model_validator(mode="after")
    def _versions_apart(self) -> Engagement:
        seen: set[str] = set()
        for number, version in enumerate(self.versions, start=1):
            if version.slug in seen:
                raise PydanticCustomError(
                    "version_twice",
                    say("problems.record.version_twice"),
                    {"slug": version.slug, "field": f"versions.{number - 1}.name"},
                )
            seen.add(version.slug)
        return self

    @property
    def equality_assessment(self) -> Document | None:
        return next((d for d in self.documents if d.kind is DocumentKind.equality_impact_assessment), None)

    @model_validator(mode="after")
    def _equality_assessed(self) -> Engagement:
        # The law asks for due regard to people with protected characteristics before a big change.
        if self.type is EngagementType.formal_consultation and not (
            self.equality_assessment or self.no_equality_impact_assessment
        ):
            raise PydanticCustomError(
                "no_equality_assessment",
                say("problems.record.no_equality_assessment"),
                {"field": "type"},
            )
        return self

    @model_validator(mode="after")
    def _dates_in_order(self) -> Engagement:
        if self.closes is None:
            if self.type is EngagementType.formal_consultation:
                raise PydanticCustomError(
                    "consultation_without_end",
                    say("problems.record.consultation_without_end"),
                    {"field": "closes"},
                )
            return self  # it carries on: nothing to put in order after it opens
        if self.closes < self.opens:
            raise PydanticCustomError(
                "closes_before_opens",
                say("problems.record.closes_before_opens"),
                {"closes": self.closes.isoformat(), "opens": self.opens.isoformat(), "field": "closes"},
            )
        if self.outcome_due and self.outcome_due <= self.closes:
            raise PydanticCustomError(
                "outcome_due_before_close",
                say("problems.record.outcome_due_before_close"),
                {"due": self.outcome_due.isoformat(), "closes": self.closes.isoformat(), "field": "outcome_due"},
            )
        if self.outcome and self.outcome.published <= self.closes:
            raise PydanticCustomError(
                "outcome_before_close",
                say("problems.record.outcome_before_close"),
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

    @property
    def ongoing(self) -> bool:
        """It carries on with no closing date, such as a panel or a programme."""
        return self.closes is None

    @model_validator(mode="after")
    def _commitments_owned(self) -> Engagement:
        """A promise's organisation is one that took part, so the promise shows on that organisation's page."""
        names = {key(name) for name in self.organisations}
        for number, commitment in enumerate(self.outcome.commitments if self.outcome else []):
            if key(commitment.who) not in names:
                raise PydanticCustomError(
                    "unknown_organisation",
                    say("problems.record.unknown_organisation"),
                    {
                        "who": commitment.who,
                        "names": ", ".join(self.organisations),
                        "field": f"outcome.commitments.{number}.who",
                    },
                )
        return self
