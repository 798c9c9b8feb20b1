"""Shared helpers: a copy of the hub in a temporary folder, and builds of it at a pinned date."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_sources import copy_site_sources

ROOT = Path(__file__).resolve().parent.parent
DEMO_TODAY = "2026-11-23"


@dataclass
class Run:
    code: int
    output: str


def run(args: list[str], cwd: Path, today: str = DEMO_TODAY) -> Run:
    # The demo is built without an address, whatever the shell running the tests has set.
    env = {k: v for k, v in os.environ.items() if k not in ("HUB_URL", "HUB_PUBLISH")}
    env.update(HUB_TODAY=today, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return Run(done.returncode, done.stdout + done.stderr)


def mkdocs_build(root: Path, today: str = DEMO_TODAY) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "--strict"], root, today)


def validate(root: Path, today: str = DEMO_TODAY, *files: str) -> Run:
    return run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--config", str(root / "mkdocs.yml"), *files],
        root,
        today,
    )


def copy_hub(target: Path, with_records: bool = True) -> Path:
    """A copy of the hub's site sources, to build or break without touching the real ones."""
    copy_site_sources(target)
    if with_records:
        # The decisions map names the demo records, so it comes with them.
        shutil.copytree(ROOT / "engagements", target / "engagements")
        shutil.copytree(ROOT / "map", target / "map")
        shutil.copytree(ROOT / "vocabulary", target / "vocabulary")
        shutil.copytree(ROOT / "population", target / "population")
    else:
        (target / "engagements").mkdir()
    return target


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The shipped hub, built once with the date pinned to DEMO_TODAY."""
    root = copy_hub(tmp_path_factory.mktemp("demo"))
    result = mkdocs_build(root)
    assert result.code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, for the tests of one module (see scripts/accessibility.py)."""
    from playwright.sync_api import sync_playwright

    import accessibility as a11y

    with sync_playwright() as playwright:
        browser = a11y.launch(playwright)
        yield browser
        browser.close()
