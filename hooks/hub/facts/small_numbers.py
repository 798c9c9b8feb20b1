"""Small numbers are never shown, so nobody who took part can be picked out.

The rule, wherever a count of people appears (pages, feeds, open data and so the search index):

1. A count from 1 to 4 is shown as "fewer than 5".
2. Where counts add up to a number people can know (the groups of a question add up to the people who
   answered it), hiding just one count would let anyone work it out by subtraction. So the smallest
   other count that is not 0 is hidden too, as "not shown" (a 0, if every other count is 0).
3. A share is given only for a count that is shown (facts/reach.py).

0 is shown: it names nobody.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hub.records.model import FEWER_THAN_5, NOT_SHOWN, Participation
from hub.words import say

SMALLEST_SHOWN = 5


@dataclass(frozen=True)
class Shown:
    """A count as the public sees it: `value` is the real number (None if nobody counted), and `hidden`
    says how it is hidden, if it is."""

    value: int | None
    hidden: str | None = None

    @property
    def is_shown(self) -> bool:
        return self.hidden is None and self.value is not None

    @property
    def data(self) -> int | str | None:
        """As open data gives it: the number, "fewer than 5", "not shown", or null where nobody counted."""
        return self.hidden or self.value

    @property
    def hidden_words(self) -> str | None:
        """How a page says the count is hidden, in the hub's language."""
        if self.hidden is None:
            return None
        return say("small_numbers.fewer_than_5" if self.hidden == FEWER_THAN_5 else "small_numbers.not_shown")

    @property
    def public(self) -> int | None:
        """The number if it may be shown, else None: for sums that must not reveal a hidden count."""
        return self.value if self.is_shown else None


def is_small(value: int | None) -> bool:
    return value is not None and 0 < value < SMALLEST_SHOWN


def one(value: int | None) -> Shown:
    """One count on its own, such as a total."""
    return Shown(value, FEWER_THAN_5 if is_small(value) else None)


def hide_small(counts: Sequence[int | None], total: int | None = None) -> list[Shown]:
    """Counts that may add up to `total`: rule 1, then rule 2 when they do and the total is shown."""
    shown = [one(c) for c in counts]
    known = [c for c in counts if c is not None]
    adds_up = total is not None and len(known) == len(counts) and sum(known) == total
    hidden = [i for i, s in enumerate(shown) if s.hidden]
    if adds_up and len(hidden) == 1:
        # The smallest other count that is not 0; if every other is 0, a 0 (else the one hidden is plain).
        others = sorted((i for i in range(len(known)) if i not in hidden), key=lambda i: (not known[i], known[i], i))
        if others:
            shown[others[0]] = Shown(known[others[0]], NOT_SHOWN)
    return shown


def shown_participation(took_part: Participation) -> tuple[Shown, list[tuple[str, Shown]]]:
    """How many took part, and how many each way, as pages, feeds and open data show them. The ways add
    up to the total only when each person used one way: then rule 2 applies to them too."""
    total = one(took_part.total)
    methods = hide_small([m.count for m in took_part.by_method], took_part.total)
    return total, [(m.method, shown) for m, shown in zip(took_part.by_method, methods)]
