"""Render the theme's side navigation once for all the pages the hub keeps out of it that sit in one folder.

Material draws the whole navigation on every page: that was a third of the build time for a big hub.
A page kept out of the navigation marks nothing in it as current, and its links to the navigation's pages
are relative to the folder the page is in: so every such page in the same folder (engagements/a/ and
engagements/b/ are both in engagements/) gets exactly the same HTML. The first one is drawn as usual and
remembered, between two markers that overrides/main.html puts around it; the rest reuse it.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

START, END = "<!--hub-nav-->", "<!--/hub-nav-->"


class SharedNav:
    def __init__(self, nav_urls: Iterable[str] = ()) -> None:
        self._by_folder: dict[str, Markup] = {}
        self._nav_urls = tuple(nav_urls)

    def context(self, url: str) -> dict[str, object]:
        """Template values for a page kept out of the navigation: the remembered HTML, if there is one yet."""
        folder = self._folder(url)
        if folder is None:
            return {}
        return {"hub_shared_nav": self._by_folder.get(folder), "hub_share_nav": True}

    def remember(self, url: str, output: str) -> str:
        """The page's HTML without the markers, remembering its navigation for the next page in its folder."""
        start, end = output.find(START), output.find(END)
        folder = self._folder(url)
        if start < 0 or end < start or folder is None:
            return output
        self._by_folder.setdefault(folder, Markup(output[start + len(START) : end]))
        return output[:start] + output[start + len(START) : end] + output[end + len(END) :]

    def _folder(self, url: str) -> str | None:
        """The folder whose pages share this page's navigation; None if a page in the navigation is inside
        this page's own folder, as its link would then be shorter from here than from a sibling."""
        if any(nav_url.startswith(url) for nav_url in self._nav_urls):
            return None
        return url.rstrip("/").rpartition("/")[0]
