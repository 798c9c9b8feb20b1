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

from hub import words
from hub.words import say

M = TypeVar("M", bound=type[BaseModel])
_models: list[type[BaseModel]] = []  # in the order they were made: a model's parts come before it


def key(model: type[BaseModel], name: str) -> str:
    return f"fields.{model.__module__.rpartition('.')[2]}.{model.__name__}.{name}"


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
