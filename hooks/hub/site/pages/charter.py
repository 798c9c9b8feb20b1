"""The Good Engagement Charter: a page per principle with the engagements that met it and did not,
the 'feedback due' page, and the types of engagement with their shortest times."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.facts.charter import PRINCIPLES
from hub.facts.scorecard import Result
from hub.records.model import EngagementType
from hub.site.render import GeneratedPage, render

from .listing import index_pages, list_pages

FOLDER = "charter"


def charter_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    size = catalogue.settings.page_size
    settings = catalogue.settings.model_dump()
    crumbs = [("Good Engagement Charter", f"{FOLDER}/")]
    pages = [
        render(
            "charter.html",
            f"{FOLDER}/index.md",
            title="The Good Engagement Charter",
            description="Nine promises about how we ask for your views, and how each engagement measures up.",
            principles=[(p, _counts(catalogue, p.number)) for p in PRINCIPLES],
            folder=FOLDER,
        )
    ]
    for p in PRINCIPLES:
        base = f"{FOLDER}/{p.slug}"
        met, not_met = catalogue.by_verdict(p.number, Result.met), catalogue.by_verdict(p.number, Result.not_met)
        pages.append(
            render(
                "principle.html",
                f"{base}/index.md",
                title=f"Principle {p.number}: {p.title}",
                description=p.promise,
                principle=p,
                how_we_check=p.how_we_check.format(**settings),
                lists=[
                    ("not-met", "Not met", not_met[:size], len(not_met)),
                    ("met", "Met", met[:size], len(met)),
                ],
                not_yet_due=len(catalogue.by_verdict(p.number, Result.not_yet_due)),
                base=base,
            )
        )
        for slug, heading, entries in (("met", "met", met), ("not-met", "did not meet", not_met)):
            pages += index_pages(
                catalogue,
                f"{base}/{slug}",
                f"Engagements that {heading} principle {p.number}",
                f"Principle {p.number}: {p.title}.",
                entries,
                "There are none.",
                crumbs + [(f"Principle {p.number}", f"{base}/")],
            )
    return pages


def feedback_due_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    return list_pages(
        catalogue,
        "feedback-due",
        "Feedback due",
        "These engagements have closed, and the date we promised to tell you what happened has passed. "
        "The longest overdue are first.",
        catalogue.feedback_due,
        "Every outcome that is due has been published.",
        template="feedback_due.html",
    )


def types_page(catalogue: Catalogue) -> GeneratedPage:
    return render(
        "types.html",
        "types-of-engagement/index.md",
        title="Types of engagement",
        description="The different ways we ask for your views, and how long each should be open.",
        types=[(t, catalogue.settings.minimum_days(t) // 7) for t in EngagementType],
        outcome_due_weeks=catalogue.settings.outcome_due_weeks,
    )


def _counts(catalogue: Catalogue, number: int) -> dict[str, int]:
    return {r.value: len(catalogue.by_verdict(number, r)) for r in Result}
