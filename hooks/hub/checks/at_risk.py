"""Warnings for staff: things that do not stop the site being built, but put an engagement at risk.

The Gunning principles (case law on fair consultation), late outcomes (charter principle 7), the other
charter promises the page will show as not met, a missing equality impact assessment, overdue promises
and updates dated ahead, and what looks like a private person's email address or phone number in a
free-text field.
"Tell us once", another engagement asking the same people about the same thing, is in overlaps.py.
Who took part (reach_warnings): an outcome that does not say, and groups we hardly heard from.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hub.facts.commitments import due_words, is_overdue
from hub.facts.reach import engagement_reach, far_under_represented, percent
from hub.facts.scorecard import Result, days_open, outcome_due, score
from hub.records.loading import LoadedRecord, dotted
from hub.records.model import EngagementType
from hub.records.population import Population
from hub.records.problems import Problem
from hub.settings import Settings
from hub.wording import and_list, say_count, short_date, weeks_late
from hub.words import say

from .personal_data import personal_data_warnings


def cautions(record: LoadedRecord, today: dt.date, settings: Settings) -> list[Problem]:
    """The warnings about one record; check_all.py adds those that compare records (overlaps.py)."""
    return (
        _gunning(record, settings)
        + _late_outcome(record, today, settings)
        + _promises_not_met(record, today, settings)
        + _promises(record, today)
        + personal_data_warnings(record)
    )


# Where each charter promise is kept in a record. Time (3) and feedback (7) are warned about above, in
# words that say exactly what to change.
_PROMISE_FIELDS = {
    1: "why",
    2: "partners",
    4: "take_part",
    5: "cannot_influence",
    6: "accessible_formats",
    8: "outcome",
    9: "outcome",
}


def _promises_not_met(record: LoadedRecord, today: dt.date, settings: Settings) -> list[Problem]:
    """What the page's charter scorecard will show as not met, and what staff can do about each."""
    found = []
    for verdict in score(record.engagement, today, settings):
        field = _PROMISE_FIELDS.get(verdict.principle.number)
        if field is None or verdict.result is not Result.not_met:
            continue
        shown = field if field in record.engagement.model_fields_set else "title"
        found.append(
            _warn(
                record,
                shown,
                say(
                    "warnings.promise_not_met",
                    promise=verdict.principle.title,
                    evidence=verdict.evidence,
                    advice=verdict.principle.staff,
                ),
            )
        )
    return found


def _gunning(record: LoadedRecord, settings: Settings) -> list[Problem]:
    e = record.engagement
    found = []
    if e.type is EngagementType.formal_consultation and e.decision.date is None:
        found.append(
            _warn(
                record,
                "decision",
                say("warnings.no_decision_date"),
            )
        )
    if e.decision.date is not None and e.closes is not None and e.decision.date <= e.closes:
        found.append(
            _warn(
                record,
                "decision.date",
                say(
                    "warnings.decision_before_close", decision=short_date(e.decision.date), closes=short_date(e.closes)
                ),
            )
        )
    if not (e.equality_assessment or e.no_equality_impact_assessment):
        found.append(
            _warn(
                record,
                "type",
                say("warnings.no_equality_assessment"),
            )
        )
    needed, days = settings.minimum_days(e.type), days_open(e)
    if days is not None and days < needed:
        found.append(
            _warn(
                record,
                "closes",
                say(
                    "warnings.too_short",
                    days=say_count("warnings.days", days),
                    type=e.type.label.lower(),
                    needed=say_count("warnings.days", needed),
                ),
            )
        )
    return found


def _late_outcome(record: LoadedRecord, today: dt.date, settings: Settings) -> list[Problem]:
    e = record.engagement
    due = outcome_due(e, settings)
    if e.outcome is not None or due is None or today <= due:
        return []
    return [
        _warn(
            record,
            "closes",
            say("warnings.outcome_late", due=short_date(due), late=weeks_late(due, today)),
        )
    ]


def _promises(record: LoadedRecord, today: dt.date) -> list[Problem]:
    """Each overdue promise, and each update that people will not see yet because it is dated ahead."""
    e = record.engagement
    found = [
        _warn_at(
            record,
            ("updates", number, "date"),
            say("warnings.update_ahead", date=short_date(update.date)),
        )
        for number, update in enumerate(e.updates)
        if update.date > today
    ]
    for number, promise in enumerate(e.outcome.commitments if e.outcome else []):
        here = ("outcome", "commitments", number)
        if is_overdue(promise, today):
            found.append(
                _warn_at(
                    record,
                    (*here, "status"),
                    say(
                        "warnings.promise_overdue",
                        promise=promise.what,
                        due=due_words(promise),
                        late=weeks_late(promise.due_by, today),
                    ),
                )
            )
        found += [
            _warn_at(
                record,
                (*here, "updates", later, "date"),
                say("warnings.update_ahead", date=short_date(update.date)),
            )
            for later, update in enumerate(promise.updates)
            if update.date > today
        ]
    return found


def _warn_at(record: LoadedRecord, location: tuple[str | int, ...], message: str) -> Problem:
    """A warning about a field inside a list, such as the status of an outcome's second promise."""
    return Problem(record.path, record.document.line_of(location), dotted(location), message, warning=True)


def reach_warnings(record: LoadedRecord, population: Population) -> list[Problem]:
    """An outcome with no breakdown of who took part, and each group far fewer of whom took part than live
    in the engagement's places, with what the next engagement could do to hear from them."""
    e = record.engagement
    if e.outcome is None or population.groups is None:
        return []
    if not e.outcome.by_group:
        questions = ", ".join(q.name for q in population.groups.questions)
        return [
            _warn(
                record,
                "outcome.took_part",
                say("warnings.who_took_part", questions=questions),
            )
        ]
    reach = engagement_reach(e, population)
    found = []
    for question, row in far_under_represented(reach) if reach else []:
        name = question.question.name
        listed = row.group.name in e.outcome.by_group.get(name, {})
        field = f"outcome.by_group.{name}.{row.group.name}" if listed else f"outcome.by_group.{name}"
        advice = row.group.reach or question.question.reach or say("warnings.reach_advice")
        found.append(
            Problem(
                record.path,
                record.document.line_of(tuple(field.split(".", 3))),
                field,
                say(
                    "warnings.heard_from_few",
                    people=row.group.people,
                    share=percent(row.exact_share),
                    were=row.group.were,
                    lives_here=percent(row.lives_here or Fraction(0)),
                    places=and_list(e.places),
                    advice=advice,
                ),
                warning=True,
            )
        )
    return found


def _warn(record: LoadedRecord, field: str, message: str) -> Problem:
    return Problem(record.path, record.line_of(field), field, message, warning=True)
