"""The hub from end to end, without MkDocs: records -> validated -> derived -> pages.

Both the MkDocs hook and the scripts call this, so they find the same problems.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .catalogue import Catalogue
from .checks import dated_problems
from .loading import LoadResult, load_folder
from .pages import build_pages
from .problems import RecordsInvalid
from .render import GeneratedPage
from .settings import Settings


def check_records(root: Path, settings: Settings, today: dt.date) -> LoadResult:
    """Load every record under `root` and find every problem, including those that depend on today."""
    result = load_folder(root / settings.records, display_root=root)
    result.problems.extend(dated_problems(result.records, today))
    result.problems.sort()
    return result


def build_catalogue(root: Path, settings: Settings, today: dt.date) -> Catalogue:
    """The catalogue of valid records; raises RecordsInvalid if any record is wrong."""
    result = check_records(root, settings, today)
    if result.problems:
        raise RecordsInvalid(result.problems)
    return Catalogue.build(result.records, today, settings)


def make_pages(root: Path, settings: Settings, today: dt.date) -> list[GeneratedPage]:
    return build_pages(build_catalogue(root, settings, today))
