"""Findings said for people (`path:line:column: rule: message (fix)`) and for GitHub Actions (annotations,
and a table of every finding for the job's summary)."""

from __future__ import annotations

from hub.checks.plain_english.rules import Finding

from . import github


def line(finding: Finding) -> str:
    """path:line:column: rule: message (fix). Warnings say so, as validate.py's do."""
    kind = "warning: " if not finding.is_error else ""
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.rule}: {kind}{finding.message} ({finding.fix})"


def annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command: the finding shows on the file's line in the pull request."""
    kind = "error" if finding.is_error else "warning"
    message = f"{finding.message} ({finding.fix})"
    return github.annotation(
        kind, finding.path, finding.line, f"Plain English: {finding.rule}", message, finding.column
    )


def summary(errors: int, warnings: int, files: int, allowed: int) -> str:
    checked = f"Checked {_count(files, 'file')}"
    kept = (
        f" {_count(allowed, 'passage')} flagged on purpose {'is' if allowed == 1 else 'are'} allowed."
        if allowed
        else ""
    )
    if not errors and not warnings:
        return f"{checked}: the words are plain.{kept}"
    said = f"{checked}: {_count(errors, 'error')} and {_count(warnings, 'warning')}."
    advice = " Fix the errors, then check again." if errors else " Warnings are advice: they do not stop the site."
    return said + advice + kept


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def changed_first(findings: list[Finding], changed: dict[str, set[int]]) -> tuple[list[Finding], list[Finding]]:
    """The findings on lines the change touched, and the rest, each in file order."""
    mine = [f for f in findings if f.line in changed.get(f.path, ())]
    rest = [f for f in findings if f.line not in changed.get(f.path, ())]
    return mine, rest


def to_annotate(findings: list[Finding], changed: dict[str, set[int]] | None) -> list[Finding]:
    """What to show beside its line, in order. GitHub shows only the first 10 errors and 10 warnings of a
    step, so with a change to compare, its own findings come first, then errors elsewhere (they stop the
    site, wherever they are); warnings elsewhere are only in the summary."""
    if changed is None:
        return findings
    mine, rest = changed_first(findings, changed)
    return mine + [f for f in rest if f.is_error]


# The job's summary lists every finding, up to a size GitHub takes in full (1 MB a step).
_MOST_ROWS = 2000


def summary_table(findings: list[Finding], changed: dict[str, set[int]] | None) -> str:
    """Every finding as a Markdown table, those on changed lines first."""
    if not findings:
        return ""
    mine, rest = changed_first(findings, changed) if changed is not None else ([], findings)
    rows = [(f, True) for f in mine] + [(f, False) for f in rest]
    lines = [
        "| Where | Rule | What to fix |" + (" In this change |" if changed is not None else ""),
        "| --- | --- | --- |" + (" --- |" if changed is not None else ""),
    ]
    for finding, in_change in rows[:_MOST_ROWS]:
        kind = "" if finding.is_error else " (warning)"
        cells = [f"`{finding.path}:{finding.line}`", finding.rule + kind, f"{finding.message} ({finding.fix})"]
        if changed is not None:
            cells.append("yes" if in_change else "no")
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if len(rows) > _MOST_ROWS:
        lines.append(f"\n{_count(len(rows) - _MOST_ROWS, 'more finding')} not listed: run the check to see them all.")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
