"""The theme's page drawn once for each kind of page the hub makes, with its own text poured in for each page.

Material draws every page from main.html: the header, the whole side navigation, the footer and the scripts
around the page's text. For the hub's pages that the navigation leaves out, all of that is the same for every
page in one folder (engagements/a/ and engagements/b/): nothing in the navigation is marked as the page, and
every link is relative to the same folder. So the theme draws the first page of each kind with markers where
the page's own values go (its title, description, address, feeds and text), and the other pages of that kind are
that drawing with their values put in. Drawing through the theme was most of the time MkDocs spent on a page.

The first page of each kind is drawn both ways and compared: if the theme did anything else with a value (a
theme upgrade that changes main.html, say), that kind is drawn by the theme every time, as before.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from functools import lru_cache

# Markers no text can hold by chance: each build makes its own.
_NONCE = secrets.token_hex(8)
TITLE, DESCRIPTION, ADDRESS, EDIT, ALTERNATES, CONTENT = (
    f"hubshell{name}{_NONCE}" for name in ("title", "description", "address", "edit", "alternates", "content")
)
# The theme looks for "<h1" in the text, to add the title as a heading when there is none: a text with one has this.
HEADED_CONTENT = f"<h1{CONTENT}>"
_MARKER = re.compile(
    "(" + "|".join(re.escape(m) for m in (HEADED_CONTENT, TITLE, DESCRIPTION, ADDRESS, EDIT, ALTERNATES, CONTENT)) + ")"
)


@dataclass
class Shells:
    # The pages in the navigation, each as its address and title: the side navigation every drawing holds.
    nav: tuple[tuple[str, str | None], ...] = ()
    _drawn: dict[tuple, str] = field(default_factory=dict)  # by kind: the drawing with markers
    _trusted: dict[tuple, bool] = field(default_factory=dict)  # by kind: whether filling it gave the theme's page

    def kind(self, url: str, content: str, edit_url: str | None, address: str | None, meta: dict) -> tuple | None:
        """Pages of one kind share a drawing. None for a page that must be drawn on its own: one with a page
        of the navigation inside its folder, whose links from here differ from those of its neighbours."""
        if any(nav_url.startswith(url) for nav_url, _ in self.nav):
            return None
        folder = url.rstrip("/").rpartition("/")[0]
        # The theme adds the title as a heading when the text has none, and uses the site's description when
        # the page has none.
        return (folder, "<h1" in content, edit_url is None, address is None, not meta.get("description"))

    def drawn(self, kind: tuple) -> bool:
        return kind in self._drawn

    def drawing(self, kind: tuple) -> str:
        return self._drawn[kind]

    def trusted(self, kind: tuple) -> bool:
        return self._trusted.get(kind, False)

    def remember(self, kind: tuple, drawing: str) -> None:
        self._drawn[kind] = drawing

    def judge(self, kind: tuple, trusted: bool) -> None:
        self._trusted[kind] = trusted

    def kinds(self) -> list[tuple]:
        return list(self._drawn)


def fill(drawing: str, values: dict[str, str]) -> str:
    """The drawing with each marker replaced by the page's value (a value is never read for markers)."""
    return "".join([values[piece] if n % 2 else piece for n, piece in enumerate(_pieces(drawing))])


@lru_cache(maxsize=64)
def _pieces(drawing: str) -> list[str]:
    """Text and markers in turn, found once for each drawing: searching it for each page took a quarter of
    filling in the pages of 10,000 records."""
    return _MARKER.split(drawing)
