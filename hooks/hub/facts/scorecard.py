"""Score an engagement against each principle of the Good Engagement Charter, with the evidence.

Every rule reads only the record, today's date and the settings (whose thresholds live in mkdocs.yml).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from hub.records.formatting import plain
from hub.records.model import Engagement
from hub.settings import Settings
from hub.wording import and_list, count, short_date
from hub.words import say

from .charter import PRINCIPLES, Principle


class Result(str, Enum):
    met = "met"
    not_met = "not_met"
    not_yet_due = "not_yet_due"

    @property
    def label(self) -> str:
        return say(f"result.{self.value}")


@dataclass(frozen=True)
class Verdict:
    principle: Principle
    result: Result
    evidence: str


def outcome_due(engagement: Engagement, settings: Settings) -> dt.date | None:
    """The day the outcome is promised by: the record's own date, or the usual weeks after closing.
    None for an engagement that carries on and promises no date: it is never late."""
    if engagement.outcome_due or engagement.closes is None:
        return engagement.outcome_due
    return engagement.closes + dt.timedelta(weeks=settings.outcome_due_weeks)


def days_open(engagement: Engagement) -> int | None:
    """Counting both the opening and the closing day; None when it carries on."""
    if engagement.closes is None:
        return None
    return (engagement.closes - engagement.opens).days + 1


def score(engagement: Engagement, today: dt.date, settings: Settings) -> list[Verdict]:
    return [Verdict(p, *RULES[p.number](engagement, today, settings)) for p in PRINCIPLES]


Rule = Callable[[Engagement, dt.date, Settings], tuple[Result, str]]


def _clear_purpose(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    words = len(plain(e.why).split())
    if words >= settings.purpose_min_words:
        return Result.met, f"It says why we are asking, and that {e.decision.who} will decide ({e.decision.when})."
    return Result.not_met, (
        f"The reason for asking is only {count(words, 'word')} long. "
        "It should say what the problem is and what could change."
    )


def _partners(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.partners:
        return Result.met, f"{e.lead} works with {and_list(e.partners)}."
    return Result.not_met, f"{e.lead} names no partner organisations."


def _time(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    days, needed = days_open(e), settings.minimum_days(e.type)
    if days is None:
        return Result.met, "It has no closing date, so people can take part at any time."
    said = f"Open for {count(days, 'day')}. {e.type.label} should be open for at least {count(needed, 'day')}"
    if days >= needed:
        return Result.met, said + "."
    return Result.not_met, said + f": {count(needed - days, 'day')} too short."


def _ways(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    ways, offline = e.take_part.ways, e.take_part.offline_ways
    said = f"Ways to take part: {and_list(ways)}."
    if len(ways) >= 2 and offline:
        return Result.met, said
    if not offline:
        return Result.not_met, said + " There is no way to take part without the internet."
    return Result.not_met, said + " There is only one way to take part."


def _open_and_honest(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    can, cannot = len(e.can_influence), len(e.cannot_influence)
    if e.equality_assessment:
        equality = " It links its equality impact assessment."
    elif e.no_equality_impact_assessment:
        equality = " It says why there is no equality impact assessment."
    else:
        equality = " It does not link an equality impact assessment, or say why there is none."
    if not cannot:
        return (
            Result.not_met,
            f"It lists {count(can, 'thing')} people can change, but not what they cannot change, or why." + equality,
        )
    said = f"It lists {count(can, 'thing')} people can change and {count(cannot, 'thing')} they cannot, with reasons."
    if e.equality_assessment or e.no_equality_impact_assessment:
        return Result.met, said + equality
    return Result.not_met, said + equality


def _formats(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.accessible_formats:
        return Result.met, f"Offered in: {and_list([f.label for f in e.accessible_formats])}."
    return Result.not_met, "No other formats, such as Easy Read or large print, are offered."


def _feedback(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    due = outcome_due(e, settings)
    if due is None:
        if e.outcome is not None:
            return (
                Result.met,
                f"It carries on, and what people said so far was published on {short_date(e.outcome.published)}.",
            )
        return Result.not_yet_due, "It carries on with no closing date, so no outcome is due yet."
    if e.outcome is not None:
        if e.outcome.published <= due:
            return (
                Result.met,
                f"The outcome was published on {short_date(e.outcome.published)}. It was due by {short_date(due)}.",
            )
        late = (e.outcome.published - due).days
        return (
            Result.not_met,
            f"The outcome was published on {short_date(e.outcome.published)}, {count(late, 'day')} after it was due ({short_date(due)}).",
        )
    if today <= due:
        return Result.not_yet_due, f"The outcome is due by {short_date(due)}."
    return Result.not_met, f"The outcome was due by {short_date(due)} and has not been published."


def _share(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.outcome is None:
        return Result.not_yet_due, "This is checked when the outcome is published."
    if e.outcome.lessons_shared:
        return Result.met, f"Lessons were shared: {e.outcome.lessons_shared}"
    return Result.not_met, "The outcome does not say where the lessons were shared."


def _learn(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.outcome is None:
        return Result.not_yet_due, "This is checked when the outcome is published."
    if e.outcome.lessons:
        return Result.met, f"The outcome lists {count(len(e.outcome.lessons), 'lesson')} learned."
    return Result.not_met, "The outcome lists no lessons learned."


RULES: dict[int, Rule] = {
    1: _clear_purpose,
    2: _partners,
    3: _time,
    4: _ways,
    5: _open_and_honest,
    6: _formats,
    7: _feedback,
    8: _share,
    9: _learn,
}
