"""Build a hub the way `mkdocs serve --dirty` does, in one process, and print what each build left in its folder.

    python tests/serve_like.py HUB_FOLDER SITE_FOLDER STEPS.json [--full] [--share]

STEPS.json is a list of steps; each is a list of edits ({"write": path, "text": ...} or {"delete": path}) made
before a rebuild. After each build, one line of JSON: the sha256 of every file in the site, the files written
again, and what the build logged. With --full, one full build (as `mkdocs serve` without --dirty) and no steps.
With --share, the demo's few pages are shared out between two processes as a big hub's are, and each line
says how many other processes wrote pages.
tests/test_incremental.py runs it in a process of its own, so each hub's plugin starts afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from pathlib import Path

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def main() -> int:
    hub, site = Path(sys.argv[1]), Path(sys.argv[2])
    steps = json.loads(Path(sys.argv[3]).read_text())
    dirty = "--full" not in sys.argv
    lines = _Lines()
    logging.getLogger("mkdocs").addHandler(lines)
    logging.getLogger("mkdocs").setLevel(logging.INFO)

    def config():
        made = load_config(config_file=str(hub / "mkdocs.yml"), site_dir=str(site))
        made.site_url = SERVE_URL
        return made

    theme_drawings = _count_theme_drawings()
    others = _shared(site.parent / f"{site.name}-writers") if "--share" in sys.argv else None
    first = config()
    first.plugins.on_startup(command="serve", dirty=dirty)
    before: dict[str, int] = {}
    for n, edits in enumerate([[]] + (steps if dirty else [])):
        for edit in edits:
            if "write" in edit:
                (hub / edit["write"]).write_text(edit["text"], encoding="utf-8")
            else:
                (hub / edit["delete"]).unlink()
        lines.lines.clear()
        theme_drawings.clear()
        failed = None
        try:
            build(first if n == 0 else config(), serve_url=SERVE_URL, dirty=dirty)
        except Exception as error:  # noqa: BLE001  # a wrong record stops the build, as in mkdocs serve
            failed = str(error)
        times = {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
        print(
            json.dumps(
                {
                    "failed": failed,
                    "files": {path: hashlib.sha256((site / path).read_bytes()).hexdigest() for path in sorted(times)},
                    "written": sorted(path for path, time in times.items() if before.get(path) != time),
                    "log": lines.lines,
                    "drawings": _drawings(),
                    "theme_drawings": list(theme_drawings),
                    "other_writers": None if others is None else len(list(others.iterdir())),
                }
            ),
            flush=True,
        )
        before = times
    first.plugins.on_shutdown()
    return 0


def _shared(writers: Path) -> Path:
    """Pages and their writing shared out as if the demo were big; each other process that writes a page
    leaves its process id in `writers`."""
    import functools
    import os

    from mkdocs.commands import build as mkdocs_build

    from hub.site import shared_work

    shared_work.available_processes = lambda: 2
    shared_work.ENTRIES_PER_PROCESS = shared_work.PAGES_PER_PROCESS = 1
    writers.mkdir(exist_ok=True)
    here, write = os.getpid(), mkdocs_build._build_page

    @functools.wraps(write)
    def marked(*args, **kwargs):
        if os.getpid() != here:
            (writers / str(os.getpid())).touch()
        return write(*args, **kwargs)

    mkdocs_build._build_page = marked
    return writers


def _count_theme_drawings() -> list[str]:
    """The address of each page drawn through the theme's main.html that has a kind (shells.py), so could have
    been filled into a drawing instead, for as long as the driver runs."""
    drawn: list[str] = []
    render = jinja2.Template.render

    def counted(template, *args, **kwargs):
        page = (args[0] if args else kwargs).get("page")
        if template.name == "main.html" and getattr(page, "kind", None) is not None:
            drawn.append(page.url)
        return render(template, *args, **kwargs)

    jinja2.Template.render = counted  # type: ignore[method-assign]
    return drawn


def _drawings() -> dict[str, bool]:
    """For each kind of page drawn from one drawing of the theme (hub/site/shells.py): whether the drawing
    filled in gave the theme's own page, so the other pages of that kind were filled in from it."""
    hub = next(module._hub for module in list(sys.modules.values()) if hasattr(module, "_hub"))
    shells = hub.build.shells if hub.build is not None else None
    return {} if shells is None else {"/".join(map(str, kind)): shells.trusted(kind) for kind in shells.kinds()}


if __name__ == "__main__":
    sys.exit(main())
