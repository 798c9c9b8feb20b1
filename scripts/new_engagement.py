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
from hub.words import say, use

ROOT = Path(__file__).resolve().parent.parent

# The fields asked about, in the order they are asked; the questions are commands.new.questions.<field>.
QUESTIONS = ("title", "lead", "type", "level", "places", "topics", "opens", "closes")
_TYPES = ", ".join(t.value for t in EngagementType)


def main(argv: list[str] | None = None, ask: Callable[[str], str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if ask is None and sys.stdin.isatty() and not args.no_questions:
        ask = input
    records = _records_folder(args.config)
    answers = {name: getattr(args, name) for name in QUESTIONS if getattr(args, name)}
    for name in QUESTIONS:
        while name not in answers and ask is not None:
            reply = ask(say(f"commands.new.questions.{name}", types=_TYPES) + " ").strip()
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
        print(say("commands.new.no_name"), file=sys.stderr)
        return 1
    wrong = address_problem(slug)
    if wrong:
        print(say("commands.new.not_an_address", name=slug, wrong=wrong), file=sys.stderr)
        return 1
    taken = [records / f"{slug}{suffix}" for suffix in RECORD_SUFFIXES if (records / f"{slug}{suffix}").exists()]
    if taken:
        print(say("commands.new.taken", file=_shown(taken[0]), slug=slug), file=sys.stderr)
        return 1
    path = records / f"{slug}.yaml"
    path.write_text(scaffold(_typed(answers)), encoding="utf-8")
    print(_next_steps(_shown(path), slug))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=say("commands.new.about"))
    parser.add_argument("--title")
    parser.add_argument("--lead", help=say("commands.new.help.lead"))
    parser.add_argument("--type", choices=[t.value for t in EngagementType])
    parser.add_argument("--level", choices=[level.value for level in Level])
    parser.add_argument("--place", dest="places", action="append", help=say("commands.new.help.place"))
    parser.add_argument("--topic", dest="topics", action="append", help=say("commands.new.help.topic"))
    parser.add_argument("--opens", help=say("commands.new.help.opens"))
    parser.add_argument("--closes", help=say("commands.new.help.closes"))
    parser.add_argument("--file", help=say("commands.new.help.file"))
    parser.add_argument("--no-questions", action="store_true", help=say("commands.new.help.no_questions"))
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help=say("commands.validate.config"))
    return parser


def _check(name: str, reply: object) -> str | None:
    """What is wrong with an answer, in plain words, or None."""
    if name in ("opens", "closes"):
        try:
            dt.date.fromisoformat(str(reply))
        except ValueError:
            return say("commands.new.not_a_date", value=reply)
    if name == "type" and reply not in {t.value for t in EngagementType}:
        return say("commands.new.not_a_type", value=reply, types=_TYPES)
    if name == "level" and reply not in {level.value for level in Level}:
        return say("commands.new.not_a_level", value=reply)
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
    """Where records go, from mkdocs.yml; from then on the command speaks the hub's language, as the new
    record's comments do. With mkdocs.yml unreadable, the usual folder (validate and the build say why)."""
    try:
        settings = settings_from_mkdocs_yml(config)
        use(settings.language)
    except (SettingsInvalid, ValueError):
        return config.resolve().parent / "engagements"
    return config.resolve().parent / settings.records


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _next_steps(shown: str, slug: str) -> str:
    return "\n".join(
        [
            say("commands.new.next.wrote", file=shown, slug=slug),
            say("commands.new.next.steps"),
            say("commands.new.next.fill_in"),
            say("commands.new.next.optional"),
            say("commands.new.next.validate", file=shown),
            say("commands.new.next.words", file=shown),
            say("commands.new.next.see", slug=slug),
            say("commands.new.next.send"),
            f"       git switch -c {slug}",
            f"       git add {shown}",
            say("commands.new.next.commit", slug=slug),
            f"       git push -u origin {slug}",
            say("commands.new.next.pull_request"),
            say("commands.new.next.guide"),
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
