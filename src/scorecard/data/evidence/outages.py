"""Availability from a list of outages (scoring.md v1.2).

T is the period's minutes (with a calendar, only its open minutes); M the
minutes of planned outages within T; D those of unplanned outages within T and
outside planned ones, overlaps merged, each clipped to the period.
Availability = 100 x (T - M - D) / (T - M).
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from scorecard.data.evidence.compute import TRUE_WORDS, Judge, Rows, _stamp
from scorecard.data.evidence.figures import Computed, EvidenceRow, kept, misses_target
from scorecard.data.evidence.spec import FromSpec

Span = tuple[int, int]


def merged(spans: list[Span]) -> list[Span]:
    """The union of ``spans`` as sorted, disjoint spans."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif end > start:
            out.append((start, end))
    return out


def minus(spans: list[Span], holes: list[Span]) -> list[Span]:
    """``spans`` (disjoint) less ``holes`` (disjoint, sorted)."""
    out: list[Span] = []
    for start, end in spans:
        cursor = start
        for h0, h1 in holes:
            if h1 <= cursor or h0 >= end:
                continue
            if h0 > cursor:
                out.append((cursor, h0))
            cursor = max(cursor, h1)
        if cursor < end:
            out.append((cursor, end))
    return out


def _measure(spans: list[Span], opened: Callable[[int], int]) -> int:
    return sum(opened(e) - opened(s) for s, e in spans)


def availability(rows: Rows, frm: FromSpec, judge: Judge) -> Computed:
    """The period's availability from an outages file."""
    start, end = rows.seconds["start"], rows.seconds["end"].fill_null(judge.end)
    mask = start.is_not_null() & (start < judge.end) & (end > judge.start)
    for name, values in frm.where.items():
        mask = mask & rows.column(name).str.strip_chars().str.to_lowercase().is_in(
            [v.strip().lower() for v in values])
    planned = (rows.column("planned").str.strip_chars().str.to_lowercase().is_in(TRUE_WORDS)
               if "planned" in rows.spec.columns else pl.Series([False] * rows.rows))
    ids = rows.column("id") if "id" in rows.spec.columns else \
        ("line " + rows.lines.cast(pl.String))
    frame = pl.DataFrame({"id": ids, "start": start.clip(judge.start, judge.end),
                          "end": end.clip(judge.start, judge.end), "planned": planned,
                          "raw_start": start, "raw_end": rows.seconds["end"]}).filter(mask)
    clock = judge.clock
    opened: Callable[[int], int] = clock.at if clock is not None else (lambda s: s)
    plan = merged([(r[0], r[1]) for r in frame.filter(pl.col("planned"))
                  .select("start", "end").iter_rows()])
    down_rows = frame.filter(~pl.col("planned"))
    down = minus(merged([(r[0], r[1]) for r in down_rows.select("start", "end").iter_rows()]),
                 plan)
    total = opened(judge.end) - opened(judge.start)
    m, d = _measure(plan, opened), _measure(down, opened)
    value = kept(100.0 * (total - m - d) / (total - m)) if total - m > 0 else None
    misses: tuple[EvidenceRow, ...] = ()
    if misses_target(value, judge.target, judge.better):  # outages are few: made now
        misses = tuple(
            EvidenceRow(frm.criterion, str(r["id"]), _stamp(r["raw_start"]), _stamp(r["raw_end"]),
                        f"{kept(_measure(minus([(r['start'], r['end'])], plan), opened) / 60):g}",
                        f"{judge.target:g} {frm.unit}")
            for r in down_rows.sort("start").iter_rows(named=True))
    return Computed(frm.criterion, value, "availability", rows.file, rows.path, rows.sha256,
                    rows.rows, frame.height, "outages", {},
                    (lambda: misses) if misses else None, bool(frm.where))
