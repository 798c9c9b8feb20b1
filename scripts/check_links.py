#!/usr/bin/env python3
"""Check every link of a built site with LinkChecker: pages, files and #anchors.

    python scripts/check_links.py SITE_DIR              links within the site
    python scripts/check_links.py SITE_DIR --external   links to other websites too

It serves SITE_DIR on 127.0.0.1 and runs LinkChecker (pinned in scripts/constraints.txt)
from the home page, with its anchor check on, so a link to a missing page or to a missing
#anchor on a page is an error. Links to other websites, and mailto: and tel: links, are only
checked for their form unless --external is given, because CI has no internet.
The exit status is 1 if any link is broken.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accessibility import serve  # noqa: E402

CONFIG = """\
[checking]
threads=4
timeout=20
maxrequestspersecond=100

[filtering]
checkextern={external}

[AnchorCheck]
"""
# Never to be fetched: search index and sitemap hold every page's address already checked.
ALWAYS_SKIP = [r"/search/search_index\.json$", r"/sitemap\.xml(\.gz)?$"]
# Checked only with --external: addresses a browser does not fetch from this machine.
EXTERNAL_ONLY = [r"^mailto:", r"^tel:"]


def linkchecker_args(base: str, config: Path, external: bool) -> list[str]:
    args = [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status"]
    for pattern in ALWAYS_SKIP:
        args += ["--no-follow-url", pattern]
    if not external:
        for pattern in EXTERNAL_ONLY:
            args += ["--ignore-url", pattern]
    return [*args, base]


def check_links(site_dir: Path, external: bool = False) -> subprocess.CompletedProcess:
    """Run LinkChecker over the served site; returns the finished process (code and output)."""
    # LinkChecker sends at most 10 requests a second to one host, unless the host answers
    # with a "LinkChecker" header: the local server does.
    with tempfile.TemporaryDirectory() as folder, serve(site_dir, {"LinkChecker": "local"}) as base:
        config = Path(folder) / "linkcheckerrc"
        config.write_text(CONFIG.format(external=int(external)), encoding="utf-8")
        return subprocess.run(linkchecker_args(base, config, external), capture_output=True, text=True, timeout=900)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site, such as site/")
    parser.add_argument(
        "--external", action="store_true", help="also check links to other websites (needs the internet)"
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} has no index.html. Build the site first: bash scripts/serve.sh build")
    started = time.monotonic()
    done = check_links(args.site, args.external)
    print(done.stdout, end="")
    print(done.stderr, end="", file=sys.stderr)
    print(f"Took {time.monotonic() - started:.1f} s.")
    return 0 if done.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
