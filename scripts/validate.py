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
from hub.wording import say_count
from hub.words import say, use

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=say("commands.validate.about"))
    parser.add_argument("files", nargs="*", type=Path, help=say("commands.validate.files"))
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=say("commands.validate.config"))
    args = parser.parse_args(argv)
    root = args.config.resolve().parent
    try:
        settings = settings_from_mkdocs_yml(args.config)
        use(settings.language)  # its messages in the hub's language, as the build's are
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
        github.add_to_summary(say_count("commands.validate.to_fix", len(result.problems)))
        return 1
    said = _all_fine(len(result.summaries), len(result.warnings))
    print(said)
    github.add_to_summary(say("commands.validate.summary", said=said))
    return 0


def _all_fine(records: int, warnings: int) -> str:
    if records == 1:
        return say_count("commands.validate.one_fine_but", warnings) if warnings else say("commands.validate.one_fine")
    if warnings:
        return say_count("commands.validate.all_fine_but", warnings, records=f"{records:,}")
    return say("commands.validate.all_fine", n=f"{records:,}")


def _annotate(problems: list[Problem]) -> None:
    """In GitHub Actions, show each problem and warning on its line of the pull request too."""
    if not github.in_github():
        return
    for problem in problems:
        kind = "warning" if problem.warning else "error"
        title = (
            say("commands.validate.title_field", field=problem.field)
            if problem.field
            else say("commands.validate.title")
        )
        print(github.annotation(kind, problem.path, problem.line, title, problem.message))


if __name__ == "__main__":
    sys.exit(main())
