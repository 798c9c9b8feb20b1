"""WCAG 2.2 AA in a real browser, no requests to other websites, working links, and a keyboard
that reaches everything with focus always visible."""

from __future__ import annotations

from pathlib import Path

import pytest

from accessibility import browser, check_site, new_page, Report, serve
from check_links import broken, check_links

# Small pages, each with one problem put there on purpose (and one good page to compare).
PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test page</title></head>
<body>
<header><a href="#main">Skip to content</a></header>
<main id="main">
<h1>Test page</h1>
{body}
</main>
</body>
</html>
"""
PAGES = {
    "good.html": '<p>All is well.</p><h2>A section</h2><p><a href="good.html">Read the good page again</a></p>',
    "missing-alt.html": '<p>A picture:</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
    "low-contrast.html": '<p style="color:#aaaaaa;background:#ffffff">This grey text is hard to read.</p>',
    "empty-link.html": '<p>Here is a link with no words: <a href="good.html"></a></p>',
    "skipped-heading.html": "<p>Text.</p><h4>A heading that skips two levels</h4><p>More text.</p>",
    "outside-request.html": '<p>A picture from another website:</p><img src="https://example.com/picture.png" alt="A picture">',
    "broken-link.html": '<p><a href="no-such-page.html">A page that is not there</a> and '
    '<a href="good.html#no-such-anchor">an anchor that is not there</a></p>',
}


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("a11y")
    for name, body in PAGES.items():
        (folder / name).write_text(PAGE.format(body=body), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def demo_report(demo_site) -> Report:
    return check_site(demo_site)


def test_every_page_of_the_demo_hub_passes_axe(demo_site, demo_report):
    assert len(demo_report.pages) == sum(1 for _ in demo_site.rglob("*.html"))
    assert not demo_report.violations, "\n".join(map(str, demo_report.violations))


def test_no_page_asks_another_website_for_anything(demo_report):
    assert not demo_report.outside_requests


@pytest.mark.parametrize(
    "page, rule",
    [
        ("missing-alt.html", "image-alt"),
        ("low-contrast.html", "color-contrast"),
        ("empty-link.html", "link-name"),
        ("skipped-heading.html", "heading-order"),
    ],
)
def test_a_deliberately_broken_page_is_caught(fixtures, page, rule):
    report = check_site(fixtures, [page])
    assert [v.rule for v in report.violations] == [rule]
    assert not report.ok


def test_a_good_page_passes(fixtures):
    assert check_site(fixtures, ["good.html"]).ok


def test_a_request_to_another_website_is_caught_and_blocked(fixtures):
    report = check_site(fixtures, ["outside-request.html"])
    assert [r.split(": ", 1)[1] for r in report.outside_requests] == ["https://example.com/picture.png"]


def test_every_link_and_anchor_in_the_demo_hub_works(demo_site):
    result = check_links(demo_site)
    assert not broken(result), result.stdout
    assert " 0 errors found" in result.stdout


def test_a_broken_link_and_a_broken_anchor_are_caught(fixtures):
    result = check_links(fixtures)
    assert broken(result)
    assert "no-such-page.html" in result.stdout
    assert "no-such-anchor" in result.stdout


# --- Keyboard -----------------------------------------------------------------------------

_MARK_FOCUSABLE = """
() => {
  const all = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'));
  const shown = all.filter(el => el.tabIndex >= 0 && !el.disabled && !el.closest('[hidden]') && el.getClientRects().length > 0
                            && getComputedStyle(el).visibility !== 'hidden');
  shown.forEach((el, i) => el.setAttribute('data-key', String(i)));
  return shown.length;
}
"""
_FOCUSED = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadowed = style.boxShadow && style.boxShadow !== 'none';
  return {key: el.getAttribute('data-key'), visible: outlined || shadowed, html: el.outerHTML.slice(0, 120)};
}
"""


def _tab_through(site: Path, url: str) -> tuple[int, list[dict]]:
    report = Report()
    with serve(site) as base, browser() as chromium:
        page = new_page(chromium, report)
        page.goto(base + url)
        total = page.evaluate(_MARK_FOCUSABLE)
        stops = []
        for _ in range(total + 5):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUSED)
            if focused is None or (stops and focused["key"] == stops[0]["key"]):
                break
            stops.append(focused)
    return total, stops


@pytest.mark.parametrize("url", ["", "engagements/stroke-rehabilitation/"])
def test_the_keyboard_reaches_every_link_and_control_with_visible_focus(demo_site, url):
    total, stops = _tab_through(demo_site, url)
    reached = {s["key"] for s in stops}
    assert total > 20
    assert reached >= {str(i) for i in range(total)}, f"not reached: {set(map(str, range(total))) - reached}"
    hidden_focus = [s["html"] for s in stops if not s["visible"]]
    assert not hidden_focus


def test_the_first_tab_stop_is_the_skip_link(demo_site):
    _, stops = _tab_through(demo_site, "engagements/stroke-rehabilitation/")
    assert "Skip to content" in stops[0]["html"]


def test_an_engagement_page_prints_without_the_site_navigation(demo_site):
    report = Report()
    with serve(demo_site) as base, browser() as chromium:
        page = new_page(chromium, report)
        page.goto(base + "engagements/stroke-rehabilitation/")
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.hub-contents']"
            ".map(s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert hidden == ["none"] * 4
        assert page.locator("h1").is_visible()
        assert page.locator("#take-part").is_visible()
