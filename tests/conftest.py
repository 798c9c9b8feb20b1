"""Shared helpers: a copy of the hub in a temporary folder, and builds of it at a pinned date."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import traceback
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


# The demo is built without an address, whatever the shell running the tests has set.
_NOT_INHERITED = ("HUB_URL", "HUB_PUBLISH")


def run(args: list[str], cwd: Path, today: str = DEMO_TODAY) -> Run:
    """A command in its own process, as staff and CI run it (for what needs a real process: signals, exit codes)."""
    env = {k: v for k, v in os.environ.items() if k not in _NOT_INHERITED}
    env.update(HUB_TODAY=today, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return Run(done.returncode, done.stdout + done.stderr)


def mkdocs_build(root: Path, today: str = DEMO_TODAY) -> Run:
    """`mkdocs build --strict` in `root`, run in this process through MkDocs's own command line.

    The same code path as the command (its options, on_startup and on_shutdown, the strict count), without
    starting Python and importing MkDocs, the theme and the hub again for each build: about a second each.
    """
    from click.testing import CliRunner
    from mkdocs.__main__ import cli

    with _inside(root, today):
        done = CliRunner().invoke(cli, ["build", "--strict"], catch_exceptions=True)
        _forget_mkdocs_logging()
    return Run(done.exit_code, done.output + _traceback_of(done.exc_info))


def validate(root: Path, today: str = DEMO_TODAY, *files: str) -> Run:
    """`scripts/validate.py` on the hub in `root`, run in this process, with what it prints."""
    import validate as command

    out = io.StringIO()
    with _inside(root, today), contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            code = command.main(["--config", str(root / "mkdocs.yml"), *files])
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except Exception:
            out.write(traceback.format_exc())
            code = 1
    return Run(code, out.getvalue())


@contextlib.contextmanager
def _inside(root: Path, today: str):
    """The command's working folder and date, as the command line would give them, put back afterwards."""
    saved = {name: os.environ.get(name) for name in ("HUB_TODAY", "NO_MKDOCS_2_WARNING", *_NOT_INHERITED)}
    os.environ.update(HUB_TODAY=today, NO_MKDOCS_2_WARNING="1")
    for name in _NOT_INHERITED:
        os.environ.pop(name, None)
    try:
        with contextlib.chdir(root):
            yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _forget_mkdocs_logging() -> None:
    """Undo what each run of MkDocs's command line adds to logging, as if each build had its own process.

    It adds a handler on the output it was given, and a filter that drops any message logged before: in one
    process, a second build would hide an error that the first build showed.
    """
    from mkdocs.commands import build
    from mkdocs.utils import DuplicateFilter

    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if handler.get_name() == "MkDocsStreamHandler":
            logger.removeHandler(handler)
    for log_filter in list(build.log.filters):
        if isinstance(log_filter, DuplicateFilter):
            build.log.removeFilter(log_filter)


def _traceback_of(exc_info) -> str:
    """A crash shows as a traceback in the output, as it would from the command line, so tests can refuse it."""
    if not exc_info or exc_info[0] is SystemExit:
        return ""
    return "".join(traceback.format_exception(*exc_info))


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


# Modules whose every test drives Chromium, through the accessibility script rather than the fixture.
_BROWSER_MODULES = {"test_accessibility", "test_known_barriers"}


def pytest_collection_modifyitems(items) -> None:
    """Mark the tests that need Chromium, so the job on the oldest Python can leave them to the other job."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) or item.module.__name__ in _BROWSER_MODULES:
            item.add_marker(pytest.mark.browser)
