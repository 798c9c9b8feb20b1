"""Find what looks like a private person's email address or phone number in record text.

The site, its feeds and its open data are public, so a person's own details must not slip into them
from a free-text field. The rule is simple, so staff can predict it:

- An email address is a person's own when it is at a personal email service (such as gmail.com),
  or when the part before @ is shaped like a name (jane.smith, j.smith, jane_smith) and has no word
  for a team or a purpose in it (engage, info, consultation...). A one-word mailbox at an
  organisation (engage@, vaccines@, haveyoursay@) is the organisation's.
- A phone number is a person's own unless it is free or non-geographic (0800, 0808, 0500, 03..,
  0845, 0870), as organisations use: mobiles and landlines are treated as a person's own, because
  nothing in the number tells a switchboard from a home.

The record's contact fields are meant for contact details, so they are not checked.
`redact` is for anything that copies free text elsewhere, such as feeds and open data.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar, cast

from pydantic import BaseModel

from hub.words import say

from .loading import LoadedRecord
from .model import AccessibleFormat, Contact, Email, Event, Paper, Phone, TakePart

T = TypeVar("T")

_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9][\w.%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# A UK number (0..., +44..., +44 (0)...) or an international one (+...), with spaces, dots, dashes or brackets,
# and not just after a letter, digit, _ or +. That is (?<![\w+])(?:\+\d|\(0|0)[\d ().-]{8,18}\d(?!\w), written
# as one pattern for each first character, with the look-behind after it: Python searches quickly for a
# pattern that starts with a fixed character, and slowly for one that starts with a choice or a look-behind.
# That made the search over a whole record twice as quick.
_PHONE_STARTS = [
    re.compile(first + r"[\d ().-]{8,18}\d(?!\w)")
    for first in (r"\+(?<![\w+]\+)\d", r"\((?<![\w+]\()0", r"0(?<![\w+]0)")
]

_PERSONAL_EMAIL_SERVICES = {
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "live.com",
    "live.co.uk",
    "msn.com",
    "yahoo.com",
    "yahoo.co.uk",
    "ymail.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "talktalk.net",
    "protonmail.com",
    "proton.me",
}
_TEAM_WORDS = {
    "admin",
    "appointments",
    "bookings",
    "build",
    "comms",
    "communications",
    "complaints",
    "consult",
    "consultation",
    "contact",
    "engage",
    "engagement",
    "enquiries",
    "enquiry",
    "events",
    "feedback",
    "haveyoursay",
    "hello",
    "help",
    "helpdesk",
    "info",
    "information",
    "involve",
    "involvement",
    "media",
    "office",
    "pals",
    "press",
    "programme",
    "project",
    "reception",
    "review",
    "service",
    "services",
    "support",
    "survey",
    "team",
    "yoursay",
}
_NAME_SHAPED = re.compile(r"^[a-z]+(?:[._-][a-z]+){1,2}\d*$")
_ORGANISATION_NUMBER = re.compile(r"^0(?:80[08]|500|3\d\d|845|870)")

# Fields meant to hold contact details.
CONTACT_FIELDS: set[tuple[type[BaseModel], str]] = {
    (Contact, "email"),
    (Contact, "phone"),
    (Phone, "number"),
    (Email, "address"),
    (Contact, "address"),
    (Contact, "textphone"),
    (Paper, "description"),
    (Paper, "freepost"),
    (Phone, "description"),
    (Email, "description"),
    (Event, "address"),
    (Event, "booking"),
    (AccessibleFormat, "how_to_ask"),
    (TakePart, "other"),
}


@dataclass(frozen=True)
class PersonalDetail:
    kind: str  # "email" or "phone"
    start: int
    end: int
    text: str

    @property
    def hint(self) -> str:
        """Enough for staff to find it, without repeating it in logs that may be public."""
        if self.kind == "email":
            return say("warnings.personal_email", start=self.text[:2], domain=self.text.split("@")[1])
        return say("warnings.personal_phone", end=_digits(self.text)[-3:])


def find_personal_data(text: str) -> list[PersonalDetail]:
    """What looks like a private person's email address or phone number in `text`, in order."""
    found = [PersonalDetail("email", m.start(), m.end(), m[0]) for m in _emails(text) if _personal_email(m[0])]
    taken = [(f.start, f.end) for f in found]
    for match in _phones(text):
        inside_email = any(start <= match.start() < end for start, end in taken)
        if not inside_email and _personal_phone(match[0]):
            found.append(PersonalDetail("phone", match.start(), match.end(), match[0]))
    return sorted(found, key=lambda f: f.start)


def _emails(text: str) -> Iterator[re.Match]:
    """The email addresses in `text`: found from each @, which is quicker than trying the pattern everywhere."""
    at = text.find("@")
    while at >= 0:
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._%+-"):
            start -= 1
        while start < at and not text[start].isalnum():
            start += 1
        match = _EMAIL.match(text, start)
        if match and match.end() > at:
            yield match
        at = text.find("@", max(at + 1, match.end() if match else 0))


def _phones(text: str) -> list[re.Match]:
    """The phone numbers in `text`, from left to right, as one pattern would find them."""
    found = sorted((match for pattern in _PHONE_STARTS for match in pattern.finditer(text)), key=re.Match.start)
    if all(one.end() <= next_one.start() for one, next_one in zip(found, found[1:])):
        return found
    # Two overlap: take the leftmost, then look again after it, as one pattern would.
    found, position = [], 0
    ahead = [pattern.search(text) for pattern in _PHONE_STARTS]
    while True:
        ahead = [
            match if match is None or match.start() >= position else _PHONE_STARTS[n].search(text, position)
            for n, match in enumerate(ahead)
        ]
        match = min((m for m in ahead if m), key=re.Match.start, default=None)
        if match is None:
            return found
        found.append(match)
        position = match.end()


def redact(text: str) -> str:
    """`text` with each private-looking email address and phone number replaced by "[removed]" (in the hub's
    language)."""
    removed = say("personal_data.removed")
    for detail in reversed(find_personal_data(text)):
        text = text[: detail.start] + removed + text[detail.end :]
    return text


# Both are asked about the same few team addresses and numbers in record after record.
@functools.lru_cache(maxsize=4096)
def _personal_email(address: str) -> bool:
    local, domain = address.lower().rsplit("@", 1)
    if domain in _PERSONAL_EMAIL_SERVICES:
        return True
    words = set(re.split(r"[._+-]|\d+", local))
    return bool(_NAME_SHAPED.match(local)) and not words & _TEAM_WORDS


@functools.lru_cache(maxsize=4096)
def _personal_phone(number: str) -> bool:
    digits = _digits(number)
    if number.startswith("+"):
        if not digits.startswith("44"):
            return 8 <= len(digits) <= 15  # another country's number: no rule tells whose it is
        digits = "0" + digits[2:].removeprefix("0")  # +44 (0)7700 ... is 07700 ...
    if not 10 <= len(digits) <= 11 or not digits.startswith("0"):
        return False  # not a UK phone number: a count, a reference or a date
    return not _ORGANISATION_NUMBER.match(digits)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def without_personal_data(value: T) -> T:
    """A copy of a record, or part of one, with private-looking details removed from its free-text fields.

    For anything that copies a record elsewhere, such as feeds and open data. Contact fields are kept.
    """
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return cast(T, redact(value))
    if isinstance(value, list):
        return cast(T, [without_personal_data(item) for item in value])
    if isinstance(value, BaseModel):
        return value.model_copy(
            update={
                name: without_personal_data(getattr(value, name))
                for name in type(value).model_fields
                if (type(value), name) not in CONTACT_FIELDS
            }
        )
    return value


def public_record(record: LoadedRecord):
    """The record's engagement, safe to copy: unchanged when nothing in its file looks personal."""
    return without_personal_data(record.engagement) if may_hold_personal_data(record) else record.engagement


def plain_text(text: str) -> bool:
    """Nothing in this text looks like a person's own details."""
    return bool(text) and not find_personal_data(text)


def may_hold_personal_data(record: LoadedRecord) -> bool:
    # One look at the whole file first: most records hold nothing personal, and checking each field
    # of 10,000 records one by one took seconds.
    return not record.plain and (not record.document.text or bool(find_personal_data(record.document.text)))
