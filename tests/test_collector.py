"""Python's cycle collector in a build (hub/checks/gc_pause.py): a build that makes the site once sets aside
what it holds, so no collection looks at it again; the next build in the same process frees what of it is
garbage, so a process that builds many times (the tests) does not grow."""

from __future__ import annotations

import datetime as dt
import gc
import weakref

from conftest import DEMO_TODAY, ROOT
from hub.checks import gc_pause
from hub.checks.gc_pause import given_back
from hub.settings import settings_from_mkdocs_yml
from hub.site.build import HubMemo, build_hub


class _Garbage:
    """Unreachable as soon as it is made, but held by its own cycle: only the collector frees it."""

    def __init__(self) -> None:
        self.itself = self


def _build(memo: HubMemo | None = None) -> None:
    build_hub(ROOT, settings_from_mkdocs_yml(ROOT / "mkdocs.yml"), dt.date.fromisoformat(DEMO_TODAY), None, memo)


def test_a_big_build_sets_aside_what_exists_and_the_next_build_frees_the_garbage_in_it(monkeypatch):
    monkeypatch.setattr(gc_pause, "RECORDS_TO_SET_ASIDE", 1)  # the demo's records count as many
    given_back()  # whatever an earlier test's build set aside
    gc.disable()  # a young object's cycle is freed by any collection: here only the build decides
    try:
        garbage = weakref.ref(_Garbage())
        _build()
    finally:
        gc.enable()
    assert gc.get_freeze_count() > 0
    gc.collect()
    assert garbage() is not None, "the collector looked at what the build set aside"
    _build()
    assert garbage() is None, "the next build did not free the garbage the last one set aside"
    given_back()


def test_a_small_build_sets_nothing_aside():
    given_back()
    _build()
    assert gc.get_freeze_count() == 0


def test_mkdocs_serve_sets_nothing_aside_as_it_runs_for_hours(monkeypatch):
    monkeypatch.setattr(gc_pause, "RECORDS_TO_SET_ASIDE", 1)
    given_back()
    memo = HubMemo()
    _build(memo)
    _build(memo)
    assert gc.get_freeze_count() == 0
