"""The staff editor running on a copy of the hub: a temporary git repository, its site built and served,
and decap-server in git mode beside it. The tests (tests/test_editor.py) and the guide's screenshots
(scripts/editor_screenshots.py) both drive the editor through this, in Debian's Chromium.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import accessibility as a11y
from site_sources import copy_site_sources

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Session:
    repo: Path  # the temporary repository the editor saves to
    base: str  # the served site's address, ending in "/"

    def branches(self) -> list[str]:
        return git(self.repo, "branch", "--format=%(refname:short)").split()

    def wait_for_branch(self, name: str, seconds: float = 20) -> None:
        deadline = time.monotonic() + seconds
        while name not in self.branches():
            if time.monotonic() > deadline:
                raise AssertionError(f"no branch {name}; the branches are {self.branches()}")
            time.sleep(0.2)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stderr}")
    return done.stdout


@contextlib.contextmanager
def editor_session(folder: Path, env: dict[str, str] | None = None) -> Iterator[Session]:
    """A copy of the hub in `folder` (made here), committed to git, built, served, with its proxy."""
    repo = folder / "hub"
    repo.mkdir(parents=True)
    copy_site_sources(repo)
    for name in ("engagements", "map", "vocabulary", "population"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.name", "Editor test"],
        ["config", "user.email", "editor@example.org"],
        ["add", "."],
        ["commit", "-q", "-m", "The hub"],
    ):
        git(repo, *args)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=repo, env=environment, capture_output=True, text=True
    )
    if built.returncode != 0:
        raise AssertionError(built.stdout + built.stderr)
    port = _free_port()
    # The real settings and policy, with the proxy on a free port, so a hub served on this machine is left alone.
    for name in ("config.yml", "index.html"):
        made = repo / "site" / "admin" / name
        made.write_text(made.read_text(encoding="utf-8").replace("127.0.0.1:8081", f"127.0.0.1:{port}"), "utf-8")
    proxy = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "editor_proxy.sh"), str(repo)],
        env={**environment, "EDITOR_PROXY_PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_proxy(port, proxy)
        with a11y.serve(repo / "site") as base:
            yield Session(repo, base)
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((a11y.HOST, 0))
        return probe.getsockname()[1]


def _wait_for_proxy(port: int, proxy: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    request = urllib.request.Request(
        f"http://{a11y.HOST}:{port}/api/v1", data=b'{"action": "info"}', headers={"Content-Type": "application/json"}
    )
    while True:
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                info = json.load(answer)
        except OSError:
            if proxy.poll() is not None:
                raise AssertionError("decap-server stopped: " + proxy.stdout.read().decode()) from None  # type: ignore[union-attr]
            if time.monotonic() > deadline:
                raise AssertionError("decap-server did not start in 30 seconds") from None
            time.sleep(0.3)
            continue
        if info.get("type") != "local_git" or "editorial_workflow" not in info.get("publish_modes", []):
            raise AssertionError(f"decap-server is not in git mode: {info}")
        return


# --- What a member of staff does in the form ----------------------------------------------------------


def sign_in(page, session: Session) -> None:
    """Open /admin/ and press Login: in local mode no account is needed."""
    page.goto(session.base + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Engagements").first.wait_for()


def choose(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.click()
    box.fill(value)
    page.get_by_role("option", name=value).first.click()


def add_item(page, button: str, value: str) -> None:
    page.get_by_role("button", name=button).click()
    page.get_by_label("Item", exact=True).last.fill(value)


def expand(page, part: str) -> None:
    """Open a part that starts closed, such as "online" under ways to take part."""
    page.locator(f"[id^={part}-field]").get_by_role("button", name="Expand").first.click()


def fill_new_engagement(page, session: Session, closes: str = "2027-02-28") -> None:
    """The fields a new engagement needs, with one way to take part."""
    page.goto(session.base + "admin/#/collections/engagements/new")
    page.get_by_label("Title", exact=True).first.fill("Walking groups for older people")
    page.get_by_label("Summary", exact=True).fill("We want to start walking groups. Tell us where and when suits you.")
    choose(page, "Lead organisation", "Example Vale Council")
    choose(page, "How much of the area it covers", "One town or borough (place)")
    choose(page, "Places", "Marshbury")
    choose(page, "Topics", "Social care")
    choose(page, "Who it is for", "Older people")
    choose(page, "Type of engagement", "Survey or feedback")
    page.locator('[data-slate-editor="true"]').first.click()
    page.keyboard.type("More older people want to walk with others, and we want to know what would help.")
    add_item(page, "Add what people's views can change", "Where and when the groups meet")
    page.get_by_label("Opens (first day)").fill("2027-01-04")
    page.get_by_label("Closes (last day)").fill(closes)
    expand(page, "online")
    page.get_by_label("Web address (optional)").first.fill("https://example.org/walking")
    page.get_by_label("Team", exact=True).fill("Active Example Vale team")
    page.get_by_label("Email (optional)", exact=True).last.fill("walking@example.org")
    page.get_by_label("Who", exact=True).fill("Example Vale Council cabinet")
    page.get_by_label("When", exact=True).fill("Spring 2027")


def add_outcome(page, session: Session, slug: str) -> None:
    page.goto(session.base + f"admin/#/collections/engagements/entries/{slug}")
    expand(page, "outcome")
    page.get_by_label("Published (optional)", exact=True).fill("2026-11-20")
    page.locator('[data-slate-editor="true"]').nth(1).click()
    page.keyboard.type("Most people who answered could not find an NHS dentist near home.")
    page.get_by_label("Total (optional)", exact=True).fill("412")
    page.get_by_role("button", name="Add themes").click()
    page.get_by_label("Theme", exact=True).fill("Waiting lists")
    page.get_by_label("Detail", exact=True).fill("People wait more than a year for a check-up.")


def save(page) -> None:
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Entry saved").wait_for()
