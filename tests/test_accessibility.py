"""Accessibility in a real browser: axe-core on every page, keyboard, requests, print and reflow.

One headless Chromium (Debian's) serves the whole module. The demo hub is built once (the
`demo_site` fixture, date pinned). Deliberately broken pages in a11y_fixtures/pages show
that each kind of problem is caught.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from hub.facts.status import Status
from pages import content, page, text

sys.path.insert(0, str(ROOT / "scripts"))
import accessibility as a11y  # noqa: E402

FIXTURES = Path(__file__).parent / "a11y_fixtures" / "pages"
SCRIPT = ROOT / "scripts" / "accessibility.py"


# --- One browser, one server for the demo hub, one for the broken pages -------------------------


@pytest.fixture(scope="module")
def context(browser):
    context, guard = a11y.new_context(browser)
    context.guard = guard
    yield context
    context.close()


@pytest.fixture(scope="module")
def tab(context):
    """One tab, reused by the tests; each test leaves it as it found it."""
    return context.new_page()


@pytest.fixture(scope="module")
def demo_url(demo_site):
    with a11y.serve(demo_site) as base:
        yield base


@pytest.fixture(scope="module")
def fixtures_url():
    with a11y.serve(FIXTURES) as base:
        yield base


@pytest.fixture(scope="module")
def demo_results(demo_site, demo_url, tab, context):
    return [a11y.check_page(tab, context.guard, demo_url, address) for address in a11y.site_pages(demo_site)]


@pytest.fixture(scope="module")
def fixture_results(fixtures_url, tab, context):
    return {
        address: a11y.check_page(tab, context.guard, fixtures_url, address) for address in a11y.site_pages(FIXTURES)
    }


def _engagement_page(demo_site: Path) -> str:
    """The engagement page with the most on it (links, sections, tables)."""
    pages = sorted((demo_site / "engagements").glob("*/index.html"), key=lambda p: p.stat().st_size)
    return f"engagements/{pages[-1].parent.name}/"


# --- axe-core on every page of the demo hub ---------------------------------------------------


def test_every_page_of_the_demo_hub_passes_axe_wcag_2_2_a_and_aa(demo_site, demo_results):
    html_files = [p for p in demo_site.rglob("*.html") if not _is_editor(demo_site, p)]
    assert len(demo_results) == len(html_files) >= 20
    assert {"", "accessibility/", _engagement_page(demo_site), "404.html"} <= {r.page for r in demo_results}
    problems = [p.line() for r in demo_results for p in r.problems]
    assert not problems, "\n".join(problems)


def test_axe_is_the_pinned_version_and_has_wcag_2_2_rules(tab, demo_url):
    assert a11y.axe_version() == "4.12.1"
    tab.goto(demo_url)
    rules = tab.evaluate("tags => axe.getRules(tags).map(r => r.ruleId)", a11y.WCAG_TAGS)
    assert {"color-contrast", "image-alt", "link-name", "html-has-lang", "target-size"} <= set(rules)


def test_the_search_passes_axe_while_open_and_showing_results(tab, demo_url):
    tab.goto(demo_url)
    tab.focus(".md-search__input")
    tab.keyboard.type("hospital")
    tab.wait_for_selector(".md-search-result__item")
    tab.wait_for_timeout(500)  # Material fades the results in
    problems = [v["id"] for v in a11y.run_axe(tab) if a11y._required(v)]
    assert not problems
    # The results can be reached with the keyboard: down arrow from the search box.
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("() => document.activeElement.classList.contains('md-search-result__link')")
    tab.keyboard.press("Escape")


def test_the_narrowest_layout_passes_axe_and_does_not_scroll_sideways(tab, demo_url, demo_site):
    """320 pixels wide: a small phone, or a desktop browser zoomed to 400% (WCAG 1.4.10)."""
    tab.set_viewport_size({"width": 320, "height": 640})
    try:
        for address in ("", _engagement_page(demo_site), "accessibility/"):
            tab.goto(demo_url + address)
            problems = [v["id"] for v in a11y.run_axe(tab) if a11y._required(v)]
            assert not problems, (address, problems)
            width = tab.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[0] <= width[1], (address, width)
    finally:
        tab.set_viewport_size(a11y.VIEWPORT)


# --- The deliberately broken pages are caught ---------------------------------------------------


@pytest.mark.parametrize(
    "address, rule",
    [
        ("missing-alt.html", "image-alt"),
        ("low-contrast.html", "color-contrast"),
        ("empty-link.html", "link-name"),
        ("skipped-heading.html", "heading-order"),
    ],
)
def test_a_broken_page_is_caught_with_the_rule_it_breaks(fixture_results, address, rule):
    result = fixture_results[address]
    assert result.failed
    assert result.rules() == {rule}
    assert all(p.page == address and p.element and p.help for p in result.problems)


def test_the_page_with_no_problems_passes(fixture_results):
    good = fixture_results["good.html"]
    assert not good.failed, [p.line() for p in good.problems]


def test_a_request_to_another_website_is_blocked_and_reported(fixture_results):
    result = fixture_results["offsite-request.html"]
    assert result.offsite == ["https://cdn.example.com/tracker.js"]
    assert result.failed and not result.problems


def test_the_command_prints_page_rule_element_and_help_and_fails(fixtures_url):
    done = subprocess.run([sys.executable, str(SCRIPT), str(FIXTURES)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "missing-alt.html: image-alt (critical): img: Images must have alternative text" in lines
    assert "skipped-heading.html: heading-order (moderate): h3: Heading levels should only increase by one" in lines
    assert any(line.startswith("low-contrast.html: color-contrast (serious): .faint: ") for line in lines)
    assert any(line.startswith("empty-link.html: link-name (serious): ") for line in lines)
    assert "offsite-request.html: request to another website: https://cdn.example.com/tracker.js" in lines
    assert re.search(r"Checked 7 pages with axe-core 4\.12\.1: 4 violations and 1 requests .* on 5 pages", done.stdout)


def test_the_command_passes_the_demo_hub(demo_site, demo_results):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(demo_site), "--page", "", "--page", _engagement_page(demo_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "Checked 2 pages with axe-core 4.12.1: 0 violations and 0 requests to other websites on 0 pages." in done.stdout
    )


# --- No requests to other websites ---------------------------------------------------------------


def test_no_page_of_the_demo_hub_asks_another_website_for_anything(demo_results):
    offsite = {r.page: r.offsite for r in demo_results if r.offsite}
    assert not offsite


def test_pages_load_their_fonts_scripts_and_search_from_the_site_itself(tab, context, demo_url, demo_site):
    seen: list[str] = []

    def note(request):
        seen.append(request.url)

    tab.on("request", note)
    try:
        for address in ("", _engagement_page(demo_site)):
            tab.goto(demo_url + address, wait_until="networkidle")
        tab.focus(".md-search__input")  # the search loads its worker and index now
        tab.keyboard.type("care")
        tab.wait_for_selector(".md-search-result__item")
        tab.keyboard.press("Escape")
    finally:
        tab.remove_listener("request", note)
    assert context.guard.take() == []
    assert not [url for url in seen if not a11y.is_local(url)]
    assert any(url.endswith(".css") for url in seen) and any(url.endswith(".js") for url in seen)
    assert any("search_index.json" in url for url in seen)
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


# --- Keyboard ------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["home", "engagement"])
def test_tab_reaches_every_link_and_control_and_focus_is_always_visible(tab, demo_url, demo_site, which):
    address = "" if which == "home" else _engagement_page(demo_site)
    result = a11y.tab_through(tab, demo_url + address, address or "/")
    assert result.targets >= 20
    assert not result.problems, "\n".join(result.problems)
    assert len(result.order) == result.targets
    assert result.order[0].startswith("<a.md-skip.hub-skip") and "Skip to main content" in result.order[0]
    assert any("md-search__input" in name for name in result.order)


def test_the_skip_link_moves_past_the_header_and_menu(tab, demo_url, demo_site):
    tab.goto(demo_url + _engagement_page(demo_site))
    tab.keyboard.press("Tab")
    assert tab.evaluate("() => document.activeElement.textContent.trim()") == "Skip to main content"
    tab.keyboard.press("Enter")
    assert tab.evaluate("() => document.activeElement.id") == "main-content"
    tab.keyboard.press("Tab")
    first = tab.evaluate(
        "() => [document.activeElement.closest('article') !== null, document.activeElement.textContent.trim()]"
    )
    assert first == [True, "Home"]  # the first link in the page's own content: the breadcrumbs


def test_a_page_whose_links_hide_their_focus_is_caught(tab, fixtures_url):
    result = a11y.tab_through(tab, fixtures_url + "no-focus-style.html", "no-focus-style.html")
    unseen = " ".join(result.unseen)
    assert "First link" in unseen and "second link" in unseen
    assert not result.missed


def test_focus_hidden_behind_a_fixed_banner_is_caught(tab, fixtures_url):
    """WCAG 2.2's 2.4.11: a banner fixed over the page hides the focused link."""
    banner = "footer::after { content: ''; position: fixed; inset: 0; background: #fff; }"
    body = (FIXTURES / "good.html").read_text(encoding="utf-8").replace("</style>", banner + "</style>")
    tab.route("**/good.html", lambda route: route.fulfill(body=body, content_type="text/html"))
    try:
        result = a11y.tab_through(tab, fixtures_url + "good.html", "good.html")
    finally:
        tab.unroute("**/good.html")
    assert "link with words" in " ".join(result.covered)
    assert not result.missed


# --- Print ---------------------------------------------------------------------------------------


def test_an_engagement_page_prints_cleanly(tab, demo_url, demo_site):
    tab.goto(demo_url + _engagement_page(demo_site))
    tab.emulate_media(media="print")
    try:
        shown = tab.evaluate("""() => {
          const shown = sel => [...document.querySelectorAll(sel)].some(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length);
          const status = getComputedStyle(document.querySelector('.hub-status'));
          const after = a => getComputedStyle(a, '::after').content;
          const local = document.querySelector('article a[href^="#"]');
          const away = [...document.querySelectorAll('article a[href^="http"]')].find(a => !a.closest('.hub-ways'));
          return {
            chrome: ['.md-header', '.md-sidebar', '.md-footer', '.md-skip', '.md-top', '.md-search', '.hub-crumbs', '.hub-contents'].filter(shown),
            title: shown('article h1'),
            width: document.querySelector('article').getBoundingClientRect().width / document.body.getBoundingClientRect().width,
            statusColour: status.color, statusBorder: status.borderTopStyle, statusBackground: status.backgroundImage + ' ' + status.backgroundColor,
            localAfter: after(local), awayAfter: away ? after(away) : null, awayHref: away ? away.href : null,
          };
        }""")
        pdf = tab.pdf(format="A4")
    finally:
        tab.emulate_media(media="screen")
    assert shown["chrome"] == []
    assert shown["title"] and shown["width"] > 0.9
    # Printers drop background colours: the status keeps black words and gains a border.
    assert shown["statusColour"] == "rgb(0, 0, 0)" and shown["statusBorder"] == "solid"
    assert shown["statusBackground"] == "none rgba(0, 0, 0, 0)"
    assert shown["localAfter"] in ("none", "normal")
    assert shown["awayHref"] and shown["awayHref"] in shown["awayAfter"]
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1


# --- What the built pages say (no browser needed) ------------------------------------------------


def test_status_is_never_shown_by_colour_alone(demo_site):
    labels = {s.value: s.label for s in Status}
    tags = 0
    for path in demo_site.rglob("*.html"):
        for tag in page(demo_site, str(path.relative_to(demo_site))).select(".hub-status"):
            kind = next(
                c.removeprefix("hub-status--")
                for c in tag["class"]
                if c.startswith("hub-status--") and c != "hub-status--soon"
            )
            assert text(tag).startswith(labels[kind]), (path, text(tag))
            if "hub-status--soon" in tag["class"]:
                assert text(tag).endswith("closing soon")
            tags += 1
    assert tags >= 2


def _is_editor(site: Path, path: Path) -> bool:
    """The staff editor at /admin/ is Decap CMS's page, not a public one (tests/test_editor.py)."""
    return path.relative_to(site).parts[0] == "admin"


def test_every_page_says_its_language_and_has_a_skip_link_to_its_content(demo_site):
    for path in demo_site.rglob("*.html"):
        if _is_editor(demo_site, path):
            continue
        soup = page(demo_site, str(path.relative_to(demo_site)))
        assert soup.html["lang"] == "en"
        skip = soup.select_one("a.hub-skip")
        assert skip is not None and skip["href"] == "#main-content", path
        assert soup.select_one("main article#main-content") is not None, path
        assert soup.select_one(".md-search[role=dialog]")["aria-label"] == "Search"


def test_the_accessibility_statement_is_in_the_usual_uk_form_and_linked_under_about(demo_site):
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    contact = config["extra"]["hub"]
    soup = page(demo_site, "accessibility/")
    statement = content(soup)
    headings = [text(h) for h in statement.find_all(["h1", "h2", "h3"])]
    for needed in (
        f"Accessibility statement for {config['site_name']}",
        "Using this website",
        "How accessible this website is",
        "Feedback and contact information",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Technical information about this website's accessibility",
        "Compliance status",
        "Non-accessible content",
        "What we are doing to improve accessibility",
        "Preparation of this accessibility statement",
    ):
        assert needed in headings
    words = text(statement)
    # The contact details are the hub's own, as set in mkdocs.yml.
    assert contact["email"] in words and contact["phone"] in words and contact["post"] in words
    assert "made up" in words
    assert re.search(
        r"(fully|partially|not) compliant with the Web Content Accessibility Guidelines version 2\.2 AA", words
    )
    assert "Equality Advisory and Support Service" in words
    assert re.search(r"prepared on \d{1,2} [A-Z][a-z]+ \d{4}", words)
    sections = [s for s in soup.select("nav.md-nav--primary li.md-nav__item--section") if "About this hub" in text(s)]
    assert len(sections) == 1
    assert "Accessibility statement" in [text(a) for a in sections[0].find_all("a")]


def test_on_a_narrow_screen_the_menu_opens_and_closes_with_the_keyboard(tab, demo_url):
    """320 pixels wide (or 400% zoom): the menu button, then every page in the menu, all seen."""
    tab.set_viewport_size({"width": 320, "height": 640})
    try:
        closed = a11y.tab_through(tab, demo_url, "/ (narrow)")
        assert not closed.problems, "\n".join(closed.problems)
        assert (
            closed.order[1].startswith("<button.md-header__button.md-icon.hub-menu-button")
            and '"Menu"' in closed.order[1]
        )
        # While the menu is closed, Tab does not go into it.
        assert not [name for name in closed.order if "md-nav__link" in name]

        tab.goto(demo_url)
        tab.evaluate(a11y._HELPERS)
        tab.keyboard.press("Tab")
        tab.keyboard.press("Tab")
        menu = tab.locator("button.hub-menu-button")
        assert menu.evaluate("b => b === document.activeElement") and menu.get_attribute("aria-expanded") == "false"
        tab.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        tab.wait_for_timeout(400)  # the menu slides in
        in_menu = []
        for _ in range(40):  # every link in the menu, with room for more pages
            tab.keyboard.press("Tab")
            now = tab.evaluate(a11y._FOCUS_NOW)
            if "md-nav__link" in now["name"]:
                assert not now["covered"], now
                assert now["look"]["opacity"] == 1 and now["look"]["visibility"] == "visible", now
                in_menu.append(now["name"].split('"')[1])
            if in_menu and in_menu[-1] == "Accessibility statement":
                break
        assert {"Have your say", "By place", "All engagements", "About", "Accessibility statement"} <= set(in_menu)
        tab.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert menu.evaluate("b => b === document.activeElement")
        tab.keyboard.press(" ")
        assert menu.get_attribute("aria-expanded") == "true"
        tab.keyboard.press(" ")
        assert menu.get_attribute("aria-expanded") == "false"
    finally:
        tab.set_viewport_size(a11y.VIEWPORT)
