"""Every link of the built site works: LinkChecker over the served site, anchors included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import check_links  # noqa: E402

BROKEN = Path(__file__).parent / "a11y_fixtures" / "links"
SCRIPT = ROOT / "scripts" / "check_links.py"


@pytest.mark.whole_site
def test_every_link_and_anchor_of_the_demo_hub_resolves(demo_site):
    done = check_links.check_links(demo_site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 warnings found. 0 errors found." in done.stdout
    # It really went through the site: every page, and anchors within pages.
    checked = int(done.stdout.split(" links in ")[0].rsplit("\n", 1)[-1].split()[-1])
    assert checked >= len(list(demo_site.rglob("*.html")))


def test_a_missing_page_and_missing_anchors_are_caught():
    done = subprocess.run([sys.executable, str(SCRIPT), str(BROKEN)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    out = done.stdout
    assert "missing-page.html" in out and "404" in out
    assert "Anchor `missing-anchor'" in out
    assert "Anchor `not-on-this-page'" in out
    assert "1 error found" in out
    # Links to other websites were not fetched: CI has no internet.
    assert "Checking intern URLs only" in done.stderr
    assert "www.example.com" not in out


def test_links_to_other_websites_are_checked_only_when_asked(tmp_path):
    config = tmp_path / "rc"
    local = check_links.linkchecker_args("http://127.0.0.1:1/", config, external=False)
    away = check_links.linkchecker_args("http://127.0.0.1:1/", config, external=True)
    assert "^mailto:" in local and "^mailto:" not in away
    assert "checkextern=0" in check_links.CONFIG.format(external=int(False))
    assert "checkextern=1" in check_links.CONFIG.format(external=int(True))
