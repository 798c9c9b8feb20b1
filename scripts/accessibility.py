"""Check every page of a built site in a real browser: WCAG 2.2 AA with axe-core, and no requests
that leave this computer.

    python scripts/accessibility.py SITE_DIR [--page URL ...]

Serves SITE_DIR on 127.0.0.1, opens each page in headless Chromium (Debian's /usr/bin/chromium),
runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules, and prints each problem with the page, the
rule, the element and what to do. Exit status 1 if there is any.

axe-core comes pinned inside the PyPI package axe-playwright-python (see scripts/constraints.txt).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import axe_playwright_python
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps trying to reach Google's servers.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# axe files these under "best practice", but the hub promises them too: headings in order,
# one main landmark, one h1, and all content inside landmarks.
ALSO_REQUIRED = ["heading-order", "landmark-one-main", "page-has-heading-one", "region", "skip-link"]
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")

_RUN_AXE = """
async (extra) => {
  const ids = axe.getRules(%s).map(rule => rule.ruleId).concat(extra);
  const result = await axe.run(document, {runOnly: {type: "rule", values: ids}, resultTypes: ["violations"]});
  return result.violations.flatMap(v => v.nodes.map(n => ({
    rule: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    target: n.target.join(" "), html: n.html.slice(0, 200)
  })));
}
""" % WCAG_TAGS


@dataclass(frozen=True)
class Violation:
    page: str
    rule: str
    impact: str
    help: str
    target: str
    html: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}): {self.help}\n    element: {self.target}\n    html: {self.html}"


@dataclass
class Report:
    pages: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.violations and not self.outside_requests


def page_urls(site: Path) -> list[str]:
    """Every HTML page of the site, as a path from its root ('' is the home page)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        urls.append(relative.removesuffix("index.html"))
    return urls


@contextlib.contextmanager
def serve(site: Path):
    """Serve `site` on a free port of 127.0.0.1, for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        # linkchecker makes more than 10 requests a second only to servers that send this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


@contextlib.contextmanager
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def new_page(chromium: Browser, report: Report, width: int = 1280) -> Page:
    """A tab that refuses, and records, any request that would leave 127.0.0.1."""
    page = chromium.new_page(viewport={"width": width, "height": 900})

    def guard(route, request) -> None:
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            report.outside_requests.append(f"{page.url}: {request.url}")
            route.abort()

    page.route("**/*", guard)
    return page


def audit(page: Page, base: str, url: str) -> list[Violation]:
    page.goto(base + url, wait_until="load")
    page.add_script_tag(content=AXE_SOURCE)
    found = page.evaluate(_RUN_AXE, ALSO_REQUIRED)
    return [Violation(url or "/", f["rule"], f["impact"], f["help"], f["target"], f["html"]) for f in found]


def check_site(site: Path, urls: list[str] | None = None) -> Report:
    report = Report()
    with serve(site) as base, browser() as chromium:
        page = new_page(chromium, report)
        for url in urls if urls is not None else page_urls(site):
            report.pages.append(url)
            report.violations += audit(page, base, url)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a built site for accessibility problems in Chromium.")
    parser.add_argument("site", type=Path, help="the built site, such as site/")
    parser.add_argument("--page", action="append", help="check only this page (a path such as engagements/x/)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} has no index.html. Build the site first: mkdocs build", file=sys.stderr)
        return 1
    report = check_site(args.site, args.page)
    for violation in report.violations:
        print(violation)
    for request in report.outside_requests:
        print(f"request to another website: {request}")
    print(
        f"Checked {len(report.pages)} pages: {len(report.violations)} accessibility problems, "
        f"{len(report.outside_requests)} requests to other websites."
    )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
