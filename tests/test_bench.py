"""The benchmark keeps working: a small run makes both sites and prints every figure."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT


def test_the_benchmark_builds_both_sites_and_prints_its_figures():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--records", "200"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    rows = {
        line[:26].strip(): line[26:].split()
        for line in done.stdout.splitlines()
        if line.startswith(("plain mkdocs-material", "engagement hub"))
    }
    assert set(rows) == {"plain mkdocs-material", "engagement hub"}
    for figures in rows.values():
        seconds, peak, pages, site, search, average, largest = map(float, figures)
        assert seconds > 0 and peak > 0 and pages >= 200 and site > 0 and search > 0 and 0 < average <= largest
    assert re.search(r"share its work peaked at \d+ MB", done.stdout)
    assert re.search(r"hub build time / plain build time: \d+\.\d\d", done.stdout)
    assert re.search(r"largest hub page: \S+\.html", done.stdout)
    assert re.search(r"validation alone .*: \d+\.\d s, the middle of 3 runs", done.stdout)
    assert re.search(r"machine check, .*: \d+\.\d\d s and \d+\.\d\d s", done.stdout)
    assert re.search(r"mkdocs serve at 200 records: \d+\.\d s until the home page answered", done.stdout)
    assert re.search(r"from saving one record until its page changed: \d+\.\d\d s, the middle of 3 saves", done.stdout)


def test_the_benchmark_serves_as_serve_sh_does():
    import bench

    assert f'mkdocs serve {" ".join(bench.SERVE_OPTIONS)} "$@"' in (ROOT / "scripts" / "serve.sh").read_text()
