"""The JSON Schema of a record, made from the model, so editors can check a record while staff type.

A record names the schema in its first line, `# yaml-language-server: $schema=...`: VS Code with
the YAML extension (and other editors that use the YAML language server) then marks a wrong field
and shows each field's description. The schema is kept in the repository so the editor needs no hub code.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import JsonSchemaMode

from hub.words import say

from .descriptions import DescribedSchema
from .model import Engagement

SCHEMA_PATH = Path("schema") / "engagement.schema.json"
# The first line of a record: the schema's address from a file in the records folder.
SCHEMA_COMMENT = f"# yaml-language-server: $schema=../{SCHEMA_PATH.as_posix()}"


def engagement_schema(mode: JsonSchemaMode = "validation") -> str:
    """The schema as text, the same every time for the same model, so a test can compare it.

    "validation" is what staff write; "serialization" is what open data publishes, where a count of
    people may be hidden ("fewer than 5") and one nobody counted is null."""
    schema = Engagement.model_json_schema(mode=mode, schema_generator=DescribedSchema)
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": say("record_schema.title"),
        "description": say("record_schema.description"),
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }
    # ASCII only: the characters beyond 65,536 in the patterns are written as escapes, not as themselves.
    return json.dumps(schema, indent=2, ensure_ascii=True, sort_keys=False) + "\n"
