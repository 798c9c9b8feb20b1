"""Pydantic's error types, said in plain English with what to do about them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic.fields import FieldInfo

from .model import PATTERN_MESSAGES

# Each message follows the field name: "closes: is not a date ...".
_BY_TYPE: dict[str, str] = {
    "missing": "is missing. Add it{hint}.",
    "string_type": "should be text. Put the text in double quotes if it looks like a number or a date.",
    "string_too_short": "is empty. Write something here, or remove the line.",
    "string_too_long": "is too long: keep it to {max_length} letters or fewer.",
    "int_type": "should be a whole number, such as 120.",
    "int_parsing": "should be a whole number, such as 120, with no commas or words.",
    "int_from_float": "should be a whole number, such as 120.",
    "greater_than_equal": "cannot be less than {ge}.",
    "bool_type": "should be true or false.",
    "bool_parsing": "should be true or false.",
    "date_type": "should be a date written as YYYY-MM-DD, such as 2026-12-31.",
    "date_parsing": "should be a date written as YYYY-MM-DD, such as 2026-12-31.",
    "date_from_datetime_parsing": "should be a date written as YYYY-MM-DD, such as 2026-12-31.",
    "date_from_datetime_inexact": "should be a date only, with no time, such as 2026-12-31.",
    "list_type": "should be a list, with each item on its own line starting with a dash (-).",
    "too_short": "needs at least {min_length} item. Add one on a new line starting with a dash (-).",
    "model_type": "should be a group of fields, each on its own line and indented under this one.",
    "model_attributes_type": "should be a group of fields, each on its own line and indented under this one.",
    "dict_type": "should be a group of fields, each on its own line and indented under this one.",
    "enum": "is not one of the choices. Use one of: {expected}.",
    "literal_error": "is not one of the choices. Use one of: {expected}.",
}


def explain(detail: Mapping[str, Any], field: FieldInfo | None) -> str:
    kind = detail["type"]
    context = dict(detail.get("ctx") or {})
    if kind == "string_pattern_mismatch" and context.get("pattern") in PATTERN_MESSAGES:
        return _sentence(PATTERN_MESSAGES[context["pattern"]])
    template = _BY_TYPE.get(kind)
    if template is None:
        # Our own checks (PydanticCustomError) already speak plain English.
        message = detail["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        return _sentence(message)
    description = field.description if field is not None else None
    context["hint"] = f": {description}" if description else ""
    if "expected" in context:
        context["expected"] = str(context["expected"]).replace("'", "")
    message = template.format_map(_Blank(context))
    if kind == "too_short" and context.get("min_length", 1) != 1:
        message = message.replace("item.", "items.")
    return message


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""
