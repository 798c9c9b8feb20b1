"""Checks that need today's date, so they cannot live in the record model."""

from __future__ import annotations

import datetime as dt

from .loading import LoadedRecord
from .problems import Problem


def dated_problems(records: list[LoadedRecord], today: dt.date) -> list[Problem]:
    problems = []
    for record in records:
        engagement = record.engagement
        if engagement.outcome is not None and engagement.closes >= today:
            problems.append(
                Problem(
                    record.path,
                    record.line_of("outcome"),
                    "outcome",
                    f"this engagement is open until {engagement.closes.isoformat()}, so it cannot have an "
                    "outcome yet. Publish the outcome after it closes, or check the closes date.",
                )
            )
    return problems
