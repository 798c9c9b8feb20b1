"""Python's cycle collector, kept from looking again and again at what a big build holds.

Each full collection looks at every object made so far. Reading a record makes hundreds (dicts, strings,
models): at 10,000 records the collector took more time than reading and checking them, so it is paused
meanwhile. Records and models hold no reference cycles, so nothing is lost: any cycles made meanwhile are
collected once it runs again.

A big build that makes the site once (not mkdocs serve, whose rebuilds are small) sets aside what it holds
once the records are checked, and again before other processes start as copies of it: the collector no longer
looks at those objects. A build of 10,000 records holds 1.4 million, and each full collection of them took 1
to 3 s, and 3 s more as Python stopped. The next build in the same process (the tests run many) gives them
back to the collector first (`given_back`), so garbage lives one build at most.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def collector_paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            # What was made meanwhile joins the oldest generation. Otherwise the next collection looks at
            # all of it at once (0.6 s at 10,000 records); a full collection still frees any cycles. (This
            # gives back what was set aside, too: records are checked before anything is.)
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def with_collector_paused(function: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return paused


# Below this many records a build sets nothing aside: its collections cost little.
RECORDS_TO_SET_ASIDE = 1000


def set_aside_for_the_build(records: int) -> None:
    """The collector no longer looks at any object that exists now, in this process or the copies of it that
    start later (whose memory it would otherwise write to, making them copy it), where the build has enough
    records for it to count: a build keeps its records, catalogue and pages to its end anyway."""
    if records >= RECORDS_TO_SET_ASIDE:
        gc.freeze()


def set_aside_more() -> None:
    """What was made since joins what this build set aside, if it set anything aside."""
    if gc.get_freeze_count():
        gc.freeze()


def given_back() -> None:
    """What an earlier build in this process set aside is collected as usual again, and what of it is garbage
    is freed now, before this build sets aside its own."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
