"""``scorecard validate``: check all evaluation data and list every problem."""

from __future__ import annotations

import click

from scorecard.cli.common import EXIT_OK, FORMATS, data_options, echo_problems, failure_code


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@click.command("validate")
@data_options
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True,
              help="text: FILE:LINE:COL lines; github: annotations for GitHub Actions; "
              "json: a list on standard output; gitlab: a Code Quality report on standard "
              "output (and the text on standard error); sarif: a SARIF 2.1.0 log on standard "
              "output, for code scanning (and the text on standard error).")
def command(data_dir: str, ref: str | None, fmt: str) -> None:
    """Check all evaluation data and list every problem.

    Exits with 0 when the data is sound, 1 when it has errors, 2 when the
    folder or revision does not exist.
    """
    from scorecard.data.load import load  # imported here so that --help stays instant

    dataset, problems = load(data_dir, ref=ref)
    echo_problems(problems, fmt)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    to_stderr = fmt in ("json", "gitlab", "sarif") or bool(problems)
    if dataset is None:
        files = len({p.location.file for p in problems if p.severity == "error"})
        click.echo(f"{_count(errors, 'error')}"
                   f"{', ' + _count(warnings, 'warning') if warnings else ''}"
                   f" in {_count(files, 'file')}.", err=True)
        raise SystemExit(failure_code(problems))
    where = data_dir if ref is None else f"{data_dir} at {ref}"
    records = len(dataset.all_records())
    tail = f"no errors, {_count(warnings, 'warning')}" if warnings else "no problems"
    click.echo(f"{where}: {_count(len(dataset.providers), 'provider')}, "
               f"{_count(records, 'record')}, {tail}.", err=to_stderr)
    raise SystemExit(EXIT_OK)
