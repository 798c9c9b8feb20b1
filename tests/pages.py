"""Reading built pages the way a person (or a screen reader) meets them."""

from __future__ import annotations

import copy
from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """The page's own content, without the theme's header, navigation and footer."""
    return soup.select_one("article.md-content__inner")


def text(element) -> str:
    """The words as a person reads them. A short form's <abbr> is part of the words around it: "PDF, 2 MB"."""
    element = copy.copy(element)
    for abbr in element.find_all("abbr"):
        abbr.unwrap()
    element.smooth()
    return " ".join(element.get_text(" ").split())


def links(element) -> list[str]:
    return [a.get("href", "") for a in element.find_all("a")]
