"""A build that fails or is stopped at any moment leaves the previous site exactly as it was.

MkDocs writes into site/ as it goes; the hub makes it write beside site/ and swap the whole folder in
at the end (hooks/hub/site/atomic.py), so the public site is never empty or half made.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, copy_hub, mkdocs_build


def _hashes(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()
    }


def _leftovers(root: Path) -> list[str]:
    """What builds left beside site/, once the process that deletes the previous site (atomic.py) has done so."""
    deadline = time.monotonic() + 60
    while (
        left := sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))
    ) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


NEW_TITLE = "Breaks for carers who look after someone"


@pytest.fixture(scope="module")
def built_hub(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    root = copy_hub(tmp_path_factory.mktemp("atomic"))
    first = mkdocs_build(root)
    assert first.code == 0, first.output
    return root, _hashes(root / "site")


def test_a_build_that_fails_at_the_end_leaves_the_previous_site(built_hub):
    root, before = built_hub
    # A broken link is found only after every page is written; --strict then stops the build.
    page = root / "content" / "broken-link.md"
    page.write_text("# A page\n\nSee [the missing page](missing.md).\n")
    try:
        failed = mkdocs_build(root)
    finally:
        page.unlink()
    assert failed.code != 0 and "missing.md" in failed.output
    assert _hashes(root / "site") == before
    assert _leftovers(root) == []


@contextmanager
def _retitled(root: Path) -> Iterator[None]:
    """A change to one record for as long as it is needed."""
    record = root / "engagements" / "carers-breaks.yaml"
    original = record.read_text()
    record.write_text(original.replace("title: Breaks for unpaid carers", f"title: {NEW_TITLE}"))
    try:
        yield
    finally:
        record.write_text(original)


def test_a_build_killed_at_any_moment_leaves_the_previous_site(built_hub):
    root, before = built_hub
    env = {**os.environ, "HUB_TODAY": DEMO_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    with _retitled(root):
        started = time.monotonic()
        whole = subprocess.run([*build, "-d", str(root / "timing")], cwd=root, env=env, capture_output=True)
        seconds = time.monotonic() - started
        assert whole.returncode == 0, whole.stderr
        changed = _hashes(root / "timing")
        assert changed != before
        # From just after start to just before the end: reading records, writing pages, the search index.
        for tenth in range(1, 10):
            running = subprocess.Popen(build, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(seconds * tenth / 10)
            running.send_signal(signal.SIGKILL)
            running.wait()
            # The previous site, or (killed after the swap) the whole new one: never a part of either.
            assert _hashes(root / "site") in (before, changed), f"killed at {tenth}/10 of the build"
    # The next build clears what the stopped ones left, and the site is whole again.
    again = mkdocs_build(root)
    assert again.code == 0, again.output
    assert _hashes(root / "site") == before
    assert _leftovers(root) == []


def test_a_good_build_replaces_the_site_whole(built_hub):
    root, before = built_hub
    with _retitled(root):
        rebuilt = mkdocs_build(root)
    assert rebuilt.code == 0, rebuilt.output
    after = _hashes(root / "site")
    assert after.keys() == before.keys()
    assert after["engagements/carers-breaks/index.html"] != before["engagements/carers-breaks/index.html"]
    assert NEW_TITLE in (root / "site" / "engagements/carers-breaks/index.html").read_text()
    assert _leftovers(root) == []


def test_the_previous_site_is_deleted_by_a_process_the_build_does_not_wait_for(tmp_path, monkeypatch):
    from hub.site import atomic

    # A deletion that takes 3 s, as deleting a site of 10,000 records took 12.8 to 15.7 s.
    monkeypatch.setattr(atomic, "_REMOVE", f"import time; time.sleep(3); {atomic._REMOVE}")
    site = tmp_path / "site"
    (site / "engagements").mkdir(parents=True)
    (site / "engagements" / "index.html").write_text("the previous site")
    built = atomic.building_folder(site)
    (built / "index.html").write_text("the new site")
    started = time.monotonic()
    atomic.swap_in(built, site)
    assert time.monotonic() - started < 2
    assert (site / "index.html").read_text() == "the new site"
    assert _leftovers(tmp_path) == []
