#!/usr/bin/env python3
"""Check every page of a built site for accessibility problems in a real browser.

    python scripts/accessibility.py SITE_DIR

It serves SITE_DIR on 127.0.0.1, opens each HTML page in headless Chromium (Debian's
/usr/bin/chromium) and runs axe-core with its WCAG 2.0, 2.1 and 2.2 level A and AA rules,
plus the best-practice rules the hub also holds itself to (headings in order, landmarks,
a skip link). It prints each violation as `page: rule: element: help`, and any request a page
makes to a place other than 127.0.0.1. The exit status is 1 if it found any.

The axe-core script is the one bundled in the PyPI package axe-playwright-python (pinned in
scripts/constraints.txt), so pip alone installs everything. The tests import this file for
the server, the browser and the keyboard walk (tests/test_accessibility.py).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

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
VIEWPORT = {"width": 1280, "height": 900}

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


def axe_script() -> Path:
    """axe.min.js from the pinned axe-playwright-python package."""
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


def axe_version() -> str:
    first = axe_script().read_text(encoding="utf-8")[:200]
    return first.split("axe v", 1)[1].split()[0] if "axe v" in first else "unknown"


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
    url: str
    summary: str = ""
    required: bool = True

    def line(self) -> str:
        return f"{self.page or '/'}: {self.rule} ({self.impact}): {self.element}: {self.help}"


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


def _required(violation: dict) -> bool:
    return violation["id"] in REQUIRED_RULES or any(tag in WCAG_TAGS for tag in violation["tags"])


def run_axe(page) -> list[dict]:
    """axe-core's violations on the page as it is now."""
    return page.evaluate("options => window.axe.run(document, options).then(r => r.violations)", AXE_OPTIONS)


def check_page(page, guard: Guard, base: str, address: str) -> PageResult:
    guard.take()
    page.goto(base + address, wait_until="load")
    result = PageResult(address)
    for violation in run_axe(page):
        for node in violation["nodes"]:
            problem = Problem(
                page=address,
                rule=violation["id"],
                impact=violation.get("impact") or node.get("impact") or "",
                element=" ".join(str(t) for t in node["target"]),
                help=violation["help"],
                url=violation["helpUrl"],
                summary=(node.get("failureSummary") or "").strip(),
                required=_required(violation),
            )
            (result.problems if problem.required else result.warnings).append(problem)
    result.offsite = guard.take()
    return result


def check_site(site_dir: Path, pages: list[str] | None = None) -> list[PageResult]:
    """Serve the site, and check each page (every page unless told which) in one browser."""
    from playwright.sync_api import sync_playwright

    addresses = site_pages(site_dir) if pages is None else pages
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            context, guard = new_context(browser)
            page = context.new_page()
            return [check_page(page, guard, base, address) for address in addresses]
        finally:
            browser.close()


# --- Keyboard ----------------------------------------------------------------------------------

# Marks every element a keyboard user should be able to reach (rendered, focusable, not taken
# out of the tab order) and notes how it looks without focus, to compare with how it looks
# when it has focus.
_MARK_TARGETS = """() => {
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
  const targets = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.tabIndex < 0 || el.closest('[inert], [hidden]')) continue;
    if (!el.checkVisibility({visibilityProperty: true})) continue;
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
    outline = after["outlineStyle"] != "none" and after["outlineWidth"] >= 2 and _alpha(after["outlineColor"]) > 0
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


SETTLE_MS = 400


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
            # Give the theme's transitions (such as the search overlay fading out) time to end.
            page.wait_for_timeout(SETTLE_MS)
            now = page.evaluate(_FOCUS_NOW)
        why = focus_indicator(before, now["look"])
        if why or not now["focusVisible"]:
            result.unseen.append(f"{now['name']}: {why or 'does not match :focus-visible'}")
        if now["covered"]:
            result.covered.append(f"{now['name']} (covered by {now['covered']})")
    result.missed = [t["name"] for t in targets if t["index"] not in reached]
    return result


# --- The command -------------------------------------------------------------------------------


def report(results: list[PageResult], out=sys.stdout) -> int:
    problems = [p for r in results for p in r.problems]
    warnings = [p for r in results for p in r.warnings]
    for problem in problems:
        print(problem.line(), file=out)
    for result in results:
        for url in result.offsite:
            print(f"{result.page or '/'}: request to another website: {url}", file=out)
    for warning in warnings:
        print(f"warning: {warning.line()}", file=out)
    failed = [r for r in results if r.failed]
    offsite = sum(len(r.offsite) for r in results)
    print(
        f"Checked {len(results)} pages with axe-core {axe_version()}: "
        f"{len(problems)} violations and {offsite} requests to other websites on {len(failed)} pages"
        + (f", {len(warnings)} best-practice warnings" if warnings else "")
        + ".",
        file=out,
    )
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site, such as site/")
    parser.add_argument("--page", action="append", help="check only this page, such as 'about/' (may repeat)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"{args.site} is not a folder. Build the site first: bash scripts/serve.sh build")
    started = time.monotonic()
    results = check_site(args.site, args.page)
    code = report(results)
    print(f"Took {time.monotonic() - started:.1f} s.")
    return code


if __name__ == "__main__":
    sys.exit(main())
