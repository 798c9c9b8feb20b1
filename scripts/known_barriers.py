#!/usr/bin/env python3
"""How many known accessibility barriers the check catches, by category.

    python scripts/known_barriers.py            # print the table
    python scripts/known_barriers.py --out DIR  # also keep the pages in DIR, to open them in a browser

Each barrier in tests/a11y_fixtures/barriers/barriers.yaml makes one page: a copy of the
barrier-free control.html with one change. The whole check (scripts/accessibility.py: axe at 1280
and 320 pixels, the layout at 320 and with text spacing, the Nu HTML Checker, and the keyboard walk,
here on every page) runs on them all. A barrier is caught when its page fails.

"Before" is what the check caught before it looked at phones, text spacing and keyboards: axe
at 1280 pixels alone. The control page must pass; the exit status is 1 if it does not.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

import accessibility as a11y

BARRIERS = Path(__file__).resolve().parent.parent / "tests" / "a11y_fixtures" / "barriers"
CATEGORIES = [
    "forms",
    "tables",
    "links",
    "images",
    "headings",
    "language",
    "colour",
    "keyboard",
    "reflow",
    "text spacing",
]
# The parts of the check, in the order the table shows them.
PARTS = ["axe 1280", "axe 320", "320 layout", "text spacing", "HTML checker", "keyboard"]


@dataclass
class Barrier:
    id: str
    category: str
    wcag: str
    barrier: str
    change: list[tuple[str, str]]


def load_barriers(folder: Path = BARRIERS) -> list[Barrier]:
    """The barriers, each checked: a known category, and every text it changes found in the control page."""
    control = (folder / "control.html").read_text(encoding="utf-8")
    source = folder / "barriers.yaml"
    barriers = []
    for number, item in enumerate(yaml.safe_load(source.read_text(encoding="utf-8")), start=1):
        where = f"{source}: barrier {number} ({item.get('id', 'no id')})"
        if item.get("category") not in CATEGORIES:
            raise SystemExit(f"{where}: category {item.get('category')!r} is not one of: {', '.join(CATEGORIES)}.")
        for find, _put in item["change"]:
            if find not in control:
                raise SystemExit(f"{where}: {find!r} is not in control.html. Change it to text that is there.")
        barriers.append(
            Barrier(
                item["id"], item["category"], str(item["wcag"]), item["barrier"], [tuple(c) for c in item["change"]]
            )
        )
    ids = [b.id for b in barriers]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{source}: two barriers have the same id. Give each its own.")
    return barriers


def write_pages(barriers: list[Barrier], out: Path, folder: Path = BARRIERS) -> None:
    control = (folder / "control.html").read_text(encoding="utf-8")
    (out / "control.html").write_text(control, encoding="utf-8")
    for barrier in barriers:
        html = control
        for find, put in barrier.change:
            html = html.replace(find, put, 1)
        (out / f"{barrier.id}.html").write_text(html, encoding="utf-8")


def _part(problem: a11y.Problem) -> str:
    if problem.engine == "axe":
        return "axe 320" if problem.view else "axe 1280"
    if problem.engine == "layout":
        return "text spacing" if problem.rule == "text-spacing" else "320 layout"
    return "HTML checker"


def caught_by(folder: Path, pages: list[str]) -> dict[str, set[str]]:
    """For each page, the parts of the check that found a problem on it."""
    results = a11y.check_site(folder, pages)
    walks = a11y.walk_keyboard(folder, pages)
    parts: dict[str, set[str]] = {page: set() for page in pages}
    for result in results:
        parts[result.page] |= {_part(p) for p in result.problems}
        if result.offsite:
            parts[result.page].add("requests")
    for walk in walks:
        if walk.problems:
            parts[walk.page].add("keyboard")
    return parts


@dataclass
class Score:
    barriers: list[Barrier]
    parts: dict[str, set[str]]
    control: set[str]

    def caught(self, barrier: Barrier) -> bool:
        return bool(self.parts[barrier.id])

    def before(self, barrier: Barrier) -> bool:
        return "axe 1280" in self.parts[barrier.id]

    def by_category(self) -> dict[str, tuple[int, int, int]]:
        """category: (barriers, caught before, caught now)."""
        table = {}
        for category in CATEGORIES:
            mine = [b for b in self.barriers if b.category == category]
            table[category] = (len(mine), sum(map(self.before, mine)), sum(map(self.caught, mine)))
        return table


def score(barriers: list[Barrier] | None = None, keep: Path | None = None) -> Score:
    barriers = load_barriers() if barriers is None else barriers
    with tempfile.TemporaryDirectory() as temp:
        folder = keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        write_pages(barriers, folder)
        found = caught_by(folder, ["control.html", *(f"{b.id}.html" for b in barriers)])
    return Score(barriers, {b.id: found[f"{b.id}.html"] for b in barriers}, found["control.html"])


def _percent(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole) if whole else 0}%)"


def report(result: Score, out=sys.stdout) -> int:
    rows = [["category", "barriers", "before", "now", *PARTS]]
    for category, (count, before, now) in result.by_category().items():
        mine = [b for b in result.barriers if b.category == category]
        rows.append(
            [category, str(count), str(before), str(now)]
            + [str(sum(part in result.parts[b.id] for b in mine)) for part in PARTS]
        )
    total = len(result.barriers)
    before = sum(map(result.before, result.barriers))
    now = sum(map(result.caught, result.barriers))
    rows.append(
        ["all", str(total), _percent(before, total), _percent(now, total)]
        + [str(sum(part in result.parts[b.id] for b in result.barriers)) for part in PARTS]
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip(), file=out)
    only = {
        part: sorted(b.id for b in result.barriers if result.parts[b.id] == {part})
        for part in PARTS
        if part != "axe 1280"
    }
    print("\nCaught by one part alone:", file=out)
    for part, ids in only.items():
        if ids:
            print(f"  {part}: {len(ids)}: {', '.join(ids)}", file=out)
    missed = [b for b in result.barriers if not result.caught(b)]
    print(f"\nMissed ({len(missed)}): no automated check finds these; people testing with the keyboard,", file=out)
    print("a screen reader and their own eyes do.", file=out)
    for b in missed:
        print(f"  {b.category}: {b.id}: {b.barrier} (WCAG {b.wcag})", file=out)
    if result.control:
        print(f"\nThe control page failed ({', '.join(sorted(result.control))}): it must pass.", file=out)
        return 1
    print("\nThe control page passes.", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="keep the pages in this folder")
    args = parser.parse_args(argv)
    return report(score(keep=args.out))


if __name__ == "__main__":
    sys.exit(main())
