"""Records checked in several processes give exactly what one process gives, problems and warnings alike."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import pytest

from conftest import DEMO_TODAY, ROOT
from hub import checking
from hub.checking import RECORDS_PER_PROCESS, check_files, check_records
from hub.loading import record_files
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


def test_two_processes_each_check_about_half(area, monkeypatch):
    handed_out = []

    class Counting(checking.ProcessPoolExecutor):
        def submit(self, function, /, *args, **kwargs):
            handed_out.append(len(args[0]))
            return super().submit(function, *args, **kwargs)

    monkeypatch.setattr(checking, "ProcessPoolExecutor", Counting)
    check_records(area, SETTINGS, TODAY, processes=2)
    files = len(record_files(area / "engagements"))
    assert handed_out == [files // 2]


def test_if_the_other_process_dies_every_record_is_checked_here(area, monkeypatch):
    class Dying(checking.ProcessPoolExecutor):
        def submit(self, function, /, *args, **kwargs):
            return super().submit(os._exit, 1)

    monkeypatch.setattr(checking, "ProcessPoolExecutor", Dying)
    assert _found(check_records(area, SETTINGS, TODAY, processes=2)) == _found(check_records(area, SETTINGS, TODAY))
