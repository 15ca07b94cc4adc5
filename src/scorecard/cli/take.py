"""``scorecard take FILE.pdf``: a filled form back into its record."""

from __future__ import annotations

from pathlib import Path

import click

from scorecard.cli.common import EXIT_DATA, EXIT_OK, data_option


@click.command("take")
@data_option
@click.argument("file", metavar="FILE.pdf")
@click.option("--replace", is_flag=True,
              help="Overwrite values the record already holds with the form's.")
def command(data_dir: str, file: str, replace: bool) -> None:
    """Read a filled form (made by scorecard form) into its record.

    Only the fields the form holds are written; every other byte of the
    record stays as it was. A form for a record that has changed since it
    was made, or one that would overwrite values already in the record
    (unless --replace), is refused and nothing is written. Review the
    result with git diff and commit it.
    """
    from scorecard.authoring.forms.read import FormError
    from scorecard.authoring.forms.take import take

    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        click.echo(f"Error: cannot read {file}: {exc.strerror}.", err=True)
        raise SystemExit(EXIT_DATA) from None
    try:
        taken = take(Path(data_dir), data, replace=replace)
    except FormError as exc:
        click.echo(f"Error: {file}: {exc}.", err=True)
        raise SystemExit(EXIT_DATA) from None
    who = f"the {taken.role}" if taken.role in ("lead", "provider") else taken.role
    if not taken.written:
        already = " (it was taken before)" if taken.again else ""
        click.echo(f"Nothing to write: the form from {who} holds nothing new for "
                   f"{taken.record}{already}.")
        raise SystemExit(EXIT_OK)
    click.echo(f"Wrote {len(taken.written)} field(s) from {who}'s form into {taken.record}: "
               f"{', '.join(taken.written)}. Review it (git diff {taken.record}) and commit it.")
    raise SystemExit(EXIT_OK)
