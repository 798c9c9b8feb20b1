"""An engagement's life as dated steps: opened, updates, closed, what people said, the decision.

Steps still to come are marked, so a page can say what happens next. The promises made in the outcome
follow the steps on the page (facts/commitments.py): you said, we will, we did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hub.records.model import Update

from .entries import Entry

# Steps on the same day keep the order of an engagement's life.
_ORDER = {"opens": 0, "update": 1, "closes": 2, "decision_meeting": 3, "outcome_due": 4, "outcome": 5, "decision": 6}


@dataclass(frozen=True)
class Step:
    day: dt.date
    kind: str  # one of _ORDER's keys
    happened: bool
    update: Update | None = None


def timeline(entry: Entry, today: dt.date, outcome_due: dt.date | None) -> list[Step]:
    """One that carries on has no closing step, and no outcome due unless it promises a day."""
    e = entry.engagement
    steps = [
        Step(e.opens, "opens", e.opens <= today),
        *[Step(u.date, "update", True, u) for u in e.updates if u.date <= today],
    ]
    if e.closes is not None:
        steps.append(Step(e.closes, "closes", e.closes < today))
    if e.outcome is None:
        if outcome_due is not None:
            steps.append(Step(outcome_due, "outcome_due", False))
        if e.decision.date is not None:
            steps.append(Step(e.decision.date, "decision_meeting", e.decision.date < today))
    else:
        steps.append(Step(e.outcome.published, "outcome", True))
        if e.outcome.decision is not None:
            steps.append(Step(e.outcome.decision.date, "decision", True))
    return sorted(steps, key=lambda s: (s.day, _ORDER[s.kind]))
