"""The plain-English check: each rule flags a bad example and passes a good one, at the right line and column."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from hub.checks.plain_english import check_files
from hub.checks.plain_english.language import load_language
from records import minimal_record

SCRIPT = ROOT / "scripts" / "plain_english.py"


def findings(tmp_path: Path, name: str, text: str, rule: str | None = None):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    found = check_files([path], tmp_path).findings
    return [f for f in found if rule is None or f.rule == rule]


def record(tmp_path: Path, rule: str | None = None, **fields):
    """A valid record with some fields changed, checked."""
    text = yaml.safe_dump(minimal_record(**fields), sort_keys=False, allow_unicode=True)
    return findings(tmp_path, "engagements/test.yaml", text, rule)


def where(found) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in found]


def run_script(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "false", **(env or {})},
        timeout=120,
    )


# --- Sentences ------------------------------------------------------------------------------


def sentence(words: int) -> str:
    return " ".join(["word"] * (words - 1)) + " end."


def test_a_sentence_of_more_than_25_words_is_an_error_that_says_how_long_it_is(tmp_path):
    (found,) = record(tmp_path, "sentence-too-long", why=sentence(26))
    assert found.is_error
    assert "26 words" in found.message and "25 words at most" in found.message
    assert "split it" in found.fix


def test_a_sentence_of_25_words_is_not_an_error_but_more_than_20_is_a_warning(tmp_path):
    assert not record(tmp_path, "sentence-too-long", why=sentence(25))
    (found,) = record(tmp_path, "sentence-long", why=sentence(21))
    assert not found.is_error and "21 words" in found.message
    assert not record(tmp_path, "sentence-long", why=sentence(20))


def test_sentences_end_at_full_stops_but_not_after_eg(tmp_path):
    text = "Bring a letter, e.g. from your GP. " + sentence(20)
    assert not record(tmp_path, "sentence-long", why=text)


# --- Reading level ----------------------------------------------------------------------------

HARD = (
    "Comprehensive organisational reconfiguration necessitates considerable interdisciplinary "
    "consultation regarding prospective operational arrangements. "
)
EASY = "We want to hear from you. Tell us what you think. It helps us plan. "


def test_a_long_field_that_is_hard_to_read_is_a_warning_naming_the_formula(tmp_path):
    found = record(tmp_path, "reading-level", why=HARD * 12)
    assert found and not any(f.is_error for f in found)
    assert "Flesch-Kincaid" in found[0].message and "reading age" in found[0].message


def test_a_long_field_that_is_easy_to_read_passes(tmp_path):
    assert not record(tmp_path, "reading-level", why=EASY * 10)


def test_fewer_than_100_words_are_not_scored(tmp_path):
    assert not record(tmp_path, "reading-level", why=HARD * 7)  # 84 words


def test_a_page_is_scored_as_a_whole(tmp_path):
    found = findings(tmp_path, "content/hard.md", "# Plans\n\n" + "\n\n".join([HARD] * 12), "reading-level")
    assert [f.message.split(" has")[0] for f in found] == ["this page"]


# --- Words to avoid -----------------------------------------------------------------------------


def test_a_word_to_avoid_is_an_error_with_a_plainer_word_and_its_source(tmp_path):
    (found,) = record(tmp_path, "word-to-avoid", why="We will utilise your views.")
    assert found.is_error
    assert found.fix == 'use "use"'
    assert "GOV.UK" in found.message
    assert not record(tmp_path, "word-to-avoid", why="We will use your views.")


@pytest.mark.parametrize(
    "bad, plain",
    [("We will facilitate meetings.", "help"), ("Going forward, we will write to you.", "from now on")],
)
def test_words_to_avoid_include_the_examples_in_the_issue(tmp_path, bad, plain):
    (found,) = record(tmp_path, "word-to-avoid", why=bad)
    assert plain in found.fix


def test_a_phrase_to_avoid_is_found_across_a_line_break(tmp_path):
    found = findings(tmp_path, "content/p.md", "# A page\n\nWe will write\nin order to\nexplain.\n", "word-to-avoid")
    assert where(found) == [(4, 1)]


def test_a_word_that_is_fine_in_some_uses_is_a_warning_that_says_when(tmp_path):
    (found,) = record(tmp_path, "word-to-avoid", why="This is a key decision.")
    assert not found.is_error and "fine if" in found.message


def test_the_words_to_avoid_list_names_a_source_for_every_word():
    language = load_language()
    assert not language.problems
    assert {e.source for e in language.words.words} <= set(language.words.sources)
    assert all(e.use for e in language.words.words)


# --- Short forms -----------------------------------------------------------------------------------


def test_an_unexplained_short_form_is_an_error_once_per_file(tmp_path):
    found = record(tmp_path, "acronym-unexplained", why="The HSE will decide. The HSE meets in May.")
    assert [f.flagged for f in found] == ["HSE"]
    assert "Care Quality Commission (CQC)" in found[0].fix and "glossary" in found[0].fix


@pytest.mark.parametrize(
    "why",
    [
        "The Health and Safety Executive (HSE) will decide. The HSE meets in May.",
        "The HSE (Health and Safety Executive) will decide.",
        "Your GP and the NHS will help.",  # both in the glossary
        "Call NHS 111 or see COVID-19 advice.",  # numbers are not short forms
    ],
)
def test_a_short_form_explained_at_first_use_or_in_the_glossary_passes(tmp_path, why):
    assert not record(tmp_path, "acronym-unexplained", why=why)


def test_a_short_form_explained_only_after_its_first_use_is_flagged_at_its_first_use(tmp_path):
    found = findings(
        tmp_path,
        "content/p.md",
        """
        # Safety

        The HSE checks this.

        The Health and Safety Executive (HSE) is a national body.
        """,
        "acronym-unexplained",
    )
    assert where(found) == [(3, 5)]


def test_every_glossary_short_form_has_a_meaning_and_none_is_a_group_of_people():
    language = load_language()
    assert language.glossary.terms
    assert not set(language.short_forms) & set(language.groups)


# --- Groups of people ------------------------------------------------------------------------------


@pytest.mark.parametrize("acronym", ["BAME", "BME", "LGBT"])
def test_an_acronym_for_a_group_of_people_is_an_error_that_says_why(tmp_path, acronym):
    (found,) = record(tmp_path, "group-acronym", who_for=[f"{acronym} communities"])
    assert found.is_error
    assert "group of people" in found.message and "NHS Race and Health Observatory" in found.message
    assert found.fix


def test_naming_the_groups_passes(tmp_path):
    assert not record(tmp_path, who_for=["Black African and Black Caribbean people"])


def test_a_group_acronym_is_an_error_even_if_someone_adds_it_to_the_glossary(tmp_path):
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text("terms:\n  - short: BAME\n    means: Black, Asian and minority ethnic\n")
    language = load_language(glossary=glossary)
    assert any("group of people" in p.message for p in language.problems)
    assert "BAME" in language.groups


# --- Link text ------------------------------------------------------------------------------------


def test_link_text_that_says_nothing_is_an_error_and_link_text_that_says_where_passes(tmp_path):
    found = findings(
        tmp_path,
        "content/p.md",
        """
        # Documents

        - To read it, [click here](https://example.org/plan).
        - Or [read more](more.md), or [read the consultation document](plan.md).
        """,
        "link-text",
    )
    assert [(f.line, f.column, f.flagged) for f in found] == [(3, 16, "click here"), (4, 7, "read more")]


def test_a_document_title_is_link_text(tmp_path):
    documents = [
        {"title": "Read more", "link": "https://example.org/a"},
        {"title": "Consultation document", "link": "https://example.org/b"},
    ]
    assert [f.flagged for f in record(tmp_path, "link-text", documents=documents)] == ["Read more"]


# --- Capitals ------------------------------------------------------------------------------------


def test_words_in_capitals_are_an_error(tmp_path):
    (found,) = record(tmp_path, "capitals", why="PLEASE NOTE the new times.")
    assert found.flagged == "PLEASE NOTE" and found.is_error
    assert not record(tmp_path, "capitals", why="Please note the new times.")


def test_one_english_word_in_capitals_is_capitals_not_a_short_form(tmp_path):
    assert [f.rule for f in record(tmp_path, why="This is FREE for everyone.")] == ["capitals"]


# --- Passive voice ------------------------------------------------------------------------------


def test_passive_voice_is_a_warning_and_active_voice_passes(tmp_path):
    (found,) = record(tmp_path, "passive-voice", why="The report was written by the team.")
    assert not found.is_error and found.flagged == "was written by"
    assert not record(tmp_path, "passive-voice", why="The team wrote the report.")
    assert not record(tmp_path, "passive-voice", why="We are interested in your views.")


# --- Lines and columns -------------------------------------------------------------------------------


def test_lines_and_columns_inside_yaml_block_and_folded_scalars(tmp_path):
    found = findings(
        tmp_path,
        "engagements/x.yaml",
        """
        title: Beds
        summary: |
          We asked people about beds.
          We will utilise what you said.
        why: >
          First line of a folded text.

          Then PLEASE NOTE this.
        can_influence:
          - "Which option we facilitate"
        """,
    )
    assert [(f.rule, f.line, f.column) for f in found if f.is_error] == [
        ("word-to-avoid", 4, 11),
        ("capitals", 8, 8),
        ("word-to-avoid", 10, 22),
    ]


def test_lines_and_columns_in_markdown_lists_and_front_matter(tmp_path):
    found = findings(
        tmp_path,
        "content/page.md",
        """
        ---
        title: About the HSE
        ---

        # Lists

        1. First, the plan.
        2. Second, we utilise
           what you said, in order to
           decide.

        - **Bold** and `utilise` in code is fine.
        """,
    )
    assert [(f.rule, f.line, f.column) for f in found if f.is_error] == [
        ("acronym-unexplained", 2, 18),
        ("word-to-avoid", 8, 15),
        ("word-to-avoid", 9, 19),
    ]


def test_admonitions_and_definitions_are_read_as_prose(tmp_path):
    found = findings(
        tmp_path,
        "content/page.md",
        """
        # Notes

        !!! note "PLEASE READ"
            We will utilise this.

        Term
        :   We will facilitate it.
        """,
    )
    assert [(f.rule, f.line, f.column) for f in found if f.is_error] == [
        ("capitals", 3, 11),
        ("word-to-avoid", 4, 13),
        ("word-to-avoid", 7, 13),
    ]


# --- What is not prose ---------------------------------------------------------------------------------


def test_ids_links_emails_phones_dates_choices_and_file_names_are_not_checked(tmp_path):
    found = record(
        tmp_path,
        type="formal_consultation",
        take_part={
            "online": {"link": "https://example.org/CLICK-HERE/UTILISE"},
            "email": {"address": "BAME.forum@example.org"},
            "phone": {"number": "0800 123 4567"},
        },
        contact={"team": "Engagement team", "email": "URGENT@example.org", "address": "1 HIGH ST, EV1 2AB"},
        decision={"who": "The board", "when": "Spring 2027", "body": "bme-board"},
        documents=[{"title": "Consultation document", "link": "https://example.org/a.pdf", "format": "DOCX, 2 MB"}],
        attachment="REPORT_FINAL.PDF",  # not a field: checked only if it looks like prose
        reference="bame_2026",
    )
    assert found == []


# --- The whole hub, output, exit status and exceptions ---------------------------------------------------


def test_the_shipped_pages_records_map_and_the_hubs_own_words_have_no_errors():
    done = run_script()
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 errors" in done.stdout or "the words are plain" in done.stdout


def test_output_is_path_line_column_rule_message_fix_and_errors_exit_1(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text("# Plans\n\nWe will utilise it.\n")
    done = run_script(str(page), cwd=tmp_path)
    assert done.returncode == 1
    assert f'{page}:3:9: word-to-avoid: "utilise" is a word to avoid' in done.stdout
    assert done.stdout.splitlines()[0].endswith('(use "use")')


def test_warnings_alone_exit_0(tmp_path):
    page = tmp_path / "passive.md"
    page.write_text("# Plans\n\nThe plan was written by the team.\n")
    done = run_script(str(page), cwd=tmp_path)
    assert done.returncode == 0
    assert "passive-voice: warning:" in done.stdout


def test_in_github_actions_each_finding_is_also_an_annotation(tmp_path):
    page = tmp_path / "bad.md"
    page.write_text("# Plans\n\nWe will utilise it.\n\nThe plan was written by us.\n")
    done = run_script(str(page), env={"GITHUB_ACTIONS": "true"}, cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert any(l.startswith(f"::error file={page},line=3,col=9,title=Plain English%3A word-to-avoid::") for l in lines)
    assert any(l.startswith("::warning ") and "passive-voice" in l for l in lines)


def test_a_passage_can_be_allowed_on_purpose_with_a_reason(tmp_path):
    allowed = tmp_path / "allowed.yaml"
    allowed.write_text(
        "allowed:\n"
        "  - rule: group-acronym\n"
        "    text: BME\n"
        "    files: [engagements/*.yaml]\n"
        "    why: the registered name of the charity, BME Health Forum\n"
        "  - rule: capitals\n"
        "    text: NEVER USED\n"
        "    why: an old exception\n"
    )
    path = tmp_path / "engagements" / "x.yaml"
    path.parent.mkdir()
    path.write_text("title: Beds\npartners:\n  - BME Health Forum\nwhy: Ask BME people.\n")
    language = load_language(allowed=allowed)
    report = check_files([path], tmp_path, language=language, report_unused=True)
    assert [f.flagged for f in report.allowed] == ["BME", "BME"]
    assert [(f.rule, f.line) for f in report.findings] == [("allowed-unused", 6)]

    elsewhere = tmp_path / "content" / "x.md"
    elsewhere.parent.mkdir()
    elsewhere.write_text("# BME groups\n")
    report = check_files([elsewhere], tmp_path, language=language)
    assert [f.rule for f in report.findings] == ["group-acronym"]


def test_every_allowed_exception_in_the_hub_says_why():
    for allowed in load_language().allowed:
        assert allowed.allowance.why.strip()


def test_a_file_too_big_for_a_record_is_refused_without_being_read(tmp_path):
    (found,) = findings(tmp_path, "huge.yaml", "title: " + "word " * 250_000 + "\n")
    assert found.rule == "unreadable" and "bigger than 1 MB" in found.message


def test_messages_in_f_strings_are_read_the_same_on_every_python():
    # From Python 3.12 the tokenizer splits an f-string into parts; the hub's messages are mostly f-strings.
    from hub.checks.plain_english.hub_words import python_source

    code = 'message = f"the {field} is wrong " f"so write it again, as {example} shows"\nlabel = "a plain label here"\n'
    source = python_source("hub/example.py", code)
    read = [" ".join(source.masked[p.start : p.end].split()) for p in source.passages]
    assert read == ["the x is wrong so write it again, as x shows", "a plain label here"]
