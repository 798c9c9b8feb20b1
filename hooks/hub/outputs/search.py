"""What the site's search finds for each record: the words people search for, not the whole page.

Indexing whole pages made the search index grow by about 1.5 KB a record (14 MB for 2,000), too much
for a phone on little data. So records and decisions give their own short entry instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Protocol

from hub.records.model import Engagement


class Searchable(Protocol):
    """A page as search sees it; the site's pages are made later in the flow, so only their shape is named here."""

    @property
    def url(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def search_text(self) -> str | None: ...


# Enough of a summary to find it by and to see what it is about: its first sentence, cut at a word.
SUMMARY_CHARACTERS = 100


def engagement_search_text(e: Engagement) -> str:
    """The summary's start, places, topics and, once there is an outcome, the themes of what people said."""
    parts = [_first_sentence(e.summary), ", ".join(e.places), ", ".join(e.topics)]
    if e.outcome is not None:
        parts.append(", ".join(theme.theme for theme in e.outcome.themes))
    return ". ".join(parts) + "."


def _first_sentence(text: str) -> str:
    words = " ".join(text.split())
    sentence = words.split(". ", 1)[0].rstrip(".")
    if len(sentence) <= SUMMARY_CHARACTERS:
        return sentence
    return sentence[:SUMMARY_CHARACTERS].rsplit(" ", 1)[0] + " …"


def index_entries(pages: Iterable[Searchable]) -> list[dict[str, str]]:
    """Search index entries, in the form Material's search reads, for pages that give their own words.

    The browser shows these as HTML, so the record's text is escaped here.
    """
    return [
        {"location": page.url, "title": escape(page.title, quote=False), "text": escape(page.search_text, quote=False)}
        for page in pages
        if page.search_text is not None
    ]
