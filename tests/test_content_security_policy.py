"""Every page carries a Content-Security-Policy: scripts only from the site's own files and the theme's
own inline scripts (by hash), so a script that reached a page from a record would not run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

import accessibility as a11y
from hub.site.security import _hash, _theme_parts, content_security_policy

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def _policy(html: str) -> dict[str, list[str]]:
    (found,) = META.findall(html)
    found = found.replace("&#39;", "'")
    return {part.split()[0]: part.split()[1:] for part in found.split("; ")}


def _pages(site: Path) -> list[Path]:
    """The public pages: the staff editor at /admin/ has its own policy (tests/test_editor.py)."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin")


def test_every_page_has_one_policy_before_any_script(demo_site):
    pages = _pages(demo_site)
    assert len(pages) > 50 and (demo_site / "404.html") in pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert len(META.findall(html)) == 1, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path


def test_the_policy_allows_no_inline_script_but_the_themes_own(demo_site):
    for path in _pages(demo_site):
        html = path.read_text(encoding="utf-8")
        policy = _policy(html)
        assert policy["script-src"][0] == "'self'" and "'unsafe-inline'" not in policy["script-src"], path
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], path
        assert policy["default-src"] == ["'self'"] and policy["form-action"] == ["'self'"], path
        soup = BeautifulSoup(html, "html.parser")
        inline = [
            s.string or "" for s in soup.find_all("script") if not s.get("src") and s.get("type") != "application/json"
        ]
        assert sorted(policy["script-src"][1:]) == sorted({_hash(s) for s in inline}), path


def test_a_script_in_the_pages_content_is_never_allowed_by_hash():
    theme = "<script>themeSetup()</script>"
    page = (
        f'<html><head><meta charset="utf-8">{theme}</head><body><article class="md-content__inner">'
        "<script>alert('from a record')</script></article></body></html>"
    )
    policy = content_security_policy(page)
    assert _hash("themeSetup()") in policy
    assert _hash("alert('from a record')") not in policy


# --- In a real browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site_with_an_injected_script(demo_site, tmp_path_factory) -> Path:
    """The demo hub, with one page changed as if a script from a record had slipped into its content."""
    site = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(demo_site, site)
    page = site / "engagements" / "stroke-rehabilitation" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        'id="main-content" tabindex="-1">', 'id="main-content" tabindex="-1"><script>window.injected = true</script>', 1
    )
    assert "window.injected" in html
    page.write_text(html, encoding="utf-8")
    return site


def _visit(browser, base: str, address: str) -> tuple[object, list[str]]:
    context, _ = a11y.new_context(browser, axe=False)
    tab = context.new_page()
    messages: list[str] = []
    tab.on("console", lambda message: messages.append(message.text))
    tab.goto(base + address, wait_until="load")
    return tab, messages


def test_an_injected_inline_script_is_blocked_and_reported(browser, site_with_an_injected_script):
    with a11y.serve(site_with_an_injected_script) as base:
        tab, messages = _visit(browser, base, "engagements/stroke-rehabilitation/")
        assert tab.evaluate("() => window.injected") is None
        tab.context.close()
    assert any("Content Security Policy" in m and "script-src" in m for m in messages), messages


@pytest.mark.parametrize("address", ["", "engagements/stroke-rehabilitation/", "who-decides/", "404.html"])
def test_the_real_pages_break_no_rule_of_their_policy(browser, demo_site, address):
    with a11y.serve(demo_site) as base:
        tab, messages = _visit(browser, base, address)
        # Material's own script ran: it swaps the no-js class for js.
        assert "js" in tab.evaluate("() => document.documentElement.className").split()
        tab.context.close()
    assert not [m for m in messages if "Content Security Policy" in m], messages


def test_search_still_works_under_the_policy(browser, demo_site):
    with a11y.serve(demo_site) as base:
        tab, messages = _visit(browser, base, "")
        tab.focus(".md-search__input")
        tab.keyboard.type("stroke")
        tab.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert "stroke" in tab.inner_text(".md-search-result").lower()
        tab.context.close()
    assert not [m for m in messages if "Content Security Policy" in m], messages


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<article>", "<article class='a'>", "<articles>", "<article-x>", "</article>", "x", "\n"])
    )
)
def test_the_page_without_its_content_is_what_the_regular_expression_leaves(parts):
    """security._theme_parts finds the content as <article\\b.*</article> would, without the regex's cost."""
    page = "".join(parts)
    assert _theme_parts(page) == re.sub(r"<article\b.*</article>", "", page, count=1, flags=re.DOTALL)
