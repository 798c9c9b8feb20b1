"""The hub's own words in its page templates: the text between the tags, once the values filled in later
are taken out.

The words themselves, pages' and messages' alike, are in the words catalogue (hooks/hub/words/en.yaml),
which check.py reads as a YAML file. The check does not read the hub's Python: no words for people are
left in it (a test of tests/test_words.py fails when a template writes a word of its own, and the key
tests when code names a key the catalogue lacks).

A template's text is broken up by the values filled in later, so it is not read as a whole page: it is
checked for words, short forms, capitals, links, sentence length and passive voice, but not for reading
level.
"""

from __future__ import annotations

import re

from .text import Passage, Source

# --- Jinja templates -------------------------------------------------------------------------

_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)[^>]*>", re.DOTALL)
# Tags that start a new block of text: text either side of one is not one sentence.
_BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
_NOT_TEXT_TAGS = {"script", "style", "code", "pre"}


def template_source(shown: str, text: str) -> Source:
    source = Source(shown, text, "hub")
    breaks: list[int] = [0, len(text)]
    source.reveal(0, len(text))
    for match in _JINJA.finditer(text):
        source.hide(match.start(), match.end())
        if match.group().startswith("{{"):
            source.put(match.start(), "x")  # a value: one word, such as a date or a name
        else:
            breaks.append(match.start())  # {% if %} and {% for %} start new text
    links: list[tuple[int, int]] = []
    opened_link: int | None = None
    hidden_from: int | None = None
    for match in _TAG.finditer(text):
        source.hide(match.start(), match.end())
        closing, name = match.group(1), (match.group(2) or "").lower()
        if name in _BLOCK_TAGS:
            breaks.append(match.start())
        if name == "a":
            if closing and opened_link is not None:
                links.append((opened_link, match.start()))
                opened_link = None
            elif not closing:
                opened_link = match.end()
        if name in _NOT_TEXT_TAGS:
            if closing and hidden_from is not None:
                source.hide(hidden_from, match.start())
                hidden_from = None
            elif not closing:
                hidden_from = match.end()
    breaks = sorted(set(breaks))
    for start, end in zip(breaks, breaks[1:]):
        source.add(Passage(start, end, "template text"))
    for start, end in links:
        # A link whose text is filled in later (a record's title) is checked where that text is written.
        if not _JINJA.search(text, start, end) and source.masked[start:end].strip():
            source.add(Passage(start, end, "link", prose=False, link=True))
    return source
