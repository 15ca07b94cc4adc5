"""The JSON Schema of each kind of file, for editors (``scorecard schema``).

Draft-07, the draft SchemaStore and most editors read (the schemas use no
keyword a later draft added). Each version's ``$id`` is where that version's
schema is published: the file in ``.schemas/`` of this project's repository at
the version's tag (``scorecard schema --out .schemas`` writes them).
"""

from __future__ import annotations

from typing import Any

from scorecard import __version__
from scorecard.data.schema.kinds import KINDS

JSON_SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
# pyproject.toml's Source URL, as raw files at a tag
PUBLISHED = "https://raw.githubusercontent.com/provider-scorecard/scorecard/v{version}/.schemas/"
FILE_NAMES: dict[str, str] = {
    "programme": "scorecard.schema.json",
    "provider": "provider.schema.json",
    "record": "record.schema.json",
}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft-07) of one kind of file."""
    spec = KINDS[kind]
    return {"$schema": JSON_SCHEMA_DIALECT,
            "$id": schema_id(kind),
            **spec.schema()}


def schema_id(kind: str, version: str = __version__) -> str:
    """Where this version's schema of ``kind`` is published."""
    return PUBLISHED.format(version=version) + FILE_NAMES[kind]


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: json_schema(kind) for kind in KINDS}
