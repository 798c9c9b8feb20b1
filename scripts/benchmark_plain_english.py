"""Time the plain-English check on the demo hub, and on a hub of 1,000 records.

    python scripts/benchmark_plain_english.py                  # the demo hub, then 1,000 records
    python scripts/benchmark_plain_english.py --records 5000

The big hub is made in a temporary folder: the demo's pages and map, and copies of the demo records
(in turn), each with its own title. Each check runs as `python scripts/plain_english.py` does in CI,
in a new process, so the times include starting Python and reading the word lists and the dictionary.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "plain_english.py"
_TITLE = re.compile(r"^title: (.+)$", re.MULTILINE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000, help="how many records the big hub has")
    parser.add_argument("--runs", type=int, default=3, help="how many times to run each check (the median is shown)")
    args = parser.parse_args()

    demo_records = len(list((ROOT / "engagements").glob("*.yaml")))
    seconds, files = timed(ROOT / "mkdocs.yml", args.runs)
    print(f"Demo hub ({demo_records} records, {files} files in all): {seconds:.2f} s")
    with tempfile.TemporaryDirectory() as folder:
        root = big_hub(Path(folder), args.records)
        seconds, files = timed(root / "mkdocs.yml", args.runs)
    print(f"{args.records:,} records ({files:,} files in all): {seconds:.2f} s")
    return 0


def big_hub(root: Path, count: int) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("content", "map"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name)
    sources = sorted((ROOT / "engagements").glob("*.yaml"))
    (root / "engagements").mkdir()
    for number in range(count):
        source = sources[number % len(sources)]
        text = _TITLE.sub(
            lambda m, part=number + 1: f"title: {m[1].strip()} (part {part})", source.read_text(encoding="utf-8"), 1
        )
        (root / "engagements" / f"{source.stem}-{number + 1}.yaml").write_text(text, encoding="utf-8")
    return root


def timed(config: Path, runs: int) -> tuple[float, int]:
    """The median time of `runs` checks, and how many files the check read."""
    times, files = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(SCRIPT), "--config", str(config), "--errors-only"],
            capture_output=True,
            text=True,
            env={**os.environ, "GITHUB_ACTIONS": "false"},
        )
        times.append(time.perf_counter() - start)
        found = re.search(r"Checked ([\d,]+) file", done.stdout)
        files = int(found[1].replace(",", "")) if found else 0
    return statistics.median(times), files


if __name__ == "__main__":
    sys.exit(main())
