"""The glossary: every short form it defines shows its meaning on the site, and it has its own page."""

from __future__ import annotations

from pathlib import Path

from bs4 import NavigableString

from hub.records.glossary import load_glossary
from hub.site.render import explain_short_forms, paragraphs
from pages import content, page, text

GLOSSARY = load_glossary()


def test_a_short_form_in_page_text_is_wrapped_in_an_abbr_with_its_meaning():
    html = explain_short_forms("<p>Ask your GP or the NHS.</p>", GLOSSARY)
    assert html == (
        '<p>Ask your <abbr title="General practitioner">GP</abbr> or the '
        '<abbr title="National Health Service">NHS</abbr>.</p>'
    )


def test_tags_attributes_code_and_existing_abbrs_are_left_alone():
    html = (
        '<a href="https://example.org/NHS/GP" title="NHS">NHS</a><code>NHS</code>'
        '<abbr title="Ours">NHS</abbr><p>GPs and A&amp;E</p>'
    )
    assert explain_short_forms(html, GLOSSARY) == (
        '<a href="https://example.org/NHS/GP" title="NHS"><abbr title="National Health Service">NHS</abbr></a>'
        '<code>NHS</code><abbr title="Ours">NHS</abbr>'
        '<p><abbr title="General practitioner">GP</abbr>s and <abbr title="Accident and emergency">A&amp;E</abbr></p>'
    )


def test_record_text_stays_escaped_when_its_short_forms_are_explained():
    html = explain_short_forms(str(paragraphs('<script>alert("NHS")</script> <b>GP</b>')), GLOSSARY)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&#34;<abbr" in html
    assert '&lt;b&gt;<abbr title="General practitioner">GP</abbr>&lt;/b&gt;' in html


def test_every_short_form_on_every_page_of_the_demo_site_shows_its_meaning(demo_site: Path):
    pattern, meanings = GLOSSARY.pattern, {t.short: t.means for t in GLOSSARY.terms}
    unexplained, checked = [], 0
    for file in sorted(demo_site.rglob("index.html")):
        url = file.parent.relative_to(demo_site).as_posix()
        article = content(page(demo_site, "" if url == "." else url + "/"))
        if article is None:
            continue
        for abbr in article.find_all("abbr"):
            checked += 1
            assert abbr.get("title") == meanings.get(abbr.get_text()), (file, abbr)
        for string in article.find_all(string=True):
            # A chart's SVG has no <abbr>: the table beside every chart gives the same words, explained.
            if isinstance(string, NavigableString) and not string.find_parent(["abbr", "code", "pre", "script", "svg"]):
                unexplained += [(str(file.relative_to(demo_site)), m.group()) for m in pattern.finditer(str(string))]
    assert checked > 0
    assert unexplained == []


def test_the_glossary_has_its_own_page_listing_every_short_form_and_its_meaning(demo_site: Path):
    soup = page(demo_site, "glossary/")
    article = content(soup)
    shown = text(article)
    for term in GLOSSARY.terms:
        assert f"{term.short} {term.means}." in shown
    nav = text(soup.select_one("nav.md-nav--primary"))
    assert "Glossary" in nav
