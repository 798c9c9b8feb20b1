"""Each model field's description, in the hub's language: the words catalogue's fields.<module>.<Model>.<field>.

Staff read them (the staff editor's hints, a new record's comments, "is missing. Add it: ...") and so does
the public (the open data page and its schemas). Pydantic fixes a field's description, and the JSON Schema
made from it, when the class is made; so each model is given its descriptions from the catalogue then, and
again, rebuilt, whenever the hub speaks another language (hub.words.use).
"""

from __future__ import annotations

import typing
from enum import Enum
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import core_schema

from hub import words
from hub.words import say

M = TypeVar("M", bound=type[BaseModel])
_models: list[type[BaseModel]] = []  # in the order they were made: a model's parts come before it


def key(model: type[BaseModel], name: str) -> str:
    return f"fields.{model.__module__.rpartition('.')[2]}.{model.__name__}.{name}"


class DescribedSchema(GenerateJsonSchema):
    """A JSON Schema that describes a part of a record (a model, or a set of choices) in the catalogue's words,
    models.<module>.<Model>, where pydantic would give its docstring, which is written for developers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices: dict[str, type[Enum]] = {}

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        return _described(super().model_schema(schema), schema["cls"])

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        # Pydantic gives a set of choices its docstring after this, in its definition: see generate().
        self._choices[schema["cls"].__name__] = schema["cls"]
        return super().enum_schema(schema)

    def generate(self, schema: core_schema.CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        json_schema = super().generate(schema, mode)
        for name, choices in self._choices.items():
            if name in json_schema.get("$defs", {}):
                _described(json_schema["$defs"][name], choices)
        return json_schema


def _described(json_schema: JsonSchemaValue, cls: type) -> JsonSchemaValue:
    model_key = f"models.{cls.__module__.rpartition('.')[2]}.{cls.__name__}"
    if model_key in words.catalogue(words.ENGLISH):
        json_schema["description"] = say(model_key)
    return json_schema


def described(model: M) -> M:
    """Give `model`'s fields their descriptions now, and again whenever the hub's language changes."""
    _models.append(model)
    if _describe(model):
        model.model_rebuild(force=True)
    return model


def _describe(model: type[BaseModel]) -> bool:
    """Set each field's description from the catalogue; True if any changed."""
    changed = False
    for name, field in model.model_fields.items():
        if (field_key := key(model, name)) not in words.catalogue(words.ENGLISH):
            continue
        description = say(field_key, choices=_choices(field.annotation), formatting=say("fields.formatting"))
        if field.description != description:
            field.description = description
            changed = True
    return changed


def _choices(annotation: Any) -> str:
    """The codes a field takes, where it is one of a fixed set (or a list of them): they are the same in any language."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return ", ".join(choice.value for choice in annotation)
    return next((found for inner in typing.get_args(annotation) if (found := _choices(inner))), "")


def _redescribe() -> None:
    # A model's schema holds its parts' schemas as they were when it was built, so once any part changes,
    # every model is rebuilt, parts first.
    if any([_describe(model) for model in _models]):
        for model in _models:
            model.model_rebuild(force=True)


words.on_use(_redescribe)
