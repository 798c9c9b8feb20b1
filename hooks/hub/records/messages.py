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
        return _sentence(PATTERN_MESSAGES[context["pattern"]])
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
        # Our own checks (PydanticCustomError) already speak plain English, from the catalogue too.
        message = detail["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        return _sentence(message)
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
