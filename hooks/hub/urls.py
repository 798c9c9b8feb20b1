"""Page addresses. Generated HTML links between pages itself, so it needs relative links."""

from __future__ import annotations


def url_of(path: str) -> str:
    """'engagements/beds.md' -> 'engagements/beds/'; 'places/index.md' -> 'places/' (directory URLs)."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` that works on any host and in any folder.

    Both are addresses from the site's root, such as 'places/' and 'engagements/beds/'. Written with
    lists, not posixpath.relpath, because a big hub makes hundreds of thousands of links.
    """
    target, _, anchor = to_url.partition("#")
    here = from_url.split("/")[:-1] if from_url else []
    there = target.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    link = "../" * (len(here) - shared) + "/".join(there[shared:])
    return (link or "./") + (f"#{anchor}" if anchor else "")
