"""A full build shares the pages out between processes (hub/site/shared_work.py) and makes the
same site as one process does, even when another process dies."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import zlib

import pytest

from conftest import DEMO_TODAY, ROOT
from hub.settings import read_mkdocs_yml, settings_from_mapping
from hub.site import shared_work
from hub.site.build import Hub, HubMemo, build_hub

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="other processes start as copies only on Linux"
)


def _build(processes: int, memo: HubMemo | None = None) -> Hub:
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    settings = settings_from_mapping(config["extra"]["hub"], ROOT / "mkdocs.yml", config["theme"]["language"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shared_work, "available_processes", lambda: processes)
        return build_hub(ROOT, settings, dt.date.fromisoformat(DEMO_TODAY), "https://hub.example/", memo)


def _site(hub: Hub) -> list:
    return [*hub.pages, *((f.path, zlib.decompress(f.packed)) for f in hub.files)]


@pytest.fixture(scope="module")
def in_one_process() -> list:
    return _site(_build(processes=1))


def _each_part_does(monkeypatch, then):
    """Each part of the pages, once made, calls then(pages)."""
    parts = shared_work.page_parts

    def done(part):
        return lambda: then(part())

    monkeypatch.setattr(shared_work, "page_parts", lambda *args: [done(part) for part in parts(*args)])


@pytest.fixture
def small_parts(monkeypatch, tmp_path):
    """The demo's 17 engagements shared out in parts of two; each other process that makes a part leaves
    its process id in tmp_path, as this process could not tell otherwise."""
    monkeypatch.setattr(shared_work, "ENTRIES_PER_PROCESS", 1)
    monkeypatch.setattr(shared_work, "ENTRIES_PER_PART", 2)
    here = os.getpid()

    def marked(pages):
        if os.getpid() != here:
            (tmp_path / str(os.getpid())).touch()
        return pages

    _each_part_does(monkeypatch, marked)
    return tmp_path


def test_processes_make_the_same_site_as_one(in_one_process, small_parts):
    assert _site(_build(processes=3)) == in_one_process
    assert list(small_parts.iterdir())  # the others made some of it


def test_the_pages_of_a_process_that_dies_are_made_here(in_one_process, small_parts, monkeypatch):
    here = os.getpid()

    def dying(pages):
        if os.getpid() != here:
            os._exit(1)  # as the system ends a process that runs out of memory: no word to anyone
        return pages

    _each_part_does(monkeypatch, dying)
    assert _site(_build(processes=2)) == in_one_process
    assert list(small_parts.iterdir())  # the other process did die


def test_serves_first_build_shares_the_pages_out_and_its_rebuilds_use_them_again(in_one_process, small_parts):
    memo = HubMemo()
    assert _site(_build(processes=3, memo=memo)) == in_one_process
    assert list(small_parts.iterdir())  # the others made some of it
    assert _site(_build(processes=3, memo=memo)) == in_one_process
    assert memo.made.made == []  # every page and file, whichever process made it, was used again


def test_a_build_that_fails_stops_the_other_processes_and_says_why(small_parts, monkeypatch):
    def broken(catalogue):
        raise ValueError("a broken template")

    monkeypatch.setattr("hub.site.build.open_data_files", broken)
    with pytest.raises(ValueError, match="a broken template"):
        _build(processes=2)
