"""The JSON Schema of each kind of file, for editors (``scorecard schema``)."""

from __future__ import annotations

from typing import Any

from scorecard.data.schema.kinds import KINDS

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
FILE_NAMES: dict[str, str] = {
    "programme": "scorecard.schema.json",
    "provider": "provider.schema.json",
    "record": "record.schema.json",
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file."""
    spec = KINDS[kind]
    return {"$schema": JSON_SCHEMA_DIALECT,
            "$id": f"https://scorecard.invalid/schema/{FILE_NAMES[kind]}",
            **spec.schema()}


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: json_schema(kind) for kind in KINDS}
