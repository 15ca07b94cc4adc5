"""``scorecard form PROVIDER [PERIOD] --for lead|NAME|provider``: a fillable PDF form."""

from __future__ import annotations

import re
from pathlib import Path

import click

from scorecard.cli.common import (
    EXIT_DATA,
    EXIT_OK,
    complete_period,
    complete_provider,
    data_option,
    echo_problems,
)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "evaluator"


@click.command("form")
@click.argument("provider_id", metavar="PROVIDER", shell_complete=complete_provider)
@click.argument("period_text", metavar="[PERIOD]", required=False,
                shell_complete=complete_period)
@data_option
@click.option("--for", "role", required=True, metavar="lead|NAME|provider",
              help="Who fills it in: the lead, one evaluator by name, or the provider.")
@click.option("--out", "out_dir", default="forms", show_default=True, metavar="DIR",
              help="The folder the form is written into.")
@click.option("--templates", "templates", default=None, metavar="DIR",
              help="A folder whose forms/form.html or forms/form.css replace ours.")
def command(provider_id: str, period_text: str | None, data_dir: str, role: str,
            out_dir: str, templates: str | None) -> None:
    """Write a fillable PDF form for one record, to fill in any PDF reader.

    The lead's form has a field for each criterion in force (a figure, or a
    rating on the scale), a note each, and the summaries; an evaluator's form
    (--for "Tom Berg") has that evaluator's ratings; the provider's form has its
    own figures and ratings, its ratings of us and its reply, and nothing
    internal. PERIOD defaults to the provider's latest record. Read the filled
    form back with scorecard take FILE.pdf.
    """
    from scorecard.authoring.files import WriteRefused, prepare_folder, write_over
    from scorecard.data.load import load
    from scorecard.documents.forms import FormRefused, make_form

    dataset, problems = load(data_dir)
    if dataset is None:
        echo_problems(problems)
        raise SystemExit(EXIT_DATA)
    try:
        made = make_form(dataset, Path(data_dir), provider_id, period_text, role,
                         Path(templates) if templates else None)
    except FormRefused as exc:
        click.echo(f"Error: {exc}.", err=True)
        raise SystemExit(EXIT_DATA) from None
    if made.problems or made.pdf is None:
        echo_problems(made.problems)
        raise SystemExit(EXIT_DATA)
    path = Path(out_dir) / f"{provider_id}-{made.period}-{_slug(made.role)}.pdf"
    try:
        prepare_folder(Path(out_dir))
        write_over(path, made.pdf)
    except WriteRefused as exc:
        click.echo(f"Error: {exc}.", err=True)
        raise SystemExit(EXIT_DATA) from None
    click.echo(f"Wrote {path}: {made.what}, to be filled in by {made.who} by {made.by_when}. "
               f"Read it back with: scorecard take {path}")
    raise SystemExit(EXIT_OK)
