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

The writing is shared the same way (SharedWriting). Once MkDocs has listed the files, another process starts as
a copy of this one and writes the hub's feeds, calendars and open data from the end while this one reads the
pages; this one then writes them from the start until they meet. Once every page is read, another process writes
the hub's pages from the end, while MkDocs writes them from the start.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field
from types import TracebackType

from hub.checks.check_all import available_processes
from hub.checks.ends import Ends
from hub.facts.catalogue import Catalogue
from hub.outputs.fingerprint import not_remembered

from .pages import ENTRIES_PER_PART, page_parts
from .render import GeneratedPage, drawing_once, taking

# Below this many engagements, or files and pages to write, for each process, starting one costs more than it saves.
ENTRIES_PER_PROCESS = 400
PAGES_PER_PROCESS = 500


class SharedPages:
    """Started before this process makes its own share of the build; `pages` then gives every page in the
    site's order. `remember`: in mkdocs serve, whose next builds use the pages again."""

    in_this_process: SharedPages | None = None  # in another process: the work it started with

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
        self._ends = Ends(len(self.parts), context)
        self._pool = ProcessPoolExecutor(processes - 1, mp_context=context, initializer=self._share)
        # One task for each part, so each part's pages come back as soon as they are made. All sent at the end,
        # they were a 50 MB message at 10,000 records, held here with the pages read from it: the build's peak.
        self._theirs = [self._pool.submit(_make_one_from_the_end) for _ in self.parts]

    def __enter__(self) -> SharedPages:
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is None:
            return
        if error is not None:
            self._ends.stop()  # the build has failed: the others finish the part they are making and take no more
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
                    future.cancel()  # every part is taken now: those not started would find none
                for future in self._theirs:
                    if not future.cancelled():
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

    def make(self, made: dict[int, list[GeneratedPage]], from_the_end: bool, most: int | None = None) -> None:
        while (most is None or len(made) < most) and (n := self._ends.take(from_the_end)) is not None:
            made[n] = self.parts[n]()

    def _share(self) -> None:
        """Run as another process starts: it is a copy of this one, so nothing is sent to it. Each card is
        drawn once for the life of the process, not once for each part."""
        SharedPages.in_this_process = self
        _FOR_THIS_PROCESS.enter_context(drawing_once())
        _FOR_THIS_PROCESS.enter_context(not_remembered())


_FOR_THIS_PROCESS = ExitStack()  # in another process: what holds until it ends


def _make_one_from_the_end() -> dict[int, list[GeneratedPage]]:
    """In another process: the next part from the end, if any is left."""
    assert SharedPages.in_this_process is not None  # set by SharedPages._share as this process started
    made: dict[int, list[GeneratedPage]] = {}
    SharedPages.in_this_process.make(made, from_the_end=True, most=1)
    return made


class SharedWriting:
    """The files and pages MkDocs writes that another process may write instead: `here(n)`, asked for each of
    them in turn, says whether this process writes the nth; `write(n)` writes it (MkDocs's own code for a page,
    so the bytes are the same whichever process runs it). The other process starts as a copy of this one when
    made, with every page read and the theme ready, and writes from the end until the two meet."""

    in_this_process: SharedWriting | None = None  # in another process: the work it started with

    def __init__(self, count: int, write: Callable[[int], None]) -> None:
        self.count, self.write = count, write
        self._theirs: list[int] = []  # what another process took
        self._broken = False
        processes = min(available_processes(), count // PAGES_PER_PROCESS)
        self._pool: ProcessPoolExecutor | None = None
        if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._ends = Ends(count, context)
        self._pool = ProcessPoolExecutor(processes - 1, mp_context=context, initializer=self._share)
        self._others = [self._pool.submit(_write_from_the_end) for _ in range(processes - 1)]

    def here(self, n: int) -> bool:
        if self._pool is None or self._broken:
            return True
        try:
            if self._ends.claim(n):
                return True
        except BrokenProcessPool:  # another process died holding the lock: this one writes the rest
            self._broken = True
            return True
        self._theirs.append(n)
        return False

    def finish(self) -> list[tuple[int, str]]:
        """Once this process has written its pages: waits for the others, writes here what one that died had
        taken, and gives the warnings and errors the others logged (level, message), for this process to log."""
        if self._pool is None:
            return []
        logged: list[tuple[int, str]] = []
        written: set[int] = set()
        try:
            for future in self._others:
                theirs = future.result()
                written.update(theirs.written)
                logged += theirs.logged
        except BrokenProcessPool:
            pass  # another process ended without a word (out of memory, say)
        finally:
            self._pool.shutdown(cancel_futures=True)
        for n in self._theirs:
            if n not in written:
                self.write(n)
        return logged

    def stop(self) -> None:
        """The build has failed: the others finish the page they are writing and take no more."""
        if self._pool is not None:
            self._ends.stop()
            self._pool.shutdown(cancel_futures=True)

    def _share(self) -> None:
        SharedWriting.in_this_process = self


@dataclass
class _Written:
    written: list[int] = field(default_factory=list)
    logged: list[tuple[int, str]] = field(default_factory=list)  # warnings and errors: (level, message)


class _Logged(logging.Filter):
    """In another process: keeps what MkDocs would count as a warning, for the first process to log."""

    def __init__(self, kept: list[tuple[int, str]]) -> None:
        super().__init__()
        self.kept = kept

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        self.kept.append((record.levelno, record.getMessage()))
        return False


def _write_from_the_end() -> _Written:
    writing = SharedWriting.in_this_process
    assert writing is not None  # set by SharedWriting._share as this process started
    done = _Written()
    # MkDocs counts warnings in the first process (strict: true); here they would be printed and lost.
    kept = _Logged(done.logged)
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(kept)
    while (n := writing._ends.take(from_the_end=True)) is not None:
        writing.write(n)
        done.written.append(n)
    return done
