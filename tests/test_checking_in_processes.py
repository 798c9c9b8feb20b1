"""Records checked in several processes give exactly what one process gives, problems and warnings alike."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import time

import pytest

from conftest import DEMO_TODAY, ROOT
from hub.checks import check_all as checking
from hub.checks.check_all import RECORDS_PER_PROCESS, check_files, check_records
from hub.records.loading import record_files
from hub.settings import settings_from_mkdocs_yml
from synthetic_records import write_area

TODAY = dt.date.fromisoformat(DEMO_TODAY)
SETTINGS = settings_from_mkdocs_yml(ROOT / "mkdocs.yml")
RECORDS = 2 * RECORDS_PER_PROCESS + 10


@pytest.fixture(scope="module")
def area(tmp_path_factory):
    root = tmp_path_factory.mktemp("area")
    write_area(root, RECORDS, TODAY)
    records = root / "engagements"
    # Broken records in each half, and two files with one address, one in each half.
    first, last = record_files(records)[0], record_files(records)[-1]
    first.write_text(first.read_text().replace("level: ", "levle: "))
    last.write_text(last.read_text().replace("opens: ", "opens: 30 February 2026\nx: "))
    shutil.copy(record_files(records)[RECORDS // 2], records / "record-00004.yml")
    return root


def _found(checked):
    return [str(p) for p in checked.problems], [str(w) for w in checked.warnings], [s.slug for s in checked.summaries]


def test_checking_every_record_in_two_processes_finds_the_same(area):
    alone, shared = (check_records(area, SETTINGS, TODAY, processes=n) for n in (1, 2))
    assert _found(shared) == _found(alone)
    problems, warnings, summaries = _found(shared)
    assert len(summaries) == RECORDS + 1 - 2  # the copy is valid; the first and last are not
    assert any("levle" in p for p in problems) and any("record-00004.yaml and record-00004.yml" in p for p in problems)
    assert any(f"record-{RECORDS - 1:05d}.yaml" in p and "opens" in p for p in problems)
    assert any("asks the same people" in w for w in warnings)


def test_checking_one_file_against_the_rest_in_two_processes_finds_the_same(area):
    one = [record_files(area / "engagements")[3]]
    alone, shared = (check_files(one, SETTINGS, TODAY, area, processes=n) for n in (1, 2))
    assert _found(shared) == _found(alone)


def test_records_are_kept_only_when_asked_for(area):
    kept = check_records(area, SETTINGS, TODAY, processes=2, keep_records=True)
    assert [r.slug for r in kept.records] == [s.slug for s in kept.summaries]
    assert check_records(area, SETTINGS, TODAY, processes=2).records == []


def test_this_process_takes_parts_from_the_start_and_the_other_the_rest(area, monkeypatch):
    taken_here = []  # only what this process saw: the other has its own copy of the list
    check_parts, check_some = checking._Parts.check, checking._check_some

    def watched(parts, from_the_end, most=None):
        found = check_parts(parts, from_the_end, most)
        taken_here.append((from_the_end, list(found)))
        return found

    def slow_here(paths, job):
        if multiprocessing.parent_process() is None:
            time.sleep(0.05)  # so the other process surely gets some parts, however slowly it starts
        return check_some(paths, job)

    monkeypatch.setattr(checking._Parts, "check", watched)
    monkeypatch.setattr(checking, "_check_some", slow_here)
    check_records(area, SETTINGS, TODAY, processes=2)
    [(from_the_end, here)] = taken_here
    parts = -(-len(record_files(area / "engagements")) // checking.RECORDS_PER_PART)
    assert not from_the_end and here == list(range(len(here))) and 0 < len(here) < parts


def test_if_the_other_process_dies_every_record_is_checked_here(area, monkeypatch):
    class Dying(checking.ProcessPoolExecutor):
        def submit(self, function, /, *args, **kwargs):
            return super().submit(os._exit, 1)

    monkeypatch.setattr(checking, "ProcessPoolExecutor", Dying)
    assert _found(check_records(area, SETTINGS, TODAY, processes=2)) == _found(check_records(area, SETTINGS, TODAY))


def _die_holding_the_lock():  # sent to the other process by name, so not inside the test
    checking._Parts.in_this_process.ends._first_and_last.get_lock().acquire()
    os._exit(1)


def test_if_the_other_process_dies_holding_the_lock_every_record_is_checked_here(area, monkeypatch):
    monkeypatch.setattr(checking, "_check_from_the_end", _die_holding_the_lock)
    monkeypatch.setattr(checking.Ends, "LOCK_WAIT_SECONDS", 0.5)
    assert _found(check_records(area, SETTINGS, TODAY, processes=2)) == _found(check_records(area, SETTINGS, TODAY))
