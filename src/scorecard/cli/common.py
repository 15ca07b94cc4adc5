"""Options and output helpers shared by the commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

import click

from scorecard.data.problems import Problem, format_github, format_text, to_json

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_DATA = 1  # the data has errors, or --strict found something
EXIT_USAGE = 2  # the command was used wrongly (Click uses 2 as well)


def data_option(func: F) -> F:
    """``--data DIR``: the folder that holds the evaluation data."""
    return click.option(
        "--data",
        "data_dir",
        metavar="DIR",
        default="evaluations",
        show_default=True,
        help="The folder that holds scorecard.yaml, providers/ and records/.",
    )(func)


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

FORMATS = click.Choice(["text", "github", "json"])


def echo_problems(problems: Iterable[Problem], fmt: str = "text") -> None:
    """Print problems to standard error (text, github) or standard output (json)."""
    problems = list(problems)
    if fmt == "json":
        click.echo(to_json(problems))
        return
    text = format_github(problems) if fmt == "github" else format_text(problems)
    if text:
        click.echo(text, err=True)
