"""``scorecard build``: validate, compute and render every document."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click
from click.core import ParameterSource

from scorecard.cli.common import (
    DATA_DIR,
    DAY,
    EXIT_DATA,
    EXIT_USAGE,
    complete_period,
    complete_provider,
    data_options,
    echo_problems,
    failure_code,
)

if TYPE_CHECKING:
    from scorecard.figures.results import Portfolio
    from scorecard.pipeline.options import BuildOptions, BuildReport


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    """``--shard K/N``, checked while Click parses, so its errors name the option."""
    if value is None:
        return None
    try:
        k, n = (int(part) for part in value.split("/"))
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a share; write it as K/N, e.g. 2/4 for the second of four."
        ) from None
    if not 1 <= k <= n:
        raise click.BadParameter(f"K must be between 1 and N; got {value}.")
    return k, n


def _periods(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """``--period``: each must be written as a period of some cadence (2026-Q3, 2026-07,
    2026-H1, 2026); otherwise it could only ever match nothing."""
    from scorecard.data.periods import guess_cadence

    for text in value:
        if guess_cadence(text) is None:
            raise click.BadParameter(
                f"{text!r} is not a period; write it like 2026-Q3 (a quarter), 2026-07 "
                "(a month), 2026-H1 (a half year) or 2026 (a year)."
            )
    return value


def _out_dir(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """``--out DIR``: it, or the nearest part of it that exists, must be a folder."""
    path = Path(value).absolute()
    while not os.path.lexists(path) and path != path.parent:
        path = path.parent
    if not path.is_dir():
        raise click.BadParameter(f"{str(path)!r} is not a folder.")
    return value


def _summary_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """``--summary FILE``: checked before the build, so that a long build does not end
    in a file it cannot append to."""
    if value is None:
        return None
    folder = value.parent if str(value.parent) else Path(".")
    if not folder.is_dir():
        raise click.BadParameter(f"{str(folder)!r} is not a folder; make it first.")
    if value.exists() and not os.access(value, os.W_OK):
        raise click.BadParameter(f"{str(value)!r} cannot be written to.")
    if not value.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise click.BadParameter(f"cannot create a file in {str(folder)!r}.")
    return value


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _in_ci() -> bool:
    """CI services set CI (GitHub: CI=true); CI=false or CI=0 means not."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@click.command(help="Validate, score and render every document into reports/.")
@data_options
@click.option("--out", "out_dir", default="reports", show_default=True, metavar="DIR",
              callback=_out_dir,
              help="The folder the documents go to.")
@click.option("--as-of", "as_of", type=DAY, default=None,
              help="Compute figures as of this day (default: the day of the commit built).")
@click.option("--provider", "providers", multiple=True, metavar="ID",
              shell_complete=complete_provider,
              help="Only this provider's documents (repeatable).")
@click.option("--period", "periods", multiple=True, metavar="PERIOD", callback=_periods,
              shell_complete=complete_period,
              help="Only this period's documents, e.g. 2026-Q3 (repeatable).")
@click.option("--audience", "audiences", multiple=True,
              type=click.Choice(["provider", "team", "portfolio", "renewal"]),
              help="Only documents for this audience (repeatable); renewal: every "
                   "provider's renewal brief, whether its decision is due or not.")
@click.option("--no-pdf", "no_pdf", is_flag=True, help="HTML only.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="A folder of templates tried before ours.")
@click.option("--paper", type=click.Choice(["A4", "Letter"], case_sensitive=False),
              default="A4", show_default=True, help="Paper size of the PDFs.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for rendering (default: the number of cores).")
@click.option("--force", is_flag=True, help="Render everything; reuse nothing from earlier builds.")
@click.option("--shard", "share", default=None, metavar="K/N", callback=_shard,
              help="Build share K of N of the documents (for a CI matrix); join them with --join.")
@click.option("--join", "join", multiple=True, metavar="DIR",
              type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Take documents from a shard's output folder (repeatable).")
@click.option("--summary", "summary", default=None, metavar="FILE", callback=_summary_file,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Append a Markdown summary (who improved, who fell, what is overdue) to FILE.")
def command(
    data_dir: str,
    ref: str | None,
    out_dir: str,
    as_of: date | None,
    providers: tuple[str, ...],
    periods: tuple[str, ...],
    audiences: tuple[str, ...],
    no_pdf: bool,
    templates: Path | None,
    paper: str,
    jobs: int | None,
    force: bool,
    share: tuple[int, int] | None,
    join: tuple[Path, ...],
    summary: Path | None,
) -> None:
    from scorecard.output.pool import default_jobs
    from scorecard.pipeline.options import BuildOptions, Shard

    out_dir = _beside_data(out_dir, data_dir)
    options = BuildOptions(
        data_dir=Path(data_dir),
        out_dir=Path(out_dir),
        ref=ref,
        as_of=as_of,
        providers=frozenset(providers) if providers else None,
        periods=frozenset(periods) if periods else None,
        audiences=frozenset(audiences) if audiences else None,
        pdf=not no_pdf,
        templates=templates,
        page_size="Letter" if paper.lower() == "letter" else "A4",
        jobs=jobs or default_jobs(),
        force=force,
        shard=Shard(*share) if share else None,
        join=join,
    )
    report = _run(options, out_dir)
    echo_problems(report.problems)
    if not report.ok:
        _echo_failed(report, out_dir)
    if summary is not None and report.portfolio is not None:
        _append_summary(summary, report.portfolio)
    _echo_built(report, out_dir)


def _beside_data(out_dir: str, data_dir: str) -> str:
    """With the data folder found from a subfolder, the default reports/ goes
    beside it (at the repository's root), not into the subfolder."""
    ctx = click.get_current_context()
    if (ctx.get_parameter_source("out_dir") is ParameterSource.DEFAULT
            and ctx.get_parameter_source("data_dir") is ParameterSource.DEFAULT
            and data_dir != DATA_DIR):
        return os.path.normpath(os.path.join(data_dir, os.pardir, out_dir))
    return out_dir


class TenthsLog:
    """Progress for a CI log (or any log that is not a terminal): once a build
    of ten PDFs or more has run ``after`` seconds, a line at each tenth of the
    PDFs rendered, instead of minutes of silence."""

    def __init__(self, *, after: float = 10.0, clock: Callable[[], float] = time.monotonic,
                 echo: Callable[[str], None] | None = None) -> None:
        self.after = after
        self.clock = clock
        self.started = clock()
        self.last = 0
        self.echo = echo or (lambda line: click.echo(line, err=True))

    def __call__(self, done: int, total: int, path: str) -> None:
        if total < 10:
            return
        tenth = done * 10 // total
        if tenth > self.last and self.clock() - self.started >= self.after:
            self.last = tenth
            self.echo(f"Rendering: {tenth * 10}% ({done} of {_plural(total, 'PDF')})")


def _stop(out_dir: str, stop_workers: Callable[[], None], abandon: Callable[[], None]) -> None:
    """SIGTERM: stop the workers, remove the scratch space, say so, end with 143
    (128 + 15). Raising instead could leave the worker pool's locks held and hang;
    a publish under way is never cut (it holds SIGTERM back until it is done).

    The handler imports nothing (its two steps come imported): the signal may
    strike in the middle of an import, and whatever goes wrong in the steps, the
    process still ends with 143 and the line, never a traceback."""
    try:
        stop_workers()
        abandon()
    finally:
        # os.write, not sys.stderr: the signal may have struck inside a write to
        # sys.stderr (the progress lines), and a buffered stream refuses a
        # reentrant call
        line = (f"Build stopped (SIGTERM). The documents in {out_dir} are whole: the "
                "previous build's, or all of this one's if it was already moving them in.\n")
        with contextlib.suppress(OSError):
            os.write(2, line.encode("utf-8", "replace"))
        os._exit(128 + signal.SIGTERM)


def _run(options: BuildOptions, out_dir: str) -> BuildReport:
    """The build, with a progress bar on a terminal; an OSError ends it with a message,
    SIGTERM with exit code 143 and a line saying so (``_stop``)."""
    from scorecard.output.folder import abandon
    from scorecard.output.pool import stop_workers

    previous = signal.signal(signal.SIGTERM,
                             lambda signum, frame: _stop(out_dir, stop_workers, abandon))
    try:
        return _run_build(options)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run_build(options: BuildOptions) -> BuildReport:
    from scorecard.pipeline.build import build

    interactive = sys.stderr.isatty() and not _in_ci()
    try:
        if interactive:
            with click.progressbar(length=0, label="Rendering", file=sys.stderr) as bar:
                def progress(done: int, total: int, path: str) -> None:
                    bar.length = total
                    bar.update(1)

                return build(options, today=date.today(), progress=progress)
        return build(options, today=date.today(), progress=TenthsLog())
    except OSError as error:  # e.g. the output folder cannot be made: no traceback
        where = f" ({error.filename})" if error.filename else ""
        click.echo(f"Build failed: {error.strerror or error}{where}.", err=True)
        sys.exit(EXIT_DATA)


def _echo_failed(report: BuildReport, out_dir: str) -> NoReturn:
    """The last line of a build that failed: how many errors it printed, and
    truthfully whether the output folder changed. Exit 2 when the output folder
    refused the build (not ours, held by another build), 1 otherwise."""
    from scorecard.data.problems import sorted_problems

    printed = sorted_problems(report.problems)  # what echo_problems printed
    errors = sum(1 for p in printed if p.severity == "error")
    if report.untouched:
        outcome = f"nothing in {out_dir} was changed"
    else:
        outcome = f"{out_dir} was changed part way; build again to finish it"
    click.echo(f"Build failed: {_plural(errors, 'error')}; {outcome}.", err=True)
    refused = any(p.severity == "error" and p.field == "--out" for p in printed)
    sys.exit(EXIT_USAGE if refused else failure_code(printed))


def _append_summary(summary: Path, portfolio: Portfolio) -> None:
    """``--summary FILE``: append the Markdown summary of the portfolio."""
    from scorecard.output.summary import markdown_summary

    try:
        with summary.open("a", encoding="utf-8") as handle:
            handle.write(markdown_summary(portfolio))
    except OSError as error:
        raise click.FileError(str(summary), error.strerror or str(error)) from None


def _echo_built(report: BuildReport, out_dir: str) -> None:
    """The last line of a build that succeeded."""
    assert report.portfolio is not None and report.provenance is not None
    if report.provenance.commit is None:  # outside git, or no commit yet
        commit, draft = "uncommitted data", " (draft)"
    else:
        commit = report.provenance.commit[:7]
        draft = " (draft: uncommitted changes)" if report.provenance.dirty else ""
    click.echo(
        f"Built {_plural(report.documents, 'document')} in {out_dir} as of "
        f"{report.portfolio.as_of.isoformat()} from {commit}{draft}: "
        f"{_plural(report.rendered, 'PDF')} rendered, {report.reused} reused."
    )
