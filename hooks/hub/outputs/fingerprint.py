"""A fingerprint of what a page or file is made from, so that `mkdocs serve` makes again only those whose
inputs changed since its last rebuild.

A page is made from its template and the values given to it. The fingerprint is a hash of those values, where
an engagement counts as its file's bytes (a record is all that an entry's status, scorecard and promises are
worked out from, with the date and settings), and the hub as a whole (`Catalogue`) as `Inputs.shared`: the date,
the settings, the templates and words, the map, lists and population, and the pages' addresses for places,
topics and organisations. So a template may ask the catalogue only for those (tests/test_incremental.py holds
the list), and the map's view only about the map; anything else about other records must be given to the page
as a value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import inspect
import numbers
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Tracked
from hub.facts.entries import Entry
from hub.facts.map_view import MapView
from hub.records.loading import LoadedRecord

T = TypeVar("T")


class Unknown(Exception):
    """A value the fingerprint cannot follow: its page is made every time."""


class Inputs:
    """What the fingerprints of one build's pages are made from."""

    def __init__(self, shared: object, digests: dict[str, bytes], catalogue: Catalogue) -> None:
        self.shared = _hash((shared,))  # hashed once, not again in each page's fingerprint
        # An engagement, its record and its entry all stand for the record's bytes.
        self._by_id: dict[int, bytes] = {}
        for entry in catalogue.entries:
            found = digests[entry.slug]
            for value in (entry, entry.record, entry.engagement):
                self._by_id[id(value)] = found
        # Each value's hash by its id, with the value itself, so that no other value takes its id in this build.
        self._seen: dict[int, tuple[object, object]] = {}

    def of(self, template: str, values: dict[str, object]) -> bytes | None:
        """The page's fingerprint, or None if one of its values cannot be followed."""
        try:
            return _hash((self.shared, template, tuple((k, self._walk(v)) for k, v in values.items())))
        except Unknown:
            return None

    def _walk(self, value: object) -> object:
        """A plain value as it is; anything made of parts, as the hash of its parts (worked out once)."""
        if type(value) in _PLAIN:
            return value
        seen = self._seen.get(id(value))
        if seen is not None:
            return seen[1]
        walked = self._parts(value)
        self._seen[id(value)] = (value, walked)
        return walked

    def _parts(self, value: object) -> object:
        if id(value) in self._by_id:
            return self._by_id[id(value)]
        if type(value) in (list, tuple):
            return _hash(tuple(self._walk(v) for v in value))  # type: ignore[attr-defined]  # a list or tuple
        if isinstance(value, Entry | LoadedRecord):
            raise Unknown("an entry from another build")
        if isinstance(value, Tracked):
            # A promise is its record's, seen on the build's date: as its engagement, and its place in the outcome.
            return ("promise", self._walk(value.entry), value.number)
        if isinstance(value, str | numbers.Number | dt.date | enum.Enum | Path):
            return value
        if isinstance(value, Catalogue):
            return "catalogue"  # its parts that pages may use are in `shared`
        if isinstance(value, MapView):
            # Templates ask it only about the map itself; what it says of engagements is given as values.
            return _hash(("map", self._walk(value.bodies), self._walk(value.decisions)))
        if isinstance(value, BaseModel):
            return _hash((type(value).__name__, *(self._walk(v) for v in value.__dict__.values())))
        if isinstance(value, dict):
            return _hash(tuple((self._walk(k), self._walk(v)) for k, v in value.items()))
        if isinstance(value, list | tuple):
            return _hash(tuple(self._walk(v) for v in value))
        if isinstance(value, set | frozenset):
            return _hash(tuple(sorted(repr(self._walk(v)) for v in value)))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return _hash(
                (type(value).__name__, *(self._walk(getattr(value, f.name)) for f in dataclasses.fields(value)))
            )
        if inspect.ismethod(value):
            return (self._walk(value.__self__), value.__name__)
        if inspect.isfunction(value) and "<" not in value.__qualname__:
            # A function defined in a module, not a lambda or a closure, whose values would not show here.
            return f"{value.__module__}.{value.__qualname__}"
        raise Unknown(type(value).__name__)


_PLAIN = {str, int, float, bool, type(None), dt.date, dt.datetime}


def _hash(parts: tuple) -> bytes:
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).digest()


def files_digest(paths: Iterable[Path]) -> str:
    """One hash of these files' names and bytes (the templates, the words, the map): any change shows."""
    whole = hashlib.blake2b(digest_size=16)
    for path in sorted(paths):
        whole.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return whole.hexdigest()


class Remembered:
    """What the last build made, by name (a page's path, or a file's), with the fingerprint of its inputs.

    `mkdocs serve` keeps one between rebuilds (on the plugin object); each build keeps only what it made.
    """

    def __init__(self) -> None:
        self._previous: dict[str, tuple[bytes, object]] = {}
        self._current: dict[str, tuple[bytes, object]] = {}
        self.inputs: Inputs | None = None
        self.made: list[str] = []  # what the latest build made afresh, not used again

    @contextmanager
    def build(self, inputs: Inputs) -> Iterator[None]:
        """While making one build's pages and files: use what the last build made where its inputs match."""
        self._previous, self._current, self.inputs, self.made = self._current, {}, inputs, []
        token = _ACTIVE.set(self)
        try:
            yield
        finally:
            _ACTIVE.reset(token)
            self._previous, self.inputs = {}, None

    def _get(self, name: str, kind: str, values: dict[str, object], make: Callable[[], T]) -> T:
        assert self.inputs is not None
        key = self.inputs.of(kind, values)
        if key is not None:
            found = self._previous.get(name)
            if found is not None and found[0] == key:
                self._current[name] = found
                return found[1]  # type: ignore[return-value]  # stored by the same call with the same kind
        self.made.append(name)
        made = make()
        if key is not None:
            self._current[name] = (key, made)
        return made


_ACTIVE: ContextVar[Remembered | None] = ContextVar("hub_remembered", default=None)


def remembered(name: str, kind: str, values: dict[str, object], make: Callable[[], T]) -> T:
    """What `make()` returns, or, during a build that remembers (Remembered.build), the same thing made last time
    from the same `values` for `name`. `kind` names the template or function, whose code is in `values`' hash too."""
    memo = _ACTIVE.get()
    return make() if memo is None else memo._get(name, kind, values, make)


@contextmanager
def not_remembered() -> Iterator[None]:
    """Make everything afresh and remember nothing: in another process, whose memory no later build reads."""
    token = _ACTIVE.set(None)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
