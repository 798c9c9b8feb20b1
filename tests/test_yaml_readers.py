"""The two YAML readers mean the same, and the quick line finder agrees with PyYAML's lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml_rs

from conftest import ROOT
from hub.records.yaml_lines import block_line
from hub.records.yaml_source import lines_of, parse, read
from synthetic_records import write_area

SCALARS = """\
time: 10:30
answer: yes
off: off
hex: 0x1F
octal: 0o17
leading_zero: 017
exponent: 1e3
decimal: 2.50
negative: -12
infinite: .inf
day: 2026-01-03
not_a_day: 2026-13-01
moment: 2026-01-03 10:00:00
empty:
tilde: ~
quoted: "0800 123 4567"
folded: >
  one
  two
literal: |
  line
    indented
"""


def _texts(tmp_path: Path) -> list[tuple[str, str]]:
    write_area(tmp_path, 40, dt.date(2026, 11, 23))
    files = [
        *sorted((ROOT / "engagements").glob("*.yaml")),
        *sorted((ROOT / "map").glob("*.yaml")),
        *sorted((tmp_path / "engagements").glob("*.yaml")),
        *sorted((tmp_path / "map").glob("*.yaml")),
    ]
    return [("scalars", SCALARS)] + [(f.name, f.read_text(encoding="utf-8")) for f in files]


def test_yaml_rs_and_pyyaml_read_every_record_the_same(tmp_path):
    for name, text in _texts(tmp_path):
        assert yaml_rs.loads(text, parse_datetime=False) == parse(text).data, name


def test_yaml_1_2_numbers_and_words():
    data = parse(SCALARS).data
    assert data["time"] == "10:30" and data["answer"] == "yes" and data["off"] == "off"
    assert (data["hex"], data["octal"], data["leading_zero"], data["exponent"]) == (31, 15, 17, 1000.0)
    # Dates stay text for the model to read, so a day that does not exist gets a message on its line.
    assert data["day"] == "2026-01-03" and data["not_a_day"] == "2026-13-01"
    assert data["empty"] is None and data["tilde"] is None and data["quoted"] == "0800 123 4567"


def test_a_file_yaml_rs_refuses_is_explained_by_pyyaml_with_its_line():
    from hub.records.yaml_source import YamlProblem

    with pytest.raises(YamlProblem) as refused:
        read("title: A\nsummary: B\n  wrong: indent\n")
    assert refused.value.line == 3


def test_aliases_tags_and_deep_nesting_are_left_to_pyyaml_which_refuses_them():
    # yaml-rs takes tags, and crashes on nesting thousands deep; PyYAML checks for both before reading.
    from hub.records.yaml_source import YamlProblem

    deep = "".join(" " * depth + f"k{depth}:\n" for depth in range(20_000))
    for text, says in (("a: &x text\nb: *x\n", "alias"), ("a: !!str 12\n", "tag"), (deep, "nested")):
        with pytest.raises(YamlProblem) as refused:
            read(text)
        assert says in refused.value.message


def test_the_quick_line_finder_agrees_with_pyyaml_and_knows_most_lines(tmp_path):
    known = total = 0
    for name, text in _texts(tmp_path):
        for location, line in lines_of(text).items():
            if not location:
                continue
            quick = block_line(text, location)
            assert quick in (None, line), (name, location)
            total += 1
            known += quick is not None
    assert known / total > 0.9


def test_the_quick_line_finder_gives_up_rather_than_guess():
    assert block_line("places: [Ashford, Marshbury]\n", ("places", 1)) is None
    assert block_line('"title": Quoted key\n', ("title",)) is None
    assert block_line("why: |\n  closes: this is text\ncloses: 2026-01-01\n", ("closes",)) == 3
