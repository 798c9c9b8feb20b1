"""Findings said for people (`path:line:column: rule: message (fix)`) and for GitHub Actions (annotations)."""

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
