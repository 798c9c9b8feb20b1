#!/usr/bin/env python3
"""Check every page of a built site for accessibility problems, the way people use it.

    python scripts/accessibility.py SITE_DIR

It serves SITE_DIR on 127.0.0.1 and opens each HTML page in headless Chromium (Debian's
/usr/bin/chromium) three ways: 1280 pixels wide, 320 pixels wide (a phone, or 1280 at 400%
zoom: WCAG 1.4.10) and 320 wide with WCAG 1.4.12's text spacing. At both widths it runs
axe-core with its WCAG 2.0, 2.1 and 2.2 level A and AA rules, plus the best-practice rules the
hub also holds itself to (headings in order, landmarks, a skip link). At 320 it fails a page that
scrolls sideways, cuts text off or breaks a word that would fit on its line, and names the
element. The W3C's Nu HTML Checker reads every page for invalid HTML and repeated ids. The
keyboard walk tabs through one page of every kind (every template): every link and control must
be reached and show where the focus is. Any request a page makes to a place other than
127.0.0.1 is a problem too.

It prints each problem as `page: rule (impact): element: help`; the exit status is 1 if it found any.

axe-core is the script bundled in the PyPI package axe-playwright-python; the Nu HTML Checker
is the npm package vnu-jar, installed by scripts/setup.sh into scripts/html-checker/ (it needs
Java). Both are pinned. The tests import this file for the server, the browser and the keyboard
walk (tests/test_accessibility.py); scripts/known_barriers.py uses it on pages with known barriers.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import functools
import http.server
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps trying to reach the internet in the background.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOST = "127.0.0.1"
# Browsers at once: each uses about one core. On this project's shared 2-core machine two browsers
# checked the demo hub's 121 pages in 115 s where one took 157 s (the same hour, same load).
JOBS = min(2, os.cpu_count() or 1)
VIEWPORT = {"width": 1280, "height": 900}
# 320 CSS pixels: a small phone, and a 1280-pixel window zoomed to 400% (WCAG 1.4.10 reflow).
NARROW = {"width": 320, "height": 640}
# WCAG 1.4.12: people who need more space between lines, letters and words set at least these;
# the page must lose no text or function. !important so that the page's own rules give way,
# as a reader's style sheet or bookmarklet does.
TEXT_SPACING_CSS = (
    "*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"
)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe files these under "best-practice", not under a WCAG level, but the hub needs them:
# headings in order, one main landmark, all content in landmarks, a working skip link.
REQUIRED_RULES = {
    "heading-order",
    "page-has-heading-one",
    "empty-heading",
    "landmark-one-main",
    "landmark-no-duplicate-main",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "landmark-complementary-is-top-level",
    "landmark-unique",
    "region",
    "skip-link",
    "empty-table-header",
}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": [*WCAG_TAGS, "best-practice"]},
    "resultTypes": ["violations"],
}

# The Nu HTML Checker, from the npm package vnu-jar (scripts/html-checker/package.json).
HTML_CHECKER_DIR = Path(__file__).resolve().parent / "html-checker"
VNU_JAR = HTML_CHECKER_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Errors in mkdocs-material 9.8.1's own HTML that do not stop anyone using the page. Each is
# matched by the start of the checker's message and a piece of the element it names.
THEME_HTML_ERRORS = {
    # The menu and search toggles are checkboxes with autocomplete="off", so that a browser
    # does not reopen them on "back"; the attribute is only meant for text-like inputs.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # Section names in the navigation carry tabindex="": browsers treat it as no tabindex.
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
}


def axe_script() -> Path:
    """axe.min.js from the pinned axe-playwright-python package."""
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


def axe_version() -> str:
    first = axe_script().read_text(encoding="utf-8")[:200]
    return first.split("axe v", 1)[1].split()[0] if "axe v" in first else "unknown"


def html_checker_version() -> str:
    package = VNU_JAR.parents[2] / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "missing"


# --- The local server --------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that hung up early
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(site_dir: Path, headers: dict[str, str] | None = None):
    """Serve site_dir on 127.0.0.1 at a free port; yields the base URL, ending in '/'."""
    handler_class = type("Handler", (_QuietHandler,), {"extra_headers": dict(headers or {})})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = _QuietServer((HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of the site, as addresses relative to its root: 'about/' for about/index.html."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        if relative.startswith("admin/"):
            continue  # the staff editor (Decap CMS) is not a public page, and its screens are Decap's own
        found.append(relative[: -len("index.html")] if path.name == "index.html" else relative)
    return found


# --- The browser -------------------------------------------------------------------------------


def launch(playwright):
    """Debian's Chromium, headless. Playwright never downloads a browser of its own here."""
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing. Install it with: apt-get install -y chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def is_local(url: str) -> bool:
    """True for addresses that stay on this machine's server (or inside the page itself)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about", "javascript"):
        return True
    return parts.hostname == HOST


class Guard:
    """Blocks and records every request that would leave 127.0.0.1 (the browser never sends it)."""

    def __init__(self, context):
        self.offsite: list[str] = []
        context.route("**/*", self._route)
        context.on("request", self._seen)
        context.on("weberror", lambda error: None)

    def _route(self, route):
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _seen(self, request):
        if not is_local(request.url) and request.url not in self.offsite:
            self.offsite.append(request.url)

    def take(self) -> list[str]:
        found, self.offsite = self.offsite, []
        return found


def new_context(browser, *, axe: bool = True):
    """A browser context with a fixed window size, axe loaded in every page, and a Guard."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    if axe:
        context.add_init_script(path=str(axe_script()))
    return context, Guard(context)


# --- Checking pages ----------------------------------------------------------------------------


@dataclass
class Problem:
    page: str
    rule: str
    impact: str
    element: str
    help: str
    url: str = ""
    summary: str = ""
    required: bool = True
    # Where it was found, when not in the wide window: "320px" or "320px, text spacing".
    view: str = ""
    # What found it: axe, layout (width and spacing), html (the Nu HTML Checker), keyboard.
    engine: str = "axe"

    def line(self) -> str:
        where = f" [{self.view}]" if self.view else ""
        return f"{self.page or '/'}: {self.rule} ({self.impact}): {self.element}: {self.help}{where}"


@dataclass
class PageResult:
    page: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.offsite)

    def rules(self) -> set[str]:
        return {p.rule for p in self.problems}

    def engines(self) -> set[str]:
        return {p.engine for p in self.problems} | ({"requests"} if self.offsite else set())


def _required(violation: dict) -> bool:
    return violation["id"] in REQUIRED_RULES or any(tag in WCAG_TAGS for tag in violation["tags"])


def run_axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now."""
    return page.evaluate("options => window.axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)


def _axe_problems(page, address: str, view: str) -> list[Problem]:
    found = []
    for violation in run_axe(page):
        for node in violation["nodes"]:
            found.append(
                Problem(
                    page=address,
                    rule=violation["id"],
                    impact=violation.get("impact") or node.get("impact") or "",
                    element=" ".join(str(t) for t in node["target"]),
                    help=violation["help"],
                    url=violation["helpUrl"],
                    summary=(node.get("failureSummary") or "").strip(),
                    required=_required(violation),
                    view=view,
                )
            )
    return found


# What the page's layout does at the width it has now. `wide`: the outermost shown elements that
# pass the window's right edge (or whose text does), so the page scrolls sideways or loses them.
# `clipped`: shown elements that cut their own text off (overflow hidden or clip, text-overflow).
# `broken`: words split over two lines although they would fit on one line of their box.
# `unspaced`: with text spacing on, text that refuses it (the page's inline !important wins).
_LAYOUT = """(spacing) => {
  const doc = document.documentElement;
  const W = doc.clientWidth;
  const out = {scrollWidth: doc.scrollWidth, width: W, wide: [], clipped: [], broken: [], unspaced: []};
  const name = el => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const cls = [...e.classList].filter(c => !c.startsWith('md-typeset')).slice(0, 2).map(c => '.' + c).join('');
      parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : cls));
      if (e.id) break;
    }
    return parts.join(' > ');
  };
  const words = el => (el.innerText || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  const shown = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const tiny = r => r.width <= 1 || r.height <= 1;
  const clips = s => ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
  // Too wide: stop at the first element that passes the edge, and at scroll regions (their
  // content scrolls inside them, which is allowed for tables and maps).
  const walk = el => {
    let found = false;
    for (const child of el.children) {
      const s = getComputedStyle(child);
      if (s.display === 'none' || s.display === 'contents' && !child.children.length) continue;
      const r = child.getBoundingClientRect();
      if (r.right > W + 1 && !tiny(r) && shown(child)) {
        out.wide.push({element: name(child), width: Math.round(r.width), right: Math.round(r.right), text: words(child)});
        found = true;
        continue;
      }
      if (s.overflowX !== 'visible') continue;
      found = walk(child) || found;
    }
    if (!found && el !== document.body) {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (s.overflowX === 'visible' && !s.display.startsWith('inline') && r.left + el.scrollWidth > W + 1 && shown(el)) {
        out.wide.push({element: name(el), width: Math.round(el.scrollWidth), right: Math.round(r.left + el.scrollWidth), text: words(el)});
        found = true;
      }
    }
    return found;
  };
  walk(document.body);
  const block = el => {
    while (el.parentElement && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    return el;
  };
  const textWalker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const seen = new Set();
  for (let node = textWalker.nextNode(); node; node = textWalker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.data.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    if (!shown(el)) continue;
    const box = block(el);
    // Cut off: the nearest box that clips, when its content is larger than it.
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (!clips(s)) continue;
      const r = e.getBoundingClientRect();
      if (tiny(r) || seen.has(e)) break;
      if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1 || s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth) {
        seen.add(e);
        out.clipped.push({element: name(e), text: words(e), shownWidth: e.clientWidth, neededWidth: e.scrollWidth,
                          shownHeight: e.clientHeight, neededHeight: e.scrollHeight});
      }
      break;
    }
    if (spacing) {
      const s = getComputedStyle(el);
      const want = parseFloat(s.fontSize) * 0.12;
      if (Math.abs(parseFloat(s.letterSpacing || '0') - want) > 0.5 || s.letterSpacing === 'normal') {
        if (!seen.has(el)) { seen.add(el); out.unspaced.push({element: name(el), text: words(el), letterSpacing: s.letterSpacing}); }
      }
      continue;
    }
    // Broken words: only in text that runs over more than one line.
    range.selectNodeContents(node);
    if (range.getClientRects().length < 2) continue;
    // A word narrower than three quarters of the window never needs to break: when its box is
    // narrower still, the layout squeezed it (overflow-wrap: anywhere in a table, say).
    const room = Math.max(box.clientWidth - parseFloat(getComputedStyle(box).paddingLeft) - parseFloat(getComputedStyle(box).paddingRight), W * 0.75);
    for (const m of node.data.matchAll(/[^\\s\\-\\u2010-\\u2014\\/]{2,}/g)) {
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = [...range.getClientRects()].filter(r => r.width > 0);
      const lines = new Set(rects.map(r => Math.round(r.top)));
      if (lines.size < 2) continue;
      const width = rects.reduce((sum, r) => sum + r.width, 0);
      if (width <= room && !seen.has(box)) {
        seen.add(box);
        out.broken.push({element: name(box), word: m[0], width: Math.round(width), room: Math.round(room)});
      }
    }
  }
  return out;
}"""

LAYOUT_HELP = {
    "reflow": "Content must fit 320 CSS pixels without scrolling sideways (WCAG 1.4.10)",
    "text-clipped": "Text must not be cut off at 320 CSS pixels (WCAG 1.4.10)",
    "word-broken": "A word that fits on a line must not break in the middle (use overflow-wrap: break-word)",
    "text-spacing": "With more space between lines, words and letters no text may be lost (WCAG 1.4.12)",
}
_SPACING_ON = f"() => {{ const s = document.createElement('style'); s.id = 'hub-text-spacing'; s.textContent = {json.dumps(TEXT_SPACING_CSS)}; document.head.append(s); }}"
_SPACING_OFF = "() => document.getElementById('hub-text-spacing')?.remove()"


def _layout_problems(page, address: str, spacing: bool) -> list[Problem]:
    found = page.evaluate(_LAYOUT, spacing)
    view = "320px, text spacing" if spacing else "320px"

    def problem(rule: str, element: str, what: str) -> Problem:
        return Problem(
            page=address,
            rule="text-spacing" if spacing else rule,
            impact="serious",
            element=element,
            help=f"{what}. {LAYOUT_HELP['text-spacing' if spacing else rule]}",
            view=view,
            engine="layout",
        )

    problems = [
        problem("reflow", w["element"], f"{w['width']}px wide, reaching {w['right']}px: the page is {found['width']}px")
        for w in found["wide"]
    ]
    if found["scrollWidth"] > found["width"] and not found["wide"]:
        problems.append(
            problem("reflow", "html", f"the page scrolls sideways: {found['scrollWidth']}px for {found['width']}px")
        )
    for c in found["clipped"]:
        size = (
            f"needs {c['neededWidth']}px, shows {c['shownWidth']}px"
            if c["neededWidth"] > c["shownWidth"] + 1
            else f"needs {c['neededHeight']}px high, shows {c['shownHeight']}px"
        )
        problems.append(problem("text-clipped", c["element"], f'cuts off "{c["text"]}": {size}'))
    for b in found["broken"]:
        problems.append(
            problem("word-broken", b["element"], f'breaks "{b["word"]}" ({b["width"]}px) in a line of {b["room"]}px')
        )
    for u in found["unspaced"]:
        problems.append(
            problem("text-spacing", u["element"], f'"{u["text"]}" keeps letter spacing {u["letterSpacing"]}')
        )
    return problems


def settle(page) -> None:
    """Bring the page's transitions (such as the menu hiding itself on a narrow screen) to their end now.

    Finishing them gives the same end state as waiting for them, without the wait.
    """
    page.evaluate("() => document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} })")


def check_page(page, guard: Guard, base: str, address: str, narrow: bool = True) -> PageResult:
    """axe at 1280 pixels, then (with narrow) axe and the layout at 320, and 320 with text spacing.

    One load of the page serves all three: the window is made narrow and the spacing added and
    taken away again, which is what a person zooming in or using a spacing bookmarklet does.
    """
    guard.take()
    page.set_viewport_size(VIEWPORT)
    page.goto(base + address, wait_until="load")
    found = _axe_problems(page, address, "")
    if narrow:
        page.set_viewport_size(NARROW)
        settle(page)
        seen = {(p.rule, p.element) for p in found}
        found += [p for p in _axe_problems(page, address, "320px") if (p.rule, p.element) not in seen]
        found += _layout_problems(page, address, spacing=False)
        page.evaluate(_SPACING_ON)
        settle(page)
        seen = {p.element for p in found if p.engine == "layout"}
        found += [p for p in _layout_problems(page, address, spacing=True) if p.element not in seen]
        page.evaluate(_SPACING_OFF)
    result = PageResult(address)
    for problem in found:
        (result.problems if problem.required else result.warnings).append(problem)
    result.offsite = guard.take()
    return result


# --- The Nu HTML Checker -----------------------------------------------------------------------


def check_html(site_dir: Path, addresses: list[str]) -> dict[str, list[Problem]]:
    """Every page through the Nu HTML Checker in one run of Java: invalid HTML and repeated ids."""
    if not VNU_JAR.exists() or shutil.which("java") is None:
        raise SystemExit(
            "The Nu HTML Checker is missing (it needs Java and scripts/html-checker/node_modules). "
            "Install both with: bash scripts/setup.sh"
        )
    files = {str(_address_file(site_dir, a).resolve()): a for a in addresses}
    found: dict[str, list[Problem]] = {a: [] for a in addresses}
    for start in range(0, len(files), 500):  # keeps the command line short on big sites
        done = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU_JAR),
                "--format",
                "json",
                "--errors-only",
                "--exit-zero-always",
                *list(files)[start : start + 500],
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            messages = json.loads(done.stderr)["messages"]
        except (ValueError, KeyError):
            raise SystemExit(
                f"The Nu HTML Checker did not run ({VNU_JAR}): {done.stderr.strip()[:400]}\n"
                "Install it again with: bash scripts/setup.sh"
            ) from None
        for m in messages:
            if m.get("type") != "error" or "url" not in m:
                continue
            raw = m.get("extract") or ""
            extract = " ".join(raw.split())
            start_at = m.get("hiliteStart", 0)
            element = " ".join(raw[start_at : start_at + m.get("hiliteLength", len(raw))].split()) or extract
            if any(m["message"].startswith(start_) and piece in extract for start_, piece in THEME_HTML_ERRORS):
                continue
            address = files.get(unquote(urlsplit(m["url"]).path))
            if address is None:
                continue
            found[address].append(
                Problem(
                    page=address,
                    rule="duplicate-id" if m["message"].startswith("Duplicate ID") else "html",
                    impact="error",
                    element=f"line {m.get('lastLine', '?')}: {element[:100]}",
                    help=m["message"],
                    engine="html",
                )
            )
    return found


def _address_file(site_dir: Path, address: str) -> Path:
    return site_dir / (address + "index.html" if address.endswith("/") or not address else address)


def _work(base: str, check: list[str], walk: list[str], narrow: bool) -> tuple[list[PageResult], list[KeyboardResult]]:
    """One browser: check some pages (one tab, each page loaded once), then walk some with the keyboard."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context, guard = new_context(browser)
            page = context.new_page()
            results = [check_page(page, guard, base, address, narrow) for address in check]
            context.close()
            context, _guard = new_context(browser, axe=False)
            page = context.new_page()
            walks = [tab_through(page, base + address, address or "/") for address in walk]
        finally:
            browser.close()
    return results, walks


def run_checks(
    site_dir: Path,
    check: list[str],
    walk: Sequence[str] = (),
    narrow: bool = True,
    html: bool = True,
    jobs: int = JOBS,
) -> tuple[list[PageResult], list[KeyboardResult]]:
    """Serve the site; check the pages in `check` and walk those in `walk` with the keyboard.

    The Nu HTML Checker (Java) runs beside the browsers. With jobs > 1 the pages are shared out
    between that many browsers, each in its own process: a page's checks use one core.
    """
    walk = list(walk)
    with concurrent.futures.ThreadPoolExecutor(1) as side:
        html_found = side.submit(check_html, site_dir, check) if html and check else None
        with serve(site_dir) as base:
            jobs = max(1, min(jobs, len(check) + len(walk)))
            if jobs == 1:
                parts = [_work(base, check, walk, narrow)]
            else:
                spawn = multiprocessing.get_context("spawn")
                with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=spawn) as pool:
                    futures = [pool.submit(_work, base, check[i::jobs], walk[i::jobs], narrow) for i in range(jobs)]
                    parts = [f.result() for f in futures]
        found = html_found.result() if html_found else {}
    order = {address: i for i, address in enumerate(check)}
    results = sorted((r for part, _ in parts for r in part), key=lambda r: order[r.page])
    walk_order = {address or "/": i for i, address in enumerate(walk)}
    walks = sorted((w for _, part in parts for w in part), key=lambda w: walk_order[w.page])
    for result in results:
        result.problems += found.get(result.page, [])
    return results, walks


def check_site(
    site_dir: Path, pages: list[str] | None = None, narrow: bool = True, html: bool = True
) -> list[PageResult]:
    """Every page (unless told which) checked at both widths, with text spacing and by the HTML checker."""
    return run_checks(site_dir, site_pages(site_dir) if pages is None else pages, narrow=narrow, html=html)[0]


# --- Keyboard ----------------------------------------------------------------------------------

# Marks every element a keyboard user should be able to reach (rendered, focusable, not taken
# out of the tab order) and notes how it looks without focus, to compare with how it looks
# when it has focus.
_MARK_TARGETS = """() => {
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
  const targets = [];
  const radios = new Set();
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.closest('[inert], [hidden]')) continue;
    // A link or control people can see must be reachable, even when tabindex="-1" takes it out
    // of the order; other elements only when the page puts them in it (tabindex="0").
    const control = el.matches('a[href], area[href], button, input, select, textarea, summary');
    if (el.tabIndex < 0 && !control) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: el.tabIndex < 0})) continue;
    // Tab stops once in a group of radio buttons (at the chosen one); arrows move within it.
    if (el.type === 'radio' && el.name) {
      const group = [...(el.form || document).querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`)];
      if (radios.has(group[0])) continue;
      radios.add(group[0]);
      const stop = group.find(r => r.checked) || group[0];
      if (stop !== el) { stop.dataset.kbTarget = String(targets.length); targets.push({index: targets.length, name: window.__kbName(stop), look: window.__kbLook(stop)}); continue; }
    }
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    el.dataset.kbTarget = String(targets.length);
    targets.push({index: targets.length, name: window.__kbName(el), look: window.__kbLook(el)});
  }
  return targets;
}"""

_HELPERS = """() => {
  window.__kbName = el => {
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('title') || '').trim().replace(/\\s+/g, ' ');
    const id = el.id ? '#' + el.id : '';
    const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text.slice(0, 60)}"`;
  };
  window.__kbLook = el => {
    const s = getComputedStyle(el);
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
    return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
            opacity, visibility: s.visibility, boxShadow: s.boxShadow, background: s.backgroundColor, color: s.color,
            decoration: s.textDecorationLine + ' ' + s.textDecorationThickness,
            border: s.borderBottomStyle + ' ' + s.borderBottomWidth + ' ' + s.borderBottomColor};
  };
}"""

# Where the focus is now: which target, how it looks, whether it matches :focus-visible, and
# whether something else (such as the sticky header) covers it.
_FOCUS_NOW = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const rects = [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0);
  let covered = null;
  if (rects.length) {
    const r = rects[0];
    const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 8), 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) covered = 'off screen';
    else if (top && top !== el && !el.contains(top) && !top.contains(el) && !(top.control === el))
      covered = window.__kbName(top);
  }
  return {index: el.dataset.kbTarget === undefined ? null : Number(el.dataset.kbTarget),
          name: window.__kbName(el), look: window.__kbLook(el),
          focusVisible: el.matches(':focus-visible'), covered};
}"""


def _alpha(colour: str) -> float:
    if colour.startswith("rgba("):
        return float(colour[5:-1].split(",")[3])
    return 0.0 if colour == "transparent" else 1.0


def focus_indicator(before: dict, after: dict) -> str | None:
    """Why the focused look (after) is not a visible focus indicator, or None if it is one."""
    if after["opacity"] < 0.5 or after["visibility"] != "visible":
        return "is transparent or hidden when focused"
    # "auto" is the browser's own focus ring (Chromium draws it 2px, in two colours): visible.
    outline = (
        after["outlineStyle"] != "none"
        and (after["outlineWidth"] >= 2 or after["outlineStyle"] == "auto")
        and _alpha(after["outlineColor"]) > 0
    )
    shadow = after["boxShadow"] != "none" and after["boxShadow"] != before["boxShadow"]
    background = after["background"] != before["background"] and _alpha(after["background"]) > 0
    if outline or shadow or background:
        return None
    return "no outline of 2px or more, no box shadow and no change of background when focused"


@dataclass
class KeyboardResult:
    page: str
    order: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unseen: list[str] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)
    targets: int = 0

    @property
    def problems(self) -> list[str]:
        return (
            [f"{self.page}: cannot be reached with the Tab key: {m}" for m in self.missed]
            + [f"{self.page}: focus is not visible: {u}" for u in self.unseen]
            + [f"{self.page}: focus is hidden behind something else: {c}" for c in self.covered]
        )


SETTLE_MS = (400, 2000)  # the least and the most to wait for the page's transitions to end

# At least `least` ms, and until every running animation or transition has ended (at most `most` ms),
# then one more frame so what they end with is drawn. Two frames first, so a change of focus has started
# its transitions.
_SETTLE = """async ([least, most]) => {
  const frame = () => new Promise(done => requestAnimationFrame(() => done()));
  await frame(); await frame();
  const running = document.getAnimations().filter(a => a.playState === 'running');
  const ended = Promise.all(running.map(a => a.finished.catch(() => null)));
  const wait = ms => new Promise(done => setTimeout(done, ms));
  await Promise.all([Promise.race([ended, wait(most)]), wait(least)]);
  await frame();
}"""


def tab_through(page, url: str, label: str | None = None) -> KeyboardResult:
    """Load url, press Tab until the focus has gone round the page, and report what was missed."""
    page.goto(url, wait_until="load")
    page.evaluate(_HELPERS)
    targets = page.evaluate(_MARK_TARGETS)
    result = KeyboardResult(label or url, targets=len(targets))
    reached: set[int] = set()
    for _ in range(len(targets) + 20):
        page.keyboard.press("Tab")
        now = page.evaluate(_FOCUS_NOW)
        if now is None:
            if reached:
                break
            continue
        if now["index"] is not None and now["index"] in reached:
            break
        result.order.append(now["name"])
        if now["index"] is None:
            continue
        reached.add(now["index"])
        before = targets[now["index"]]["look"]
        if now["covered"] or focus_indicator(before, now["look"]) or not now["focusVisible"]:
            # Let the theme's transitions (such as the search overlay fading out) end, however busy the
            # machine is, then look again.
            page.evaluate(_SETTLE, list(SETTLE_MS))
            now = page.evaluate(_FOCUS_NOW)
        why = focus_indicator(before, now["look"])
        if why or not now["focusVisible"]:
            result.unseen.append(f"{now['name']}: {why or 'does not match :focus-visible'}")
        if now["covered"]:
            result.covered.append(f"{now['name']} (covered by {now['covered']})")
    result.missed = [t["name"] for t in targets if t["index"] not in reached]
    return result


# --- Kinds of page -----------------------------------------------------------------------------

# Every page the hub makes from a template starts its article with <div class="hub hub-KIND">.
_KIND = re.compile(r'<div class="hub (hub-[\w-]+)')


def page_kind(site_dir: Path, address: str) -> str:
    """The template a page was made from ("hub-engagement"), "page" for one written in Markdown."""
    path = _address_file(site_dir, address)
    html = path.read_text(encoding="utf-8", errors="replace")
    article = html.find('id="main-content"')
    found = _KIND.search(html, article if article >= 0 else 0)
    if found:
        return found[1]
    return "page" if article >= 0 else "other"


def one_page_of_each_kind(site_dir: Path, addresses: list[str]) -> dict[str, str]:
    """The smallest page of every kind, so the keyboard walk sees every template quickly."""
    chosen: dict[str, tuple[int, str]] = {}
    for address in addresses:
        kind = page_kind(site_dir, address)
        size = _address_file(site_dir, address).stat().st_size
        if kind not in chosen or size < chosen[kind][0]:
            chosen[kind] = (size, address)
    return {kind: address for kind, (_, address) in sorted(chosen.items())}


def walk_keyboard(site_dir: Path, addresses: list[str]) -> list[KeyboardResult]:
    """The keyboard walk on each page given."""
    return run_checks(site_dir, [], addresses, html=False)[1]


# --- The command -------------------------------------------------------------------------------


def report(results: list[PageResult], walks: list[KeyboardResult] | None = None, out=sys.stdout) -> int:
    problems = [p for r in results for p in r.problems]
    warnings = [p for r in results for p in r.warnings]
    for problem in problems:
        print(problem.line(), file=out)
    for result in results:
        for url in result.offsite:
            print(f"{result.page or '/'}: request to another website: {url}", file=out)
    walks = walks or []
    keyboard = [line for walk in walks for line in walk.problems]
    for line in keyboard:
        print(line, file=out)
    for warning in warnings:
        print(f"warning: {warning.line()}", file=out)
    failed = {r.page for r in results if r.failed} | {w.page for w in walks if w.problems}
    offsite = sum(len(r.offsite) for r in results)
    engines = f"axe-core {axe_version()}" + (
        f" and the Nu HTML Checker {html_checker_version()}"
        if any(p.engine == "html" for p in problems) or VNU_JAR.exists()
        else ""
    )
    print(
        f"Checked {len(results)} pages at 1280 and 320 pixels wide and with text spacing, with {engines}: "
        f"{len(problems)} problems and {offsite} requests to other websites"
        + (f", {len(keyboard)} keyboard problems on {len(walks)} pages walked" if walks else "")
        + f": {len(failed)} pages failed"
        + (f", {len(warnings)} best-practice warnings" if warnings else "")
        + ".",
        file=out,
    )
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site, such as site/")
    parser.add_argument("--page", action="append", help="check only this page, such as 'about/' (may repeat)")
    parser.add_argument(
        "--jobs", type=int, default=JOBS, help=f"browsers at once (default {JOBS}: one a core, up to 2)"
    )
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"{args.site} is not a folder. Build the site first: bash scripts/serve.sh build")
    started = time.monotonic()
    addresses = site_pages(args.site) if args.page is None else args.page
    missing = [a for a in addresses if not _address_file(args.site, a).exists()]
    if missing:
        parser.error(f"no such page in {args.site}: {', '.join(missing)}. Give addresses such as 'about/' or ''.")
    kinds = one_page_of_each_kind(args.site, addresses)
    results, walks = run_checks(args.site, addresses, list(kinds.values()), jobs=args.jobs)
    code = report(results, walks)
    walked = ", ".join(f"{kind} ({address or '/'})" for kind, address in kinds.items())
    print(f"Keyboard walk, one page of each kind: {walked}.")
    print(f"Took {time.monotonic() - started:.1f} s.")
    return code


if __name__ == "__main__":
    sys.exit(main())
