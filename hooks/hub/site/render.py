"""Turn data into page source with the Jinja templates in `templates/`.

Every template escapes what it prints, because record text is untrusted.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from hub.facts.reach import percent
from hub.facts.small_numbers import shown_participation
from hub.outputs.files import templates
from hub.outputs.fingerprint import remembered
from hub.records.formatting import formatted, plain
from hub.records.glossary import Glossary, Term, load_glossary
from hub.urls import relative, url_of
from hub.wording import and_list, count, long_date, number, short_date, weeks_late
from hub.words import markup, plural


@dataclass(frozen=True)
class GeneratedPage:
    """A page made in memory: its path in the site, its title and description, and its HTML."""

    path: str
    title: str
    description: str
    body: str
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


def paragraphs(text: str) -> Markup:
    """Text with blank lines between paragraphs becomes paragraphs; nothing in it becomes HTML."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(escape(" ".join(p.split()))) for p in parts)


_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][\w-]*)")
# Short forms are left as they are in these: inside an <abbr> already, in code, or in a chart (SVG has no <abbr>).
_LEAVE_ALONE = {"abbr", "code", "pre", "script", "style", "svg", "textarea"}


def explain_short_forms(html_text: str, glossary: Glossary) -> str:
    """Each short form from the glossary in the page's text, wrapped in an <abbr> that gives its meaning.

    Only the text between tags changes, never a tag or its attributes (such as a link's address).
    Splitting at < and > is exact here: the templates escape every value, so text never holds them.
    """
    pattern = glossary.pattern
    if pattern is None:
        return html_text
    by_short = glossary.by_short
    parts = _TAG.split(html_text)
    open_tags: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:
            tag = _TAG_NAME.match(part)
            if tag and tag[2].lower() in _LEAVE_ALONE:
                if tag[1]:
                    if open_tags:
                        open_tags.pop()
                elif not part.endswith("/>"):
                    open_tags.append(tag[2].lower())
        elif part and not open_tags:
            parts[i] = pattern.sub(
                lambda m: _abbr(by_short[html.unescape(m["short"])], m["short"]) + (m["plural"] or ""), part
            )
    return "".join(parts)


@lru_cache(maxsize=1024)
def _abbr(term: Term, shown: str) -> str:
    return ENVIRONMENT.get_template("abbr.html").render(term=term, text=Markup(shown))


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
    env.globals.update(
        count=count, weeks_late=weeks_late, t=markup, tn=_words_for_count, shown_participation=shown_participation
    )
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
        body = "\n".join(line for line in body.splitlines() if line.strip())
        return GeneratedPage(path, title, description, body, source, searchable, search_text, alternates, changed)

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
    return remembered(path, template, values, make)
