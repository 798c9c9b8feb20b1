"""Write the staff editor's settings, page and rules (content/admin/) from the record model and mkdocs.yml.

    bash scripts/hub editor-config

Run it after changing hooks/hub/records/model.py or map_model.py, or site_url, extra.hub.editor_repo or
extra.hub.editor_sign_in in mkdocs.yml. A test fails, naming this command, when they are out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hub.settings import SettingsInvalid, settings_from_mkdocs_yml
from hub.site.editor import (
    CONFIG_PATH,
    PAGE_PATH,
    RULES_PATH,
    editor_config,
    editor_page,
    editor_rules,
    editor_settings,
)
from hub.words import say, use

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    try:
        settings = editor_settings(ROOT / "mkdocs.yml")
        # The editor's labels and hints are in the hub's language, as the build's are.
        use(settings_from_mkdocs_yml(ROOT / "mkdocs.yml").language)
    except (SettingsInvalid, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    (ROOT / CONFIG_PATH).parent.mkdir(parents=True, exist_ok=True)
    (ROOT / CONFIG_PATH).write_text(editor_config(settings), encoding="utf-8")
    (ROOT / PAGE_PATH).write_text(editor_page(settings), encoding="utf-8")
    (ROOT / RULES_PATH).write_text(editor_rules(settings), encoding="utf-8")
    written = ", ".join(path.as_posix() for path in (CONFIG_PATH, PAGE_PATH, RULES_PATH))
    print(say("commands.editor_config.wrote", paths=written))
    print(say("commands.editor_config.check"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
