"""Copy the hub's site sources to another folder, to build or break there without touching the real ones.

The benchmark and the tests both build hubs of their own from these.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_SOURCES = ("mkdocs.yml", "content", "hooks", "overrides")


def copy_site_sources(target: Path) -> Path:
    """mkdocs.yml, the hand-written pages, the hooks and the theme's overrides, without records."""
    for name in SITE_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return target
