"""The lines a change touches, from `git diff`: so that a pull request's own findings are shown first.

GitHub shows at most 10 error and 10 warning annotations from each step, so findings on the lines a
pull request changed go first, and the rest are counted, and listed in full in the job's summary.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from hub.words import say

_FILE = re.compile(r"^\+\+\+ (?:b/(?P<path>.+)|/dev/null)$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")


class ChangesUnknown(Exception):
    """git could not say what changed: the message says why, and how to fix it."""


def changed_lines(root: Path, since: str) -> dict[str, set[int]]:
    """Each file changed since the commit or branch `since`, with the lines added or changed in it.

    Paths are relative to `root`, as the checks show them. The working tree counts, so a check run
    locally before a commit sees the same as one run on the pull request.
    """
    try:
        done = subprocess.run(
            # safe.directory: in a container, the checkout can belong to another user, and git then refuses it.
            ["git", "-c", f"safe.directory={root}", "diff", "--unified=0", "--no-color", "--relative", since, "--"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ChangesUnknown(say("commands.git.cannot_run", error=error)) from None
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()[0] if done.stderr.strip() else f"exit status {done.returncode}"
        raise ChangesUnknown(say("commands.git.cannot_compare", since=since, said=said))
    return parse_diff(done.stdout)


def parse_diff(diff: str) -> dict[str, set[int]]:
    changed: dict[str, set[int]] = {}
    lines: set[int] | None = None
    for line in diff.splitlines():
        file = _FILE.match(line)
        if file:
            lines = changed.setdefault(file["path"], set()) if file["path"] else None
            continue
        hunk = _HUNK.match(line)
        if hunk and lines is not None:
            start, count = int(hunk["start"]), int(hunk["count"] or 1)
            lines.update(range(start, start + count))
    return changed
