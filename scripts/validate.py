"""Check every engagement record without building the site.

    bash scripts/hub validate            # the records named in mkdocs.yml
    bash scripts/hub validate FILE ...   # just these files

Prints each problem as `path:line: field: message`, and exits with 1 if there is any.
Warnings (`path:line: field: warning: message`) are advice: they do not change the exit status.
In GitHub Actions each one is also an annotation on its line, and the result goes in the job's summary.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hub import clock
from hub.checks.check_all import available_processes, check_files, check_records
from hub.outputs import github
from hub.records.problems import Problem, RecordsInvalid
from hub.settings import SettingsInvalid, settings_from_mkdocs_yml
from hub.wording import count as count_of

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check engagement records for problems.")
    parser.add_argument("files", nargs="*", type=Path, help="record files to check (default: all of them)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    root = args.config.resolve().parent
    try:
        settings = settings_from_mkdocs_yml(args.config)
        today = clock.today(settings.timezone)
    except (SettingsInvalid, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    if args.files:
        result = check_files(args.files, settings, today, root, processes=available_processes())
    else:
        result = check_records(root, settings, today, processes=available_processes())
    for warning in result.warnings:
        print(warning)
    _annotate(result.problems + result.warnings)
    if result.problems:
        print(RecordsInvalid(result.problems).report())
        github.add_to_summary(
            f"**Records:** {count_of(len(result.problems), 'problem')} to fix. "
            "Each one is shown on its line in the pull request."
        )
        return 1
    count = len(result.summaries)
    fine = "The record is fine" if count == 1 else f"All {count} records are fine"
    advice = f", with {count_of(len(result.warnings), 'warning')} to look at" if result.warnings else ""
    print(f"{fine}{advice}.")
    github.add_to_summary(f"**Records:** {fine}{advice}.")
    return 0


def _annotate(problems: list[Problem]) -> None:
    """In GitHub Actions, show each problem and warning on its line of the pull request too."""
    if not github.in_github():
        return
    for problem in problems:
        kind = "warning" if problem.warning else "error"
        title = f"Record: {problem.field}" if problem.field else "Record"
        print(github.annotation(kind, problem.path, problem.line, title, problem.message))


if __name__ == "__main__":
    sys.exit(main())
