"""Turn data into page source with the Jinja templates in `templates/`.

Every template escapes what it prints, because record text is untrusted.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .urls import relative, url_of
from .wording import count, long_date, number, short_date, weeks_late


@dataclass(frozen=True)
class GeneratedPage:
    """A page made in memory: its path in the site, and its Markdown source."""

    path: str
    title: str
    description: str
    body: str
    source: Path | None = None
    # Lists and browse pages only repeat what the engagement pages say: searching them adds noise.
    searchable: bool = True

    @property
    def url(self) -> str:
        return url_of(self.path)

    @property
    def front_matter(self) -> str:
        # MkDocs themes print page.meta without escaping it, so escape it here.
        meta: dict = {"title": html.escape(self.title), "description": html.escape(self.description)}
        if not self.searchable:
            meta["search"] = {"exclude": True}
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n"

    @property
    def markdown(self) -> str:
        """The whole page as Markdown (the body is HTML, which Markdown passes through as it is)."""
        return f"{self.front_matter}\n{self.body}\n"


def paragraphs(text: str) -> Markup:
    """Text with blank lines between paragraphs becomes paragraphs; nothing in it becomes HTML."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(escape(" ".join(p.split()))) for p in parts)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("hub", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(long_date=long_date, short_date=short_date, paragraphs=paragraphs, number=number)
    env.globals.update(count=count, weeks_late=weeks_late)
    return env


ENVIRONMENT = _environment()


def render(
    template: str,
    path: str,
    title: str,
    description: str,
    source: Path | None = None,
    searchable: bool = True,
    **context,
) -> GeneratedPage:
    here = url_of(path)
    body = ENVIRONMENT.get_template(template).render(
        link=lambda to: relative(here, to), title=title, **context
    )
    # Markdown ends a raw HTML block at a blank line in some cases; the HTML needs none.
    body = "\n".join(line for line in body.splitlines() if line.strip())
    return GeneratedPage(path, title, description, body, source, searchable)
