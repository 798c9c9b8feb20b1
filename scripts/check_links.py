"""Check every link and anchor in a built site with linkchecker.

    python scripts/check_links.py SITE_DIR [--external]

Serves SITE_DIR on 127.0.0.1 (so links to folders with #anchors are checked too), follows every
internal link and checks every anchor. Links to other websites are checked only with --external,
because CI has no internet. Exit status 1 on any broken link.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from accessibility import serve

CONFIG = """\
[checking]
threads=4
# The site is served from this computer, so there is no server to be polite to.
maxrequestspersecond=1000
[filtering]
checkextern={external}
# Email and phone links cannot be checked without sending mail or calling.
ignore=
  ^mailto:
  ^tel:
[AnchorCheck]
"""


def check_links(site: Path, external: bool = False) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as temp, serve(site) as base:
        config = Path(temp) / "linkcheckerrc"
        config.write_text(CONFIG.format(external=int(external)))
        return subprocess.run(
            [sys.executable, "-m", "linkcheck", "--config", str(config), "--no-status", base],
            capture_output=True,
            text=True,
        )


def broken(result: subprocess.CompletedProcess) -> bool:
    # linkchecker calls a missing #anchor a warning; for us it is a broken link.
    return result.returncode != 0 or "[url-anchor-not-found]" in result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the links of a built site.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--external", action="store_true", help="also check links to other websites")
    args = parser.parse_args(argv)
    result = check_links(args.site, args.external)
    print(result.stdout + result.stderr)
    return 1 if broken(result) else 0


if __name__ == "__main__":
    sys.exit(main())
