"""The annual engagement reports: one page a year, and a page that lists them."""

from __future__ import annotations

from hub.facts.annual_report import Count, YearReport, year_reports
from hub.facts.catalogue import Catalogue
from hub.site.render import GeneratedPage, render

FOLDER = "reports"


def report_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    reports = year_reports(catalogue)
    pages = [
        render(
            "reports.html",
            f"{FOLDER}/index.md",
            title="Annual reports",
            description="How many engagements there were each year, who took part and what happened.",
            reports=reports,
            area=catalogue.settings.area,
        )
    ]
    for report in reports:
        pages.append(
            render(
                "report.html",
                f"{FOLDER}/{report.year}.md",
                title=f"Engagement report {report.year}",
                description=f"What we asked people in {report.year}, who took part, and what happened.",
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
        Count("Published on time", report.on_time),
        Count("Published late", report.late),
        Count("Late and not yet published", report.overdue),
        Count("Not due yet", report.not_yet_due),
    ]
