"""The annual engagement reports: one page a year, and a page that lists them."""

from __future__ import annotations

from functools import partial

from hub.facts.annual_report import Count, YearReport, report_years, year_report
from hub.facts.catalogue import Catalogue
from hub.outputs.fingerprint import remembered
from hub.site.render import GeneratedPage, render
from hub.words import say

FOLDER = "reports"


def report_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    # Each year's figures are worked out again in mkdocs serve only when one of its engagements changed.
    reports = [
        remembered(
            f"{FOLDER}/{year}.md#figures",
            "year report",
            {"entries": entries, "promises": promises},
            partial(year_report, catalogue, year, entries, promises),
        )
        for year, entries, promises in report_years(catalogue)
    ]
    pages = [
        render(
            "reports.html",
            f"{FOLDER}/index.md",
            title=say("reports.title"),
            description=say("reports.description"),
            reports=reports,
            area=catalogue.settings.area,
        )
    ]
    for report in reports:
        pages.append(
            render(
                "report.html",
                f"{FOLDER}/{report.year}.md",
                title=say("report.title", year=report.year),
                description=say("report.description", year=report.year),
                r=report,
                today=catalogue.today,
                timeliness=_timeliness(report),
                outcome_due_weeks=catalogue.settings.outcome_due_weeks,
                population=catalogue.population,
                area=catalogue.settings.area,
            )
        )
    return pages


def _timeliness(report: YearReport) -> list[Count]:
    return [
        Count(say("report.feedback.on_time"), report.on_time),
        Count(say("report.feedback.late"), report.late),
        Count(say("report.feedback.overdue"), report.overdue),
        Count(say("report.feedback.not_yet_due"), report.not_yet_due),
    ]
