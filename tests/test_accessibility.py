"""Accessibility in a real browser: axe-core on every page at 1280 and 320 pixels, reflow and text
spacing, the Nu HTML Checker, keyboard, requests and print.

One headless Chromium (Debian's) serves the whole module. The demo hub is built once (the
`demo_site` fixture, date pinned). Deliberately broken pages in a11y_fixtures/pages show
that each kind of problem is caught; a11y_fixtures/barriers holds the known-barrier set.
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
def demo_results(demo_site):
    """Every page of the demo, shared out between browsers as the command does (one a core, up to two)."""
    return a11y.check_site(demo_site, html=False)


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


@pytest.mark.whole_site
def test_every_page_of_the_demo_hub_passes_at_both_widths_and_with_text_spacing(demo_site, demo_results):
    """axe at 1280 and 320 pixels; at 320 nothing scrolls sideways, is cut off or breaks mid-word,
    and nothing is lost with WCAG 1.4.12 text spacing."""
    html_files = [p for p in demo_site.rglob("*.html") if not _is_editor(demo_site, p)]
    assert len(demo_results) == len(html_files) >= 20
    # Among them, the pages with the most to fit on a phone: the tables and charts of who took part.
    must_check = {"", "accessibility/", _engagement_page(demo_site), "404.html", "who-decides/", "open-data/"}
    must_check |= {f"engagements/{name}/" for name in ("community-hospital-beds", "diabetes-community-champions")}
    must_check |= {"engagements/carers-breaks/", "reports/2025/"}
    assert must_check <= {r.page for r in demo_results}
    problems = [p.line() for r in demo_results for p in r.problems]
    assert not problems, "\n".join(problems)


@pytest.mark.whole_site
def test_every_page_of_the_demo_hub_is_valid_html_with_no_repeated_ids(demo_site):
    found = a11y.check_html(demo_site, a11y.site_pages(demo_site))
    assert len(found) == len([p for p in demo_site.rglob("*.html") if not _is_editor(demo_site, p)])
    problems = [p.line() for page_problems in found.values() for p in page_problems]
    assert not problems, "\n".join(problems)


def test_the_html_checker_names_a_repeated_id_and_bad_html(tmp_path):
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twice</title></head><body>'
        '<p id="a">One</p><p id="a">Two</p><ul><div>Not a list item</div></ul></body></html>',
        encoding="utf-8",
    )
    found = a11y.check_html(tmp_path, ["page.html"])["page.html"]
    assert {p.rule for p in found} == {"duplicate-id", "html"}
    assert any(p.help == "Duplicate ID “a”." and p.element.startswith("line 1: ") for p in found)
    assert all(p.engine == "html" for p in found)


def _changed(tab, context, fixtures_url, css: str = "", html: tuple[str, str] = ("", "")):
    """good.html with some CSS or HTML changed, checked at every width."""
    body = (FIXTURES / "good.html").read_text(encoding="utf-8").replace("</style>", css + "</style>")
    body = body.replace(*html)
    tab.route("**/good.html", lambda route: route.fulfill(body=body, content_type="text/html"))
    try:
        return a11y.check_page(tab, context.guard, fixtures_url, "good.html")
    finally:
        tab.unroute("**/good.html")


def test_a_table_too_wide_for_a_phone_is_named(tab, context, fixtures_url):
    result = _changed(tab, context, fixtures_url, css="table { width: 30rem; }")
    assert [(p.rule, p.element, p.view) for p in result.problems] == [("reflow", "main#main > table", "320px")]
    assert "480px wide" in result.problems[0].help and "WCAG 1.4.10" in result.problems[0].help


def test_words_squeezed_apart_in_a_narrow_column_are_caught(tab, context, fixtures_url):
    result = _changed(tab, context, fixtures_url, css="th { width: 1px; overflow-wrap: anywhere; }")
    broken = [p for p in result.problems if p.rule == "word-broken"]
    assert broken and all(p.view == "320px" and p.engine == "layout" for p in broken)
    assert any('breaks "Online"' in p.help for p in broken)


def test_text_cut_off_only_with_text_spacing_is_caught_and_named(tab, context, fixtures_url):
    result = _changed(
        tab,
        context,
        fixtures_url,
        css=".tag { width: 6.2rem; white-space: nowrap; overflow: hidden; }",
        html=("<header><p>", '<header><p class="tag">'),
    )
    assert [(p.rule, p.element, p.view) for p in result.problems] == [
        ("text-spacing", "header > p.tag", "320px, text spacing")
    ]
    assert 'cuts off "Fixture site"' in result.problems[0].help and "WCAG 1.4.12" in result.problems[0].help


def test_every_table_of_the_hub_scrolls_in_its_own_labelled_box_that_a_keyboard_can_reach(demo_site):
    tables = 0
    for path in demo_site.rglob("*.html"):
        soup = page(demo_site, str(path.relative_to(demo_site)))
        for table in soup.select("article table"):
            box = table.parent
            assert box.name == "div" and "hub-table-box" in box["class"], path
            assert box["role"] == "region" and box["tabindex"] == "0"
            caption = table.find("caption")
            assert caption is not None and caption["id"] == box["aria-labelledby"], path
            tables += 1
    assert tables >= 20


def test_the_site_name_wraps_at_320_pixels_in_the_header_and_the_open_menu(tab, demo_url):
    tab.set_viewport_size(a11y.NARROW)
    try:
        tab.goto(demo_url)
        name = tab.locator(".md-header__topic:first-child .md-ellipsis")
        assert name.inner_text() == "Have your say on health and care"
        box = name.evaluate("e => [e.scrollWidth, e.clientWidth, e.getClientRects().length]")
        assert box[0] <= box[1]
        tab.click("button.hub-menu-button")
        a11y.settle(tab)
        title = tab.locator("label.md-nav__title").first
        assert title.is_visible()
        assert title.evaluate("e => e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight")
        assert a11y._layout_problems(tab, "/ (menu open)", spacing=False) == []
    finally:
        tab.set_viewport_size(a11y.VIEWPORT)


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
    # The Nu HTML Checker names the line and the element.
    assert any(
        line.startswith('missing-alt.html: html (error): line 20: <img src="data:image/gif')
        and line.endswith(
            "An “img” element must have an “alt” attribute, except under certain conditions. "
            "For details, consult guidance on providing text alternatives for images."
        )
        for line in lines
    )
    assert re.search(
        r"Checked 8 pages at 1280 and 320 pixels wide and with text spacing, with axe-core 4\.12\.1 and the Nu HTML "
        r"Checker 26\.9\.27: 6 problems and 1 requests to other websites, 0 keyboard problems on 1 pages walked: "
        r"5 pages failed\.",
        done.stdout,
    )


def test_the_command_passes_the_demo_hub_and_walks_one_page_of_each_kind(demo_site, demo_results):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(demo_site), "--page", "", "--page", _engagement_page(demo_site)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "Checked 2 pages at 1280 and 320 pixels wide and with text spacing, with axe-core 4.12.1 and the Nu HTML "
        "Checker 26.9.27: 0 problems and 0 requests to other websites, 0 keyboard problems on 2 pages walked: "
        "0 pages failed." in done.stdout
    )
    assert f"Keyboard walk, one page of each kind: hub-engagement ({_engagement_page(demo_site)}), hub-home (/)." in (
        done.stdout
    )


def test_the_command_explains_a_page_that_is_not_there(demo_site):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(demo_site), "--page", "no-such-page/"], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert f"no such page in {demo_site}: no-such-page/" in done.stderr and "Traceback" not in done.stderr


# --- No requests to other websites ---------------------------------------------------------------


@pytest.mark.whole_site
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


def test_the_browsers_own_focus_ring_counts_as_visible_focus(tab, fixtures_url):
    result = a11y.tab_through(tab, fixtures_url + "browser-focus-ring.html", "browser-focus-ring.html")
    assert not result.problems, result.problems
    assert [name.split('"')[1] for name in result.order] == [
        "Skip to main content",
        "first link",
        "second link",
        "button",
    ]


@pytest.mark.whole_site
def test_the_keyboard_walk_passes_on_one_page_of_every_kind(demo_site):
    kinds = a11y.one_page_of_each_kind(demo_site, a11y.site_pages(demo_site))
    templates = ROOT / "hooks" / "hub" / "site" / "templates"
    made = {
        m for path in templates.glob("*.html") for m in re.findall(r'<div class="hub (hub-[\w-]+)', path.read_text())
    }
    # Lists that extend list.html name their kind in a block of their own.
    made |= {
        m for path in templates.glob("*.html") for m in re.findall(r"{% block kind %}(hub-[\w-]+)", path.read_text())
    }
    # A body's own list of decisions is made only when it has more than fit on its page: none in the demo.
    assert made - {"hub-decisions-list"} <= set(kinds) and "page" in kinds and "other" not in kinds
    assert kinds["hub-engagement"].startswith("engagements/") and kinds["page"]
    walks = a11y.walk_keyboard(demo_site, list(kinds.values()))
    assert len(walks) == len(kinds)
    assert all(w.targets >= 10 for w in walks), [(w.page, w.targets) for w in walks]
    problems = [line for w in walks for line in w.problems]
    assert not problems, "\n".join(problems)


def test_radio_buttons_are_one_tab_stop_and_a_link_out_of_the_tab_order_is_caught(tab, fixtures_url):
    body = (
        (FIXTURES / "good.html")
        .read_text(encoding="utf-8")
        .replace(
            "</main>",
            '<form><fieldset><legend>When</legend><input type="radio" name="w" id="am"><label for="am">Morning</label>'
            '<input type="radio" name="w" id="pm"><label for="pm">Afternoon</label></fieldset></form>'
            '<p><a href="good.html" tabindex="-1">Out of reach</a></p></main>',
        )
    )
    tab.route("**/good.html", lambda route: route.fulfill(body=body, content_type="text/html"))
    try:
        result = a11y.tab_through(tab, fixtures_url + "good.html", "good.html")
    finally:
        tab.unroute("**/good.html")
    assert result.missed == ['<a> "Out of reach"']
    assert sum("input#am" in name or "input#pm" in name for name in result.order) == 1


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
