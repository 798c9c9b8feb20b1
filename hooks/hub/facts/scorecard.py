"""Score an engagement against each principle of the Good Engagement Charter, with the evidence.

Every rule reads only the record, today's date and the settings (whose thresholds live in mkdocs.yml).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from hub.records.formatting import plain
from hub.records.model import Engagement
from hub.settings import Settings
from hub.wording import and_list, say_count, short_date
from hub.words import Choice, say

from .charter import PRINCIPLES, Principle


class Result(Choice, words="result"):
    met = "met"
    not_met = "not_met"
    not_yet_due = "not_yet_due"


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
        return Result.met, say("scorecard.purpose.met", who=e.decision.who, when=e.decision.when)
    return Result.not_met, say_count("scorecard.purpose.short", words)


def _partners(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.partners:
        return Result.met, say("scorecard.partners.met", lead=e.lead, partners=and_list(e.partners))
    return Result.not_met, say("scorecard.partners.none", lead=e.lead)


def _time(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    days, needed = days_open(e), settings.minimum_days(e.type)
    if days is None:
        return Result.met, say("scorecard.time.always")
    said = say(
        "scorecard.time.open_for",
        days=say_count("scorecard.days", days),
        type=e.type.label,
        needed=say_count("scorecard.days", needed),
    )
    if days >= needed:
        return Result.met, say("scorecard.time.long_enough", said=said)
    return Result.not_met, say("scorecard.time.too_short", said=said, short=say_count("scorecard.days", needed - days))


def _ways(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    ways, offline = e.take_part.ways, e.take_part.offline_ways
    said = say("scorecard.ways.met", ways=and_list([say(f"scorecard.ways.{way}") for way in ways]))
    if len(ways) >= 2 and offline:
        return Result.met, said
    if not offline:
        return Result.not_met, say("scorecard.ways.online_only", said=said)
    return Result.not_met, say("scorecard.ways.one_way", said=said)


def _open_and_honest(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    can, cannot = len(e.can_influence), len(e.cannot_influence)
    if e.equality_assessment:
        equality = say("scorecard.honest.assessment")
    elif e.no_equality_impact_assessment:
        equality = say("scorecard.honest.why_no_assessment")
    else:
        equality = say("scorecard.honest.no_assessment")
    things = say_count("scorecard.things", can)
    if not cannot:
        return Result.not_met, say("scorecard.honest.no_limits", can=things, equality=equality)
    said = say("scorecard.honest.limits", can=things, cannot=say_count("scorecard.things", cannot), equality=equality)
    if e.equality_assessment or e.no_equality_impact_assessment:
        return Result.met, said
    return Result.not_met, said


def _formats(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.accessible_formats:
        return Result.met, say("scorecard.formats.met", formats=and_list([f.label for f in e.accessible_formats]))
    return Result.not_met, say("scorecard.formats.none")


def _feedback(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    due = outcome_due(e, settings)
    if due is None:
        if e.outcome is not None:
            return Result.met, say("scorecard.feedback.so_far", published=short_date(e.outcome.published))
        return Result.not_yet_due, say("scorecard.feedback.carries_on")
    if e.outcome is not None:
        published = short_date(e.outcome.published)
        if e.outcome.published <= due:
            return Result.met, say("scorecard.feedback.on_time", published=published, due=short_date(due))
        late = say_count("scorecard.days", (e.outcome.published - due).days)
        return Result.not_met, say("scorecard.feedback.late", published=published, late=late, due=short_date(due))
    if today <= due:
        return Result.not_yet_due, say("scorecard.feedback.due", due=short_date(due))
    return Result.not_met, say("scorecard.feedback.missing", due=short_date(due))


def _share(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.outcome is None:
        return Result.not_yet_due, say("scorecard.after_outcome")
    if e.outcome.lessons_shared:
        return Result.met, say("scorecard.share.met", where=e.outcome.lessons_shared)
    return Result.not_met, say("scorecard.share.none")


def _learn(e: Engagement, today: dt.date, settings: Settings) -> tuple[Result, str]:
    if e.outcome is None:
        return Result.not_yet_due, say("scorecard.after_outcome")
    if e.outcome.lessons:
        return Result.met, say_count("scorecard.learn.met", len(e.outcome.lessons))
    return Result.not_met, say("scorecard.learn.none")


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
