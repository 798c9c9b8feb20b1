"""Work in numbered parts shared between processes, one taking parts from the start and the others from the end:
the checks (check_all.py), and the site's pages and writing (hub/site/shared_work.py)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures.process import BrokenProcessPool


class Ends:
    """Parts numbered from 0, taken from the start by one process and from the end by the others, until they
    meet. So whichever is quicker does more: parts differ in size, and so does each processor's speed."""

    LOCK_WAIT_SECONDS = 10

    def __init__(self, count: int, context: multiprocessing.context.BaseContext) -> None:
        self._first_and_last = context.Array("i", [0, count - 1])  # it has a lock

    def take(self, from_the_end: bool) -> int | None:
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

    def claim(self, n: int) -> bool:
        """Takes the nth from the start, with any before it, unless the others have taken it."""
        lock = self._first_and_last.get_lock()
        if not lock.acquire(timeout=self.LOCK_WAIT_SECONDS):
            raise BrokenProcessPool("another process died while it took a part")
        try:
            if n > self._first_and_last[1]:
                return False
            self._first_and_last[0] = max(self._first_and_last[0], n + 1)
            return True
        finally:
            lock.release()

    def stop(self) -> None:
        lock = self._first_and_last.get_lock()
        if lock.acquire(timeout=self.LOCK_WAIT_SECONDS):
            self._first_and_last[0] = self._first_and_last[1] + 1
            lock.release()
