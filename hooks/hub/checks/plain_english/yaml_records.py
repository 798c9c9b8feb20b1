"""The public text of a YAML file: an engagement record, a map file, the glossary or mkdocs.yml.

Which values are prose comes from the model: a field of type `Text` is prose; web addresses, emails,
phone numbers, times, dates, numbers, ids and choices (such as formal_consultation) are not. A few
`Text` fields are names or codes, not prose, and are listed below. A value in a place the model does
not know (a misspelt field) is checked if it looks like prose.
"""

from __future__ import annotations

import re
import typing

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from hub.records.glossary import GlossaryFile
from hub.records.map_model import BodiesFile, DecisionsFile, Link
from hub.records.model import AllowsFormatting, Contact, Decision, Document, Engagement, Event, Paper, Text, Version
from hub.records.yaml_source import YamlProblem, compose
from hub.settings import Settings
from hub.words import say

from .text import Passage, Source

# Text fields that are not sentences: checking them as prose would only find false problems.
NOT_PROSE: set[tuple[type[BaseModel], str]] = {
    (Decision, "body"),  # the id of a body in the map, such as icb-board
    (Document, "format"),  # the file type and size, such as "PDF, 1.2 MB"
    (Event, "address"),  # an address with a postcode
    (Contact, "address"),
    (Contact, "textphone"),  # a number and how to dial it
    (Paper, "freepost"),  # a postal address
    (Settings, "textphone"),
    (Settings, "post"),
}
# Text fields that are shown as the text of a link.
LINK_TEXT: set[tuple[type[BaseModel], str]] = {(Document, "title"), (Link, "title")}

# Values that are never prose, wherever they are: one "word" that is an address, an id or a file name.
_CODE = re.compile(
    r"^(?:\S+://\S+|\S+@\S+|[a-z0-9]+(?:[_-][a-z0-9]+)+|[\w.-]+\.[a-z]{2,4}|\d{4}-\d{2}-\d{2}|\+?[\d ()-]{6,})$"
)
_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#.*)?$", re.MULTILINE)


def record_source(shown: str, text: str, model: type[BaseModel] | None = Engagement) -> Source:
    source = Source(shown, text, "record")
    node = _compose(source)
    if node is not None:
        _walk(source, node, model, "")
    return source


def model_for(file_name: str) -> type[BaseModel]:
    """The model of a YAML file, from its name: map files and the glossary have their own."""
    models: dict[str, type[BaseModel]] = {
        "bodies.yaml": BodiesFile,
        "decisions.yaml": DecisionsFile,
        "glossary.yaml": GlossaryFile,
    }
    return models.get(file_name, Engagement)


def mkdocs_source(shown: str, text: str) -> Source:
    """The public words in mkdocs.yml: the site's name and description, the menu, and the hub's settings."""
    source = Source(shown, text, "hub")
    node = _compose(source)
    if not isinstance(node, yaml.MappingNode):
        return source
    for key, value in node.value:
        if key.value in ("site_name", "site_description") and isinstance(value, yaml.ScalarNode):
            _scalar(source, value, key.value, link=False, trusted=True)
        elif key.value == "nav":
            _menu(source, value)
        elif key.value == "extra" and isinstance(value, yaml.MappingNode):
            for extra_key, extra_value in value.value:
                if extra_key.value == "hub":
                    _walk(source, extra_value, Settings, "extra.hub")
    return source


def _compose(source: Source) -> yaml.Node | None:
    try:
        return compose(source.text)
    except YamlProblem as problem:
        source.unreadable = (problem.line, say("plain_english.unreadable.not_yaml", problem=problem.message))
        return None


def _walk(source: Source, node: yaml.Node, model: type[BaseModel] | None, label: str) -> None:
    """`model` is the model of the mapping (or list of mappings) at `node`, or None where it is not known."""
    if isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(source, item, model, f"{label}[{index + 1}]")
    elif isinstance(node, yaml.ScalarNode):
        if model is None:
            _scalar(source, node, label, link=False, trusted=False)
    elif isinstance(node, yaml.MappingNode):
        if model is Version and not _in_english(node):
            return  # a version in another language: English rules do not apply to it
        for key_node, value_node in node.value:
            key = str(key_node.value)
            name = f"{label}.{key}" if label else key
            field = model.model_fields.get(key) if model is not None else None
            if field is None:
                _walk(source, value_node, None, name)
                continue
            if (model, key) in NOT_PROSE:
                continue
            kind = _field_kind(field)
            if kind is Text:
                _text(source, value_node, name, link=(model, key) in LINK_TEXT)
                if any(isinstance(m, AllowsFormatting) for m in field.metadata):
                    _unformat(source, value_node, name)
            elif kind is not None:
                _walk(source, value_node, kind, name)


def _in_english(node: yaml.MappingNode) -> bool:
    lang = next((v.value for k, v in node.value if k.value == "lang" and isinstance(v, yaml.ScalarNode)), "en")
    return str(lang).strip().lower().split("-")[0] == "en"


def _text(source: Source, node: yaml.Node, label: str, link: bool) -> None:
    """A Text field: one text, or a list of them."""
    if isinstance(node, yaml.ScalarNode):
        _scalar(source, node, label, link, trusted=True)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _text(source, item, f"{label}[{index + 1}]", link)


_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE)
_MARKERS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|\]\([^)\s]*\)|\[")


def _unformat(source: Source, node: yaml.Node, label: str) -> None:
    """Formatting is not words: hide its marks, and check each list item as a sentence of its own."""
    if not isinstance(node, yaml.ScalarNode) or not source.passages or source.passages[-1].label != label:
        return
    whole = source.passages.pop()
    for match in _MARKERS.finditer(source.text, whole.start, whole.end):
        source.hide(match.start(), match.end())
    cuts = [whole.start, whole.end]
    for match in _LIST_ITEM.finditer(source.text, whole.start, whole.end):
        source.hide(match.start(), match.end())
        cuts.append(match.start())
    for start, end in zip(sorted(cuts), sorted(cuts)[1:]):
        source.add(Passage(start, end, label, link=whole.link))


def _menu(source: Source, node: yaml.Node) -> None:
    """The titles in mkdocs.yml's nav: each is the key of a one-line mapping, such as "- Home: index.md"."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _menu(source, item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _scalar(source, key, "nav", link=False, trusted=True)
            _menu(source, value)


# Pydantic keeps a bare `Text` field as `str` with Text's constraints beside it.
_TEXT_CONSTRAINTS = typing.get_args(Text)[1]


def _field_kind(field: FieldInfo) -> typing.Any:
    if field.annotation is str and _TEXT_CONSTRAINTS in field.metadata:
        return Text
    return _kind(field.annotation)


def _kind(annotation: object) -> typing.Any:
    """What a field holds, as the walk needs it: a model to walk into, Text for prose, or None for anything else."""
    if annotation == Text:
        return Text
    if isinstance(annotation, type):
        return annotation if issubclass(annotation, BaseModel) else None
    for argument in typing.get_args(annotation):
        kind = _kind(argument)
        if kind is not None:
            return kind
    return None


def _scalar(source: Source, node: yaml.ScalarNode, label: str, link: bool, trusted: bool) -> None:
    value = str(node.value).strip()
    if node.tag != "tag:yaml.org,2002:str" or not value or _CODE.match(value):
        return
    if not trusted and not _looks_like_prose(value):
        return
    start, end = node.start_mark.index, node.end_mark.index
    source.reveal(start, end)
    if node.style in ("|", ">"):
        header = _HEADER.match(source.text, start)
        if header:
            source.hide(start, header.end())
    elif node.style in ('"', "'"):
        source.hide(start, start + 1)
        source.hide(end - 1, end)
        if node.style == '"':
            for escape in re.finditer(r"\\.", source.text[start:end]):
                source.hide(start + escape.start(), start + escape.start() + 1)
    source.add(Passage(start, end, label, link=link))


def _looks_like_prose(value: str) -> bool:
    """Two words or more, such as a sentence or a name; not a choice, an id or a number."""
    return len(re.findall(r"[^\W\d_]{2,}", value)) >= 2 and " " in value
