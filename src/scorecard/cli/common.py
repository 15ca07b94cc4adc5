"""Options and output helpers shared by the commands."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from scorecard.data.problems import Problem, format_github, format_text, to_json

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_DATA = 1  # the data has errors, or --strict found something
EXIT_USAGE = 2  # the command was used wrongly (Click uses 2 as well)


DATA_DIR = "evaluations"


def find_data_dir(start: Path | None = None) -> str:
    """The data folder, found as git finds ``.git``: ``evaluations/`` here, or
    the folder we are in (or above) that is a data folder or has one, up to
    the repository's root. Returned relative to ``start`` (so that messages
    name files a person can open from where they are); ``evaluations`` when
    there is none."""
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        for candidate in (folder / DATA_DIR, folder):
            if candidate.name == DATA_DIR and (candidate / "scorecard.yaml").is_file():
                return DATA_DIR if candidate == here / DATA_DIR else os.path.relpath(
                    candidate, here)
        if (folder / ".git").exists():
            break
    return DATA_DIR


def _data_dir(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    return value if value is not None else find_data_dir()


def data_option(func: F) -> F:
    """``--data DIR``: the folder that holds the evaluation data."""
    return click.option(
        "--data",
        "data_dir",
        metavar="DIR",
        default=None,
        callback=_data_dir,
        is_eager=True,  # so that completing provider ids can read it
        help="The folder that holds scorecard.yaml, providers/ and records/. "
        "[default: evaluations, here or in a folder above, up to the repository's root]",
    )(func)


def _data_for_completion(ctx: click.Context) -> Path:
    value = ctx.params.get("data_dir")
    return Path(value if isinstance(value, str) else find_data_dir())


def complete_provider(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[str]:
    """Shell completion: the provider ids (file names in providers/)."""
    folder = _data_for_completion(ctx) / "providers"
    try:
        names = sorted(p.stem for p in folder.glob("*.yaml"))
    except OSError:
        return []
    return [n for n in names if n.startswith(incomplete)]


def complete_period(
    ctx: click.Context, param: click.Parameter, incomplete: str
) -> list[str]:
    """Shell completion: the periods that have records (of the provider given
    before, when there is one)."""
    records = _data_for_completion(ctx) / "records"
    provider = ctx.params.get("provider_id")
    chosen = ctx.params.get("providers")
    if isinstance(provider, str):
        folders = [records / provider]
    elif chosen:
        folders = [records / str(p) for p in chosen]
    else:
        folders = [records]
    try:
        periods = {p.stem for f in folders for p in f.glob("**/*.yaml")}
    except OSError:
        return []
    return sorted(p for p in periods if p.startswith(incomplete))


def ref_option(func: F) -> F:
    """``--ref REV``: read the data as committed at a git revision."""
    return click.option(
        "--ref",
        metavar="REV",
        default=None,
        help="Read the data exactly as committed at this git revision (no checkout).",
    )(func)


def data_options(func: F) -> F:
    """``--data DIR`` and ``--ref REV``: which data to read."""
    return data_option(ref_option(func))


class DayType(click.ParamType[date]):
    """A day written as YYYY-MM-DD, inside the years the data may name."""

    name = "DAY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        from scorecard.data.periods import DAY_RANGE_WORDS, FIRST_DAY, LAST_DAY

        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            message = f"{value!r} is not a day; write it as YYYY-MM-DD, e.g. 2026-11-26."
            self.fail(message, param, ctx)
        if not FIRST_DAY <= day <= LAST_DAY:
            self.fail(f"{day.isoformat()} is out of range; expected {DAY_RANGE_WORDS}.",
                      param, ctx)
        return day


DAY = DayType()

FORMATS = click.Choice(["text", "github", "json", "gitlab", "sarif"])


def failure_code(problems: Iterable[Problem]) -> int:
    """The exit code of a run that failed: 2 when the command was used wrongly (no
    such folder, revision or provider), 1 when the data has errors."""
    misused = any(p.misuse and p.severity == "error" for p in problems)
    return EXIT_USAGE if misused else EXIT_DATA


def echo_problems(problems: Iterable[Problem], fmt: str = "text") -> None:
    """Print problems to standard error (text, github) or standard output (json;
    gitlab and sarif: a report on standard output, and the text on standard error)."""
    problems = list(problems)
    if fmt == "json":
        click.echo(to_json(problems))
        return
    if fmt in ("gitlab", "sarif"):
        from scorecard import __version__
        from scorecard.data.reports import to_gitlab, to_sarif

        base = _repository_base()
        click.echo(to_gitlab(problems, base) if fmt == "gitlab"
                   else to_sarif(problems, __version__, base))
    text = format_github(problems) if fmt == "github" else format_text(problems)
    if text:
        click.echo(text, err=True)


def _repository_base() -> str:
    """The current folder relative to its git repository's root ("" at the root or
    outside a repository): reports name files from the root."""
    from scorecard.data.gitrun import repo_root

    cwd = Path.cwd()
    root = repo_root(cwd)
    if root is None:
        return ""
    try:
        rel = cwd.resolve().relative_to(root.resolve())
    except ValueError:
        return ""
    return "" if rel == Path(".") else rel.as_posix()
