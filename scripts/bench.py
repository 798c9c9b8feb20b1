"""Build the hub from N made-up records, and plain mkdocs-material from N Markdown pages, in one run; then serve the hub.

    python scripts/bench.py [--records 1000] [--keep FOLDER] [--no-serve] [--no-build]

The records come from scripts/synthetic_records.py: every field filled, about half with outcomes,
and a decisions map to match. The plain site gets N Markdown pages of about the same size as an
engagement page, kept out of the navigation as the hub's are, with the same search plugin.

Prints, for each: build seconds, their ratio, peak memory, pages, site size, search index size,
the largest page and, for the hub, how long `scripts/validate.py` takes to check every record
(the middle of three runs).

Then it serves the hub as `bash scripts/serve.sh` does, and prints how long `mkdocs serve` takes to start
(until the home page answers) and, for each of a few saves of one record, the seconds from saving it until its
page shows the change, and how many lines the rebuild printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
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
    peak_mb: float  # the build's own process
    others_peak_mb: float  # the largest of the processes it started to share the work (0: none)
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
    parser.add_argument("--no-serve", action="store_true", help="build only; do not time mkdocs serve")
    parser.add_argument("--no-build", action="store_true", help="time mkdocs serve only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        work = args.keep or Path(temp)
        hub = _hub(work / "hub", args.records)
        speed = [_machine_check()]
        if not args.no_build:
            plain = _plain(work / "plain", args.records)
            # Timings vary from run to run on a shared machine: validation is quick enough to time three times.
            validation = [
                _timed(
                    [sys.executable, str(ROOT / "scripts" / "validate.py"), "--config", str(hub / "mkdocs.yml")], hub
                )
                for _ in range(VALIDATION_RUNS)
            ]
            results = {"plain mkdocs-material": _build(plain), "engagement hub": _build(hub)}
            _report(args.records, results, validation)
        if not args.no_serve:
            _report_serve(args.records, _serve(hub))
        speed.append(_machine_check())
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


# Runs mkdocs in a child that reports its own peak memory, so each build is measured alone, and the peak of the
# processes it started in turn (hub/site/shared_work.py): they are copies of it, so their peak counts what they
# share with it too.
_MEASURED_BUILD = """
import resource, runpy, sys
sys.argv = ["mkdocs", "build", "-q"]
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as end:
    if end.code:
        raise
print("peak-kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
print("others-rss-kb", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)
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
        others_peak_mb=int(done.stderr.rsplit("others-rss-kb", 1)[1].split()[0]) / 1024,
        pages=sum(1 for p in pages if p.name == "index.html"),
        site_mb=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        search_mb=index.stat().st_size / 1e6 if index.exists() else 0.0,
        average_page_kb=sum(pages.values()) / len(pages) / 1e3,
        largest_page_kb=pages[largest] / 1e3,
        largest_page=str(largest.relative_to(site)),
    )


# The options scripts/serve.sh gives mkdocs serve, so the benchmark times what staff use.
SERVE_OPTIONS = ["--dirty"]
SAVES = 3
SERVE_TIMEOUT_SECONDS = 600


@dataclass
class Served:
    start_seconds: float
    saves: list[float] = field(default_factory=list)  # seconds from saving a record until its page changed
    lines: list[int] = field(default_factory=list)  # lines the server printed for each rebuild


def _serve(root: Path) -> Served:
    """Start mkdocs serve, wait for the home page, then save one record a few times and wait for its page."""
    port = _free_port()
    env = {**os.environ, "HUB_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *SERVE_OPTIONS]
    start = time.perf_counter()
    server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    printed = _Printed(server)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(lambda: _get(base + "/") is not None, server, printed)
        served = Served(time.perf_counter() - start)
        record = sorted((root / "engagements").glob("*.yaml"))[0]
        original = record.read_text(encoding="utf-8")
        page = f"{base}/engagements/{record.stem}/"
        try:
            for n in range(SAVES):
                marker = f"Changed for the benchmark {n + 1}"
                builds = printed.count("Reloading browsers")
                lines = len(printed.lines)
                text = _with_title_start(original, marker)
                saved = time.perf_counter()
                record.write_text(text, encoding="utf-8")
                _wait_for(lambda marker=marker: marker in (_get(page) or ""), server, printed)
                served.saves.append(time.perf_counter() - saved)
                # The next save waits for this rebuild to finish, as a person would see it finish.
                _wait_for(lambda builds=builds: printed.count("Reloading browsers") > builds, server, printed)
                served.lines.append(len(printed.lines) - lines)
        finally:
            record.write_text(original, encoding="utf-8")
        return served
    finally:
        server.terminate()
        server.wait(timeout=60)


def _with_title_start(record: str, words: str) -> str:
    """The record's text with `words` at the start of its title, inside the title's quotes if it has them."""
    lines = record.split("\n")
    for n, line in enumerate(lines):
        if line.startswith("title: "):
            value = line.removeprefix("title: ")
            quote = value[0] if value[:1] in ("'", '"') else ""
            lines[n] = f"title: {quote}{words} {value[len(quote) :]}"
            return "\n".join(lines)
    raise SystemExit(f"The made-up record has no title line:\n{record}")


class _Printed:
    """What the server prints, read as it comes so that its pipe never fills."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.lines: list[str] = []
        assert process.stdout is not None
        self._thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.append(line)

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.lines))


def _wait_for(ready, server: subprocess.Popen, printed: _Printed) -> None:
    deadline = time.perf_counter() + SERVE_TIMEOUT_SECONDS
    while not ready():
        if server.poll() is not None or time.perf_counter() > deadline:
            raise SystemExit("mkdocs serve stopped or took too long:\n" + "".join(printed.lines[-40:]))
        time.sleep(0.02)


def _get(url: str) -> str | None:
    """The page, or None if the server is not answering yet. It holds a request back while it rebuilds."""
    try:
        with urllib.request.urlopen(url, timeout=SERVE_TIMEOUT_SECONDS) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
    print(
        "peak MB is the build's own process; the processes the hub's build started to share its work peaked at "
        f"{hub.others_peak_mb:.0f} MB (the largest of them; 0: it started none)"
    )
    print(f"hub build time / plain build time: {hub.seconds / plain.seconds:.2f}")
    print(f"largest hub page: {hub.largest_page}")
    runs = ", ".join(f"{seconds:.1f}" for seconds in validation)
    print(
        f"validation alone (scripts/validate.py, every record and the map): {statistics.median(validation):.1f} s, "
        f"the middle of {len(validation)} runs ({runs} s) on {available_processes()} processors"
    )


def _report_serve(records: int, served: Served) -> None:
    print(f"mkdocs serve at {records} records: {served.start_seconds:.1f} s until the home page answered")
    saves = ", ".join(f"{seconds:.2f}" for seconds in served.saves)
    print(
        f"from saving one record until its page changed: {statistics.median(served.saves):.2f} s, "
        f"the middle of {len(served.saves)} saves ({saves} s); lines printed per rebuild: "
        + ", ".join(str(n) for n in served.lines)
    )


if __name__ == "__main__":
    sys.exit(main())
