"""``scorecard take FILE.pdf...``: filled forms back into their records."""

from __future__ import annotations

from pathlib import Path

import click

from scorecard.cli.common import EXIT_DATA, EXIT_OK, data_option


def _take_one(data_dir: str, file: str, replace: bool) -> bool:
    """Take one form; False (and a one-line error) when it was refused."""
    from scorecard.authoring.forms.read import FormError
    from scorecard.authoring.forms.take import take

    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        click.echo(f"Error: cannot read {file}: {exc.strerror}.", err=True)
        return False
    try:
        taken = take(Path(data_dir), data, replace=replace)
    except FormError as exc:
        click.echo(f"Error: {file}: {exc}.", err=True)
        return False
    who = f"the {taken.role}" if taken.role in ("lead", "provider") else taken.role
    if not taken.written:
        already = " (it was taken before)" if taken.again else ""
        click.echo(f"Nothing to write: the form from {who} holds nothing new for "
                   f"{taken.record}{already}.")
        return True
    click.echo(f"Wrote {len(taken.written)} field(s) from {who}'s form into {taken.record}: "
               f"{', '.join(taken.written)}. Review it (git diff {taken.record}) and commit it.")
    return True


@click.command("take")
@data_option
@click.argument("files", metavar="FILE.pdf...", nargs=-1, required=True)
@click.option("--replace", is_flag=True,
              help="Overwrite values the record already holds with the form's.")
def command(data_dir: str, files: tuple[str, ...], replace: bool) -> None:
    """Read filled forms (made by scorecard form) into their records.

    Only the fields a form holds are written; every other byte of the record
    stays as it was. A form for a record that has changed since it was made,
    or one that would overwrite values already in the record (unless
    --replace), is refused and nothing of it is written. Several evaluators'
    forms for one record can be taken one after the other, or at once.
    Review the result with git diff and commit it.
    """
    results = [_take_one(data_dir, file, replace) for file in files]
    raise SystemExit(EXIT_OK if all(results) else EXIT_DATA)
