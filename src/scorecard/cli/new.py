"""``scorecard new PROVIDER [PERIOD]``: write a record skeleton to fill in."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from scorecard.authoring.scaffold import SCHEMA_DIR
from scorecard.cli.common import (
    DAY,
    EXIT_DATA,
    EXIT_USAGE,
    complete_period,
    complete_provider,
    data_option,
    echo_problems,
    failure_code,
)
from scorecard.data.schema.jsonschema import FILE_NAMES

SCHEMA_FILE = Path(SCHEMA_DIR, FILE_NAMES["record"])


@click.command("new")
@click.argument("provider_id", metavar="PROVIDER", shell_complete=complete_provider)
@click.argument("period_text", metavar="[PERIOD]", required=False,
                shell_complete=complete_period)
# --data only, not data_options' --ref: `new` writes into the working tree
@data_option
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    default=None,
    help="The day the evaluation is done, written as `evaluated` (default: today).",
)
@click.option(
    "--lead",
    metavar="NAME",
    default=None,
    help="The team leader who owns this evaluation (default: the provider's lead).",
)
def command(
    provider_id: str, period_text: str | None, data_dir: str, as_of: date | None,
    lead: str | None,
) -> None:
    """Write records/PROVIDER/PERIOD.yaml, a record for the lead to fill in.

    PERIOD defaults to the next one due: the period after the provider's
    latest record, or, with no record yet, the last period that has ended.
    Every criterion is listed as null with its target or rating scale.

    The data must be free of errors first: `new` reads the programme and the
    provider from it, so it lists the problems and writes nothing until they
    are fixed. It never overwrites a record.
    """
    from scorecard.authoring.skeleton import plan, record_skeleton
    from scorecard.data.load import load
    from scorecard.data.problems import Location, Problem, has_errors, shown

    dataset, problems = load(data_dir)
    if dataset is None or has_errors(problems):
        echo_problems(problems)
        click.echo(
            f"Fix the problems above first: `new` writes nothing while {data_dir} has errors.",
            err=True,
        )
        raise SystemExit(failure_code(problems))
    echo_problems(problems)  # warnings only

    day = as_of or date.today()
    new, problems = plan(dataset, provider_id, period_text, day, data_display=data_dir)
    if new is None:
        echo_problems(problems)
        raise SystemExit(failure_code(problems))

    from scorecard.authoring.files import WriteRefused, make_folders, write_new

    target = Path(data_dir) / new.path
    schema = _schema_path(Path(data_dir))
    text = record_skeleton(
        dataset.programme, new.provider, new.period, day,
        lead=lead, schema_ref=Path(os.path.relpath(schema, target.parent.resolve())).as_posix(),
    )
    try:
        make_folders(Path(data_dir), new.path.parent.parts)
        write_new(target, text.encode("utf-8"))  # never overwrites, never follows a link
    except FileExistsError:
        echo_problems([Problem(Location(str(target)), "This file exists already; `new` "
                               "never overwrites a record.", hint="Edit it instead.")])
        raise SystemExit(EXIT_DATA) from None
    except WriteRefused as refused:
        click.echo(f"new stopped: {refused}.", err=True)
        raise SystemExit(EXIT_USAGE) from None

    click.echo(f"Wrote {target}: {shown(new.provider.name, 100)}, {new.period.describe()}.")
    if not (lead or new.provider.lead):
        click.echo("The provider has no lead: fill in `lead:` before you validate.")
    if not schema.exists():
        click.echo(f"(Editors: run `scorecard schema --out {schema.parent}` for completion.)")
    click.echo("Fill in the scores, then run `scorecard validate` and commit. The record says "
               "status: draft; change it to final when the evaluation is done.")


def _schema_path(data_dir: Path) -> Path:
    """Where the record schema is: ``.schemas/`` in the nearest folder above the
    data that has one, up to the repository root; else beside the data folder."""
    start = data_dir.resolve()
    for folder in (start, *start.parents):
        if (folder / SCHEMA_FILE).exists():
            return folder / SCHEMA_FILE
        if (folder / ".git").exists():
            break
    return start.parent / SCHEMA_FILE
