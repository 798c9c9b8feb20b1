"""The same records on the same pinned date give the same site, byte for byte: staff can trust that a
preview shows what will be published, and a reviewer can see what a change really changed."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
from pathlib import Path

import pytest

from conftest import copy_hub, mkdocs_build

# Not the demo's date, and most days not the clock's: the sitemap must follow the pinned date.
PINNED = "2026-12-01"
# Files MkDocs dates itself. The hub dates their pages from the records and the pinned date
# (hub/site/mkdocs_plugin.py), so none differ; a file listed here would be compared by everything but its date.
DATED_BY_MKDOCS: set[str] = set()


def _hashes(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    """Two copies in different folders, built one after the other: no absolute path, clock time or
    random order may reach the output."""
    sites = []
    for name in ("first", "second"):
        root = copy_hub(tmp_path_factory.mktemp(name))
        # A published hub has an address, and only then does MkDocs list (and date) pages in the sitemap.
        config = root / "mkdocs.yml"
        config.write_text("site_url: https://haveyoursay.example.org/\n" + config.read_text())
        built = mkdocs_build(root, today=PINNED)
        assert built.code == 0, built.output
        sites.append(root / "site")
    return sites[0], sites[1]


def test_two_builds_of_the_same_records_on_the_same_date_are_identical(two_builds):
    first, second = (_hashes(site) for site in two_builds)
    assert first.keys() == second.keys()
    differ = {path for path in first if first[path] != second[path]}
    assert differ == DATED_BY_MKDOCS
    assert len(first) > 50  # the whole site, not an empty folder


def test_the_sitemap_is_dated_from_the_records_and_the_pinned_date_not_the_clock(two_builds):
    site = two_builds[0]
    sitemap = (site / "sitemap.xml").read_text()
    dates = re.findall(r"<lastmod>(.*?)</lastmod>", sitemap)
    # Pages made from the records carry their last change; the hand-written ones (no git history in the
    # copy) the pinned date. Nothing is later than the day the site was made for.
    assert len(dates) > 50 and max(dates) == PINNED and len(set(dates)) > 5
    raw = (site / "sitemap.xml.gz").read_bytes()
    gzip_time = int.from_bytes(raw[4:8], "little")  # the gzip header's MTIME field (RFC 1952)
    assert dt.datetime.fromtimestamp(gzip_time, dt.UTC).date().isoformat() == max(dates)
    assert gzip.decompress(raw).decode() == sitemap
