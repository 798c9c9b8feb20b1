"""The hub builds the same with ProperDocs, the maintained continuation of MkDocs 1.x, as with MkDocs 1.6.1.

MkDocs 1.6.1 is the last 1.x release, so a hub must be able to move without a rewrite (README, "The engine's
future"). ProperDocs reads mkdocs.yml as it is and runs the Material theme and the hub's hook unchanged.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import copy_hub, run

# The one line that may differ: each engine names itself in the page's generator tag.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): GENERATOR.sub(b"", p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file()
    }


def test_properdocs_builds_the_same_site_as_mkdocs(demo_site, tmp_path):
    root = copy_hub(tmp_path)
    built = run([sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", "mkdocs.yml"], root)
    assert built.code == 0, built.output
    with_mkdocs, with_properdocs = _files(demo_site), _files(root / "site")
    assert with_properdocs.keys() == with_mkdocs.keys()
    differ = sorted(path for path in with_mkdocs if with_mkdocs[path] != with_properdocs[path])
    assert not differ, differ[:10]
    assert len(with_mkdocs) > 100
    generators = set(GENERATOR.findall((root / "site" / "index.html").read_bytes()))
    assert generators == {b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1">'}
