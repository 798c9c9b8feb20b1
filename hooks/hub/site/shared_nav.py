"""Render the theme's side navigation once for all the pages the hub keeps out of it.

Material draws the whole navigation on every page: that was a third of the build time for a big hub.
A page kept out of the navigation marks nothing in it as current, so every such page at the same depth
in the site gets exactly the same HTML. The first one is drawn as usual and remembered, between two
markers that overrides/main.html puts around it; the rest reuse it.
"""

from __future__ import annotations

from markupsafe import Markup

START, END = "<!--hub-nav-->", "<!--/hub-nav-->"


class SharedNav:
    def __init__(self) -> None:
        self._by_depth: dict[int, Markup] = {}

    def context(self, url: str) -> dict[str, object]:
        """Template values for a page kept out of the navigation: the remembered HTML, if there is one yet."""
        return {"hub_shared_nav": self._by_depth.get(_depth(url)), "hub_share_nav": True}

    def remember(self, url: str, output: str) -> str:
        """The page's HTML without the markers, remembering its navigation for the next page at this depth."""
        start, end = output.find(START), output.find(END)
        if start < 0 or end < start:
            return output
        self._by_depth.setdefault(_depth(url), Markup(output[start + len(START) : end]))
        return output[:start] + output[start + len(START) : end] + output[end + len(END) :]


def _depth(url: str) -> int:
    # Links in the navigation are relative, so they are the same for pages as deep in the site.
    return url.count("/")
