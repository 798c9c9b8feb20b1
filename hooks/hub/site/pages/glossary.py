"""The glossary page: every short form in data/glossary.yaml and what it means."""

from __future__ import annotations

from hub.records.glossary import load_glossary
from hub.site.render import GeneratedPage, render
from hub.words import say


def glossary_page() -> GeneratedPage:
    return render(
        "glossary.html",
        "glossary/index.md",
        title=say("glossary.title"),
        description=say("glossary.description"),
        terms=load_glossary().sorted(),
    )
