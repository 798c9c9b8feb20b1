"""Today's date where the hub's readers live. Every status on the site is worked out from it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from hub.words import say

# Set HUB_TODAY=YYYY-MM-DD to build the site as it would look on that day (tests and previews).
TODAY_VARIABLE = "HUB_TODAY"
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2099, 12, 31)


def local_date(instant: dt.datetime, timezone: str) -> dt.date:
    """The calendar date at `instant` in `timezone` (so 23:30 UTC in summer is tomorrow in London)."""
    if instant.tzinfo is None:
        raise ValueError("instant must carry a time zone")
    return instant.astimezone(ZoneInfo(timezone)).date()


def today(timezone: str, environ: Mapping[str, str] | None = None) -> dt.date:
    pinned = (os.environ if environ is None else environ).get(TODAY_VARIABLE, "").strip()
    if pinned:
        try:
            day = dt.date.fromisoformat(pinned)
        except ValueError:
            raise ValueError(say("commands.today.not_a_date", variable=TODAY_VARIABLE, value=pinned)) from None
        # Files record their date in 32 bits (the sitemap's .gz), which ends in 2106; no hub needs more.
        if not EARLIEST <= day <= LATEST:
            raise ValueError(
                say(
                    "commands.today.too_far",
                    variable=TODAY_VARIABLE,
                    value=pinned,
                    earliest=EARLIEST.year,
                    latest=LATEST.year,
                )
            )
        return day
    return local_date(dt.datetime.now(dt.UTC), timezone)


# MkDocs dates the sitemap from this variable when it is set; otherwise the hub dates it from the day the
# pages were made for (hub/site/mkdocs_plugin.py). See https://reproducible-builds.org/specs/source-date-epoch/
SOURCE_DATE_VARIABLE = "SOURCE_DATE_EPOCH"
