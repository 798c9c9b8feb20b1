"""Read YAML text into plain data, and find the line of every value when a message must point at it.

Two readers, one meaning. yaml-rs (Rust) reads a record about ten times faster than PyYAML, which
makes the difference at thousands of records. PyYAML with libyaml checks every file yaml-rs refuses or
that looks unusual, explains what is wrong, and gives the lines for messages. Both read YAML 1.2's
core schema, with dates left as text: tests/test_yaml_readers.py checks they agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
import yaml_rs

from hub.words import say

from .yaml_lines import Location, block_line


class _Loader(yaml.CSafeLoader):
    """libyaml's fast parser, with YAML 1.1's surprises turned off.

    YAML 1.1 reads 10:30 as the number 630 (base 60) and yes/no/on/off as true/false.
    Staff write times and words, so those stay as text. Dates stay text too, for the model to read:
    PyYAML fails with no line on a day that does not exist, such as 2026-02-30. So do numbers of
    thousands of digits, so a longer number than any count stays text.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in (
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:timestamp",
        )
    ]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# YAML 1.2's core schema, as yaml-rs reads it: decimal, 0o octal and 0x hex whole numbers, and decimals.
# No more than 18 digits: PyYAML fails with no line on a number of thousands of digits.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]{1,18}|0o[0-7]{1,18}|0x[0-9a-fA-F]{1,15})$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def _whole_number(loader: _Loader, node: yaml.ScalarNode) -> int:
    # As YAML 1.2 reads them: 0o17 is octal, and 017 is seventeen (YAML 1.1 read it as octal).
    value = loader.construct_scalar(node)
    for prefix, base in (("0o", 8), ("0x", 16)):
        if value.startswith(prefix):
            return int(value[2:], base)
    return int(value)


def _decimal(loader: _Loader, node: yaml.ScalarNode) -> float:
    return float(loader.construct_scalar(node).lower().replace(".inf", "inf").replace(".nan", "nan"))


_Loader.add_constructor("tag:yaml.org,2002:int", _whole_number)
_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)


class YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


@dataclass
class Document:
    """Data read from YAML, and the line (counting from 1) where each key or item starts."""

    data: object
    text: str = ""
    _lines: dict[Location, int] | None = None

    @property
    def lines(self) -> dict[Location, int]:
        # Found only when a message needs one: most records never do.
        if self._lines is None:
            try:
                self._lines = lines_of(self.text) if self.text else {}
            except YamlProblem:
                self._lines = {}
        return self._lines

    def explained(self) -> Document:
        """The same text read by PyYAML, which says what is wrong with it (YamlProblem) and knows every line."""
        return self if self._lines is not None else parse(self.text)

    def line_of(self, location: Location) -> int:
        """The line of the deepest part of `location` that is in the file."""
        quick = block_line(self.text, location) if self._lines is None and location else None
        if quick is not None:
            return quick
        for end in range(len(location), 0, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return 1


# A record's fields go four or five levels deep; a deeper file is a mistake or an attack.
MAX_DEPTH = 20
# yaml-rs refuses aliases (&name, *name) when told to; PyYAML then explains.
_NO_ALIASES = yaml_rs.AliasLimits(max_total_replayed_events=0)
# yaml-rs crashes the whole program on nesting thousands of levels deep, and takes YAML tags (!!str)
# and characters YAML does not allow. A file that might hold any of them goes to PyYAML, which refuses
# each with a message. These are plain substring tests: a regular expression over every file was slower.
_NOT_YAML_CHARACTER = re.compile(r"[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# The characters YAML allows in plain ASCII text. Deleting them leaves any that are not allowed: ten
# times quicker than a regular expression over each file.
_ASCII_YAML_CHARACTERS = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])


def _for_pyyaml(text: str) -> bool:
    if " " * 41 in text or "- " * 10 in text or "? " * 10 in text or "!" in text:
        return True
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ASCII_YAML_CHARACTERS))
    return _NOT_YAML_CHARACTER.search(text) is not None


def read(text: str) -> Document:
    """The data in a YAML text, the fast way when the file is ordinary; PyYAML reads the rest."""
    if _for_pyyaml(text):
        return parse(text)
    try:
        data = yaml_rs.loads(text, parse_datetime=False, alias_limits=_NO_ALIASES)
    except Exception:  # noqa: BLE001 - yaml-rs's own errors name no line we can trust; PyYAML gives one
        return parse(text)
    # yaml-rs reads two documents in one file as a list of them: PyYAML says what is wrong.
    return Document(data, text) if isinstance(data, dict) else parse(text)


def parse(text: str) -> Document:
    """The data in a YAML text, with the line of every key and item, read by PyYAML."""
    _refuse_hostile(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Document(None, text, {})
        lines: dict[Location, int] = {}
        _record_lines(node, (), lines)
        return Document(loader.construct_document(node), text, lines)
    except yaml.YAMLError as error:
        raise _problem(error, text) from None
    finally:
        loader.dispose()


def lines_of(text: str) -> dict[Location, int]:
    """The line of every key and item, without making the data again."""
    node = compose(text)
    lines: dict[Location, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return lines


def compose(text: str) -> yaml.Node | None:
    """The YAML's nodes, each with where it starts and ends, for checks that point inside a value."""
    _refuse_hostile(text)
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as error:
        raise _problem(error, text) from None
    finally:
        loader.dispose()


def _refuse_hostile(text: str) -> None:
    """Refuse aliases and deep nesting from the stream of events, before any tree is built.

    An alias (*name) repeats another part of the file: a few lines of them can stand for billions of
    values (a "billion laughs" file), and records never need them. Building a deeply nested tree
    recurses, so its depth is checked first. Reading events is flat and quick (0.2 ms a record).
    """
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event: Any = loader.get_event()  # PyYAML's events carry marks and tags, untyped
            line = event.start_mark.line + 1
            if getattr(event, "tag", None) is not None:
                raise YamlProblem(line, say("problems.yaml.tag", tag=event.tag.replace("tag:yaml.org,2002:", "!!")))
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(line, say("problems.yaml.alias", anchor=event.anchor))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise YamlProblem(line, say("problems.yaml.too_deep", most=MAX_DEPTH))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        raise _problem(error, text) from None
    finally:
        loader.dispose()


def _problem(error: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        # libyaml puts an error at the end of the file on a line after the last one: show the last line.
        line = min(mark.line + 1, len(text.splitlines()) or 1) if mark else 1
        return YamlProblem(line, _explain(error, _line_text(text, line)))
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        return YamlProblem(line, say("problems.yaml.control_character", code=f"{error.character:X}"))
    return YamlProblem(1, say("problems.yaml.unreadable", error=error))


def _record_lines(node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == "tag:yaml.org,2002:str"):
                raise YamlProblem(line, say("problems.yaml.name_not_a_word"))
            key = key_node.value
            if key in seen:
                # PyYAML keeps the last of two equal keys and drops the first without a word.
                raise YamlProblem(line, say("problems.yaml.twice", name=key, line=seen[key]))
            seen[key] = line
            lines[location + (key,)] = line
            _record_lines(value_node, location + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[location + (index,)] = item.start_mark.line + 1
            _record_lines(item, location + (index,), lines)


def _line_text(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _explain(error: yaml.MarkedYAMLError, line_text: str) -> str:
    problem = (error.problem or error.context or "").strip()
    indent = line_text[: len(line_text) - len(line_text.lstrip())]
    # PyYAML's own words (in English) say which mistake it is.
    if "\t" in indent:
        return say("problems.yaml.tab")
    if "mapping values are not allowed" in problem:
        return say("problems.yaml.colon")
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return say("problems.yaml.indentation")
    if "another document" in problem or "expected a single document" in problem:
        return say("problems.yaml.documents")
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return say("problems.yaml.quote", problem=problem)
    return say("problems.yaml.invalid", problem=problem)
