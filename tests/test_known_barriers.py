"""The known-barrier set (a11y_fixtures/barriers): what the accessibility check catches, by category.

The figures are the ones in the README and the closing note. "Before" is axe at 1280 pixels alone,
which was the whole check until it looked at phones, text spacing and keyboards.
"""

from __future__ import annotations

import io
import shutil

import pytest

import known_barriers as kb

# category: (barriers, caught before, caught now)
FIGURES = {
    "forms": (10, 5, 6),
    "tables": (7, 2, 5),
    "links": (7, 4, 4),
    "images": (8, 5, 5),
    "headings": (6, 4, 4),
    "language": (6, 4, 4),
    "colour": (8, 4, 4),
    "keyboard": (9, 2, 5),
    "reflow": (8, 1, 8),
    "text spacing": (6, 1, 4),
}


@pytest.fixture(scope="module")
def score():
    return kb.score()


def test_there_are_sixty_barriers_or_more_in_every_category_each_one_change_from_the_control():
    barriers = kb.load_barriers()
    assert len(barriers) >= 60
    assert {b.category for b in barriers} == set(kb.CATEGORIES)
    assert all(sum(b.category == c for b in barriers) >= 5 for c in kb.CATEGORIES)
    assert all(b.change and b.wcag and b.barrier for b in barriers)


def test_the_control_page_passes_every_part_of_the_check(score):
    assert score.control == set()


def test_the_check_catches_the_figures_given_by_category(score):
    assert score.by_category() == FIGURES
    assert sum(map(score.before, score.barriers)) == 32
    assert sum(map(score.caught, score.barriers)) == 49


def test_each_new_part_of_the_check_catches_barriers_no_other_part_does(score):
    for part in ("axe 320", "320 layout", "text spacing", "HTML checker", "keyboard"):
        assert any(score.parts[b.id] == {part} for b in score.barriers), part
    assert score.parts["table-too-wide"] == {"320 layout"}
    assert score.parts["spacing-tag-fixed-width"] == {"text spacing"}
    assert score.parts["form-duplicate-id"] == {"HTML checker"}
    assert score.parts["keyboard-trap"] == {"keyboard"}
    assert score.parts["table-scroll-box-unreachable"] == {"axe 320"}


def test_the_table_prints_every_category_the_totals_and_what_was_missed(score):
    out = io.StringIO()
    assert kb.report(score, out) == 0
    text = out.getvalue()
    lines = text.splitlines()
    assert lines[0].split() == [
        "category",
        "barriers",
        "before",
        "now",
        "axe",
        "1280",
        "axe",
        "320",
        "320",
        "layout",
        "text",
        "spacing",
        "HTML",
        "checker",
        "keyboard",
    ]
    assert any(line.split()[:6] == ["all", "75", "32", "(43%)", "49", "(65%)"] for line in lines)
    assert (
        "  forms: form-radios-without-fieldset: Radio buttons whose question is a paragraph, not a legend (WCAG 1.3.1)"
        in lines
    )
    assert lines[-1] == "The control page passes."


def test_a_change_that_does_not_match_the_control_page_is_explained(tmp_path):
    shutil.copy(kb.BARRIERS / "control.html", tmp_path / "control.html")
    (tmp_path / "barriers.yaml").write_text(
        "- id: typo\n  category: forms\n  wcag: 1.3.1\n  barrier: A typo\n  change:\n    - ['<lable>', '']\n",
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as stop:
        kb.load_barriers(tmp_path)
    assert str(stop.value) == (
        f"{tmp_path / 'barriers.yaml'}: barrier 1 (typo): '<lable>' is not in control.html. Change it to text that is there."
    )
