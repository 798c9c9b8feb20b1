"""Findings said for people (`path:line:column: rule: message (fix)`) and for GitHub Actions (annotations)."""

from __future__ import annotations

from .rules import Finding


def line(finding: Finding) -> str:
    """path:line:column: rule: message (fix). Warnings say so, as validate.py's do."""
    kind = "warning: " if not finding.is_error else ""
    return f"{finding.path}:{finding.line}:{finding.column}: {finding.rule}: {kind}{finding.message} ({finding.fix})"


def annotation(finding: Finding) -> str:
    """A GitHub Actions workflow command: the finding shows on the file's line in the pull request."""
    command = "error" if finding.is_error else "warning"
    properties = ",".join(
        f"{name}={_property(str(value))}"
        for name, value in (
            ("file", finding.path),
            ("line", finding.line),
            ("col", finding.column),
            ("title", f"Plain English: {finding.rule}"),
        )
    )
    return f"::{command} {properties}::{_data(f'{finding.message} ({finding.fix})')}"


def summary(errors: int, warnings: int, files: int, allowed: int) -> str:
    checked = f"Checked {_count(files, 'file')}"
    kept = f" {_count(allowed, 'passage')} flagged on purpose {'is' if allowed == 1 else 'are'} allowed." if allowed else ""
    if not errors and not warnings:
        return f"{checked}: the words are plain.{kept}"
    said = f"{checked}: {_count(errors, 'error')} and {_count(warnings, 'warning')}."
    advice = " Fix the errors, then check again." if errors else " Warnings are advice: they do not stop the site."
    return said + advice + kept


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


# GitHub's escaping for workflow commands: https://github.com/actions/toolkit (core/src/command.ts)
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
