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
from hub.wording import and_list, count, short_date, weeks_late

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
                f'the page will show the promise "{verdict.principle.title}" as not met. '
                f"{verdict.evidence} To meet it: {verdict.principle.staff}",
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
                "a formal consultation should say when the decision will be made. "
                "Add a date line under decision, so people know their views come first.",
            )
        )
    if e.decision.date is not None and e.closes is not None and e.decision.date <= e.closes:
        found.append(
            _warn(
                record,
                "decision.date",
                f"the decision is on {short_date(e.decision.date)}, before the "
                f"engagement closes on {short_date(e.closes)}. Views must be heard before a decision is made. "
                "Move the decision, or the closing date.",
            )
        )
    if not (e.equality_assessment or e.no_equality_impact_assessment):
        found.append(
            _warn(
                record,
                "type",
                "it links no equality impact assessment. Add it under documents with kind: "
                "equality_impact_assessment, or say why there is none in a no_equality_impact_assessment line.",
            )
        )
    needed, days = settings.minimum_days(e.type), days_open(e)
    if days is not None and days < needed:
        found.append(
            _warn(
                record,
                "closes",
                f"it is open for {count(days, 'day')}, but {e.type.label.lower()} "
                f"should be open for at least {count(needed, 'day')}. Give people more time to respond.",
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
            f"the outcome was due by {short_date(due)} and is {weeks_late(due, today)}. "
            "Add an outcome to tell people what happened, even if the decision is not made yet.",
        )
    ]


def _promises(record: LoadedRecord, today: dt.date) -> list[Problem]:
    """Each overdue promise, and each update that people will not see yet because it is dated ahead."""
    e = record.engagement
    found = [
        _warn_at(
            record,
            ("updates", number, "date"),
            f"this update is dated {short_date(update.date)}, after today, so it is not shown until then. "
            "Check the date: an update says what has already happened.",
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
                    f'the promise to "{promise.what}" was due by {due_words(promise)} and is '
                    f"{weeks_late(promise.due_by, today)}. It shows as overdue on the public pages. "
                    "Add an update that says what has happened and when to expect it. "
                    "When it is done, add an update with status: done. "
                    "If it will not happen, set status to dropped and give why_dropped.",
                )
            )
        found += [
            _warn_at(
                record,
                (*here, "updates", later, "date"),
                f"this update is dated {short_date(update.date)}, after today, so it is not shown until then. "
                "Check the date: an update says what has already happened.",
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
                "the outcome does not say who took part. Add a by_group part under outcome, with the numbers "
                f"for each question you asked ({questions}). Then people can see who we heard from and who we did not.",
            )
        ]
    reach = engagement_reach(e, population)
    found = []
    for question, row in far_under_represented(reach) if reach else []:
        name = question.question.name
        listed = row.group.name in e.outcome.by_group.get(name, {})
        field = f"outcome.by_group.{name}.{row.group.name}" if listed else f"outcome.by_group.{name}"
        advice = row.group.reach or question.question.reach or "Ask groups that already work with them to help."
        found.append(
            Problem(
                record.path,
                record.document.line_of(tuple(field.split(".", 3))),
                field,
                f"we heard from few {row.group.people}: {percent(row.exact_share)} of the people who answered "
                f"were {row.group.were}, but {percent(row.lives_here or Fraction(0))} of the people who live in "
                f"{and_list(e.places)} are. Next time: {advice}",
                warning=True,
            )
        )
    return found


def _warn(record: LoadedRecord, field: str, message: str) -> Problem:
    return Problem(record.path, record.line_of(field), field, message, warning=True)
