"""Write schema/engagement.schema.json from the record model: run it after changing hooks/hub/records/model.py.

bash scripts/hub schema
"""

from __future__ import annotations

import sys
from pathlib import Path

from hub.records.schema import SCHEMA_PATH, engagement_schema

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    path = ROOT / SCHEMA_PATH
    path.parent.mkdir(exist_ok=True)
    path.write_text(engagement_schema(), encoding="utf-8")
    print(f"Wrote {SCHEMA_PATH.as_posix()}. Commit it with your change to the model.")
    print("The staff editor is made from the model too: run bash scripts/hub editor-config as well.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
