"""``scorecard schema``: the JSON Schema of each kind of file, for editors."""

from __future__ import annotations

import json
from pathlib import Path

import click

from scorecard.cli.common import EXIT_USAGE

KINDS = ("programme", "provider", "record")


@click.command("schema")
@click.argument("kind", required=False, type=click.Choice(KINDS))
@click.option("--out", "out_dir", metavar="DIR", type=click.Path(file_okay=False),
              default=None, help="Write scorecard.schema.json, provider.schema.json and "
              "record.schema.json into DIR instead of printing.")
def command(kind: str | None, out_dir: str | None) -> None:
    """Print the JSON Schema (draft-07) of each file kind, for editors.

    KIND is programme (scorecard.yaml), provider or record; without it, all three
    are printed as one JSON object keyed by kind. `scorecard init` writes them
    into .schemas/ at the repository's root (refresh them with
    `scorecard schema --out .schemas`) and starts each data file with a line
    that points at its schema, for VS Code's YAML extension and other editors
    using yaml-language-server; in evaluations/records/<provider>/<period>.yaml:

    \b
    # yaml-language-server: $schema=../../../.schemas/record.schema.json
    """
    from scorecard.data.schema.jsonschema import FILE_NAMES, all_schemas, json_schema

    if out_dir is not None:
        from scorecard.authoring.files import WriteRefused, prepare_folder, write_over

        folder = Path(out_dir)
        try:
            prepare_folder(folder)
            for name in (kind,) if kind else KINDS:
                path = folder / FILE_NAMES[name]
                write_over(path, _dump(json_schema(name)).encode("utf-8"))
                click.echo(f"wrote {path}", err=True)
        except WriteRefused as refused:
            click.echo(f"schema stopped: {refused}.", err=True)
            raise SystemExit(EXIT_USAGE) from None
        return
    value = json_schema(kind) if kind else all_schemas()
    click.echo(_dump(value), nl=False)


def _dump(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"
