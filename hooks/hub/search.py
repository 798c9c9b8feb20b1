"""What the site's search finds for each record: the words people search for, not the whole page.

Indexing whole pages made the search index grow by about 1.5 KB a record (14 MB for 2,000), too much
for a phone on little data. So records and decisions give their own short entry instead.
"""

from __future__ import annotations

from html import escape

from .map_model import Decision
from .model import Engagement
from .render import GeneratedPage


def engagement_search_text(e: Engagement) -> str:
    """Summary, places, topics and, once there is an outcome, the themes of what people said."""
    parts = [" ".join(e.summary.split()).rstrip("."), ", ".join(e.places), ", ".join(e.topics)]
    if e.outcome is not None:
        parts.append(", ".join(theme.theme for theme in e.outcome.themes))
    return ". ".join(parts) + "."


def decision_search_text(decision: Decision, body_name: str) -> str:
    return f"{body_name}. {decision.what}"


def index_entries(pages: list[GeneratedPage]) -> list[dict[str, str]]:
    """Search index entries, in the form Material's search reads, for pages that give their own words.

    The browser shows these as HTML, so the record's text is escaped here.
    """
    return [
        {"location": page.url, "title": escape(page.title, quote=False), "text": escape(page.search_text, quote=False)}
        for page in pages
        if page.search_text is not None
    ]
