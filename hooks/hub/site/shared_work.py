"""A build's pages, shared out between this process and others where it has more than one processor
(issue 23: a full build at 10,000 records in 40 s on 2 processors).

Every page is made from the catalogue alone. So once the catalogue is built, other processes start as copies
of this one (Linux's "fork": nothing is sent to them) and make the pages in parts (pages/__init__.py), taking
parts from the end of the list, while this process makes the feeds, calendars and open data, then takes parts
from the start until they meet. Only the finished pages come back: their HTML is compressed already, so they
are cheap to send.

In `mkdocs serve` only the first build shares them out: the page functions run again here to remember the
pages others made as if made here (fingerprint.py), taking them as they are (render.taking), so a rebuild
makes again only the few pages whose inputs changed, in this process.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from hub.checks.check_all import available_processes
from hub.facts.catalogue import Catalogue
from hub.outputs.fingerprint import not_remembered

from .pages import ENTRIES_PER_PART, page_parts
from .render import GeneratedPage, drawing_once, taking

# Below this many engagements for each process, starting one costs more than it saves.
ENTRIES_PER_PROCESS = 400


class SharedPages:
    """Started before this process makes its own share of the build; `pages` then gives every page in the
    site's order. `remember`: in mkdocs serve, whose next builds use the pages again."""

    in_this_process: SharedPages | None = None  # in another process: the work it started with
    LOCK_WAIT_SECONDS = 10

    def __init__(self, catalogue: Catalogue, remember: bool = False) -> None:
        self.parts = page_parts(catalogue, ENTRIES_PER_PART)
        self.remember = remember
        processes = min(available_processes(), len(catalogue.entries) // ENTRIES_PER_PROCESS)
        self._pool: ProcessPoolExecutor | None = None
        self._theirs: list[Future[dict[int, list[GeneratedPage]]]] = []
        # Only where a new process starts as a copy of this one: elsewhere it would load everything again.
        if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._first_and_last = context.Array("i", [0, len(self.parts) - 1])  # it has a lock
        self._pool = ProcessPoolExecutor(processes - 1, mp_context=context, initializer=self._share)
        self._theirs = [self._pool.submit(_make_from_the_end) for _ in range(processes - 1)]

    def __enter__(self) -> SharedPages:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is None:
            return
        if error is not None:
            self._stop()  # the build has failed: the others finish the part they are making and take no more
        self._pool.shutdown(cancel_futures=True)

    def pages(self) -> list[GeneratedPage]:
        mine: dict[int, list[GeneratedPage]] = {}
        theirs: dict[int, list[GeneratedPage]] = {}
        with drawing_once():
            if self._pool is None:
                return [page for part in self.parts for page in part()]
            try:
                self.make(mine, from_the_end=False)
                for future in self._theirs:
                    theirs.update(future.result())
            except BrokenProcessPool:
                pass  # another process ended without a word (out of memory, say): what it took is made here below
            pages = []
            for n, part in enumerate(self.parts):
                if n in mine:
                    pages += mine[n]
                elif n in theirs and not self.remember:
                    pages += theirs[n]
                else:  # made by another process, and remembered here for mkdocs serve's rebuilds; or made here now
                    with taking(theirs.get(n, [])):
                        pages += part()
            return pages

    def make(self, made: dict[int, list[GeneratedPage]], from_the_end: bool) -> None:
        while (n := self._take(from_the_end)) is not None:
            made[n] = self.parts[n]()

    def _share(self) -> None:
        """Run as another process starts: it is a copy of this one, so nothing is sent to it."""
        SharedPages.in_this_process = self

    def _stop(self) -> None:
        lock = self._first_and_last.get_lock()
        if lock.acquire(timeout=self.LOCK_WAIT_SECONDS):
            self._first_and_last[0] = len(self.parts)
            lock.release()

    def _take(self, from_the_end: bool) -> int | None:
        lock = self._first_and_last.get_lock()
        # Held for a moment only: if it is not free soon, another process died holding it.
        if not lock.acquire(timeout=self.LOCK_WAIT_SECONDS):
            raise BrokenProcessPool("another process died while it took a part")
        try:
            first, last = self._first_and_last[0], self._first_and_last[1]
            if first > last:
                return None
            self._first_and_last[1 if from_the_end else 0] = last - 1 if from_the_end else first + 1
            return last if from_the_end else first
        finally:
            lock.release()


def _make_from_the_end() -> dict[int, list[GeneratedPage]]:
    assert SharedPages.in_this_process is not None  # set by SharedPages._share as this process started
    made: dict[int, list[GeneratedPage]] = {}
    with drawing_once(), not_remembered():
        SharedPages.in_this_process.make(made, from_the_end=True)
    return made
