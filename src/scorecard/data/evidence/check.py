"""Checking a source file's rows, every bad row at its line, all in one pass.

Bad rows: a timestamp that does not parse, a ``to`` before its ``from``, a
second row with one ``id``, a required field left empty, a ``paused`` that is
not a number of minutes. A file with millions of bad rows does not give
millions of lines: the first ``SHOWN_ROWS`` of each kind are listed, then one
line says how many more there are.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from scorecard.data.evidence.compute import Rows
from scorecard.data.evidence.spec import REQUIRED, TIME_FIELDS, SourceSpec
from scorecard.data.evidence.stamps import bad, to_seconds
from scorecard.data.evidence.table import Table
from scorecard.data.problems import Location, Problem, shown

SHOWN_ROWS = 20
PAIRS = (("opened", "responded"), ("opened", "resolved"), ("start", "end"))


def _located(table: Table, which: pl.Series, message: str, hint: str,
             values: pl.Series | None = None) -> list[Problem]:
    if not which.any():
        return []
    lines = table.lines.filter(which)
    picked = values.filter(which) if values is not None else None
    out = []
    for k, line in enumerate(lines.head(SHOWN_ROWS).to_list()):
        text = message.format(value=shown(picked[k]) if picked is not None else "")
        out.append(Problem(table.at(line), text, hint=hint))
    more = lines.len() - SHOWN_ROWS
    if more > 0:
        out.append(Problem(Location(table.display), f"{more} more rows like the ones above: "
                           + message.format(value="…"), hint=hint))
    return out


def _times(table: Table, spec: SourceSpec, fields: Iterable[str]
           ) -> tuple[dict[str, pl.Series], list[Problem]]:
    seconds: dict[str, pl.Series] = {}
    problems: list[Problem] = []
    for fld in fields:
        column = spec.column(fld)
        text = table.columns[column]
        seconds[fld] = to_seconds(text, spec.timezone, spec.day_first)
        form = "2026-09-01 08:15 or 01/09/2026 08:15" if spec.day_first else \
            "ISO 8601, such as 2026-09-01 08:15 or 2026-09-01T08:15:00Z"
        problems += _located(
            table, bad(text, seconds[fld]),
            f"'{{value}}' in the column '{shown(column)}' ({fld}) is not a date and time",
            f"Write it as {form}" + ("" if spec.day_first else
                                    "; for 03/10/2026 set day_first: true in the source") + ".",
            text)
    return seconds, problems


def _order(table: Table, spec: SourceSpec, seconds: dict[str, pl.Series]) -> list[Problem]:
    problems: list[Problem] = []
    for first, then in PAIRS:
        if first in seconds and then in seconds:
            wrong = (seconds[then] < seconds[first]).fill_null(False)
            problems += _located(
                table, wrong, f"{then} ({shown(spec.column(then))}) is before {first} "
                f"({shown(spec.column(first))})",
                "Check the row in the export: a time cannot run backwards.")
    return problems


def _required(table: Table, spec: SourceSpec) -> list[Problem]:
    problems: list[Problem] = []
    for fld in REQUIRED[spec.kind]:
        if fld == "end":
            continue  # an outage without an end is still going on
        column = spec.column(fld)
        if column in table.columns:
            problems += _located(table, table.columns[column] == "",
                                 f"the column '{shown(column)}' ({fld}) is empty in this row",
                                 f"Every row needs its {fld}.")
    return problems


def _duplicates(table: Table, spec: SourceSpec) -> list[Problem]:
    column = spec.column("id")
    if "id" not in spec.columns or column not in table.columns:
        return []
    ids = table.columns[column]
    given = ids.filter(ids != "")
    if given.n_unique() == given.len():  # the usual case, found cheaply
        return []
    frame = pl.DataFrame({"id": ids, "line": table.lines})
    first = frame.filter(pl.col("id") != "").group_by("id", maintain_order=True) \
        .agg(pl.col("line").min().alias("first"))
    joined = frame.join(first, on="id", how="left", maintain_order="left")
    again = (joined["line"] != joined["first"]).fill_null(False)
    firsts = joined["first"].cast(pl.String)
    return _located(table, again, f"a second row with the {spec.column('id')} '{{value}}'",
                    "Each row's id must be unique; remove the repeated row.",
                    ids + " (first on line " + firsts + ")")


def _paused(table: Table, spec: SourceSpec) -> tuple[pl.Series | None, list[Problem]]:
    if "paused" not in spec.columns or spec.column("paused") not in table.columns:
        return None, []
    text = table.columns[spec.column("paused")]
    minutes = text.str.replace(",", ".").cast(pl.Float64, strict=False)
    wrong = ((text != "") & minutes.is_null()) | (minutes < 0).fill_null(False)
    problems = _located(table, wrong, f"'{{value}}' in the column "
                        f"'{shown(spec.column('paused'))}' is not a number of minutes",
                        "Write the paused time in minutes, e.g. 45, or leave it empty.", text)
    return minutes.fill_null(0.0).clip(lower_bound=0.0), problems


def prepare(table: Table, spec: SourceSpec, path: str, sha256: str,
            fields: set[str]) -> tuple[Rows, list[Problem]]:
    """The file's rows ready to compute from, and every bad row."""
    time_fields = sorted(f for f in fields if f in TIME_FIELDS
                         and spec.column(f) in table.columns)
    seconds, problems = _times(table, spec, time_fields)
    problems += _required(table, spec) + _order(table, spec, seconds) + _duplicates(table, spec)
    paused, found = _paused(table, spec)
    problems += found
    rows = Rows(spec, table.columns, seconds, paused, table, path.rsplit("/", 1)[-1],
                path, sha256, table.rows)
    return rows, problems
