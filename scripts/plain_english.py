"""Check that every public word on the hub is plain English.

    python scripts/plain_english.py             # every page, record, map file and the hub's own words
    python scripts/plain_english.py PATH ...    # just these files or folders
    python scripts/plain_english.py --rules     # list the rules

Prints each finding as `path:line:column: rule: message (fix)`; warnings say "warning:".
In GitHub Actions (GITHUB_ACTIONS=true) each finding is also an annotation on its line.
Exits with 1 if there is any error; warnings are advice and do not change the exit status.

To allow one flagged passage on purpose (such as an organisation's name), add it, with the reason,
to hooks/hub/data/plain_english_allowed.yaml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from hub.checks.plain_english import RULES, check_files, hub_files
from hub.checks.plain_english.check import expand
from hub.outputs import github
from hub.outputs.plain_english import annotation, line, summary
from hub.settings import SettingsInvalid, settings_from_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that the hub's public words are plain English.")
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to check (default: all of the hub)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--errors-only", action="store_true", help="do not show warnings")
    parser.add_argument("--rules", action="store_true", help="list the rules and stop")
    args = parser.parse_args(argv)
    if args.rules:
        for rule in RULES.values():
            print(f"{rule.id} ({rule.severity.value}): {rule.checks}")
        return 0
    root = args.config.resolve().parent
    if args.paths:
        files, missing = expand(args.paths)
        for path in missing:
            print(f"{path}: there is no such file or folder.", file=sys.stderr)
        if missing:
            return 1
    else:
        try:
            settings = settings_from_mkdocs_yml(args.config)
        except SettingsInvalid as error:
            print(error, file=sys.stderr)
            return 1
        files = hub_files(root, settings, _docs_dir(args.config))
    # The full check holds the hub's own words (code, templates) to the errors; check hooks/hub to see their warnings.
    report = check_files(files, root, report_unused=not args.paths, hub_warnings=bool(args.paths))
    shown = report.errors if args.errors_only else report.findings
    for finding in shown:
        print(line(finding))
        if github.in_github():
            print(annotation(finding))
    said = summary(len(report.errors), len(report.warnings), report.files, len(report.allowed))
    print(said)
    github.add_to_summary(f"**Plain English:** {said}")
    return 1 if report.errors else 0


def _docs_dir(config: Path) -> str:
    """MkDocs's docs_dir, read without MkDocs (its own tags, such as !ENV, are ignored)."""

    class Tolerant(yaml.SafeLoader):
        pass

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=Tolerant) or {}
    return str(data.get("docs_dir") or "docs")


if __name__ == "__main__":
    sys.exit(main())
