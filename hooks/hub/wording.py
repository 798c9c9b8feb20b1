"""Small ways of saying dates, counts and lists, shared by pages and messages, in the words catalogue's
language (hooks/hub/words/): the names of days and months, and how a list or a date is put together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache

from hub.words import on_use, plural, say

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


# Dates are said once each: an engagement page says some thirty, most of them the same as other pages'.
@lru_cache(maxsize=4096)
def long_date(day: dt.date) -> str:
    """Monday 7 December 2026"""
    return say("date.long", weekday=say(f"date.weekday.{_WEEKDAYS[day.weekday()]}"), **_parts(day))


@lru_cache(maxsize=4096)
def short_date(day: dt.date) -> str:
    """7 December 2026"""
    return say("date.short", **_parts(day))


def month_year(day: dt.date) -> str:
    """December 2026"""
    return say("date.month_year", **_parts(day))


on_use(long_date.cache_clear)  # said again in the hub's new language
on_use(short_date.cache_clear)


def _parts(day: dt.date) -> dict[str, object]:
    return {"day": day.day, "month": month_name(day.month), "year": day.year}


def month_name(month: int) -> str:
    """December, for 12"""
    return say(f"date.month.{_MONTHS[month - 1]}")


def number(value: int) -> str:
    """1,146"""
    return f"{value:,}"


def say_count(key: str, n: int, **values: object) -> str:
    """The words for `n` things, from key.one or key.other in the catalogue, with {n} as a number."""
    return say(plural(key, n), n=number(n), **values)


def and_list(items: Sequence[str]) -> str:
    """a, b and c"""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return say("list.and", items=say("list.comma").join(items[:-1]), last=items[-1])


def weeks_late(due: dt.date, today: dt.date) -> str:
    """less than a week late, 1 week late, 8 weeks late"""
    days = (today - due).days
    return say("late.days") if days < 7 else say_count("late.weeks", days // 7)
