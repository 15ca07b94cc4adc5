"""The JSON Schemas, generated from the same field specs as validation.

Checked with the independent ``jsonschema`` library: our own data validates,
broken files do not, and our validator rejects those same files.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from datafolder import FIXTURES
from scorecard.cli import cli
from scorecard.data import schema
from scorecard.data.model import Source
from scorecard.data.yaml.reader import parse

DEMO = Path(__file__).resolve().parents[2] / "evaluations"
DATA_SETS = [FIXTURES / "format_example", FIXTURES / "small"]
if (DEMO / "scorecard.yaml").exists():
    DATA_SETS.append(DEMO)


def as_json(value: Any) -> Any:
    """What a JSON-minded editor sees: dates as text, every key as text."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def kind_of(rel: Path) -> str:
    if rel.parts[0] == "providers":
        return "provider"
    if rel.parts[0] == "records":
        return "record"
    return "programme"


def data_files(folder: Path) -> list[tuple[str, Path]]:
    return [(kind_of(p.relative_to(folder)), p) for p in sorted(folder.rglob("*.yaml"))]


def validator(kind: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(
        schema.json_schema(kind), format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


# every keyword draft-07's meta-schema (json-schema.org/draft-07/schema) defines
DRAFT_07 = {
    "$id", "$schema", "$ref", "$comment", "title", "description", "default", "readOnly",
    "writeOnly", "examples", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
    "exclusiveMinimum", "maxLength", "minLength", "pattern", "additionalItems", "items",
    "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
    "required", "additionalProperties", "definitions", "properties", "patternProperties",
    "dependencies", "propertyNames", "const", "enum", "type", "format", "contentMediaType",
    "contentEncoding", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
}
NAMES = {"properties", "patternProperties", "definitions", "dependencies"}


def keywords(node: object, names: bool = False) -> set[str]:
    """The keywords a schema uses (not the property names it defines)."""
    found: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if not names:
                found.add(key)
            found |= keywords(value, not names and key in NAMES)
    elif isinstance(node, list):
        for value in node:
            found |= keywords(value)
    return found


@pytest.mark.parametrize("kind", ["programme", "provider", "record"])
def test_schemas_are_valid_draft_07_with_the_published_id(kind: str) -> None:
    generated = schema.json_schema(kind)
    assert generated["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(generated)
    assert keywords(generated) <= DRAFT_07, keywords(generated) - DRAFT_07
    name = {"programme": "scorecard", "provider": "provider", "record": "record"}[kind]
    version = __import__("scorecard").__version__
    assert generated["$id"] == ("https://raw.githubusercontent.com/provider-scorecard/scorecard/"
                                f"v{version}/.schemas/{name}.schema.json")


@pytest.mark.parametrize("folder", DATA_SETS, ids=lambda p: p.name)
def test_our_data_validates_against_the_schemas(folder: Path) -> None:
    files = data_files(folder)
    assert {kind for kind, _ in files} == {"programme", "provider", "record"}
    for kind, path in files:
        errors = list(validator(kind).iter_errors(as_json(yaml.safe_load(path.read_text()))))
        assert errors == [], (path, [e.message for e in errors])


BROKEN = [
    # (kind, YAML, what jsonschema complains about)
    ("record", "provider: acme\nperiod: 2026-Q3\nevaluated: 2026-10-06\n", "'lead'"),
    ("record", "provider: acme\nperiod: 2026-Q3\nevaluated: 2026-10-06\nlead: P\nsumary: x\n",
     "'sumary'"),
    ("record", "provider: Acme Ltd\nperiod: 2026-Q3\nevaluated: 2026-10-06\nlead: P\n",
     "Acme Ltd"),
    ("record", "provider: acme\nperiod: Q3 2026\nevaluated: 2026-10-06\nlead: P\n", "Q3 2026"),
    ("provider", "id: acme\nname: Acme\ncadence: weekly\n", "weekly"),
    ("provider", "id: acme\nname: Acme\nactions:\n  - {id: a-1, kind: bug, title: t, "
     "raised: 2026-01-01, status: open}\n", "bug"),
    ("programme", "organisation: N\ncategories:\n  - id: s\n    name: S\n    weight: 0\n"
     "    criteria: [{id: c, name: C}]\n", "0"),
    ("programme", "organisation: N\ncategories: []\n", "[]"),
    ("programme", "organisation: N\nmin_coverage: 1.5\ncategories:\n  - id: s\n    name: S\n"
     "    criteria: [{id: c, name: C}]\n", "1.5"),
]


@pytest.mark.parametrize(("kind", "text", "found"), BROKEN)
def test_broken_files_fail_both_the_schema_and_our_checks(kind: str, text: str,
                                                          found: str) -> None:
    errors = list(validator(kind).iter_errors(as_json(yaml.safe_load(text))))
    assert errors, text
    assert any(found in e.message for e in errors), [e.message for e in errors]
    doc = parse(text.encode(), Source("f.yaml", "f.yaml"))
    _, problems = schema.check(kind, doc)
    assert problems, text


def test_every_field_has_a_description_for_editors() -> None:
    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert sub.get("description"), f"{where}.{name}"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    for kind in ("programme", "provider", "record"):
        walk(schema.json_schema(kind), kind)


def test_schema_lists_the_optional_short_name() -> None:
    props = schema.json_schema("provider")["properties"]
    assert props["short_name"]["type"] == "string"
    assert "short_name" not in schema.json_schema("provider")["required"]


def test_schema_command_prints_all_three_or_one() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert set(json.loads(result.stdout)) == {"programme", "provider", "record"}
    result = runner.invoke(cli, ["schema", "record"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema.json_schema("record")
    assert runner.invoke(cli, ["schema", "recrod"]).exit_code == 2


def test_schema_command_writes_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["schema", "--out", str(tmp_path / "schemas")])
    assert result.exit_code == 0
    written = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert written == ["provider.schema.json", "record.schema.json", "scorecard.schema.json"]
    saved = json.loads((tmp_path / "schemas" / "scorecard.schema.json").read_text())
    assert saved == schema.json_schema("programme")
