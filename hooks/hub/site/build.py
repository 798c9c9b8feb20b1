"""The hub from end to end, without MkDocs: records -> validated -> derived -> pages.

The MkDocs plugin (mkdocs_plugin.py) calls this. Its checks are in checks/check_all.py, which scripts/validate.py calls too, so
both find the same problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from hub.checks.check_all import available_processes, check_records
from hub.checks.gc_pause import given_back, set_aside_for_the_build, set_aside_more
from hub.checks.memo import RecordMemo
from hub.facts.catalogue import Catalogue
from hub.facts.entries import Entry
from hub.outputs.calendar import calendar_files
from hub.outputs.feeds import feed_files
from hub.outputs.files import GeneratedFile
from hub.outputs.fingerprint import Inputs, Remembered, files_digest
from hub.outputs.open_data import open_data_files
from hub.outputs.robots import robots_file
from hub.records.problems import Problem, RecordsInvalid
from hub.settings import Settings
from hub.words import use

from .pages import build_pages
from .render import GeneratedPage
from .shared_work import SharedPages


@dataclass
class Hub:
    catalogue: Catalogue
    pages: list[GeneratedPage]
    files: list[GeneratedFile]  # feeds, calendar and open data
    warnings: list[Problem]


@dataclass
class HubMemo:
    """What `mkdocs serve` keeps from one rebuild to the next: each record's checks, and each page and file
    with the fingerprint of its inputs (hub/outputs/fingerprint.py)."""

    records: RecordMemo = field(default_factory=RecordMemo)
    made: Remembered = field(default_factory=Remembered)
    entries: dict[str, Entry] = field(default_factory=dict)  # each record's status and scorecard, by address
    builds: int = 0  # begun, whether they ended well or not


def build_hub(
    root: Path, settings: Settings, today: dt.date, site_url: str | None = None, memo: HubMemo | None = None
) -> Hub:
    """Every page and file of the hub; raises RecordsInvalid if any record is wrong.

    `site_url` (the hub's address: mkdocs.yml or HUB_URL) makes the links in feeds and the calendar full
    addresses, and robots.txt name the sitemap; without it feed links are relative and the calendar has none.
    With a `memo` from the last build, what has not changed since is used again instead of being made afresh.
    """
    use(settings.language)  # the hub's own words, from hooks/hub/words/<language>.yaml
    given_back()  # what the last build in this process set aside (checks/gc_pause.py)
    if memo is not None:
        memo.builds += 1
    # A full build checks records in as many processes as it has processors; each record comes back to this
    # one, which costs about two fifths of checking it (measured at 2,000 records: 2.6 s alone, 1.85 s in two).
    processes = available_processes() if memo is None else 1
    result = check_records(root, settings, today, processes, keep_records=True, memo=memo.records if memo else None)
    if result.problems:
        raise RecordsInvalid(result.problems)
    if memo is None:
        set_aside_for_the_build(len(result.records))  # the collector would look at each at each full collection
    earlier = memo.entries if memo else None
    catalogue = Catalogue.build(result.records, today, settings, result.area, result.population, earlier)
    if memo is None:
        # Other processes, where there are processors for them, start on the pages now.
        set_aside_more()
        with SharedPages(catalogue) as shared:
            return _made(catalogue, site_url, result.warnings, shared.pages)
    memo.entries = {entry.slug: entry for entry in catalogue.entries}
    with memo.made.build(_inputs(root, settings, site_url, catalogue, memo.records)):
        if memo.builds > 1:
            return _made(catalogue, site_url, result.warnings, partial(build_pages, catalogue))
        # mkdocs serve's first build makes every page, as a full build does, so other processes help. It runs
        # before the server starts its threads: a process copied from one with other threads can wait forever
        # on a lock one of them held.
        with SharedPages(catalogue, remember=True) as shared:
            return _made(catalogue, site_url, result.warnings, shared.pages)


def _made(
    catalogue: Catalogue, site_url: str | None, warnings: list[Problem], pages: Callable[[], list[GeneratedPage]]
) -> Hub:
    files = [
        *feed_files(catalogue, site_url),
        *calendar_files(catalogue, site_url),
        *open_data_files(catalogue),
        robots_file(site_url),
    ]
    return Hub(catalogue, pages(), files, warnings)


# The hub's own files that pages are made with: a change to any of them makes every page again.
_OWN_FILES = [Path(__file__).parents[1] / folder for folder in ("site/templates", "outputs/templates", "words", "data")]


def _inputs(root: Path, settings: Settings, site_url: str | None, catalogue: Catalogue, records: RecordMemo) -> Inputs:
    """What every page may be made from besides its own values: see fingerprint.py."""
    folders = [*_OWN_FILES, *(root / name for name in (settings.map, settings.vocabulary, settings.population))]
    shared = (
        catalogue.today,
        settings,
        site_url,
        files_digest(path for folder in folders if folder.is_dir() for path in folder.rglob("*") if path.is_file()),
        {kind: [(g.name, g.slug) for g in catalogue.groups_of(kind)] for kind in ("places", "topics", "organisations")},
    )
    digests = {found.record.slug: found.digest for found in records.found.values() if found.record is not None}
    return Inputs(shared, digests, catalogue)
