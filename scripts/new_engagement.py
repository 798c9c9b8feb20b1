"""Start a new engagement record: asks a few questions, then writes a file with every field explained.

    bash scripts/hub new                      # asks the questions
    bash scripts/hub new --title "Stroke care at home" --lead "Example Vale Hospitals" \
        --type survey --level place --place Northfield --topic Stroke --opens 2027-01-04 --closes 2027-03-01

Answers given as options are not asked again. It will not overwrite a record that is there already.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from hub.records.loading import RECORD_SUFFIXES
from hub.records.model import EngagementType, Level
from hub.records.names import address_problem, slugify
from hub.records.scaffold import scaffold
from hub.settings import SettingsInvalid, settings_from_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent

# The questions, in the order they are asked: (field, question).
QUESTIONS: list[tuple[str, str]] = [
    ("title", "Title: what is it about, in a few words?"),
    ("lead", "Which organisation leads it?"),
    ("type", "Type, one of " + ", ".join(t.value for t in EngagementType) + ":"),
    ("level", "Does it cover the whole area (system), one town (place) or a neighbourhood?"),
    ("places", "Places it covers, with commas between them:"),
    ("topics", "Topics, with commas between them (such as Mental health, Carers):"),
    ("opens", "First day, as YYYY-MM-DD:"),
    ("closes", "Last day, as YYYY-MM-DD:"),
]


def main(argv: list[str] | None = None, ask: Callable[[str], str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if ask is None and sys.stdin.isatty() and not args.no_questions:
        ask = input
    records = _records_folder(args.config)
    answers = {name: getattr(args, name) for name, _ in QUESTIONS if getattr(args, name)}
    for name, question in QUESTIONS:
        while name not in answers and ask is not None:
            reply = ask(question + " ").strip()
            if not reply:
                break  # left empty in the file, to fill in there
            error = _check(name, reply)
            if error:
                print(error)
            else:
                answers[name] = reply
    for name in list(answers):
        error = _check(name, answers[name])
        if error:
            print(error, file=sys.stderr)
            return 1
    slug = args.file or (slugify(str(answers["title"])) if answers.get("title") else None)
    if not slug:
        print("Give the record a name: add --file or --title, such as --file stroke-care-at-home.", file=sys.stderr)
        return 1
    wrong = address_problem(slug)
    if wrong:
        print(f"'{slug}' cannot be a web address: {wrong}. Choose another name with --file.", file=sys.stderr)
        return 1
    taken = [records / f"{slug}{suffix}" for suffix in RECORD_SUFFIXES if (records / f"{slug}{suffix}").exists()]
    if taken:
        print(
            f"{_shown(taken[0])} is there already, so /engagements/{slug}/ is taken. "
            "Choose another name with --file, or edit that record.",
            file=sys.stderr,
        )
        return 1
    path = records / f"{slug}.yaml"
    path.write_text(scaffold(_typed(answers)), encoding="utf-8")
    print(_next_steps(_shown(path), slug))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Start a new engagement record.")
    parser.add_argument("--title")
    parser.add_argument("--lead", help="the organisation that leads it")
    parser.add_argument("--type", choices=[t.value for t in EngagementType])
    parser.add_argument("--level", choices=[level.value for level in Level])
    parser.add_argument("--place", dest="places", action="append", help="a place it covers (repeat for more)")
    parser.add_argument("--topic", dest="topics", action="append", help="a topic (repeat for more)")
    parser.add_argument("--opens", help="the first day, YYYY-MM-DD")
    parser.add_argument("--closes", help="the last day, YYYY-MM-DD")
    parser.add_argument("--file", help="the file name without .yaml; it becomes the page's address")
    parser.add_argument("--no-questions", action="store_true", help="do not ask: leave what is not given to fill in")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the site's mkdocs.yml")
    return parser


def _check(name: str, reply: object) -> str | None:
    """What is wrong with an answer, in plain words, or None."""
    if name in ("opens", "closes"):
        try:
            dt.date.fromisoformat(str(reply))
        except ValueError:
            return f"'{reply}' is not a date. Write it as YYYY-MM-DD, such as 2027-01-04."
    if name == "type" and reply not in {t.value for t in EngagementType}:
        return f"'{reply}' is not a type. Use one of: " + ", ".join(t.value for t in EngagementType) + "."
    if name == "level" and reply not in {level.value for level in Level}:
        return f"'{reply}' is not a level. Use system, place or neighbourhood."
    return None


def _typed(answers: dict[str, object]) -> dict[str, object]:
    typed = dict(answers)
    for name in ("places", "topics"):
        if isinstance(typed.get(name), str):
            typed[name] = [part.strip() for part in str(typed[name]).split(",") if part.strip()]
    for name in ("opens", "closes"):
        if name in typed:
            typed[name] = dt.date.fromisoformat(str(typed[name]))
    return typed


def _records_folder(config: Path) -> Path:
    try:
        return config.resolve().parent / settings_from_mkdocs_yml(config).records
    except SettingsInvalid:
        return config.resolve().parent / "engagements"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _next_steps(shown: str, slug: str) -> str:
    return "\n".join(
        [
            f"Wrote {shown}. Its page will be /engagements/{slug}/.",
            "What to do next, from the folder this hub is in:",
            '  1. Open the file and fill in every empty value (""). Each field has its help on the line above.',
            "     To use an optional field, remove the # at the start of its lines.",
            f"  2. Check it: bash scripts/hub validate {shown}",
            f"  3. Check the words: bash scripts/hub plain-english {shown}",
            f"  4. See the page: bash scripts/serve.sh, then open http://127.0.0.1:8000/engagements/{slug}/",
            "  5. Send it for review, as a branch and a pull request:",
            f"       git switch -c {slug}",
            f"       git add {shown}",
            f'       git commit -m "Add the engagement {slug}"',
            f"       git push -u origin {slug}",
            "     Then open the pull request from the link git prints. The checks run there, and a reviewer reads it.",
            "The guide for staff is the page 'Publish an engagement' on the site.",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
