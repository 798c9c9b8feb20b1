"""Write schema/engagement.schema.json from the record model: run it after changing hooks/hub/records/model.py.

bash scripts/hub schema
"""

from __future__ import annotations

import sys
from pathlib import Path

from hub.records.schema import SCHEMA_PATH, engagement_schema
from hub.settings import SettingsInvalid, settings_from_mkdocs_yml
from hub.words import say, use

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    # The schema's descriptions are in the hub's language, as the build's are.
    try:
        use(settings_from_mkdocs_yml(ROOT / "mkdocs.yml").language)
    except (SettingsInvalid, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    path = ROOT / SCHEMA_PATH
    path.parent.mkdir(exist_ok=True)
    path.write_text(engagement_schema(), encoding="utf-8")
    print(say("commands.schema.wrote", path=SCHEMA_PATH.as_posix()))
    print(say("commands.schema.editor_too"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
