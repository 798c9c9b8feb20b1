"""Read YAML text into plain data, and find the line of every value when a message must point at it.

Two readers, one meaning. yaml-rs (Rust) reads a record about ten times faster than PyYAML, which
makes the difference at thousands of records. PyYAML with libyaml keeps every value's line, so it
explains a file that yaml-rs refuses, and gives the lines for messages, only for the files that have one.
Both read YAML 1.2's core schema: tests/test_yaml_readers.py checks they agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
import yaml_rs

from .yaml_lines import Location, block_line

class _Loader(yaml.CSafeLoader):
    """libyaml's fast parser, with YAML 1.1's surprises turned off.

    YAML 1.1 reads 10:30 as the number 630 (base 60) and yes/no/on/off as true/false.
    Staff write times and words, so those stay as text.
    """


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# YAML 1.2's core schema, as yaml-rs reads it: decimal, 0o octal and 0x hex whole numbers, and decimals.
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
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


def _day_or_text(loader: _Loader, node: yaml.ScalarNode):
    # 2026-13-01 looks like a date but is not one: keep it as text, as yaml-rs does, so the
    # message says which field needs a real date (PyYAML would stop with an error of its own).
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _day_or_text)
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
            self._lines = lines_of(self.text) if self.text else {}
        return self._lines

    def line_of(self, location: Location) -> int:
        """The line of the deepest part of `location` that is in the file."""
        quick = block_line(self.text, location) if self._lines is None and location else None
        if quick is not None:
            return quick
        for end in range(len(location), 0, -1):
            if location[:end] in self.lines:
                return self.lines[location[:end]]
        return 1


# A record has no need of YAML's anchors and aliases (&name, *name); yaml-rs refuses them, so PyYAML explains.
_NO_ALIASES = yaml_rs.AliasLimits(max_total_replayed_events=0)


def read(text: str) -> Document:
    """The data in a YAML text, the fast way; PyYAML explains what yaml-rs refuses."""
    try:
        data = yaml_rs.loads(text, alias_limits=_NO_ALIASES)
    except Exception:  # noqa: BLE001 - yaml-rs's own errors name no line we can trust; PyYAML gives one
        return parse(text)
    # yaml-rs reads two documents in one file as a list of them: PyYAML says what is wrong.
    return Document(data, text) if isinstance(data, dict) else parse(text)


def parse(text: str) -> Document:
    """The data in a YAML text, with the line of every key and item, read by PyYAML."""
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
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as error:
        raise _problem(error, text) from None
    finally:
        loader.dispose()


def _problem(error: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return YamlProblem(line, _explain(error, _line_text(text, line)))
    return YamlProblem(1, f"the file could not be read as YAML ({error})")


def _record_lines(node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                # PyYAML keeps the last of two equal keys and drops the first without a word.
                raise YamlProblem(
                    line,
                    f"'{key}' appears twice (first on line {seen[key]}). "
                    "Keep one and merge what the two say.",
                )
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
    if "\t" in indent:
        return "this line is indented with a tab. Use spaces to indent, never tabs."
    if "mapping values are not allowed" in problem:
        return (
            "this line has a colon (:) where YAML does not expect one. "
            "If the text has a colon in it, put the whole text in double quotes."
        )
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "the indentation is wrong here. Line this field up with the ones around it."
    if "another document" in problem or "expected a single document" in problem:
        return "the file holds more than one record (a line with ---). Put each record in its own file."
    if "found undefined alias" in problem or "found unknown escape" in problem:
        return f"the YAML is not valid here ({problem}). Put the text in double quotes."
    return (
        f"the YAML is not valid here ({problem}). "
        "Check the indentation, and put text that has a colon or a # in double quotes."
    )
