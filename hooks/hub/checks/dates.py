"""Checks that need today's date, so they cannot live in the record model."""

from __future__ import annotations

import datetime as dt

from hub.records.loading import LoadedRecord
from hub.records.problems import Problem
from hub.words import say


def dated_problems(record: LoadedRecord, today: dt.date) -> list[Problem]:
    engagement = record.engagement
    # One that carries on may publish what people have said so far at any time.
    if engagement.outcome is None or engagement.closes is None or engagement.closes < today:
        return []
    return [
        Problem(
            record.path,
            record.line_of("outcome"),
            "outcome",
            say("problems.outcome_too_soon", closes=engagement.closes.isoformat()),
        )
    ]
