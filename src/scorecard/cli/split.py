"""``scorecard split``: a finished build, one folder per audience, for CI artifacts."""

from __future__ import annotations

from pathlib import Path

import click

from scorecard.cli.common import EXIT_OK, echo_problems, failure_code


@click.command("split")
@click.option("--reports", "reports", default="reports", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="The folder of a finished build (the one with manifest.json).")
@click.option("--out", "out", default="by-audience", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Where to write provider/, team/ and portfolio/.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="A folder of templates that override the shipped ones.")
def command(reports: Path, out: Path, templates: Path | None) -> None:
    """Copy a finished build into one folder per audience.

    OUT/provider, OUT/team and OUT/portfolio each hold only that audience's
    documents, with an index.html that links them and a manifest.json that
    lists them (audience, provider, period, sha256). The build's own index.html
    and data.json are internal and go into none of them.
    """
    from scorecard.pipeline.audiences import AUDIENCES, split

    problems = split(reports, out, templates)
    echo_problems(problems)
    if any(p.severity == "error" for p in problems):
        raise SystemExit(failure_code(problems))
    for audience in AUDIENCES:
        click.echo(f"wrote {out / audience}/ (index.html, manifest.json)")
    raise SystemExit(EXIT_OK)
