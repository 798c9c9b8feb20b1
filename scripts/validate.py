"""Check every engagement record without building the site.

    python scripts/validate.py            # the records named in mkdocs.yml
    python scripts/validate.py FILE ...   # just these files

Prints each problem as `path:line: field: message`, and exits with 1 if there is any.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hub import clock
from hub.checks import dated_problems
from hub.loading import load_file
from hub.pipeline import check_records
from hub.problems import Problem, RecordsInvalid
from hub.settings import SettingsInvalid, settings_from_mkdocs_yml

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
        problems, count = _check_files(args.files, today)
    else:
        result = check_records(root, settings, today)
        problems, count = result.problems, len(result.records)
    if problems:
        print(RecordsInvalid(problems).report())
        return 1
    print("The record is fine." if count == 1 else f"All {count} records are fine.")
    return 0


def _check_files(files: list[Path], today) -> tuple[list[Problem], int]:
    problems: list[Problem] = []
    good = []
    for path in files:
        if not path.is_file():
            problems.append(Problem(path, 1, "", "there is no such file."))
            continue
        record, found = load_file(path, path)
        problems.extend(found)
        if record is not None:
            good.append(record)
    return problems + dated_problems(good, today), len(good)


if __name__ == "__main__":
    sys.exit(main())
