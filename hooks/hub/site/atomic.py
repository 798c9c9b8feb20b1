"""Write the site beside its folder and swap it in whole, so a failed or stopped build leaves the last one.

MkDocs empties site/ and writes into it as it goes: a wrong record found late, a crash or a kill left
an empty or half site (seen: 83 to 164 of 207 files). Here the build writes to a sibling folder; only
when it has finished is that folder exchanged with site/ in one step of the file system. The previous site is
then deleted by a process of its own, which the build does not wait for.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

_BUILDING = ".building-"
_OLD = ".old-"


def building_folder(site: Path) -> Path:
    """A new, empty folder beside `site` for this build; stale ones from stopped builds are removed."""
    for stale in site.parent.glob(f".{site.name}{_BUILDING}*"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in site.parent.glob(f".{site.name}{_OLD}*"):
        shutil.rmtree(stale, ignore_errors=True)
    folder = site.parent / f".{site.name}{_BUILDING}{os.getpid()}"
    site.parent.mkdir(parents=True, exist_ok=True)
    folder.mkdir()
    return folder


def swap_in(built: Path, site: Path) -> None:
    """`built` becomes `site`, all at once; the previous site is then removed."""
    if site.is_dir() and _exchange(built, site):
        _remove_soon(built)  # now holds the previous site
        return
    # No atomic exchange (not Linux, or an old kernel): the gap is two renames, not a whole build.
    old = site.parent / f".{site.name}{_OLD}{os.getpid()}"
    if site.exists():
        os.rename(site, old)
    os.rename(built, site)
    _remove_soon(old)


def abandon(built: Path) -> None:
    _remove_soon(built)


_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def _remove_soon(folder: Path) -> None:
    """Deletes `folder` in a process of its own, which nothing waits for: deleting the previous site of 10,000
    records took 12.8 to 15.7 s once the new one was in place. Where no process can start, it is deleted here;
    one left by a process that was stopped is deleted by the next build (building_folder)."""
    try:
        subprocess.Popen(
            [sys.executable, "-c", _REMOVE, os.fspath(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,  # so a command that reads the build's output is not kept waiting
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped with the build by Ctrl+C
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


_RENAME_EXCHANGE = 2  # from linux/fs.h
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2), or return False where that is not possible."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return done == 0
