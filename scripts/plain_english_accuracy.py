"""How well the plain-English check does on the labelled corpus: precision and recall for each rule.

    python scripts/plain_english_accuracy.py            # the table
    python scripts/plain_english_accuracy.py --show     # and every miss and false alarm

The corpus (tests/plain_english_corpus.txt) holds plain texts that a good editor would pass, and texts
with one known problem each, labelled with the rule that should flag it. Each text is checked as a
paragraph of a Markdown page, on its own, as the check reads a page.

For each rule: a hit is a text labelled with the rule that the rule flags; a miss is one it does not flag;
a false alarm is any other text that the rule flags. Precision is hits / (hits + false alarms), recall is
hits / (hits + misses). A plain text is "blocked" when it draws an error, which would stop publishing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hub.checks.plain_english.language import Language, load_language
from hub.checks.plain_english.markdown_pages import page_source
from hub.checks.plain_english.rules import Finding, check_source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "plain_english_corpus.txt"
PLAIN = "plain"
_SECTION = re.compile(r"^\[([a-z-]+)\]$")


@dataclass(frozen=True)
class Text:
    line: int
    label: str  # "plain", or the id of the rule that should flag it
    text: str


@dataclass
class Result:
    texts: list[tuple[Text, list[Finding]]] = field(default_factory=list)

    def plain(self) -> list[tuple[Text, list[Finding]]]:
        return [(t, f) for t, f in self.texts if t.label == PLAIN]

    def problems(self) -> list[tuple[Text, list[Finding]]]:
        return [(t, f) for t, f in self.texts if t.label != PLAIN]

    @property
    def plain_with_findings(self) -> int:
        return sum(1 for _, found in self.plain() if found)

    @property
    def plain_blocked(self) -> int:
        return sum(1 for _, found in self.plain() if any(f.is_error for f in found))

    @property
    def problems_flagged(self) -> int:
        return sum(1 for text, found in self.problems() if any(f.rule == text.label for f in found))

    def by_rule(self) -> dict[str, tuple[int, int, int]]:
        """rule -> (hits, misses, false alarms), for every rule that is a label or that fired."""
        hits: Counter[str] = Counter()
        misses: Counter[str] = Counter()
        false: Counter[str] = Counter()
        for text, found in self.texts:
            fired = {f.rule for f in found}
            if text.label != PLAIN:
                (hits if text.label in fired else misses)[text.label] += 1
            for rule in fired - {text.label}:
                false[rule] += 1
        rules = sorted(set(hits) | set(misses) | set(false))
        return {rule: (hits[rule], misses[rule], false[rule]) for rule in rules}


def read_corpus(path: Path = CORPUS) -> list[Text]:
    texts, label = [], None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        section = _SECTION.match(line)
        if section:
            label = section[1]
        elif label is None:
            raise ValueError(f"{path}:{number}: a text comes before the first [section] line")
        else:
            texts.append(Text(number, label, line))
    return texts


def measure(texts: list[Text], language: Language | None = None) -> Result:
    language = language or load_language()
    result = Result()
    for text in texts:
        source = page_source(f"corpus line {text.line}", text.text + "\n")
        result.texts.append((text, check_source(source, language)))
    return result


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def report(result: Result, show: bool = False) -> str:
    plain, problems = len(result.plain()), len(result.problems())
    lines = [
        f"Plain texts: {plain}. With any finding: {result.plain_with_findings} "
        f"({percent(result.plain_with_findings, plain)}). Blocked by an error: {result.plain_blocked} "
        f"({percent(result.plain_blocked, plain)}).",
        f"Problem texts: {problems}. Flagged by their rule: {result.problems_flagged} "
        f"({percent(result.problems_flagged, problems)}).",
        "",
        f"{'rule':<22}{'labelled':>9}{'hits':>6}{'misses':>8}{'false alarms':>14}{'precision':>11}{'recall':>8}",
    ]
    for rule, (hits, misses, false) in result.by_rule().items():
        lines.append(
            f"{rule:<22}{hits + misses:>9}{hits:>6}{misses:>8}{false:>14}"
            f"{percent(hits, hits + false):>11}{percent(hits, hits + misses):>8}"
        )
    if show:
        lines.append("")
        for text, found in result.texts:
            fired = {f.rule for f in found}
            if text.label != PLAIN and text.label not in fired:
                lines.append(f"miss, line {text.line} ({text.label}): {text.text}")
            for f in found:
                if f.rule != text.label:
                    kind = "error" if f.is_error else "warning"
                    lines.append(f"false alarm ({kind}), line {text.line}: {f.rule}: {f.message}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the labelled corpus")
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    print(report(measure(read_corpus(args.corpus)), show=args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
