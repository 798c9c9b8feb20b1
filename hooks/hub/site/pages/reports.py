"""The annual engagement reports: one page a year, and a page that lists them."""

from __future__ import annotations

from hub.facts.annual_report import Count, YearReport, year_reports
from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage, render
from hub.words import say

FOLDER = "reports"


def report_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    reports = year_reports(catalogue)
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
