"""Build the hub from N made-up records, and plain mkdocs-material from N Markdown pages, in one run.

    python scripts/bench.py [--records 1000] [--keep FOLDER]

The records come from scripts/synthetic_records.py: every field filled, about half with outcomes,
and a decisions map to match. The plain site gets N Markdown pages of about the same size as an
engagement page, kept out of the navigation as the hub's are, with the same search plugin.

Prints, for each: build seconds, their ratio, peak memory, pages, site size, search index size,
the largest page and, for the hub, how long `scripts/validate.py` takes to check every record
(the middle of three runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from hub.checks.check_all import available_processes
from site_sources import copy_site_sources
from synthetic_records import write_area

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
VALIDATION_RUNS = 3


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    pages: int
    site_mb: float
    search_mb: float
    average_page_kb: float
    largest_page_kb: float
    largest_page: str


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it, to look at the sites")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        work = args.keep or Path(temp)
        hub, plain = _hub(work / "hub", args.records), _plain(work / "plain", args.records)
        speed = [_machine_check()]
        # Timings vary from run to run on a shared machine: validation is quick enough to time three times.
        validation = [
            _timed([sys.executable, str(ROOT / "scripts" / "validate.py"), "--config", str(hub / "mkdocs.yml")], hub)
            for _ in range(VALIDATION_RUNS)
        ]
        results = {"plain mkdocs-material": _build(plain), "engagement hub": _build(hub)}
        speed.append(_machine_check())
    _report(args.records, results, validation)
    print(f"machine check, the same Python loop before and after: {speed[0]:.2f} s and {speed[1]:.2f} s")
    return 0


def _hub(root: Path, count: int) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    copy_site_sources(root)
    write_area(root, count, dt.date.fromisoformat(TODAY))
    return root


def _plain(root: Path, count: int) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    (root / "docs" / "pages").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\nA plain site.\n")
    body = _plain_page_body()
    for n in range(count):
        (root / "docs" / "pages" / f"page-{n:05d}.md").write_text(f"# Page {n}\n\n{body}")
    (root / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nnav:\n  - Home: index.md\n"
        "not_in_nav: |\n  /pages/\nplugins:\n  - search\n"
    )
    return root


def _plain_page_body() -> str:
    """Ordinary Markdown with headings, lists and definitions, about as long as an engagement page's text.

    Seven copies of one content page make 10.7 KB of HTML; an engagement page's text averaged 10.8 KB
    at 2,000 made-up records.
    """
    section = (ROOT / "content" / "how-to-take-part.md").read_text(encoding="utf-8").split("---", 2)[-1]
    return "\n\n".join([section] * 7)


# Runs mkdocs in a child that reports its own peak memory, so each build is measured alone.
_MEASURED_BUILD = """
import resource, runpy, sys
sys.argv = ["mkdocs", "build", "-q"]
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as end:
    if end.code:
        raise
print("peak-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _build(root: Path) -> Measured:
    env = {**os.environ, "HUB_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED_BUILD], cwd=root, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"The build in {root} failed:\n{done.stdout}{done.stderr}")
    site = root / "site"
    pages = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(pages, key=pages.get)
    index = site / "search" / "search_index.json"
    return Measured(
        seconds=seconds,
        peak_mb=int(done.stderr.rsplit("peak-kb", 1)[1].split()[0]) / 1024,
        pages=sum(1 for p in pages if p.name == "index.html"),
        site_mb=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        search_mb=index.stat().st_size / 1e6 if index.exists() else 0.0,
        average_page_kb=sum(pages.values()) / len(pages) / 1e3,
        largest_page_kb=pages[largest] / 1e3,
        largest_page=str(largest.relative_to(site)),
    )


def _machine_check() -> float:
    """Seconds for a fixed loop of Python. A shared machine can run much slower at some times than at
    others, so figures from two runs compare only alongside this."""
    start = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - start


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env={**os.environ, "HUB_TODAY": TODAY}, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"Validation failed in {cwd}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return time.perf_counter() - start


def _report(records: int, results: dict[str, Measured], validation: list[float]) -> None:
    plain, hub = results["plain mkdocs-material"], results["engagement hub"]
    print(f"{records} records, date pinned to {TODAY}")
    print(
        f"{'':<26}{'build s':>9}{'peak MB':>9}{'pages':>8}{'site MB':>9}{'search MB':>11}{'avg page KB':>13}{'largest KB':>12}"
    )
    for name, m in results.items():
        print(
            f"{name:<26}{m.seconds:>9.1f}{m.peak_mb:>9.0f}{m.pages:>8}{m.site_mb:>9.1f}{m.search_mb:>11.2f}"
            f"{m.average_page_kb:>13.1f}{m.largest_page_kb:>12.1f}"
        )
    print(f"hub build time / plain build time: {hub.seconds / plain.seconds:.2f}")
    print(f"largest hub page: {hub.largest_page}")
    runs = ", ".join(f"{seconds:.1f}" for seconds in validation)
    print(
        f"validation alone (scripts/validate.py, every record and the map): {statistics.median(validation):.1f} s, "
        f"the middle of {len(validation)} runs ({runs} s) on {available_processes()} processors"
    )


if __name__ == "__main__":
    sys.exit(main())
