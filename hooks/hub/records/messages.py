"""Pydantic's error types, said in plain English with what to do about them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic.fields import FieldInfo

from hub.words import has, plural, say

from .model import PATTERN_MESSAGES


def explain(detail: Mapping[str, Any], field: FieldInfo | None) -> str:
    """The message that follows the field's name: "closes: should be a date ...". The words are the
    catalogue's problems.type.<pydantic's type>."""
    kind = detail["type"]
    context = dict(detail.get("ctx") or {})
    if kind == "string_pattern_mismatch" and context.get("pattern") in PATTERN_MESSAGES:
        return PATTERN_MESSAGES[context["pattern"]]
    if kind == "missing":
        description = field.description if field is not None else None
        return (
            say("problems.type.missing_described", description=description)
            if description
            else say("problems.type.missing")
        )
    if kind == "too_short":
        return say(plural("problems.type.too_short", context.get("min_length", 1)), **context)
    if not has(f"problems.type.{kind}"):
        # Our own checks (PydanticCustomError) speak plain English already: the catalogue's problems.record.*.
        message = detail["msg"]
        if message.startswith("Value error, "):  # a ValueError in a validator: none of ours raises one
            return _sentence(message[len("Value error, ") :])
        return message
    if "expected" in context:
        context["expected"] = _choices(str(context["expected"]))
    return say(f"problems.type.{kind}", **context)


def _choices(expected: str) -> str:
    """Pydantic's "'system', 'place' or 'neighbourhood'" in the catalogue's words: system, place or neighbourhood."""
    choices = re.findall(r"'([^']*)'", expected)
    if len(choices) < 2:
        return expected.replace("'", "")
    return say("problems.type.or", items=say("list.comma").join(choices[:-1]), last=choices[-1])


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
