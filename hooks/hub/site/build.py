"""The hub from end to end, without MkDocs: records -> validated -> derived -> pages.

The MkDocs plugin (mkdocs_plugin.py) calls this. Its checks are in checks/check_all.py, which scripts/validate.py calls too, so
both find the same problems.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hub.checks.check_all import check_records
from hub.facts.catalogue import Catalogue
from hub.outputs.calendar import calendar_files
from hub.outputs.feeds import feed_files
from hub.outputs.files import GeneratedFile
from hub.outputs.open_data import open_data_files
from hub.outputs.robots import robots_file
from hub.records.problems import Problem, RecordsInvalid
from hub.settings import Settings
from hub.words import use

from .pages import build_pages
from .render import GeneratedPage


@dataclass
class Hub:
    catalogue: Catalogue
    pages: list[GeneratedPage]
    files: list[GeneratedFile]  # feeds, calendar and open data
    warnings: list[Problem]


def build_hub(root: Path, settings: Settings, today: dt.date, site_url: str | None = None) -> Hub:
    """Every page and file of the hub; raises RecordsInvalid if any record is wrong.

    `site_url` (the hub's address: mkdocs.yml or HUB_URL) makes the links in feeds and the calendar full
    addresses, and robots.txt name the sitemap; without it feed links are relative and the calendar has none.
    """
    use(settings.language)  # the hub's own words, from hooks/hub/words/<language>.yaml
    result = check_records(root, settings, today, keep_records=True)
    if result.problems:
        raise RecordsInvalid(result.problems)
    catalogue = Catalogue.build(result.records, today, settings, result.area, result.population)
    files = [
        *feed_files(catalogue, site_url),
        *calendar_files(catalogue, site_url),
        *open_data_files(catalogue),
        robots_file(site_url),
    ]
    return Hub(catalogue, build_pages(catalogue), files, result.warnings)
