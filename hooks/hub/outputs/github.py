"""GitHub Actions workflow commands: a problem shown on its file's line in a pull request, and a summary."""

from __future__ import annotations

import os

# The variable that names the summary file (a raw string: a name, not words for people).
_SUMMARY_FILE = r"GITHUB_STEP_SUMMARY"


def in_github() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def annotation(kind: str, path: object, line: int, title: str, message: str, column: int | None = None) -> str:
    """`kind` is error or warning. GitHub shows the message on that line of the changed file."""
    where = [("file", path), ("line", line)] + ([("col", column)] if column else []) + [("title", title)]
    properties = ",".join(f"{name}={_property(str(value))}" for name, value in where)
    return f"::{kind} {properties}::{_data(message)}"


def notice(title: str, message: str) -> str:
    """A note for the whole step, not on a line."""
    return f"::notice title={_property(title)}::{_data(message)}"


def add_to_summary(text: str) -> None:
    """Add a line to the job's summary page, when running in GitHub Actions."""
    summary = os.environ.get(_SUMMARY_FILE)
    if summary:
        with open(summary, "a", encoding="utf-8") as file:
            file.write(text + "\n")


# GitHub's escaping for workflow commands: https://github.com/actions/toolkit (core/src/command.ts)
def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
