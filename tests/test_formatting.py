"""`why` and `outcome.summary` may use a little formatting (paragraphs, lists, bold, emphasis, links);
whatever else a record says is shown as text, and links go only to https, http, mailto and tel."""

from __future__ import annotations

import textwrap

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from hub.records.formatting import TAGS, _plain_from_markdown, formatted, plain
from hub.records.model import AllowsFormatting, Engagement, Outcome
from pages import content, page, text
from test_plain_english import record


def test_the_formatting_staff_expect_is_shown():
    shown = formatted(
        "We ask **you** and *your family*.\n\n- one\n- two\n\n1. first\n\nSee [the plan](https://example.org/plan)."
    )
    assert shown == (
        "<p>We ask <strong>you</strong> and <em>your family</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        "<ol>\n<li>first</li>\n</ol>\n"
        '<p>See <a href="https://example.org/plan" rel="noopener noreferrer">the plan</a>.</p>'
    )


@pytest.mark.parametrize(
    "link", ["https://example.org", "http://example.org", "mailto:engage@example.org", "tel:08000000000"]
)
def test_links_to_web_email_and_phone_are_kept(link):
    assert f'<a href="{link}" rel="noopener noreferrer">' in formatted(f"[us]({link})")


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:x",
        "file:///etc/passwd",
        "/engagements/other/",
        "//evil.example/",
        "ftp://example.org",
    ],
)
def test_links_that_could_run_code_or_leave_the_rules_lose_their_address(link):
    soup = BeautifulSoup(formatted(f"[us]({link})"), "html.parser")
    assert all(not a.get("href") for a in soup.find_all("a"))


@pytest.mark.parametrize(
    "written, shown",
    [
        ('<script>alert("x")</script>', '&lt;script&gt;alert("x")&lt;/script&gt;'),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        (
            "![a picture](https://example.org/a.png)",
            '!<a href="https://example.org/a.png" rel="noopener noreferrer">a picture</a>',
        ),
        ("# Not a heading", "# Not a heading"),
        ("`not code`", "`not code`"),
        ("> not a quote", "&gt; not a quote"),
    ],
)
def test_html_and_other_markdown_are_shown_as_text(written, shown):
    assert formatted(written) == f"<p>{shown}</p>"


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(
        st.sampled_from(list("ab <>/\"'=:*_-[]()!#&;\n1.") + ["script", "javascript:", "http://", "onerror", "href"]),
        max_size=60,
    ).map("".join)
    | st.text(max_size=80)
)
def test_anything_written_becomes_only_the_safe_tags(written):
    soup = BeautifulSoup(str(formatted(written)), "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in TAGS
        allowed = {"href", "rel"} if tag.name == "a" else set()
        assert set(tag.attrs) <= allowed
        if tag.get("href"):
            assert tag["href"].lower().startswith(("https://", "http://", "mailto:", "tel:"))


def test_plain_takes_the_formatting_out():
    assert (
        plain("We ask **you**.\n\n- [the plan](https://example.org) & more\n- <b>two</b>")
        == "We ask you. the plan & more <b>two</b>"
    )


# Text that reads as Markdown in some way, or looks as if it might: plain() gives it the same words whether or
# not it goes through the Markdown reader.
LOOKS_LIKE_FORMATTING = [
    "a  \nb",
    "a\r\nb\rc",
    "&copy; &amp; &#42; &lt;",
    "<b>x</b> <script>y</script>",
    "a\u00a0b\u2003c",
    "1. one\n2) two",
    "   - item\n\t+ item",
    "-x and 1.5 million, +3",
    "1234567890. not a list",
    "# not a heading\n> not a quote\n---",
    "`code` \\* <https://example.org> https://example.org",
    "a\\\nb",
    "x\n\n\n   y\t",
    "snake_case and 2*3",
]


@pytest.mark.parametrize("text", LOOKS_LIKE_FORMATTING)
def test_plain_reads_markdown_only_where_it_changes_the_words(text):
    assert plain(text) == _plain_from_markdown(text)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=" \n\t\r-+*_[]()1.)#>&;<ab\u00a0`\\!", max_size=16))
def test_plain_gives_the_markdown_readers_words_for_any_mix_of_its_characters(text):
    assert plain(text) == _plain_from_markdown(text)


def test_the_model_says_which_fields_allow_formatting():
    formatted_fields = {
        (model.__name__, name)
        for model in (Engagement, Outcome)
        for name, field in model.model_fields.items()
        if any(isinstance(m, AllowsFormatting) for m in field.metadata)
    }
    assert formatted_fields == {("Engagement", "why"), ("Outcome", "summary")}
    assert "you can use bold, bullet lists and links" in Engagement.model_fields["why"].description
    assert (
        "you can use bold, bullet lists and links" in Engagement.model_json_schema()["properties"]["why"]["description"]
    )


def test_a_demo_record_shows_a_list_bold_and_a_link(demo_site):
    article = content(page(demo_site, "engagements/stroke-rehabilitation/"))
    items = [text(li) for li in article.select("ul > li") if "Northfield Community Hospital" in text(li)]
    assert items == ["at Northfield Community Hospital,"]
    assert article.find("strong", string="three options")
    link = article.find("a", string="consultation document")
    assert link["href"] == "https://example.org/stroke/consultation-document" and link["rel"] == [
        "noopener",
        "noreferrer",
    ]
    assert "**" not in text(article)


def test_extracts_of_formatted_text_show_no_formatting_marks(demo_site):
    listing = text(content(page(demo_site, "you-said-we-did/")))
    assert "made booking simpler" in listing and "**" not in listing


def test_the_plain_english_check_reads_each_list_item_as_a_sentence(tmp_path):
    why = textwrap.dedent("""\
        We want to hear from three groups of people who use the service every week:

        - people who **use** the walk-in centre in the evening or at the weekend,
        - the carers and families who come with them to the centre and wait,
        - and [staff](https://example.org/staff) who work in the centre on the late shift.
    """)
    found = record(tmp_path, why=why)
    assert [f for f in found if f.rule == "sentence-too-long"] == []
    assert not [f for f in found if "https" in f.message or "**" in f.message]
    # The same words as one paragraph are one long sentence.
    joined = record(tmp_path, why=" ".join(why.replace("- ", "").split()), rule="sentence-too-long")
    assert len(joined) == 1
