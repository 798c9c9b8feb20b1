"""Warnings for staff where a record or the map seems to hold a person's own email address or phone number.

What counts as personal, and how the public copies leave it out, is in hub/records/personal_data.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from hub.records.loading import LoadedRecord, dotted
from hub.records.map_loading import AreaMap, Located
from hub.records.personal_data import CONTACT_FIELDS, find_personal_data, may_hold_personal_data
from hub.records.problems import Problem
from hub.records.yaml_source import Document
from hub.words import say


def personal_data_warnings(record: LoadedRecord) -> list[Problem]:
    """A warning for each free-text field that has a private-looking email address or phone number."""
    if not may_hold_personal_data(record):
        return []
    return _warnings(record.engagement, (), record.path, record.document)


def map_personal_data_warnings(area: AreaMap) -> list[Problem]:
    """The same for the decisions map, which is public too: each body and decision."""
    # Each file is looked at once as a whole: looking at the whole file again for each of its items took
    # seconds for a map with thousands of decisions.
    located: list[Located[Any]] = [*area.bodies, *area.decisions]
    documents = {id(item.document): item.document for item in located}
    suspect = {key for key, document in documents.items() if find_personal_data(document.text)}
    return [
        warning
        for item in located
        if id(item.document) in suspect
        for warning in _warnings(item.item, item.location, item.path, item.document)
    ]


def _warnings(item: BaseModel, location: tuple, path: Path, document: Document) -> list[Problem]:
    return [
        Problem(
            path,
            document.line_of(where),
            dotted(where),
            say("warnings.personal_data", detail=detail.hint),
            warning=True,
        )
        for where, text in _free_text(item, location)
        for detail in find_personal_data(text)
    ]


def _free_text(value: object, location: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _free_text(item, location + (index,))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if (type(value), name) not in CONTACT_FIELDS:
                yield from _free_text(getattr(value, name), location + (name,))
