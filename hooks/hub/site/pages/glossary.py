"""The glossary page: every short form in data/glossary.yaml and what it means."""

from __future__ import annotations

from hub.records.glossary import load_glossary
from hub.site.render import GeneratedPage, render


def glossary_page() -> GeneratedPage:
    return render(
        "glossary.html",
        "glossary/index.md",
        title="Glossary",
        description="What the short forms on this website mean, such as NHS and GP.",
        terms=load_glossary().sorted(),
    )
