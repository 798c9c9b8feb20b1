"""The installed theme's files, listed once for all the rebuilds of `mkdocs serve`.

On every build MkDocs lists each file in each of the theme's folders, to copy its scripts and styles: for
Material 14,500 files, nearly all of them icons in folders whose names start with a dot, which MkDocs then
leaves out by name. That was a tenth of a rebuild at 1,000 records. An installed theme does not change while
mkdocs serve runs (MkDocs does not even watch it), so its folders are listed once, without those it leaves
out; the project's own folder of overrides is listed afresh on each build.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from jinja2 import FileSystemLoader


class ThemeListing:
    def __init__(self) -> None:
        self._listed: dict[str, list[str]] = {}  # by folder: the files MkDocs may copy from it

    def use_for(self, theme) -> None:
        """Make this theme's template environments list the installed folders from here."""
        make, own = theme.get_env, theme.custom_dir

        def get_env():
            env = make()
            env.loader.list_templates = partial(self._names, tuple(env.loader.searchpath), own)
            return env

        theme.get_env = get_env

    def _names(self, folders: tuple[str, ...], own: str | None) -> list[str]:
        found: set[str] = set()
        for folder in folders:
            names = self._listed.get(folder)
            if names is None:
                names = [name for name in FileSystemLoader(folder).list_templates() if not _hidden(name)]
                if own is None or Path(folder) != Path(own):
                    self._listed[folder] = names
            found.update(names)
        return sorted(found)


def _hidden(name: str) -> bool:
    """What MkDocs's own filter leaves out whatever the settings: a name that starts with a dot, at any level."""
    return name.startswith(".") or "/." in name
