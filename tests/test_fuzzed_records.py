"""Any file at all in engagements/: the check accepts it or says what is wrong, quickly and without
changing it. Hypothesis writes the files: arbitrary YAML documents, a good record with one field set to
arbitrary data, and a good record with arbitrary text or bytes spliced into it."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import signal
import time
import unicodedata
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DEMO_TODAY, ROOT
from hub.checks.check_all import check_files
from hub.records.loading import MAX_FILE_BYTES, load_each
from hub.records.names import address_problem
from hub.settings import settings_from_mkdocs_yml
from records import minimal_record
from test_broken_records import GOOD

HUB_SETTINGS = settings_from_mkdocs_yml(ROOT / "mkdocs.yml")
TODAY = dt.date.fromisoformat(DEMO_TODAY)
# Enough examples to find the odd corner each run, few enough to keep the suite quick on 2 cores.
# No example database: the repository stays clean, and each run tries new inputs.
FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
# One example, whatever it holds, is checked in well under a second; this bound only catches a hang.
HANG_SECONDS = 5

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=40),
    st.dates(),
    st.sampled_from(
        [
            "",
            "2026-11-01",
            "https://example.org",
            "javascript:alert(1)",
            "0800 000 0000",
            "a@b.example",
            "14:30",
            "survey",
            "<script>alert(1)</script>",
            "**bold**",
            "\u202e",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)


def _field_paths(data: object, path: tuple = ()) -> list[tuple]:
    """Every place in a record where a value sits: each field, each list item, at every depth."""
    found = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _field_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _field_paths(value, path + (index,))
    return found


FULL_RECORD = minimal_record(
    take_part={
        "online": {"link": "https://example.org/survey"},
        "events": [
            {
                "name": "Drop-in",
                "date": dt.date(2026, 11, 20),
                "starts": "10:00",
                "ends": "12:00",
                "venue": "Library",
                "address": "1 High Street",
                "access": ["step_free"],
            }
        ],
    },
    accessible_formats=[{"format": "easy_read", "how_to_ask": "Call us."}],
    cannot_influence=[{"what": "The budget", "why": "It is set nationally."}],
)
FIELD_PATHS = _field_paths(FULL_RECORD)


def _set(data: object, path: tuple, value: object) -> object:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _set(copy[path[0]], path[1:], value)
    return copy


def _dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


any_document = values.map(_dump)
record_with_one_odd_field = st.tuples(st.sampled_from(FIELD_PATHS), values).map(
    lambda change: _dump(_set(FULL_RECORD, *change))
)
record_without_a_field = st.sampled_from(FIELD_PATHS).map(
    lambda path: _dump(_set(FULL_RECORD, path[:-1], _without(_get(FULL_RECORD, path[:-1]), path[-1])))
)
# What people paste, and what attackers try: YAML's rarer parts, and values that once broke the reader.
YAML_TRICKS = [
    "? [a]\n: b\n",
    "1: x\n",
    "!!binary aGVsbG8=",
    "!!python/object:os.system ls",
    "2026-02-30",
    "1" + "0" * 5000,
    "&x ",
    "*x",
    "<<: *x\n",
    "\t",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "{",
    "[",
    "'",
    '"',
    ": ",
    " #",
    "|\n",
    ">-\n",
    "\ufeff",
    "\x00",
    "\x85",
    "\u2028",
    "\ud800",
]
typed = st.one_of(st.text(max_size=30), st.sampled_from(YAML_TRICKS))
spliced_text = st.tuples(st.integers(0, len(GOOD)), typed).map(lambda cut: GOOD[: cut[0]] + cut[1] + GOOD[cut[0] :])
spliced_bytes = st.tuples(st.integers(0, len(GOOD)), st.binary(max_size=30)).map(
    lambda cut: GOOD.encode()[: cut[0]] + cut[1] + GOOD.encode()[cut[0] :]
)


def _get(data: object, path: tuple) -> object:
    for part in path:
        data = data[part]
    return data


def _without(container: object, key: object) -> object:
    if isinstance(container, dict):
        return {k: v for k, v in container.items() if k != key}
    return [v for i, v in enumerate(container) if i != key]


@contextmanager
def _no_longer_than(seconds: int):
    def _hung(signum, frame):
        raise TimeoutError(f"checking one file took more than {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}


def assert_accepted_or_explained(folder: Path, content: str | bytes) -> None:
    path = folder / "fuzzed.yaml"
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    before = _fingerprint(folder)
    with _no_longer_than(HANG_SECONDS):
        result = check_files([path], HUB_SETTINGS, TODAY)
    assert _fingerprint(folder) == before, "checking a record must never change a file"
    lines = max(1, content.count("\n" if isinstance(content, str) else b"\n") + 1)
    if result.problems:
        assert not result.summaries
    else:
        assert len(result.summaries) == 1
    for problem in result.problems + result.warnings:
        assert problem.path == path
        assert 1 <= problem.line <= lines, problem
        # A sentence for people, not a Python error or a repr.
        assert problem.message[:1].islower() or problem.message[:1].isupper() or problem.field, problem
        assert problem.message.rstrip().endswith((".", "?")), problem
        assert "Traceback" not in problem.message and "<class" not in problem.message, problem


FUZZED = {
    "any YAML document": any_document,
    "a record with any value in any field": record_with_one_odd_field,
    "a record missing any field or item": record_without_a_field,
    "a record with any text typed into it": spliced_text,
    "a record with any bytes in it": spliced_bytes,
}


@pytest.mark.parametrize("kind", FUZZED)
@FUZZ
@given(data=st.data())
def test_any_file_is_accepted_or_explained(folder, kind, data):
    assert_accepted_or_explained(folder, data.draw(FUZZED[kind], label="file"))


def test_the_fuzzed_records_start_from_a_valid_one(folder):
    """Otherwise every example above would only test one early refusal."""
    path = folder / "valid.yaml"
    path.write_text(_dump(FULL_RECORD))
    [(record, problems)] = load_each([path])
    path.unlink()
    assert problems == [] and record is not None


# --- Hostile files: refused quickly, with a message ----------------------------------------------

BILLION_LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{name}: &{name} [{', '.join(['*' + before] * 9)}]\n" for before, name in zip("abcdefgh", "bcdefghi")
)
HOSTILE = {
    "alias bomb": (BILLION_LAUGHS, 2, "has an alias (*a), which repeats another part"),
    "one alias": (
        GOOD.replace("places:\n  - Testham", "places: &here\n  - Testham") + "topics: *here\n",
        30,
        "Records do not allow aliases",
    ),
    "10,000 levels of brackets": ("title: " + "[" * 10_000 + "]" * 10_000 + "\n", 1, "nested more than 20 levels deep"),
    "1,000 levels of fields": ("".join(" " * i + "a:\n" for i in range(1_000)), 21, "nested more than 20 levels"),
    "50 MB file": (GOOD + "summary2: " + "a" * 50_000_000 + "\n", 1, "this file is 50.0 MB, too big for a record"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_file_is_refused_quickly_with_a_message(folder, name):
    content, line, says = HOSTILE[name]
    path = folder / "hostile.yaml"
    path.write_text(content)
    started = time.perf_counter()
    with _no_longer_than(HANG_SECONDS):
        result = check_files([path], HUB_SETTINGS, TODAY)
    took = time.perf_counter() - started
    path.unlink()
    assert took < 5
    assert not result.summaries
    assert [(p.line, p.field) for p in result.problems] == [(line, "")]
    assert says in result.problems[0].message


def test_the_size_limit_leaves_room_for_any_real_record():
    largest = max(p.stat().st_size for p in (ROOT / "engagements").glob("*.yaml"))
    assert largest * 50 < MAX_FILE_BYTES


def test_a_file_that_grows_while_it_is_read_is_read_to_its_end(tmp_path, monkeypatch):
    path = tmp_path / "walk-in.yaml"
    path.write_text(GOOD)
    measured = os.fstat

    def measured_too_small(descriptor):  # as if more was written after the size was taken
        real = measured(descriptor)
        return os.stat_result((*real[:6], 10, *real[7:10]))

    monkeypatch.setattr(os, "fstat", measured_too_small)
    [(record, problems)] = load_each([path])
    assert problems == [] and record.document.text == GOOD


def test_a_folder_given_as_a_record_is_said_to_be_a_folder(tmp_path):
    (tmp_path / "walk-in.yaml").mkdir()
    [(record, problems)] = load_each([tmp_path / "walk-in.yaml"])
    assert record is None
    assert [p.message for p in problems] == [
        "this is a folder, not a record file. Check the name of the file you meant."
    ]


def test_a_device_with_no_end_is_refused_without_reading_it():
    with _no_longer_than(HANG_SECONDS):
        [(record, problems)] = load_each([Path("/dev/zero")])
    assert record is None and "this is not an ordinary file (it is a pipe or a device)" in problems[0].message


# Text as an attacker or a copy from another program gives it: controls, invisible and direction marks,
# look-alike letters, all written as YAML escapes by the dumper.
odd_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"])
    | st.sampled_from(["\x00", "\x08", "\x1b", "\x7f", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u0301"]),
    min_size=1,
    max_size=30,
)


@FUZZ
@given(title=odd_text, topic=odd_text)
def test_no_hidden_character_reaches_a_valid_record(folder, title, topic):
    record = folder / "odd-text.yaml"
    record.write_text(_dump({**FULL_RECORD, "title": title, "topics": [topic]}), encoding="utf-8")
    [(loaded, problems)] = load_each([record])
    if loaded is None:
        assert problems and all(p.message.endswith(".") for p in problems), problems
        return
    for text in (loaded.engagement.title, *loaded.engagement.topics):
        assert all(c in "\t\n\r" or unicodedata.category(c) not in {"Cc", "Cf", "Co", "Zl", "Zp"} for c in text), text
        assert unicodedata.is_normalized("NFC", text)


@FUZZ
@given(name=st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=100))
def test_a_file_name_is_accepted_as_an_address_or_refused_with_a_name_that_would_be(tmp_path_factory, name):
    folder = tmp_path_factory.mktemp("names")
    try:
        record = folder / f"{name}.yaml"
        record.write_text(_dump(FULL_RECORD), encoding="utf-8")
    except OSError:
        return  # a name this file system itself refuses: staff cannot make it either
    [(loaded, problems)] = load_each([record])
    if loaded is not None:
        assert address_problem(loaded.slug) is None
        return
    suggested = re.search(r"for example to '([^']+)\.yaml'", " ".join(p.message for p in problems))
    assert suggested, problems
    assert address_problem(suggested[1]) is None, suggested[1]
