"""The SchemaStore catalog entries in docs/schemastore/: each points at the
schema this version publishes (its ``$id``), and its file patterns match the
files scorecard reads and no others."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scorecard import __version__
from scorecard.data.schema.jsonschema import json_schema, schema_id

ROOT = Path(__file__).resolve().parents[2]
ENTRIES = json.loads((ROOT / "docs/schemastore/catalog-entries.json").read_text())


def glob_match(pattern: str, path: str) -> bool:
    """SchemaStore's (minimatch) reading of a fileMatch glob: ``**/`` any folders
    (or none), ``*`` anything but a slash."""
    regex = "".join(
        "(?:.*/)?" if part == "**/" else "[^/]*" if part == "*" else re.escape(part)
        for part in re.split(r"(\*\*/|\*)", pattern)
    )
    return re.fullmatch(regex, path) is not None


KIND = {"record.schema.json": "record", "scorecard.schema.json": "programme",
        "provider.schema.json": "provider"}
READ = {  # files scorecard reads, by kind
    "programme": ["evaluations/scorecard.yaml", "it/contracts/evaluations/scorecard.yml"],
    "provider": ["evaluations/providers/acme.yaml", "x/evaluations/providers/globex.yml"],
    "record": ["evaluations/records/acme/2026-Q3.yaml", "a/b/evaluations/records/g/2026-07.yml"],
}
NOT_OURS = ["scorecard.yaml", "config/scorecard.yaml", "providers/acme.yaml",
            "evaluations/records/acme/notes/2026-Q3.yaml", "evaluations/providers/a/b.yaml",
            "evaluations/records/acme.yaml", "evaluations/scorecard.json"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["name"])
def test_an_entry_points_at_this_versions_schema_and_matches_only_our_files(
    entry: dict[str, object],
) -> None:
    assert set(entry) == {"name", "description", "fileMatch", "url", "versions"}
    assert str(entry["name"]).startswith("provider-scorecard ")
    url = str(entry["url"])
    kind = KIND[url.rsplit("/", 1)[1]]
    assert url == schema_id(kind) == json_schema(kind)["$id"]
    versions = entry["versions"]
    assert isinstance(versions, dict) and versions[__version__] == url
    patterns = entry["fileMatch"]
    assert isinstance(patterns, list)
    for path in READ[kind]:
        assert any(glob_match(p, path) for p in patterns), path
    for other, paths in READ.items():
        if other != kind:
            assert not any(glob_match(p, q) for p in patterns for q in paths)
    assert not any(glob_match(p, q) for p in patterns for q in NOT_OURS)


def test_entries_are_in_alphabetical_order_as_the_catalog_wants() -> None:
    names = [e["name"] for e in ENTRIES]
    assert names == sorted(names) and len(names) == 3
