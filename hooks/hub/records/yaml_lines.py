"""Find the line of a field in a record quickly, by reading its indentation, without a YAML parser.

Messages and warnings name the line of the field they are about. Asking PyYAML for it means reading
the whole file again; at thousands of records with warnings that took longer than checking them.
This reads only block-style YAML, as records are written. Anything else gives None, and the caller
asks PyYAML. tests/test_yaml_readers.py checks both give the same line.
"""

from __future__ import annotations

Location = tuple[str | int, ...]


def block_line(text: str, location: Location) -> int | None:
    """The line (counting from 1) where `location`, such as ('decision', 'date'), starts; None if unsure."""
    top_level_keys = _top_indent(text) == 0
    lines: list[str] = []  # split only for a part below the top: most lookups are of a top-level key
    start, parent_indent, found = 0, -1, None
    for part in location:
        if parent_indent < 0 and isinstance(part, str) and top_level_keys:
            found, indent = _top_key(text, part), 0
        else:
            lines = lines or text.split("\n")
            found, indent = _find(lines, start, parent_indent, part)
        if found is None:
            return None
        if isinstance(part, int):
            # The item's first key shares the dash's line: read the dash as two spaces.
            item = lines[found].lstrip(" ")
            lines[found] = " " * (indent + 2) + item[2:] if item.startswith("- ") else lines[found]
            start = found
        else:
            start = found + 1
        parent_indent = indent
    return None if found is None else found + 1


def _top_indent(text: str) -> int:
    """The indentation of the first line that is not blank or a comment."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#"):
            return len(line) - len(stripped)
        if end < 0:
            return -1
        start = end + 1
    return -1


def _top_key(text: str, part: str) -> int | None:
    """What _find gives for a top-level key, found by searching the text instead of looking at each line."""
    lines, key = "\n" + text, f"\n{part}:"
    at = lines.find(key)
    while at >= 0:
        if lines[at + len(key) : at + len(key) + 1] in ("", " ", "\n"):
            return lines.count("\n", 0, at)
        at = lines.find(key, at + 1)
    return None


def _find(lines: list[str], start: int, parent_indent: int, part: str | int) -> tuple[int | None, int]:
    """The line of key `part`, or of item number `part`, in the block below a parent at `parent_indent`."""
    child_indent, items = None, 0
    for number in range(start, len(lines)):
        stripped = lines[number].lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(lines[number]) - len(stripped)
        dash = stripped == "-" or stripped.startswith("- ")
        # A list may sit at its key's own indentation: "places:" then "- Ashford" below it.
        if indent < parent_indent or (indent == parent_indent and not (isinstance(part, int) and dash)):
            break
        if child_indent is None:
            child_indent = indent
        if indent < child_indent:
            break
        if indent > child_indent:
            continue
        if isinstance(part, str):
            if stripped.startswith(f"{part}:") and stripped[len(part) + 1 : len(part) + 2] in ("", " "):
                return number, indent
        elif dash:
            if items == part:
                return number, indent
            items += 1
    return None, -1
