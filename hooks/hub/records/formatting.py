"""The little formatting staff may use in some text fields: paragraphs, bullet and numbered lists, bold,
emphasis and links. Everything else in the text is shown as written, and never becomes HTML.

markdown-it-py reads the Markdown with raw HTML turned off and only those rules on. nh3 (the Rust
`ammonia` sanitiser, maintained and fuzzed) then keeps only those tags, and links only to https, http,
mailto and tel, so nothing a record says can add a script, an image, a style or a link to run code.
"""

from __future__ import annotations

import functools
import html
import re

import nh3
from markupsafe import Markup

TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "br"}
SCHEMES = ("https://", "http://", "mailto:", "tel:")


def _keep_link(tag: str, attribute: str, value: str) -> str | None:
    # nh3 limits schemes but lets relative links through; a record has no pages of its own to link to.
    if tag == "a" and attribute == "href" and not value.lower().startswith(SCHEMES):
        return None
    return value


@functools.cache
def _markdown():
    # Imported when first needed: checking records (scripts/validate.py) needs none of it, and importing
    # it took a tenth of that script's start-up.
    from markdown_it import MarkdownIt

    return MarkdownIt("zero", {"html": False}).enable(["list", "emphasis", "link", "newline"])


def formatted(text: str) -> Markup:
    """The text as safe HTML: only the formatting above, every link opening with no access to this page."""
    return Markup(
        nh3.clean(
            _markdown().render(text),
            tags=TAGS,
            attributes={"a": {"href"}},
            url_schemes={scheme.rstrip(":/") for scheme in SCHEMES},
            attribute_filter=_keep_link,
            link_rel="noopener noreferrer",
        ).strip()
    )


# What the formatting above reads as Markdown: emphasis, links, and a line that starts as a list item. Text with
# none of it reads as its own words: what the Markdown reader escapes, unescape gives back.
_FORMATTING = re.compile(r"[*_\[\]]|^[ \t]*(?:[-+]|[0-9]{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)


def plain(text: str) -> str:
    """The words of formatted text with the formatting taken out: for short extracts, feeds and open data."""
    if _FORMATTING.search(text.replace("\r", "\n")) is None:  # the reader ends lines at \r too
        return " ".join(text.split())  # most texts: reading them as Markdown took a twentieth of a full build
    return _plain_from_markdown(text)


def _plain_from_markdown(text: str) -> str:
    words = nh3.clean(_markdown().render(text), tags=set())
    return " ".join(html.unescape(re.sub(r"\s+", " ", words)).split())
