"""What every output is: a file that is not a page, with its path in the site; and the outputs' own templates."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from hub.words import markup


@dataclass(frozen=True)
class GeneratedFile:
    """A file that is not a page, such as a feed or open data, with its path in the site."""

    path: str
    content: str


def templates(package: str) -> Environment:
    """The Jinja templates in `package`/templates/. Every value is escaped: record text is untrusted."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


TEMPLATES = templates("hub.outputs")  # the Atom feed
TEMPLATES.globals.update(t=markup)
