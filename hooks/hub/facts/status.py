"""Where an engagement is in its life, worked out from its dates and today's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hub.records.model import Engagement
from hub.wording import say_count
from hub.words import Choice, say


class Status(Choice, words="status"):
    coming_up = "coming_up"
    open = "open"
    closed = "closed"
    outcome_published = "outcome_published"


@dataclass(frozen=True)
class Timing:
    status: Status
    today: dt.date
    opens: dt.date
    closes: dt.date | None  # None: it carries on
    closing_soon: bool

    @property
    def days_to_open(self) -> int:
        return (self.opens - self.today).days

    @property
    def days_left(self) -> int | None:
        """Days until the closing day; 0 on the closing day itself, which is still open."""
        return None if self.closes is None else (self.closes - self.today).days

    @property
    def days_since_close(self) -> int:
        return 0 if self.closes is None else (self.today - self.closes).days

    @property
    def countdown(self) -> str:
        if self.status is Status.coming_up:
            return _in_days("opens", self.days_to_open)
        if self.days_left is None:
            return say("countdown.open_always")
        if self.status is Status.open:
            return _in_days("closes", self.days_left)
        return _days_ago("closed", self.days_since_close)


def timing(engagement: Engagement, today: dt.date, closing_soon_days: int) -> Timing:
    if today < engagement.opens:
        status = Status.coming_up
    elif engagement.closes is None or today <= engagement.closes:
        status = Status.open  # one that carries on stays open, with or without what people said so far
    elif engagement.outcome is not None:
        status = Status.outcome_published
    else:
        status = Status.closed
    soon = (
        status is Status.open
        and engagement.closes is not None
        and (engagement.closes - today).days <= closing_soon_days
    )
    return Timing(status, today, engagement.opens, engagement.closes, soon)


def _in_days(what: str, days: int) -> str:
    if days in (0, 1):
        return say(f"countdown.{what}.{('today', 'tomorrow')[days]}")
    return say_count(f"countdown.{what}.in_days", days)


def _days_ago(what: str, days: int) -> str:
    if days == 1:
        return say(f"countdown.{what}.yesterday")
    return say_count(f"countdown.{what}.days_ago", days)
