"""The Good Engagement Charter: a page per principle with the engagements that met it and did not,
the 'feedback due' page, and the types of engagement with their shortest times."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.facts.charter import PRINCIPLES, Principle
from hub.facts.scorecard import Result
from hub.records.model import EngagementType
from hub.site.render import GeneratedPage, render
from hub.words import say

from .listing import index_pages, list_pages

FOLDER = "charter"


def charter_page(catalogue: Catalogue) -> GeneratedPage:
    return render(
        "charter.html",
        f"{FOLDER}/index.md",
        title=say("charter.title"),
        description=say("charter.description"),
        principles=[(p, _counts(catalogue, p.number)) for p in PRINCIPLES],
        folder=FOLDER,
    )


def principle_pages(catalogue: Catalogue, p: Principle) -> list[GeneratedPage]:
    """The principle's page, with the lists of the engagements that met it and did not."""
    size = catalogue.settings.page_size
    crumbs = [(say("engagement.scorecard.charter"), f"{FOLDER}/")]
    base = f"{FOLDER}/{p.slug}"
    met, not_met = catalogue.by_verdict(p.number, Result.met), catalogue.by_verdict(p.number, Result.not_met)
    pages = [
        render(
            "principle.html",
            f"{base}/index.md",
            title=say("charter.principle_title", number=p.number, title=p.title),
            description=p.promise,
            principle=p,
            how_we_check=p.how_we_check.format(**catalogue.settings.model_dump()),
            lists=[
                ("not-met", Result.not_met.label, not_met[:size], len(not_met)),
                ("met", Result.met.label, met[:size], len(met)),
            ],
            not_yet_due=len(catalogue.by_verdict(p.number, Result.not_yet_due)),
            base=base,
        )
    ]
    for slug, entries in (("met", met), ("not-met", not_met)):
        pages += index_pages(
            catalogue,
            f"{base}/{slug}",
            say(f"charter.{slug.replace('-', '_')}_title", number=p.number),
            say("charter.principle_intro", number=p.number, title=p.title),
            entries,
            say("charter.none"),
            crumbs + [(say("charter.principle_crumb", number=p.number), f"{base}/")],
        )
    return pages


def feedback_due_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    return list_pages(
        catalogue,
        "feedback-due",
        say("feedback_due.title"),
        say("feedback_due.intro"),
        catalogue.feedback_due,
        say("feedback_due.empty"),
        template="feedback_due.html",
    )


def types_page(catalogue: Catalogue) -> GeneratedPage:
    return render(
        "types.html",
        "types-of-engagement/index.md",
        title=say("types.title"),
        description=say("types.description"),
        types=[(t, catalogue.settings.minimum_days(t) // 7) for t in EngagementType],
        outcome_due_weeks=catalogue.settings.outcome_due_weeks,
    )


def _counts(catalogue: Catalogue, number: int) -> dict[str, int]:
    return {r.value: len(catalogue.by_verdict(number, r)) for r in Result}
