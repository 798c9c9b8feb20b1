"""Time the hub's build against plain mkdocs-material with the same number of pages, in one run.

    python scripts/benchmark.py [--records 1000]

Prints, for each: build seconds, peak memory of the build, pages made, and the size of site/.
The plain site gets one Markdown page per record, kept out of the navigation as the hub's are,
so the difference is what the hub adds: loading, validating and rendering the records.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        hub = _hub_with_records(temp / "hub", args.records)
        plain = _plain_site(temp / "plain", args.records)
        print(f"{args.records} records, date pinned to {TODAY}")
        print(f"{'site':<28}{'seconds':>9}{'peak MB':>9}{'pages':>8}{'site MB':>9}")
        for name, root in (("plain mkdocs-material", plain), ("engagement hub", hub)):
            seconds, peak = _build(root)
            pages = sum(1 for _ in (root / "site").rglob("index.html"))
            size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file()) / 1e6
            print(f"{name:<28}{seconds:>9.1f}{peak:>9.0f}{pages:>8}{size:>9.1f}")
    return 0


def _hub_with_records(root: Path, count: int) -> Path:
    root.mkdir()
    for name in ("mkdocs.yml", "content", "hooks"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    (root / "engagements").mkdir()
    (root / "map").mkdir()
    demo = sorted((ROOT / "engagements").glob("*.yaml"))
    for n in range(count):
        text = demo[n % len(demo)].read_text(encoding="utf-8")
        # Different places and topics, so browse pages grow as they would in a real area.
        text = text.replace("places:\n", f"places:\n  - Town {n % 50}\n", 1).replace("topics:\n", f"topics:\n  - Topic {n % 30}\n", 1)
        text = text.replace("body: ", "# body: ")  # the copied map is not used here
        (root / "engagements" / f"record-{n:05d}.yaml").write_text(text, encoding="utf-8")
    return root


def _plain_site(root: Path, count: int) -> Path:
    (root / "docs" / "pages").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\nA plain site.\n")
    body = (ROOT / "content" / "how-to-take-part.md").read_text(encoding="utf-8").split("---", 2)[-1]
    for n in range(count):
        (root / "docs" / "pages" / f"page-{n:05d}.md").write_text(f"# Page {n}\n{body}")
    (root / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nnav:\n  - Home: index.md\n"
        "not_in_nav: |\n  /pages/\nplugins:\n  - search\n"
    )
    return root


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


def _build(root: Path) -> tuple[float, float]:
    env = {**os.environ, "HUB_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURED_BUILD], cwd=root, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed in {root}:\n{done.stdout}{done.stderr}")
    peak_kb = int(done.stderr.rsplit("peak-kb", 1)[1].split()[0])
    return seconds, peak_kb / 1024


if __name__ == "__main__":
    sys.exit(main())
