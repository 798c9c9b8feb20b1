"""Today's date where the hub's readers live. Every status on the site is worked out from it."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

# Set HUB_TODAY=YYYY-MM-DD to build the site as it would look on that day (tests and previews).
TODAY_VARIABLE = "HUB_TODAY"


def local_date(instant: dt.datetime, timezone: str) -> dt.date:
    """The calendar date at `instant` in `timezone` (so 23:30 UTC in summer is tomorrow in London)."""
    if instant.tzinfo is None:
        raise ValueError("instant must carry a time zone")
    return instant.astimezone(ZoneInfo(timezone)).date()


def today(timezone: str, environ: dict[str, str] | None = None) -> dt.date:
    environ = os.environ if environ is None else environ
    pinned = environ.get(TODAY_VARIABLE, "").strip()
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise ValueError(
                f"{TODAY_VARIABLE} is '{pinned}', which is not a date. Write it as YYYY-MM-DD."
            ) from None
    return local_date(dt.datetime.now(dt.timezone.utc), timezone)


# MkDocs dates the sitemap (each page's lastmod, and the gzip file's own time) from this variable,
# or from the clock when it is not set. See https://reproducible-builds.org/specs/source-date-epoch/
SOURCE_DATE_VARIABLE = "SOURCE_DATE_EPOCH"


def source_date_epoch(day: dt.date) -> str:
    """The start of `day` (UTC) in seconds, as SOURCE_DATE_EPOCH is written."""
    return str(int(dt.datetime.combine(day, dt.time(), dt.timezone.utc).timestamp()))
