"""The prose of a Markdown page in content/: headings, paragraphs, list items, table cells, admonitions.

markdown-it-py finds the blocks and the lines each one covers. Code, HTML blocks and link addresses are
not prose. The front matter's title and description are: they are the page's title and summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from hub.records.yaml_source import YamlProblem, compose

from .text import Passage, Source

_PARSER = MarkdownIt("commonmark").enable("table")

# MkDocs extensions that CommonMark does not know, turned into CommonMark of the same length, line by line.
_ADMONITION = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s*(?:\"(?P<title>[^\"]*)\")?\s*$")
_DEFINITION = re.compile(r"^(?P<indent>\s*):(?P<space>\s{1,3})(?=\S)")

# Inline markup that is not prose. Link text stays; the link's address goes.
_INLINE_HIDDEN = [
    re.compile(r"`+[^`]*?`+"),  # code
    re.compile(r"!\[[^\]]*\]\([^)]*\)"),  # images
    re.compile(r"<[^>\n]+>"),  # HTML tags and autolinks
    re.compile(r"\{[:#.][^}\n]*\}"),  # attribute lists: { #id .class }
    re.compile(r"\[\^[^\]]+\]"),  # footnote marks
    re.compile(r"\*\*?|__|~~|(?<!\w)_|_(?!\w)|\\(?=\S)"),  # emphasis, escapes
]
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\](?P<target>\([^)\n]*\)|\[[^\]\n]*\])")


def page_source(path_shown: str, text: str) -> Source:
    source = Source(path_shown, text, "page")
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    body_from = _front_matter(source, lines, starts)
    normal = _commonmark(lines, body_from)
    row, after = None, 0
    for token in _inline_tokens(_PARSER.parse("\n".join(normal))):
        search_from = after if token.row is not None and token.row == row else 0
        row = token.row
        spans = []
        for i, content in enumerate(token.content.split("\n")):
            index = token.map[0] + i
            if index >= len(lines) or not content.strip():
                continue
            # The content is the line without its block markup (indent, list marker, "#", "> ", ": "),
            # so it is found in the line as written, whatever MkDocs extension the line uses.
            column = lines[index].find(content, search_from if i == 0 else 0)
            if column < 0:
                continue
            spans.append((starts[index] + column, starts[index] + column + len(content)))
            after = column + len(content)
        if not spans:
            continue
        for start, end in spans:
            source.reveal(start, end)
            _hide_inline(source, start, end)
        source.add(Passage(spans[0][0], spans[-1][1], token.label))
        for start, end in spans:
            for link in _LINK.finditer(text, start, end):
                source.add(Passage(link.start("text"), link.end("text"), "link", prose=False, link=True))
    return source


def _front_matter(source: Source, lines: list[str], starts: list[int]) -> int:
    """Adds the title and description in the front matter; returns the first line after it."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end, line in enumerate(lines[1:], start=1):  # noqa: B007 (end is used after the loop)
        if line.strip() in ("---", "..."):
            break
    else:
        return 0
    block = "\n".join(lines[1:end])
    try:
        node = compose(block)
    except YamlProblem:
        return end + 1
    offset = starts[1]
    for key, value in getattr(node, "value", []) if node is not None else []:
        if key.value in ("title", "description") and isinstance(value.value, str):
            start, stop = offset + value.start_mark.index, offset + value.end_mark.index
            if value.style in ('"', "'"):
                start, stop = start + 1, stop - 1
            source.reveal(start, stop)
            source.add(Passage(start, stop, key.value, scored=False))
    return end + 1


def _commonmark(lines: list[str], body_from: int) -> list[str]:
    """The page's lines as CommonMark: admonitions become headings with their body lifted out, and a
    definition (': text') becomes a list item, so that a term and its meaning are not read as one sentence."""
    normal = [""] * body_from
    inside: int | None = None  # the indent of the admonition being read
    for line in lines[body_from:]:
        if inside is not None:
            if not line.strip() or len(line) - len(line.lstrip()) >= inside + 4:
                line = line[min(4, len(line) - len(line.lstrip())) :] if line.strip() else line
            else:
                inside = None
        admonition = _ADMONITION.match(line)
        if admonition:
            inside = len(admonition["indent"])
            title = admonition["title"] or ""
            normal.append(admonition["indent"] + "# " + title if title.strip() else "")
            continue
        definition = _DEFINITION.match(line)
        if definition:
            line = definition["indent"] + "-" + definition["space"] + line[definition.end() :]
        normal.append(line)
    return normal


@dataclass
class _Inline:
    map: list[int]
    content: str
    label: str
    row: int | None = None  # table cells: the row's number, so cells are found left to right


def _inline_tokens(tokens) -> list[_Inline]:
    """Inline tokens with the kind of block they are in."""
    found: list[_Inline] = []
    label, rows = "paragraph", 0
    for token in tokens:
        if token.type == "heading_open":
            label = "heading"
        elif token.type == "paragraph_open":
            label = "list item" if token.level > 1 else "paragraph"
        elif token.type in ("th_open", "td_open"):
            label = "table cell"
        elif token.type == "tr_open":
            rows += 1
        elif token.type == "inline" and token.map:
            found.append(_Inline(token.map, token.content, label, rows if label == "table cell" else None))
    return found


def _hide_inline(source: Source, start: int, end: int) -> None:
    text = source.text
    for pattern in _INLINE_HIDDEN:
        for match in pattern.finditer(text, start, end):
            source.hide(match.start(), match.end())
    for link in _LINK.finditer(text, start, end):
        source.hide(link.start(), link.start() + 1)  # [
        source.hide(link.end("text"), link.end())  # ](address)
