"""Load every record file and validate it against the model, collecting every problem."""

from __future__ import annotations

import difflib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from .messages import explain
from .model import SLUG, Engagement
from .problems import Problem
from .yaml_source import Document, Location, YamlProblem, read

RECORD_SUFFIXES = (".yaml", ".yml")
# The longest demo record is 5 KB. A file this big is a mistake, and is refused before it is read.
MAX_FILE_BYTES = 1_000_000
M = TypeVar("M", bound=BaseModel)

if typing.TYPE_CHECKING:
    from .map_loading import AreaMap


@dataclass(frozen=True)
class LoadedRecord:
    """A valid record, with where it came from: `path` is the file as shown in messages."""

    slug: str
    path: Path
    source: Path
    engagement: Engagement
    document: Document

    def line_of(self, dotted_field: str) -> int:
        return self.document.line_of(tuple(dotted_field.split(".")))


@dataclass
class LoadResult:
    records: list[LoadedRecord]
    problems: list[Problem]
    warnings: list[Problem] = field(default_factory=list)
    area: "AreaMap | None" = None


def record_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in RECORD_SUFFIXES)


def load_folder(folder: Path, display_root: Path | None = None) -> LoadResult:
    """Load every record in `folder`; paths in problems are shown relative to `display_root`."""
    if not folder.is_dir():
        shown = _shown(folder, display_root)
        return LoadResult([], [Problem(shown, 1, "", "this folder of engagement records does not exist.")])
    return load_files(record_files(folder), display_root)


def load_files(paths: list[Path], display_root: Path | None = None) -> LoadResult:
    """Load these record files, and find two that would have the same address."""
    result = LoadResult([], [])
    for path in paths:
        shown = _shown(path, display_root)
        if not path.is_file():
            result.problems.append(Problem(shown, 1, "", "there is no such file."))
            continue
        record, found = load_file(path, shown)
        result.problems.extend(found)
        if record is not None:
            result.records.append(record)
    result.problems.extend(_same_address(result.records))
    return result


def load_file(path: Path, shown: Path) -> tuple[LoadedRecord | None, list[Problem]]:
    slug = path.stem
    problems: list[Problem] = []
    if not SLUG.match(slug):
        problems.append(Problem(shown, 1, "", _bad_name(slug, path.suffix)))
    document, found = read_yaml(path, shown)
    problems += found
    if document is None:
        return None, problems
    engagement, found = validate_as(Engagement, document, shown)
    problems += found
    if engagement is None or problems:
        return None, problems
    return LoadedRecord(slug, shown, path, engagement, document), []


def read_yaml(path: Path, shown: Path) -> tuple[Document | None, list[Problem]]:
    """A YAML file's fields with their lines, or the problems that stop it being read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(shown, 1, "", f"this file is {size / 1_000_000:.1f} MB, too big for a record: the most is "
                              f"{MAX_FILE_BYTES // 1_000_000} MB. Check that it is the right file. Put long documents "
                              "on a web page, and link to them.")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(shown, line, "", "this file is not saved as UTF-8 text, so some letters cannot be read. "
                              "Open it in a text editor and save it with the UTF-8 encoding.")]
    try:
        document = read(text)
    except YamlProblem as error:
        return None, [Problem(shown, error.line, "", error.message)]
    if document.data is None:
        return None, [Problem(shown, 1, "", "this file is empty. Copy an existing file as a start, or delete this file.")]
    if not isinstance(document.data, dict):
        return None, [Problem(shown, 1, "", "this file should be a list of fields, one per line, such as 'title: Your say "
                              "on community beds'. Copy an existing file as a start.")]
    return document, []


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
            location = location + tuple(blamed.split("."))
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
    hint = f"Did you mean '{close[0]}'?" if close else "The fields here are: " + ", ".join(known) + "."
    return f"is not a field we know, so it would not be shown. {hint} Fix the name, or remove it."


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


def _same_address(records: list[LoadedRecord]) -> list[Problem]:
    by_slug: dict[str, list[LoadedRecord]] = {}
    for record in records:
        by_slug.setdefault(record.slug, []).append(record)
    problems = []
    for slug, same in by_slug.items():
        if len(same) > 1:
            names = " and ".join(r.path.name for r in same)
            for record in same:
                problems.append(
                    Problem(
                        record.path,
                        1,
                        "",
                        f"{names} would both be shown at the address /engagements/{slug}/. "
                        "Rename one of the files.",
                    )
                )
    return problems


def _bad_name(slug: str, suffix: str) -> str:
    suggestion = "-".join("".join(c if c.isalnum() else " " for c in slug.lower()).split()) or "your-title"
    return (
        f"the file name '{slug}{suffix}' becomes the page's web address, so it may only use "
        f"small letters, numbers and dashes. Rename it, for example to '{suggestion}.yaml'."
    )


def _shown(path: Path, root: Path | None) -> Path:
    if root is None:
        return path
    try:
        return path.relative_to(root)
    except ValueError:
        return path
