"""The Good Engagement Charter's nine principles, in the hub's own plain words (the words catalogue).

The rules that score each engagement against them are in scorecard.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from hub.words import say


@dataclass(frozen=True)
class Principle:
    """One principle; its words are charter.principle.<slug> in the words catalogue."""

    number: int
    slug: str

    def _words(self, part: str) -> str:
        return say(f"charter.principle.{self.slug.replace('-', '_')}.{part}")

    @property
    def title(self) -> str:
        return self._words("title")

    @property
    def promise(self) -> str:
        """What the public can expect."""
        return self._words("promise")

    @property
    def staff(self) -> str:
        """What staff must do."""
        return self._words("staff")

    @property
    def how_we_check(self) -> str:
        """How the hub scores it; {settings} fields are filled in on the page."""
        return self._words("how_we_check")


PRINCIPLES: tuple[Principle, ...] = tuple(
    Principle(number, slug)
    for number, slug in enumerate(
        (
            "clear-purpose",
            "work-with-partners",
            "plenty-of-time",
            "different-ways",
            "open-and-honest",
            "accessible-information",
            "feedback",
            "share-good-practice",
            "learn-and-improve",
        ),
        start=1,
    )
)
