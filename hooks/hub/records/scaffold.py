"""A new, blank engagement record: every field present, each with its help in a comment.

Made from the model, so a new field appears here with its description and nothing falls out of step.
Fields that must be filled in are left empty ("") or hold the answers given; optional fields are
comment lines (starting with #) that staff can turn on by removing the #.
"""

from __future__ import annotations

import datetime as dt
import json
import typing

from pydantic import BaseModel

from hub.words import say

from .model import Engagement
from .schema import SCHEMA_COMMENT

# Fields that are not part of a new record: the demo records' mark.
_LEFT_OUT = {"example"}
# Optional, but nearly every engagement has one: on, for staff to fill in or remove.
_ON = {"closes"}


def scaffold(answers: dict[str, object]) -> str:
    """The text of a new record; `answers` fill in top-level fields, such as title or opens."""
    intro = [say("commands.new.record.fill_in"), say("commands.new.record.help"), say("commands.new.record.outcome")]
    lines = [SCHEMA_COMMENT, *(f"# {line}" for line in intro), ""]
    lines += [f"{indent}{mark}{text}" for _, indent, mark, text in _fields(Engagement, answers, "", False)]
    return "\n".join(lines) + "\n"


# A line: whether it is a field (not help), its indent, "# " or "", and its text.
_Line = tuple[bool, str, str, str]


def _fields(model: type[BaseModel], answers: dict, indent: str, optional: bool) -> list[_Line]:
    lines: list[_Line] = []
    for name, info in model.model_fields.items():
        if name in _LEFT_OUT:
            continue
        off = optional or not (info.is_required() or name in _ON)
        mark = "# " if off else ""
        if info.description:
            lines.append((False, indent, "# ", _sentence(info.description)))
        inner, is_list = _inner(info.annotation)
        if name in answers:
            value = answers[name]
            if isinstance(value, list):
                lines.append((True, indent, mark, f"{name}:"))
                lines += [(True, indent + "  ", mark, f"- {_scalar(v)}") for v in value]
            else:
                lines.append((True, indent, mark, f"{name}: {_scalar(value)}"))
        elif inner is not None:
            lines.append((True, indent, mark, f"{name}:"))
            lines += _item(inner, indent + "  ", off) if is_list else _fields(inner, {}, indent + "  ", off)
        elif is_list:
            lines += [(True, indent, mark, f"{name}:"), (True, indent + "  ", mark, '- ""')]
        elif typing.get_origin(info.annotation) is dict:
            lines.append((True, indent, mark, f"{name}: {{}}"))  # names and numbers below it, such as age
        else:
            lines.append((True, indent, mark, f'{name}: ""'))
    return lines


def _item(model: type[BaseModel], indent: str, optional: bool) -> list[_Line]:
    """One list item: its fields, the first one after a dash ("- name: ...")."""
    lines = _fields(model, {}, indent + "  ", optional)
    first = next(number for number, line in enumerate(lines) if line[0])
    _, _, mark, text = lines[first]
    lines[first] = (True, indent, mark, f"- {text}")
    return lines


def _scalar(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    # JSON strings are YAML strings: quotes and colons in a title stay safe.
    return json.dumps(str(value), ensure_ascii=False)


def _inner(annotation: object) -> tuple[type[BaseModel] | None, bool]:
    """The model inside a field's type, if any, and whether the field is a list."""
    if typing.get_origin(annotation) is list:
        return _inner(typing.get_args(annotation)[0])[0], True
    for argument in (annotation, *typing.get_args(annotation)):
        if isinstance(argument, type) and issubclass(argument, BaseModel):
            return argument, False
    return None, False


def _sentence(description: str) -> str:
    text = description[0].upper() + description[1:]
    return text if text.endswith((".", "?", "!")) else text + "."
