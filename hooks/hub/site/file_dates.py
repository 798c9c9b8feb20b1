"""The day each hand-written page last changed, from git, for the sitemap.

Only git knows when a page in content/ last changed: the file's own time is when it was checked out.
A folder outside git, or a shallow clone (whose one commit seems to add every file), gives nothing,
and the pages are then dated with the build's day. The publish workflow fetches the whole history.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(folder: Path) -> dict[str, dt.date]:
    """Each file under `folder` that git knows, by its path from there, with the day of its newest commit."""
    # safe.directory: in a container, the checkout can belong to another user, and git then refuses it.
    git = ["git", "-c", f"safe.directory={folder.resolve()}", "-C", str(folder)]
    try:
        shallow = subprocess.run([*git, "rev-parse", "--is-shallow-repository"], capture_output=True, text=True)
        if shallow.returncode != 0 or shallow.stdout.strip() != "false":
            return {}
        done = subprocess.run(
            # Newest first: the first date seen for a file is its last change. \x01 marks a commit's date.
            [*git, "log", "--format=%x01%cs", "--name-only", "--relative", "--no-renames", "-z", "--", "."],
            capture_output=True,
            text=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if done.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    day = None
    for part in done.stdout.split("\0"):
        part = part.strip("\n")
        if part.startswith("\x01"):
            header, _, first = part.partition("\n")
            day = dt.date.fromisoformat(header[1:])
            part = first
        if part and day is not None:
            dates.setdefault(part, day)
    return dates
