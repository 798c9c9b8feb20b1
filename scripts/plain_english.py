"""Check that every public word on the hub is plain English.

    python scripts/plain_english.py             # every page, record, map file and the hub's own words
    python scripts/plain_english.py PATH ...    # just these files or folders
    python scripts/plain_english.py --rules     # list the rules
    python scripts/plain_english.py --changed-from origin/main   # findings on lines changed since then first

Prints each finding as `path:line:column: rule: message (fix)`; warnings say "warning:".
In GitHub Actions (GITHUB_ACTIONS=true) each finding is also an annotation on its line, and the job's
summary lists every finding. GitHub shows only 10 errors and 10 warnings beside their lines in a step,
so with --changed-from (the pull request's base) the findings on lines the change touched come first,
then errors elsewhere; warnings elsewhere are counted, and listed in the summary. On a pull request
(GITHUB_BASE_REF is set) it compares with origin/BASE unless told otherwise.
Exits with 1 if there is any error; warnings are advice and do not change the exit status.

To allow one flagged passage on purpose (such as an organisation's name), add it, with the reason,
to hooks/hub/data/plain_english_allowed.yaml.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from hub.checks.plain_english import RULES, check_files, hub_files
from hub.checks.plain_english.check import expand
from hub.outputs import github
from hub.outputs.changes import ChangesUnknown, changed_lines
from hub.outputs.plain_english import annotation, changed_first, line, summary, summary_table, to_annotate
from hub.settings import SettingsInvalid, settings_from_mkdocs_yml
from hub.wording import say_count
from hub.words import say

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=say("commands.plain_english.about"))
    parser.add_argument("paths", nargs="*", type=Path, help=say("commands.plain_english.paths"))
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=say("commands.validate.config"))
    parser.add_argument("--errors-only", action="store_true", help=say("commands.plain_english.errors_only"))
    parser.add_argument("--rules", action="store_true", help=say("commands.plain_english.rules"))
    parser.add_argument("--changed-from", metavar="REF", help=say("commands.plain_english.changed_from"))
    args = parser.parse_args(argv)
    if args.rules:
        for rule in RULES.values():
            print(say("plain_english.rule", rule=rule.id, severity=rule.severity.value, checks=rule.checks))
        return 0
    root = args.config.resolve().parent
    changed = None
    pull_request_base = os.environ.get("GITHUB_BASE_REF") if github.in_github() else None
    since = args.changed_from or (f"origin/{pull_request_base}" if pull_request_base else None)
    if since:
        try:
            changed = changed_lines(root, since)
        except ChangesUnknown as error:
            if args.changed_from:
                print(f"--changed-from: {error}", file=sys.stderr)
                return 1
            # Only the order of the findings depends on it: check everything, in file order.
            print(
                github.notice(
                    say("commands.plain_english.name"), say("commands.plain_english.in_file_order", error=error)
                )
            )
    if args.paths:
        files, missing = expand(args.paths)
        for path in missing:
            print(say("commands.plain_english.no_such_path", path=path), file=sys.stderr)
        if missing:
            return 1
    else:
        try:
            settings = settings_from_mkdocs_yml(args.config)
        except SettingsInvalid as error:
            print(error, file=sys.stderr)
            return 1
        files = hub_files(root, settings, _docs_dir(args.config))
    # The full check holds the hub's own words (the catalogue, templates) to the errors; check hooks/hub to see their warnings.
    report = check_files(files, root, report_unused=not args.paths, hub_warnings=bool(args.paths))
    shown = report.errors if args.errors_only else report.findings
    mine, rest = changed_first(shown, changed) if changed is not None else ([], shown)
    if changed is not None:
        print(say("commands.plain_english.on_changed_lines", since=since, mine=f"{len(mine):,}", all=f"{len(shown):,}"))
    for finding in mine + rest:
        print(line(finding))
    if github.in_github():
        annotated = to_annotate(shown, changed)
        for finding in annotated:
            print(annotation(finding))
        if len(annotated) < len(shown):
            hidden = len(shown) - len(annotated)
            print(
                github.notice(say("commands.plain_english.name"), say_count("commands.plain_english.elsewhere", hidden))
            )
    said = summary(len(report.errors), len(report.warnings), report.files, len(report.allowed))
    print(said)
    github.add_to_summary(say("commands.plain_english.summary", said=said))
    table = summary_table(shown, changed)
    if table:
        github.add_to_summary("\n" + table + "\n")
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
