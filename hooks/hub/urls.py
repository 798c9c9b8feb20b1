"""Page addresses. Generated HTML links between pages itself, so it needs relative links."""

from __future__ import annotations

import posixpath


def url_of(path: str) -> str:
    """'engagements/beds.md' -> 'engagements/beds/'; 'places/index.md' -> 'places/' (directory URLs)."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` that works on any host and in any folder."""
    target, _, anchor = to_url.partition("#")
    link = posixpath.relpath(target or ".", from_url or ".")
    if link == ".":
        link = "./"
    elif target.endswith("/") or not target:
        link += "/"
    return link + (f"#{anchor}" if anchor else "")
