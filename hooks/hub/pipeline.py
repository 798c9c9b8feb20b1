"""The hub from end to end, without MkDocs: records -> validated -> derived -> pages.

Both the MkDocs hook and the scripts call this, so they find the same problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .cautions import cautions
from .checks import dated_problems
from .feeds import feed_files
from .ical import calendar_file
from .loading import LoadedRecord, LoadResult, load_files, load_folder
from .map_loading import load_map, reference_problems
from .open_data import open_data_files
from .pages import build_pages
from .personal_data import map_personal_data_warnings
from .problems import Problem, RecordsInvalid
from .render import GeneratedFile, GeneratedPage
from .settings import Settings


@dataclass
class Hub:
    catalogue: Catalogue
    pages: list[GeneratedPage]
    files: list[GeneratedFile]  # feeds, calendar and open data
    warnings: list[Problem]


def check_records(root: Path, settings: Settings, today: dt.date) -> LoadResult:
    """Load every record and the decisions map under `root`; find every problem, and the warnings for staff."""
    result = load_folder(root / settings.records, display_root=root)
    result.area, map_problems = load_map(root / settings.map, display_root=root)
    result.problems += map_problems + reference_problems(result.area, result.records)
    checked = _checked(result, settings, today)
    checked.warnings = sorted(checked.warnings + map_personal_data_warnings(result.area))
    return checked


def check_files(paths: list[Path], settings: Settings, today: dt.date, root: Path | None = None) -> LoadResult:
    """The same checks for some files only (a record being written, say).

    With `root`, the hub's other records there are read too, to warn when these overlap one of them.
    """
    others = []
    if root is not None and (root / settings.records).is_dir():
        checked = {path.resolve() for path in paths}
        folder = load_folder(root / settings.records, display_root=root)
        others = [r for r in folder.records if r.source.resolve() not in checked]
    return _checked(load_files(paths), settings, today, others)


def _checked(result: LoadResult, settings: Settings, today: dt.date, others: Iterable[LoadedRecord] = ()) -> LoadResult:
    result.problems.extend(dated_problems(result.records, today))
    result.problems.sort()
    result.warnings = cautions(result.records, today, settings, others)
    return result


def build_hub(root: Path, settings: Settings, today: dt.date, site_url: str | None = None) -> Hub:
    """Every page and file of the hub; raises RecordsInvalid if any record is wrong.

    `site_url` (from mkdocs.yml) makes the links in feeds absolute; without it they are relative.
    """
    result = check_records(root, settings, today)
    if result.problems:
        raise RecordsInvalid(result.problems)
    catalogue = Catalogue.build(result.records, today, settings, result.area)
    files = [*feed_files(catalogue, site_url), calendar_file(catalogue, site_url), *open_data_files(catalogue)]
    return Hub(catalogue, build_pages(catalogue), files, result.warnings)
