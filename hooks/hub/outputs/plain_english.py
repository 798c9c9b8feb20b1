"""Findings said for people (`path:line:column: rule: message (fix)`) and for GitHub Actions (annotations,
and a table of every finding for the job's summary)."""

from __future__ import annotations

from hub.checks.plain_english.rules import Finding
from hub.wording import say_count
from hub.words import say

from . import github


def line(finding: Finding) -> str:
    """path:line:column: rule: message (fix). Warnings say so, as validate.py's do."""
    kind = f"{say('commands.warning')}: " if not finding.is_error else ""
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.rule}: {kind}{finding.message} ({finding.fix})"


def annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command: the finding shows on the file's line in the pull request."""
    kind = "error" if finding.is_error else "warning"
    message = f"{finding.message} ({finding.fix})"
    return github.annotation(
        kind,
        finding.path,
        finding.line,
        say("commands.plain_english.title", rule=finding.rule),
        message,
        finding.column,
    )


def summary(errors: int, warnings: int, files: int, allowed: int) -> str:
    checked = say_count("commands.plain_english.files", files)
    kept = [say_count("commands.plain_english.allowed", allowed)] if allowed else []
    if not errors and not warnings:
        return " ".join([say("commands.plain_english.plain", checked=checked), *kept])
    said = say(
        "commands.plain_english.found",
        checked=checked,
        errors=say_count("commands.plain_english.errors", errors),
        warnings=say_count("commands.plain_english.warnings", warnings),
    )
    advice = say("commands.plain_english.fix_errors") if errors else say("commands.plain_english.only_advice")
    return " ".join([said, advice, *kept])


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
    heads = [say("commands.plain_english.table.where"), say("commands.plain_english.table.rule")]
    heads.append(say("commands.plain_english.table.fix"))
    if changed is not None:
        heads.append(say("commands.plain_english.table.in_change"))
    lines = ["| " + " | ".join(_cell(h) for h in heads) + " |", "|" + " --- |" * len(heads)]
    for finding, in_change in rows[:_MOST_ROWS]:
        kind = "" if finding.is_error else " " + say("commands.plain_english.table.warning")
        cells = [f"`{finding.path}:{finding.line}`", finding.rule + kind, f"{finding.message} ({finding.fix})"]
        if changed is not None:
            cells.append(
                say("commands.plain_english.table.yes") if in_change else say("commands.plain_english.table.no")
            )
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if len(rows) > _MOST_ROWS:
        lines.append("\n" + say_count("commands.plain_english.table.more", len(rows) - _MOST_ROWS))
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
