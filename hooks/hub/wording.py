"""Small ways of saying dates, counts and lists in plain English, shared by pages and messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def long_date(day: dt.date) -> str:
    """Monday 7 December 2026"""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """7 December 2026"""
    return f"{day.day} {day:%B %Y}"


def number(value: int) -> str:
    """1,146"""
    return f"{value:,}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """1 day, 2 days"""
    return f"{number(n)} {noun}" if n == 1 else f"{number(n)} {plural or noun + 's'}"


def and_list(items: Sequence[str]) -> str:
    """a, b and c"""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def weeks_late(due: dt.date, today: dt.date) -> str:
    """less than a week late, 1 week late, 8 weeks late"""
    days = (today - due).days
    return "less than a week late" if days < 7 else f"{count(days // 7, 'week')} late"
