"""Turn data into page source with the Jinja templates in `templates/`.

Every template escapes what it prints, because record text is untrusted.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from hub.facts.entries import Entry
from hub.facts.reach import percent
from hub.facts.small_numbers import shown_participation
from hub.outputs.files import templates
from hub.outputs.fingerprint import remembered
from hub.outputs.packing import pack, unpack
from hub.records.formatting import formatted, plain
from hub.records.glossary import Glossary, Term, load_glossary
from hub.urls import relative, url_of
from hub.wording import and_list, long_date, number, short_date, weeks_late
from hub.words import markup, plural


@dataclass(frozen=True)
class GeneratedPage:
    """A page made in memory: its path in the site, its title and description, and its HTML."""

    path: str
    title: str
    description: str
    # The HTML, packed (hub/outputs/packing.py): a big hub's pages are all made before MkDocs writes the first one.
    packed: bytes
    unpacked: tuple[int, int] = (0, 0)  # the HTML's length and hash, to tell it from other text without unpacking it
    source: Path | None = None
    # Lists and browse pages only repeat what the engagement pages say: searching them adds noise.
    searchable: bool = True
    # Pages made from a record give search these words (search.py), not their whole text.
    search_text: str | None = None
    # Other versions of the page, such as its own feed, for the page's <head>: (type, title, path in the site).
    alternates: tuple[tuple[str, str, str], ...] = ()
    # The day what the page says last changed, for the sitemap; None: the latest change of the whole hub.
    changed: dt.date | None = None

    @property
    def url(self) -> str:
        return url_of(self.path)

    @property
    def body(self) -> str:
        return _unpacked(self.packed)

    @property
    def meta(self) -> dict:
        """What MkDocs and the theme read about the page, as a Markdown page's front matter would give it."""
        # MkDocs themes print page.meta without escaping it, so escape it here.
        meta: dict = {"title": html.escape(self.title), "description": html.escape(self.description)}
        if not self.searchable or self.search_text is not None:
            meta["search"] = {"exclude": True}
        if self.alternates:
            # overrides/partials/hub-alternates.html turns these into <link rel="alternate"> tags.
            meta["hub_alternates"] = [
                {"type": kind, "title": html.escape(title), "href": path} for kind, title, path in self.alternates
            ]
        return meta


@lru_cache(maxsize=1)
def _unpacked(packed: bytes) -> str:
    # MkDocs, the search plugin and the theme read a page's HTML six times as it is written, one page at a time:
    # unpacked once each, and only the latest kept.
    return unpack(packed).decode("utf-8")


def paragraphs(text: str) -> Markup:
    """Text with blank lines between paragraphs becomes paragraphs; nothing in it becomes HTML."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(escape(" ".join(p.split()))) for p in parts)


# Short forms are left as they are in these: inside an <abbr> already, in code, or in a chart (SVG has no <abbr>).
_LEAVE_ALONE = ("abbr", "code", "pre", "script", "style", "svg", "textarea")
# A look at the name's first letter before trying each name: the search of a page takes a third less time.
_LEAVE_ALONE_TAG = re.compile(
    rf"<(/?)(?=(?i:[{''.join(sorted({name[0] for name in _LEAVE_ALONE}))}]))(?i:{'|'.join(_LEAVE_ALONE)})(?![\w-])[^>]*>"
)


def explain_short_forms(html_text: str, glossary: Glossary) -> str:
    """Each short form from the glossary in the page's text, wrapped in an <abbr> that gives its meaning.

    Only the text between tags changes, never a tag or its attributes (such as a link's address).
    Reading < and > as the edges of tags is exact here: the templates escape every value, so text never
    holds them. The page is searched once for short forms, and once for the few tags to leave alone; going
    through it tag by tag took a tenth of the time of a build.
    """
    pattern = glossary.pattern
    if pattern is None:
        return html_text
    left_alone = _left_alone(html_text)
    parts: list[str] = []
    done = 0
    for found in pattern.finditer(html_text):
        start = found.start()
        if html_text.rfind("<", 0, start) > html_text.rfind(">", 0, start):
            continue  # inside a tag
        if any(begin <= start < end for begin, end in left_alone):
            continue
        short = found["short"]
        parts += [html_text[done:start], _abbr(glossary.by_short[html.unescape(short)], short), found["plural"] or ""]
        done = found.end()
    return "".join([*parts, html_text[done:]]) if parts else html_text


def _left_alone(html_text: str) -> list[tuple[int, int]]:
    """Where the page's text is inside one of the _LEAVE_ALONE elements: from the end of the opening tag to
    the start of its closing tag (the outermost one, where they nest)."""
    spans = []
    depth, begin = 0, 0
    for tag in _LEAVE_ALONE_TAG.finditer(html_text):
        if tag[1]:
            if depth:
                depth -= 1
                if not depth:
                    spans.append((begin, tag.start()))
        elif not tag[0].endswith("/>"):
            if not depth:
                begin = tag.end()
            depth += 1
    if depth:
        spans.append((begin, len(html_text)))
    return spans


@lru_cache(maxsize=1024)
def _abbr(term: Term, shown: str) -> str:
    return ENVIRONMENT.get_template("abbr.html").render(term=term, text=Markup(shown))


_ELSEWHERE: ContextVar[dict[str, GeneratedPage] | None] = ContextVar("hub_elsewhere", default=None)


@contextmanager
def taking(pages: list[GeneratedPage]) -> Iterator[None]:
    """While the page functions run again in this process to remember pages another process made in mkdocs
    serve's first build (site/shared_work.py): render() gives those pages as they are, without drawing them."""
    token = _ELSEWHERE.set({page.path: page for page in pages})
    try:
        yield
    finally:
        _ELSEWHERE.reset(token)


def made_elsewhere(path: str) -> GeneratedPage | None:
    taken = _ELSEWHERE.get()
    return None if taken is None else taken.get(path)


def _same(page: GeneratedPage) -> GeneratedPage:
    return page


_DRAWN: ContextVar[dict[tuple, tuple[object, Markup]] | None] = ContextVar("hub_drawn", default=None)


@contextmanager
def drawing_once() -> Iterator[None]:
    """While making one build's pages: each engagement's card or row is drawn once for each address it
    links from (drawn()), not again on every list it is on. The lists drew them 30 times each at 10,000
    records, a third of the build."""
    token = _DRAWN.set({})
    try:
        yield
    finally:
        _DRAWN.reset(token)


def drawn(macro: str, entry: Entry, link: Callable[[str], str], *values: object) -> Markup:
    """_parts.html's card or row macro for one engagement: it links only to the engagement's own page."""
    kept = _DRAWN.get()
    if kept is None:
        return _macro(macro)(entry, link, *values)
    key = (macro, id(entry), link(entry.url), values)
    if key not in kept:
        kept[key] = (entry, _macro(macro)(entry, link, *values))  # the entry is kept too, so no other takes its id
    return kept[key][1]


def _macro(name: str) -> Callable[..., Markup]:
    # Only when drawing: finding the template looks at its file's time, twice; the lists spent 3% of their time so.
    return getattr(ENVIRONMENT.get_template("_parts.html").module, name)


def _environment() -> Environment:
    env = templates("hub.site")
    env.filters.update(
        long_date=long_date,
        short_date=short_date,
        paragraphs=paragraphs,
        number=number,
        formatted=formatted,
        plain=plain,
        and_list=and_list,
        percent=percent,
    )
    env.filters["tn"] = _words_for_count  # called as tn(): see hub/outputs/files.py
    env.globals["drawn"] = drawn
    env.globals.update(weeks_late=weeks_late, shown_participation=shown_participation)
    return env


def _words_for_count(key: str, n: int, **values: object) -> Markup:
    """t() for words that change with a number: key.one or key.other, with {n} as a number."""
    return markup(plural(key, n), n=number(n), **values)


ENVIRONMENT = _environment()


def render(
    template: str,
    path: str,
    title: str,
    description: str,
    source: Path | None = None,
    searchable: bool = True,
    search_text: str | None = None,
    alternates: tuple[tuple[str, str, str], ...] = (),
    changed: dt.date | None = None,
    **context,
) -> GeneratedPage:
    def make() -> GeneratedPage:
        here = url_of(path)
        body = explain_short_forms(
            ENVIRONMENT.get_template(template).render(link=lambda to: relative(here, to), title=title, **context),
            load_glossary(),
        )
        # Markdown ends a raw HTML block at a blank line in some cases; the HTML needs none.
        body = "\n".join([line for line in body.splitlines() if line.strip()])
        packed = pack(body.encode("utf-8"))
        return GeneratedPage(
            path,
            title,
            description,
            packed,
            (len(body), hash(body)),
            source,
            searchable,
            search_text,
            alternates,
            changed,
        )

    values = dict(
        title=title,
        description=description,
        source=source,
        searchable=searchable,
        search_text=search_text,
        alternates=alternates,
        changed=changed,
        **context,
    )
    elsewhere = made_elsewhere(path)  # drawn by another process already
    return remembered(path, template, values, make if elsewhere is None else partial(_same, elsewhere))
