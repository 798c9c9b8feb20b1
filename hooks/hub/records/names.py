"""Names: when two written by different people are the same, and which can become a page's address.

A record's file name, a body's or a decision's id, and a place, topic or organisation each become a
folder in the site. So an address name is small letters, numbers and dashes; it is short enough for
every file system staff use (a file name may have 255 bytes, and Windows keeps a whole path under 260
letters, clone folder included); and it is never one the hub uses for its own pages in that folder.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from hub.words import say

ADDRESS_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ADDRESS_LETTERS = 80
# Each list's first page is index.html and the next ones page-2/, page-3/ ... in the same folder.
_RESERVED = re.compile(r"^(index|page-[0-9]+)$")


@functools.lru_cache(maxsize=8192)  # the same topics, places and groups come up in record after record
def key(text: str) -> str:
    """Names match whatever their case and spacing: "Mental health" is "mental  Health"."""
    return " ".join(text.casefold().split())


def address_problem(name: str) -> str | None:
    """What is wrong with `name` as the last part of a page's address, or None if nothing is."""
    if not ADDRESS_NAME.match(name):
        return say("problems.address.letters")
    if len(name) > MAX_ADDRESS_LETTERS:
        return say("problems.address.too_long", letters=len(name), most=MAX_ADDRESS_LETTERS)
    if _RESERVED.match(name):
        return say("problems.address.reserved", name=name)
    return None


def slugify(text: str) -> str:
    """A valid address name made from any text: 'Café & bar' gives 'cafe-bar'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "unnamed"
    if len(slug) > MAX_ADDRESS_LETTERS:
        slug = slug[:MAX_ADDRESS_LETTERS].rsplit("-", 1)[0] or slug[:MAX_ADDRESS_LETTERS]
    return f"{slug}-1" if _RESERVED.match(slug) else slug


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3` ... if it is taken; then it is taken."""
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    taken.add(candidate)
    return candidate
