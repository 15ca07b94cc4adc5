"""The computations of scoring.md v1.2 on ticket rows, a whole column at a time.

``Rows`` is one file's wanted columns after checking: text columns, Unix seconds
for every time field, paused minutes. ``compute`` works one criterion's value
from it for one period.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import polars as pl

from scorecard.data.evidence.figures import Computed, EvidenceRow, kept, misses_target
from scorecard.data.evidence.hours import BusinessClock
from scorecard.data.evidence.spec import DURATION_UNITS, FromSpec, SourceSpec
from scorecard.data.evidence.table import Table

TRUE_WORDS = ("yes", "true", "1", "y")


@dataclass(frozen=True)
class Rows:
    """One source file, checked: text by column, seconds by time field."""

    spec: SourceSpec
    text: Mapping[str, pl.Series]  # by column name
    seconds: Mapping[str, pl.Series]  # by field
    paused: pl.Series | None  # minutes, 0 where empty
    table: Table
    file: str
    path: str
    sha256: str
    rows: int
    cache: dict[tuple[int, str], pl.Series] = field(default_factory=dict, compare=False)

    @property
    def lines(self) -> pl.Series:
        return self.table.lines

    def column(self, name: str) -> pl.Series:
        return self.text[self.spec.column(name)]


@dataclass(frozen=True)
class Judge:
    """What a value is judged against, for the rows behind a miss."""

    target: float
    better: str
    clock: BusinessClock | None
    start: int  # the period, Unix seconds
    end: int


def _mask(rows: Rows, frm: FromSpec, field: str, judge: Judge) -> pl.Series:
    """Rows that count: matching ``where``, their ``field`` within the period."""
    when = rows.seconds[field]
    mask = when.is_not_null() & (when >= judge.start) & (when < judge.end)
    for name, values in frm.where.items():
        wanted = [v.strip().lower() for v in values]
        mask = mask & rows.column(name).str.strip_chars().str.to_lowercase().is_in(wanted)
    return mask


def _open(rows: Rows, judge: Judge, name: str) -> pl.Series:
    """The field's whole column counted on the judge's clock: worked out once per
    calendar and field, for every criterion that asks."""
    if judge.clock is None:
        return rows.seconds[name]
    key = (id(judge.clock), name)
    if key not in rows.cache:
        rows.cache[key] = judge.clock.column(rows.seconds[name])
    return rows.cache[key]


def _minutes(rows: Rows, frm: FromSpec, judge: Judge, mask: pl.Series) -> pl.DataFrame:
    """The counted rows: id, line, from, to, and minutes (to the period's end if open)."""
    start = rows.seconds[frm.start].filter(mask)
    end = rows.seconds[frm.end].filter(mask)
    still_open = end.is_null()
    period_end = judge.clock.at(judge.end) if judge.clock is not None else judge.end
    until = _open(rows, judge, frm.end).filter(mask).fill_null(period_end)
    minutes = (until - _open(rows, judge, frm.start).filter(mask)).cast(pl.Float64) / 60
    if rows.paused is not None:
        minutes = minutes - rows.paused.filter(mask)
    return pl.DataFrame({
        "id": rows.column("id").filter(mask) if "id" in rows.spec.columns else
        rows.lines.filter(mask).cast(pl.String),
        "start": start, "end": end, "open": still_open,
        "minutes": minutes.clip(lower_bound=0.0),
    })


def _stamps(seconds: pl.Expr) -> pl.Expr:
    return pl.from_epoch(seconds, time_unit="s").dt.strftime("%Y-%m-%dT%H:%M:%SZ").fill_null("")


def _amount(minutes: pl.Expr, scale: float) -> pl.Expr:
    """A duration kept to 2 decimals (halves up; durations are never negative), as text."""
    kept_ = ((minutes / scale) * 100 + 0.5 + 1e-9).floor() / 100
    whole = kept_.cast(pl.Int64, strict=False).cast(pl.String)
    return pl.when(kept_ == kept_.floor()).then(whole).otherwise(kept_.cast(pl.String)) \
        .fill_null("")


def _stamp(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


Worked = tuple[float | None, int, dict[str, int], pl.DataFrame]  # value, counted, left out, misses


def _evidence(frm: FromSpec, picked: pl.DataFrame, scale: float, limit: str
              ) -> tuple[EvidenceRow, ...]:
    picked = picked.sort("start")
    cols = picked.select(
        pl.col("id").cast(pl.String), _stamps(pl.col("start")),
        _stamps(pl.col("end")) if "end" in picked.columns else pl.lit("").alias("end"),
        _amount(pl.col("minutes"), scale) if "minutes" in picked.columns
        else pl.lit("").alias("minutes"))
    return tuple(EvidenceRow(frm.criterion, i, s, e, d, limit)
                 for i, s, e, d in cols.iter_rows())


def _share_within(frm: FromSpec, frame: pl.DataFrame) -> Worked:
    limit = frm.limit if frm.limit is not None else math.inf
    over = frame["minutes"] > limit
    left = frame.filter(frame["open"] & ~over)
    counted = frame.filter(~(frame["open"] & ~over))
    n = counted.height
    within = int((counted["minutes"] <= limit).sum())
    value = 100.0 * within / n if n else None
    return value, n, ({"still open": left.height} if left.height else {}), \
        counted.filter(counted["minutes"] > limit)


def _duration(frm: FromSpec, frame: pl.DataFrame, judge: Judge) -> Worked:
    scale = DURATION_UNITS.get(frm.unit, 1.0)
    done = frame.filter(~frame["open"])
    still = frame.height - done.height
    values = done["minutes"] / scale
    n = done.height
    value: float | None = None
    if n:
        if frm.operation == "median":
            value = float(values.median())  # type: ignore[arg-type]
        elif frm.operation == "mean":
            value = float(values.mean())  # type: ignore[arg-type]
        elif frm.operation == "max":
            value = float(values.max())  # type: ignore[arg-type]
        else:  # p90: the value at rank ceil(0.9 n), ascending
            value = float(values.sort()[math.ceil(0.9 * n) - 1])
    worse = values < judge.target if judge.better == "higher" else values > judge.target
    return value, n, ({"still open": still} if still else {}), done.filter(worse)


def compute(rows: Rows, frm: FromSpec, judge: Judge) -> Computed:
    """One criterion's value for one period, from a tickets file."""
    first = frm.start if frm.operation not in ("count", "share_true") else "opened"
    mask = _mask(rows, frm, first, judge)
    scale = DURATION_UNITS.get(frm.unit, 1.0)
    left: dict[str, int] = {}
    limit = ""
    value: float | None
    if frm.operation == "count":
        frame = _minutes_free(rows, mask)
        value, n, behind = float(frame.height), frame.height, frame
    elif frm.operation == "share_true":
        frame = _minutes_free(rows, mask)
        yes = rows.column(frm.flag).filter(mask).str.strip_chars().str.to_lowercase() \
            .is_in(TRUE_WORDS)
        n = frame.height
        value = 100.0 * int(yes.sum()) / n if n else None
        behind = frame.filter(~yes)
    elif frm.operation == "share_within":
        frame = _minutes(rows, frm, judge, mask)
        value, n, left, behind = _share_within(frm, frame)
        limit = frm.limit_text
    else:
        frame = _minutes(rows, frm, judge, mask)
        value, n, left, behind = _duration(frm, frame, judge)
        limit = f"{judge.target:g} {frm.unit}"
    value = None if value is None else kept(value)
    missed = misses_target(value, judge.target, judge.better)
    rows_behind = (lambda: _evidence(frm, behind, scale, limit)) if missed else None
    return Computed(frm.criterion, value, frm.operation, rows.file, rows.path, rows.sha256,
                    rows.rows, n, "tickets", left, rows_behind, bool(frm.where))


def _minutes_free(rows: Rows, mask: pl.Series) -> pl.DataFrame:
    ids = rows.column("id") if "id" in rows.spec.columns else rows.lines.cast(pl.String)
    return pl.DataFrame({"id": ids.filter(mask), "start": rows.seconds["opened"].filter(mask)})
