"""Load every record file and validate it against the model, collecting every problem."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import errno
import os
import stat
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from hub.wording import say_count
from hub.words import say

from .messages import explain
from .model import Engagement, Level
from .names import address_problem, slugify
from .problems import Problem
from .yaml_source import Document, Location, YamlProblem, read

RECORD_SUFFIXES = (".yaml", ".yml")
# The longest demo record is 5 KB. A file this big is a mistake, and is refused before it is read.
MAX_FILE_BYTES = 1_000_000
M = TypeVar("M", bound=BaseModel)
# The closing day of an engagement that carries on, where a day is needed to compare: far after any other.
CARRIES_ON = dt.date(9000, 1, 1)


@dataclass(frozen=True)
class LoadedRecord:
    """A valid record, with where it came from: `path` is the file as shown in messages."""

    slug: str
    path: Path
    source: Path
    engagement: Engagement
    document: Document
    # Nothing in its file looks like a person's own details: found as its text is dropped (without_lines).
    plain: bool = False

    def line_of(self, dotted_field: str) -> int:
        return self.document.line_of(tuple(dotted_field.split(".")))

    def without_lines(self, plain: bool) -> LoadedRecord:
        """The record without the data it was read into and where each field is in it: once the checks have
        their lines, the pages need neither. Its text goes too if it is `plain` (nothing in it looks like a
        person's own details: personal_data.plain_text); otherwise it stays, for its public copy to look at
        field by field. The text of 10,000 records took 35 MB for the whole build."""
        return dataclasses.replace(self, document=Document(None, "" if plain else self.document.text), plain=plain)

    @property
    def summary(self) -> Summary:
        e = self.engagement
        return Summary(
            self.slug,
            self.path,
            e.title,
            e.level,
            tuple(e.topics),
            tuple(e.places),
            tuple(e.who_for),
            e.opens,
            e.closes or CARRIES_ON,
            self.line_of("topics"),
            self.line_of("title"),
        )


class Summary(NamedTuple):
    """What the checks across records need from one record.

    It is small, so records can be checked in other processes and only their summaries sent back:
    sending a whole record took as long as checking it. A named tuple is quicker to make and to send
    than a dataclass, and it holds one path, since a path is the slowest part to send.
    """

    slug: str
    path: Path  # as shown in messages
    title: str
    level: Level
    topics: tuple[str, ...]
    places: tuple[str, ...]
    who_for: tuple[str, ...]
    opens: dt.date
    closes: dt.date  # CARRIES_ON for one with no closing date, so comparing dates needs no special case
    topics_line: int  # where warnings about overlaps point
    title_line: int  # where a warning about two records with one title points


def record_files(folder: Path) -> list[Path]:
    """The records in `folder`: its ordinary files named .yaml or .yml. Links are not followed, so a
    record can never come from outside the repository; `other_entries` says what else is there."""
    # os.scandir knows which entries are files without asking the disk again, and names sort faster than
    # paths: at 10,000 records this took 0.4 s with Path.iterdir and sorted paths.
    with os.scandir(folder) as entries:
        names = sorted(
            e.name for e in entries if e.name.lower().endswith(RECORD_SUFFIXES) and e.is_file(follow_symlinks=False)
        )
    return [folder / name for name in names]


def other_entries(folder: Path, display_root: Path | None) -> list[Problem]:
    """A problem for everything in `folder` that looks like a record but will not be read as one, so
    nothing is left out without a word: links, folders, records in folders, pipes and devices."""
    problems = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            path = shown(Path(entry.path), display_root)
            is_record_name = entry.name.lower().endswith(RECORD_SUFFIXES)
            if entry.is_symlink():
                problems.append(Problem(path, 1, "", say("problems.file.link")))
            elif entry.is_dir(follow_symlinks=False):
                inside = [p for p in Path(entry.path).rglob("*") if p.name.lower().endswith(RECORD_SUFFIXES)]
                if is_record_name or inside:
                    problems.append(Problem(path, 1, "", _folder_message(folder.name, len(inside))))
            elif is_record_name and not entry.is_file(follow_symlinks=False):
                problems.append(Problem(path, 1, "", say("problems.file.not_a_file")))
    return problems


def _folder_message(parent: str, records: int) -> str:
    if not records:
        return say("problems.file.folder")
    return say_count("problems.file.folder_of_records", records, parent=parent)


def load_each(
    paths: list[Path], display_root: Path | None = None
) -> Iterator[tuple[LoadedRecord | None, list[Problem]]]:
    """Each file's record (None if it has problems) and its problems, one file at a time.

    A caller that needs each record only for a moment keeps memory small: at 10,000 records, holding
    them all took 400 MB, and a tenth of the time went on asking the system for that memory.
    """
    # Records share a folder: working out how to show it once, not for each file, saves time at thousands.
    # The folder's name is found as text: a Path for each took a tenth of a second at 10,000 records.
    shown_folders: dict[str, Path] = {}
    for path in paths:
        folder, _, name = os.fspath(path).rpartition(os.sep)
        if folder not in shown_folders:
            shown_folders[folder] = shown(path.parent, display_root)
        yield load_file(path, shown_folders[folder] / name)


def load_file(path: Path, shown: Path, raw: bytes | None = None) -> tuple[LoadedRecord | None, list[Problem]]:
    """The record in `path` (its bytes `raw`, if they were read already) and its problems."""
    slug = path.stem
    problems: list[Problem] = []
    wrong = address_problem(slug)
    if wrong:
        problems.append(Problem(shown, 1, "", _bad_name(slug, path.suffix, wrong)))
    document, found = read_yaml(path, shown, raw)
    problems += found
    if document is None:
        return None, problems
    engagement, found = validate_as(Engagement, document, shown)
    problems += found
    if engagement is None or problems:
        return None, problems
    return LoadedRecord(slug, shown, path, engagement, document), []


def read_yaml(path: Path, shown: Path, raw: bytes | None = None) -> tuple[Document | None, list[Problem]]:
    """A YAML file's fields with their lines, or the problems that stop it being read."""
    try:
        raw = _read_bytes(path) if raw is None else raw
    except _NotAFile as error:
        return None, [Problem(shown, 1, "", error.message)]
    except (FileNotFoundError, NotADirectoryError):
        return None, [Problem(shown, 1, "", say("problems.file.missing"))]
    except OSError as error:
        # A link (O_NOFOLLOW refuses it), or a file the system will not let us read.
        message = (
            say("problems.file.link")
            if error.errno == errno.ELOOP
            else say("problems.file.cannot_read", reason=error.strerror)
        )
        return None, [Problem(shown, 1, "", message)]
    except _TooBig as error:
        return None, [
            Problem(
                shown,
                1,
                "",
                say("problems.file.too_big", size=f"{error.size / 1_000_000:.1f}", most=MAX_FILE_BYTES // 1_000_000),
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(shown, line, "", say("problems.file.not_utf8"))]
    try:
        document = read(text)
    except YamlProblem as error:
        return None, [Problem(shown, error.line, "", error.message)]
    if document.data is None:
        return None, [Problem(shown, 1, "", say("problems.file.empty"))]
    if not isinstance(document.data, dict):
        return None, [Problem(shown, 1, "", say("problems.file.not_fields"))]
    return document, []


def record_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None where read_yaml would find a problem with the file itself."""
    try:
        return _read_bytes(path)
    except (OSError, _NotAFile, _TooBig):
        return None


class _TooBig(Exception):
    def __init__(self, size: int):
        self.size = size


class _NotAFile(Exception):
    def __init__(self, message: str):
        self.message = message


def _read_bytes(path: Path) -> bytes:
    # The operating system's own calls: Python's buffered file object took twice as long at 10,000 files.
    # Never through a link (it could point outside the repository), and never waiting on a pipe.
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise _NotAFile(say("problems.file.is_folder"))
        if not stat.S_ISREG(status.st_mode):
            raise _NotAFile(say("problems.file.not_a_file"))
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise _TooBig(size)
        raw = os.read(descriptor, size + 1)
        if len(raw) <= size:
            return raw
        # The file grew after it was measured (it is still being written): read the rest too, up to the limit.
        chunks, total = [raw], len(raw)
        while chunks[-1] and total <= MAX_FILE_BYTES:
            chunks.append(os.read(descriptor, 1 << 16))
            total += len(chunks[-1])
        if total > MAX_FILE_BYTES:
            raise _TooBig(total)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_as(model: type[M], path: Path, shown: Path) -> tuple[Document | None, M | None, list[Problem]]:
    """A YAML file read and checked as a `model`: the document (for lines), the model, and the problems."""
    document, problems = read_yaml(path, shown)
    if document is None:
        return None, None, problems
    parsed, found = validate_as(model, document, shown)
    return document, parsed, problems + found


def validate_as(model: type[M], document: Document, shown: Path) -> tuple[M | None, list[Problem]]:
    """The document as a `model`, or a plain-English problem for each thing wrong with it."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        try:
            # PyYAML reads the file again: it may find the YAML itself at fault, and it knows every line.
            document = document.explained()
        except YamlProblem as problem:
            return None, [Problem(shown, problem.line, "", problem.message)]
        return None, _problems_from(error, model, document, shown)


def _problems_from(error: ValidationError, model: type[BaseModel], document: Document, shown: Path) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        location: Location = tuple(detail["loc"])
        blamed = (detail.get("ctx") or {}).get("field")
        if blamed:
            # Numbers in it are places in a list, counting from 0, as in pydantic's own locations.
            location = location + tuple(int(part) if part.isdigit() else part for part in blamed.split("."))
        if detail["type"] == "extra_forbidden":
            message = _unknown_field(model, location)
        else:
            message = explain(detail, _field_info(model, location))
        problems.append(Problem(shown, document.line_of(location), dotted(location), message))
    return problems


def _unknown_field(model: type[BaseModel], location: Location) -> str:
    name = str(location[-1])
    known = list(_model_at(model, location[:-1]).model_fields)
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return say("problems.unknown_field.close", close=close[0])
    return say("problems.unknown_field.list", fields=", ".join(known))


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel]:
    """The model that holds the fields at `location` (list items are skipped)."""
    for part in location:
        if isinstance(part, int):
            continue
        model = _inner_model(model.model_fields[part].annotation)
    return model


def _inner_model(annotation: object) -> type[BaseModel]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        try:
            return _inner_model(argument)
        except LookupError:
            continue
    raise LookupError(annotation)


def _field_info(model: type[BaseModel], location: Location) -> FieldInfo | None:
    index = _last_name(location)
    if index < 0:
        return None
    try:
        return _model_at(model, location[:index]).model_fields.get(str(location[index]))
    except LookupError:
        return None


def _last_name(location: Location) -> int:
    names = [i for i, part in enumerate(location) if isinstance(part, str)]
    return names[-1] if names else -1


def dotted(location: Location) -> str:
    """take_part.events[2].date: item numbers count from 1, as people count."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + part
    return text


def _bad_name(slug: str, suffix: str, wrong: str) -> str:
    suggestion = slugify(slug)
    if address_problem(suggestion):  # such as a name the hub uses itself
        suggestion = slugify(say("problems.file.bad_name_other", name=slug))
    return say("problems.file.bad_name", name=f"{slug}{suffix}", wrong=wrong, suggestion=suggestion)


def shown(path: Path, root: Path | None) -> Path:
    """`path` as messages show it: from `root` when it is inside it."""
    if root is None:
        return path
    try:
        return path.relative_to(root)
    except ValueError:
        return path
