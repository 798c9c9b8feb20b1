"""Every check on the records and the decisions map, without building anything.

Each record is checked on its own first: it is read, validated, and given its warnings. That part
can run in several processes at once (`processes`): on this project's two cores, two processes took
0.58 to 0.67 of the time one took at 10,000 records. Only a small summary of each record comes back
(loading.Summary); the checks that compare records (same address, references, tell us once) then run
on the summaries.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from hub.records.loading import (
    LoadedRecord,
    Summary,
    load_each,
    load_file,
    other_entries,
    record_bytes,
    record_files,
    shown,
)
from hub.records.map_loading import AreaMap, body_problems, load_map, reference_problems
from hub.records.names import key
from hub.records.personal_data import plain_text
from hub.records.population import Population, load_population
from hub.records.problems import Problem
from hub.records.vocabulary import Vocabulary, load_vocabulary
from hub.settings import Settings
from hub.wording import and_list
from hub.words import say

from .at_risk import cautions, reach_warnings
from .dates import dated_problems
from .ends import Ends
from .gc_pause import with_collector_paused
from .groups import group_problems
from .memo import Found, RecordMemo, digest
from .overlaps import overlap_warnings
from .personal_data import map_personal_data_warnings
from .vocabulary import vocabulary_problems

# Fewer records than this each are checked in this process: starting another costs more than it saves.
# Measured: 200 records took 52 ms in one process and in two; 400 took 101 ms and 90 ms.
RECORDS_PER_PROCESS = 200
# Records are shared out in parts this big: small enough that the processes finish close together.
RECORDS_PER_PART = 100


@dataclass
class Checked:
    """What the checks found. `records` holds the records themselves only when `keep_records` was asked for."""

    summaries: list[Summary] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    records: list[LoadedRecord] = field(default_factory=list)
    area: AreaMap = field(default_factory=AreaMap)
    population: Population = field(default_factory=Population)

    def add(self, other: Checked) -> None:
        self.summaries += other.summaries
        self.problems += other.problems
        self.warnings += other.warnings
        self.records += other.records


def available_processes() -> int:
    """The processors this program may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@with_collector_paused
def check_records(
    root: Path,
    settings: Settings,
    today: dt.date,
    processes: int = 1,
    keep_records: bool = False,
    memo: RecordMemo | None = None,
) -> Checked:
    """Check every record and the decisions map under `root`: every problem, and the warnings for staff.

    With a `memo` (mkdocs serve keeps one between rebuilds), a record whose file is as it was is not read
    or checked again: what was found last time is used, in this process.
    """
    folder = root / settings.records
    if not folder.is_dir():
        return Checked(problems=[Problem(shown(folder, root), 1, "", say("problems.file.no_records_folder"))])
    # The map and the lists first: each record is checked against them with the record.
    area, map_problems = load_map(root / settings.map, display_root=root)
    vocabulary, list_problems = load_vocabulary(root / settings.vocabulary, display_root=root)
    population, population_problems = _population(root, settings, vocabulary)
    job = _Job(root, settings, today, area.body_ids, keep_records, vocabulary, population)
    paths = record_files(folder)
    checked = _each_record(paths, job, processes) if memo is None else _each_remembered(paths, job, memo)
    checked.area = area
    checked.population = population
    checked.problems += (
        other_entries(folder, root)
        + map_problems
        + list_problems
        + population_problems
        + reference_problems(area, {s.slug for s in checked.summaries})
    )
    checked.warnings += map_personal_data_warnings(area)
    return _across_records(checked, today, settings)


@with_collector_paused
def check_files(
    paths: list[Path], settings: Settings, today: dt.date, root: Path | None = None, processes: int = 1
) -> Checked:
    """The same checks for some files only (a record being written, say).

    With `root`, the hub's other records and its map are read too, so the verdict on these files is the
    full build's: a clash of address or title with another record, an overlap, a deciding body not in the map.
    """
    others: list[Summary] = []
    body_ids: frozenset[str] = frozenset()
    vocabulary = Vocabulary()
    population = Population()
    if root is not None:
        body_ids = load_map(root / settings.map, display_root=root)[0].body_ids
        vocabulary = load_vocabulary(root / settings.vocabulary, display_root=root)[0]
        population = _population(root, settings, vocabulary)[0]
    if root is not None and (root / settings.records).is_dir():
        # realpath, not Path.resolve: it does not fail on a link that points at itself.
        these = {os.path.realpath(path) for path in paths}
        rest = [path for path in record_files(root / settings.records) if os.path.realpath(path) not in these]
        job = _Job(root, settings, today, body_ids, vocabulary=vocabulary, population=population)
        others = _each_record(rest, job, processes).summaries
    job = _Job(None, settings, today, body_ids, vocabulary=vocabulary, population=population)
    checked = _each_record(paths, job, processes)
    return _across_records(checked, today, settings, others)


def _population(root: Path, settings: Settings, vocabulary: Vocabulary) -> tuple[Population, list[Problem]]:
    places = vocabulary.lists.get("places")
    return load_population(root / settings.population, root, places.names if places else None)


def _across_records(checked: Checked, today: dt.date, settings: Settings, others: Sequence[Summary] = ()) -> Checked:
    checked.problems += _same_address(checked.summaries, others)
    checked.warnings += _same_title(checked.summaries, others)
    checked.warnings += overlap_warnings(checked.summaries, today, settings.tell_us_once_weeks, others)
    checked.problems.sort(key=Problem.order)
    checked.warnings.sort(key=Problem.order)
    return checked


@dataclass(frozen=True)
class _Job:
    """What checking each record needs besides the record itself."""

    display_root: Path | None  # paths in messages are shown from here
    settings: Settings
    today: dt.date
    body_ids: frozenset[str] = frozenset()  # the map's bodies, which decision.body must name: none, no check
    keep_records: bool = False
    vocabulary: Vocabulary = field(default_factory=Vocabulary)  # the lists names must come from
    population: Population = field(default_factory=Population)  # the groups of who took part, and who lives where


def _each_record(paths: list[Path], job: _Job, processes: int) -> Checked:
    """Check each record on its own: in this process, or shared out between several."""
    processes = min(processes, len(paths) // RECORDS_PER_PROCESS)
    # Only where a new process starts as a copy of this one (Linux): elsewhere it would load everything again.
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _check_some(paths, job)
    context = multiprocessing.get_context("fork")
    parts = _Parts(paths, job, context)
    checked: dict[int, Checked] = {}
    try:
        with ProcessPoolExecutor(processes - 1, mp_context=context, initializer=parts.share) as pool:
            # One task for each part the others might take, so each part comes back as soon as it is checked,
            # while this process checks its own. Sent all at once at the end, they were packed, sent and read while
            # this process waited: 10,000 records took 5.1 to 6.3 s to check that way, 4.6 to 4.9 s this way.
            theirs = [pool.submit(_check_from_the_end) for _ in parts.paths]
            checked.update(parts.check(from_the_end=False))
            for future in theirs:
                checked.update(future.result())
    except BrokenProcessPool:
        # Another process ended without a word (out of memory, say): check everything here instead.
        return _check_some(paths, job)
    whole = Checked()
    for n in range(len(parts.paths)):  # in the order of the files, as if one process had checked them all
        whole.add(checked[n])
    return whole


class _Parts:
    """The files in parts, and which parts are still to be checked, shared between the processes.

    This process takes parts from the start and the others from the end, until they meet. So whichever
    is quicker checks more: records differ in length, and so does each processor's speed.
    """

    in_this_process: _Parts | None = None  # in another process: the parts it started with

    def __init__(self, paths: list[Path], job: _Job, context: multiprocessing.context.BaseContext):
        self.paths = [paths[start : start + RECORDS_PER_PART] for start in range(0, len(paths), RECORDS_PER_PART)]
        self.job = job
        self.ends = Ends(len(self.paths), context)

    def share(self) -> None:
        """Run as another process starts: it is a copy of this one, so nothing is sent to it."""
        _Parts.in_this_process = self

    def check(self, from_the_end: bool, most: int | None = None) -> dict[int, Checked]:
        checked: dict[int, Checked] = {}
        while (most is None or len(checked) < most) and (n := self.ends.take(from_the_end)) is not None:
            checked[n] = _check_some(self.paths[n], self.job)
        return checked


def _check_from_the_end() -> dict[int, Checked]:
    """In another process: the next part from the end, if any is left."""
    assert _Parts.in_this_process is not None  # set by _Parts.share as this process started
    return _Parts.in_this_process.check(from_the_end=True, most=1)


def _check_some(paths: list[Path], job: _Job) -> Checked:
    checked = Checked()
    for record, problems in load_each(paths, job.display_root):
        _add(checked, job, *_verdict(record, problems, job))
    return checked


def _verdict(
    record: LoadedRecord | None, problems: list[Problem], job: _Job
) -> tuple[LoadedRecord | None, list[Problem], list[Problem]]:
    """A record's own problems and warnings, from reading it and from the checks of one record alone."""
    if record is None:
        return None, problems, []
    problems = (
        problems
        + dated_problems(record, job.today)
        + body_problems(record, job.body_ids)
        + vocabulary_problems(record, job.vocabulary)
        + group_problems(record, job.population.groups)
    )
    return record, problems, cautions(record, job.today, job.settings) + reach_warnings(record, job.population)


def _add(checked: Checked, job: _Job, record: LoadedRecord | None, problems: list[Problem], warnings: list[Problem]):
    checked.problems += problems
    checked.warnings += warnings
    if record is not None:
        checked.summaries.append(record.summary)
        if job.keep_records:
            checked.records.append(_for_pages(record))


def _for_pages(record: LoadedRecord) -> LoadedRecord:
    """The record as the pages need it, once its checks are done: without its lines, nor its text unless
    something in that looks like a person's own details."""
    return record.without_lines(plain_text(record.document.text))


def _each_remembered(paths: list[Path], job: _Job, memo: RecordMemo) -> Checked:
    """As _check_some, reading and checking again only the files whose bytes changed since the memo saw them."""
    memo.start(job)
    memo.keep_only({os.fspath(path) for path in paths})
    checked = Checked()
    for path in paths:
        name = os.fspath(path)
        raw = record_bytes(path)
        if raw is None:  # a file that cannot be read: read_yaml says why, every time
            _add(checked, job, *_verdict(*load_file(path, shown(path, job.display_root)), job))
            continue
        found = memo.get(name, raw)
        if found is None:
            record, problems, warnings = _verdict(*load_file(path, shown(path, job.display_root), raw), job)
            if record is None:
                found = Found(digest(raw), None, None, problems, warnings)
            else:
                found = Found(
                    digest(raw),
                    _for_pages(record),
                    record.summary,
                    problems,
                    warnings,
                )
            memo.put(name, found)
        checked.problems += found.problems
        checked.warnings += found.warnings
        if found.record is not None and found.summary is not None:
            checked.summaries.append(found.summary)
            checked.records.append(found.record)
    return checked


def _same_address(records: list[Summary], others: Sequence[Summary] = ()) -> list[Problem]:
    """Two files whose names differ only in capitals or ending (x.yaml, x.YAML, x.yml) share one address.
    `others` are the records not being checked now: a clash with one of them counts too."""
    by_slug: dict[str, list[Summary]] = {}
    for record in [*records, *others]:
        by_slug.setdefault(record.slug.lower(), []).append(record)
    problems = []
    for record in records:
        same = by_slug[record.slug.lower()]
        if len(same) > 1:
            names = and_list([r.path.name for r in same])
            problems.append(
                Problem(
                    record.path,
                    1,
                    "",
                    say("problems.file.same_address", names=names, slug=record.slug.lower()),
                )
            )
    return problems


def _same_title(records: list[Summary], others: Sequence[Summary] = ()) -> list[Problem]:
    by_title: dict[str, list[Summary]] = {}
    for record in [*records, *others]:
        by_title.setdefault(key(record.title), []).append(record)
    warnings = []
    for record in records:
        twins = [r.path.name for r in by_title[key(record.title)] if r is not record]
        if twins:
            warnings.append(
                Problem(
                    record.path,
                    record.title_line,
                    "title",
                    say("warnings.same_title", files=and_list(twins)),
                    warning=True,
                )
            )
    return warnings
