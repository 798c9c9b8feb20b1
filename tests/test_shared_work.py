"""A full build shares the pages out between processes (hub/site/shared_work.py) and makes the
same site as one process does, even when another process dies."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, ROOT, Run, copy_hub
from conftest import mkdocs_build as mkdocs_build_here
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
    return [*hub.pages, *((f.path, f.content) for f in hub.files)]


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


# MkDocs then writes the files and pages: in a full build, another process writes the hub's feeds, calendars
# and open data from the end while MkDocs reads the pages, then another writes the hub's pages from the end.


def _site_files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def writing_shared(monkeypatch, tmp_path):
    """Two processes write the demo's files and pages; each other process that writes a page or a file leaves
    "page-" or "file-" and its process id in tmp_path/pids. Gives a function that builds a copy of the demo,
    calling on_page(page, ...) or on_file(file, path) in the other process before it writes each."""
    from mkdocs.commands import build as mkdocs_build

    from hub.outputs.files import GeneratedFile

    monkeypatch.setattr(shared_work, "available_processes", lambda: 2)
    monkeypatch.setattr(shared_work, "PAGES_PER_PROCESS", 1)
    pids = tmp_path / "pids"
    pids.mkdir()
    here, write_page, write_file = os.getpid(), mkdocs_build._build_page, GeneratedFile.write
    then = {"page": lambda *args: None, "file": lambda *args: None}

    @functools.wraps(write_page)
    def marked_page(*args, **kwargs):
        if os.getpid() != here:
            (pids / f"page-{os.getpid()}").touch()
            then["page"](*args)
        return write_page(*args, **kwargs)

    def marked_file(made, path):
        if os.getpid() != here:
            (pids / f"file-{os.getpid()}").touch()
            then["file"](made, path)
        else:
            time.sleep(0.01)  # the demo's files are few: the other process has time to start and take some
        return write_file(made, path)

    monkeypatch.setattr(mkdocs_build, "_build_page", marked_page)
    monkeypatch.setattr(GeneratedFile, "write", marked_file)

    def build(on_page=None, on_file=None) -> tuple[Run, Path, set[str]]:
        then["page"] = on_page or then["page"]
        then["file"] = on_file or then["file"]
        (tmp_path / "hub").mkdir()
        root = copy_hub(tmp_path / "hub")
        return mkdocs_build_here(root), root / "site", {p.name.split("-")[0] for p in pids.iterdir()}

    return build


def _dies(*args):
    os._exit(1)  # as the system ends a process that runs out of memory: no word to anyone


def test_two_processes_write_the_same_site_as_one(demo_site, writing_shared):
    from mkdocs.commands import build as mkdocs_build

    write = mkdocs_build._build_page
    built, site, others = writing_shared()
    assert built.code == 0, built.output
    assert others == {"page", "file"}  # another process wrote some of each
    assert _site_files(site) == _site_files(demo_site)
    assert mkdocs_build._build_page is write  # MkDocs's own again, for the next build


def test_the_pages_a_writing_process_took_before_it_died_are_written_here(demo_site, writing_shared):
    built, site, others = writing_shared(on_page=_dies)
    assert built.code == 0, built.output
    assert "page" in others  # it did die
    assert _site_files(site) == _site_files(demo_site)


def test_the_files_a_writing_process_took_before_it_died_are_written_here(demo_site, writing_shared):
    built, site, others = writing_shared(on_file=_dies)
    assert built.code == 0, built.output
    assert "file" in others  # it did die
    assert _site_files(site) == _site_files(demo_site)


def test_a_warning_while_another_process_writes_stops_a_strict_build(writing_shared):
    def warning(page, *args):
        logging.getLogger("mkdocs.hub_test").warning("A warning from %s", page.file.src_uri)

    built, site, others = writing_shared(on_page=warning)
    assert built.code == 1
    assert "A warning from " in built.output
    assert "Aborted with" in built.output and "in strict mode" in built.output
