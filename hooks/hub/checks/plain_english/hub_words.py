"""The hub's own words: the text in its page templates, and what is left in its Python code.

The words themselves, pages' and messages' alike, are in the words catalogue (hooks/hub/words/en.yaml),
which check.py reads as a YAML file. Python still holds the record model's field descriptions (the help
the staff editor, the JSON Schema and a new record's comments show), so its strings are read too; a key
of the catalogue, such as "problems.file.missing", is code, not words.

Neither is read as a whole page: a template's text is broken up by the values filled in later, and a
message is a part of a page. So they are checked for words, short forms, capitals, links, sentence
length and passive voice, but not for reading level.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterable

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


# --- Python ---------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%[sd]|\\[\\'\"abfnrtv]")
# A key of the words catalogue, or the start of one: problems.file.missing, countdown.{what}.in_days.
_CATALOGUE_KEY = re.compile(r"[a-z][a-z0-9_]*(?:\.(?:[a-z0-9_]+|\{[^{}]*\}))+\.?")
_PREFIX = re.compile(r"([a-zA-Z]*)('''|\"\"\"|'|\")")


def python_source(shown: str, text: str) -> Source:
    """Every string in the code that reads like words for people: messages, labels, page titles and intros.

    Docstrings, raw strings (patterns), byte strings and strings of fewer than three words are code, not words
    for people. Strings written next to each other are one text, as Python joins them.
    """
    source = Source(shown, text, "hub")
    docstrings = _docstring_lines(text)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(position: tuple[int, int]) -> int:
        return starts[position[0] - 1] + position[1]

    joined: list[tuple[int, int]] = []
    last_end: int | None = None
    try:
        tokens = _strings_whole(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    for token in tokens:
        if token.type == tokenize.STRING:
            start, end = offset(token.start), offset(token.end)
            prefix = _PREFIX.match(text, start, end)
            if token.start[0] in docstrings or not prefix or set(prefix[1].lower()) & {"r", "b"}:
                last_end = None
                continue
            quote = prefix[2]
            body_start, body_end = start + len(prefix[0]), end - len(quote)
            source.reveal(body_start, body_end)
            for match in _PLACEHOLDER.finditer(text, body_start, body_end):
                source.hide(match.start(), match.end())
                if match.group().startswith("{") and match.group() not in ("{{", "}}"):
                    source.put(match.start(), "x")
            if last_end is not None and joined:
                joined[-1] = (joined[-1][0], body_end)
            else:
                joined.append((body_start, body_end))
            last_end = body_end
        elif token.type not in (tokenize.NL, tokenize.COMMENT):
            last_end = None
    for start, end in joined:
        if len(re.findall(r"[^\W\d_]{2,}", source.masked[start:end])) >= 3 and not _CATALOGUE_KEY.fullmatch(
            text, start, end
        ):
            source.add(Passage(start, end, "message"))
        else:
            source.hide(start, end)
    return source


# From Python 3.12, an f-string is many tokens (its start, its parts and values, its end), where 3.11 gave
# one STRING token. Joined back into one, every Python reads the same messages.
_STRING_STARTS = {getattr(tokenize, name) for name in ("FSTRING_START", "TSTRING_START") if hasattr(tokenize, name)}
_STRING_ENDS = {getattr(tokenize, name) for name in ("FSTRING_END", "TSTRING_END") if hasattr(tokenize, name)}


def _strings_whole(tokens: Iterable[tokenize.TokenInfo]) -> list[tokenize.TokenInfo]:
    """The tokens, with each f-string as one STRING token from its prefix to its closing quote."""
    whole: list[tokenize.TokenInfo] = []
    depth, first = 0, None
    for token in tokens:
        if token.type in _STRING_STARTS:
            depth += 1
            first = first or token
        elif token.type in _STRING_ENDS:
            depth -= 1
            if depth == 0 and first is not None:
                whole.append(tokenize.TokenInfo(tokenize.STRING, "", first.start, token.end, first.line))
                first = None
        elif depth == 0:
            whole.append(token)
    return whole


def _docstring_lines(text: str) -> set[int]:
    """The lines on which docstrings start."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return set()
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                lines.add(first.lineno)
    return lines
