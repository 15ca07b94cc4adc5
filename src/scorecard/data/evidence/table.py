"""Reading a source file: only the columns the programme names, each row with its line.

CSV is read by polars (multithreaded, as text, only the wanted columns), XLSX by
python-calamine (its first sheet). No other column is ever parsed or kept: a
cell of a column the programme does not name cannot reach anything.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from typing import Any

import polars as pl

from scorecard.data.entries import MAX_SOURCE_BYTES
from scorecard.data.problems import Location, Problem, shown
from scorecard.data.schema.fields import did_you_mean


@dataclass(frozen=True)
class Table:
    """The wanted columns of one file, as text ("" for empty), and each row's line
    (worked out only when a row must be named)."""

    display: str
    columns: dict[str, pl.Series]
    count_lines: Callable[[], pl.Series] = field(repr=False, compare=False)
    rows: int = 0

    @cached_property
    def lines(self) -> pl.Series:
        return self.count_lines()

    def at(self, line: int) -> Location:
        return Location(self.display, line, 1)


def _problem(display: str, message: str, hint: str | None = None, line: int = 0) -> Problem:
    return Problem(Location(display, line, 1 if line else 0), message, hint=hint)


def _decode_header(data: bytes) -> tuple[list[str], str]:
    end = data.find(b"\n")
    first = data[: end if end >= 0 else len(data)].decode("utf-8-sig", "replace").rstrip("\r")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header = next(csv.reader([first], delimiter=delimiter), [])
    return [h.strip() for h in header], delimiter


def _missing(display: str, header: list[str], wanted: dict[str, str]) -> list[Problem]:
    problems = []
    for fld, column in wanted.items():
        if column in header:
            continue
        close = did_you_mean(column, header)
        usage = f" (the programme reads {fld} from it)" if fld != column else ""
        known = ("The file's columns are: " + ", ".join(shown(h, 30) for h in header[:12])
                 + ".") if any(header) else "The file has no header line (is it empty?)."
        problems.append(_problem(
            display, f"the file has no column named '{shown(column)}'{usage}",
            (close[:1].upper() + close[1:] + " " if close else known + " ") + "Name the file's own "
            "column under sources: ... columns: in scorecard.yaml.", line=1))
    return problems


def _line_numbers(data: bytes, rows: int, delimiter: str) -> pl.Series:
    """The line of each data row: row + 2, unless a quoted cell holds a line break."""
    newlines = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    if newlines - 1 == rows:
        return pl.int_range(2, rows + 2, eager=True)
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig", "replace"), newline=""),
                        delimiter=delimiter)
    starts: list[int] = []
    line = 1
    for _ in reader:
        starts.append(line)
        line = reader.line_num + 1
    return pl.Series(starts[1:rows + 1], dtype=pl.Int64)


Read = tuple[Table | None, list[Problem]]


def read_csv(display: str, data: bytes, wanted: dict[str, str]) -> Read:
    """The ``wanted`` columns (field -> column) of a CSV file."""
    header, delimiter = _decode_header(data)
    problems = _missing(display, header, wanted)
    if problems:
        return None, problems
    names = sorted(set(wanted.values()))
    try:
        frame = pl.read_csv(
            io.BytesIO(data), columns=names, infer_schema=False, separator=delimiter,
            encoding="utf8-lossy", truncate_ragged_lines=True, raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, ValueError, OSError) as exc:  # never a traceback
        return None, [_problem(display, "cannot read this file as CSV: "
                               f"{shown(str(exc).splitlines()[0] if str(exc) else exc, 120)}",
                               "Export it again as CSV (comma-separated, UTF-8).")]
    columns = {c: _trimmed(frame[c]) for c in names if c in frame.columns}
    return Table(display, columns, lambda: _line_numbers(data, frame.height, delimiter),
                 frame.height), []


def _trimmed(column: pl.Series) -> pl.Series:
    """Empty for a missing cell. Spaces around a value are kept here; the timestamp
    parser and ``where`` ignore them."""
    return column.fill_null("") if column.null_count() else column


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value.total_seconds() / 60)
    return str(value).strip()


def read_xlsx(display: str, data: bytes, wanted: dict[str, str]) -> Read:
    """The ``wanted`` columns of the first sheet of an XLSX workbook."""
    from python_calamine import CalamineWorkbook  # only loaded for workbooks

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except Exception as exc:  # a broken or hostile workbook: say so, never a traceback
        return None, [_problem(display, f"cannot read this file as an XLSX workbook: "
                               f"{shown(str(exc), 120)}", "Save it again from the "
                               "spreadsheet program as .xlsx, or export it as CSV.")]
    header = [_cell(h) for h in rows[0]] if rows else []
    problems = _missing(display, header, wanted)
    if problems:
        return None, problems
    names = sorted(set(wanted.values()))
    index = {c: header.index(c) for c in names}
    body = [r for r in rows[1:]]
    columns = {c: pl.Series(c, [_cell(r[i]) if i < len(r) else "" for r in body],
                            dtype=pl.String) for c, i in index.items()}
    return Table(display, columns, lambda: pl.int_range(2, len(body) + 2, eager=True),
                 len(body)), []


def read_table(display: str, name: str, data: bytes | None, size: int,
               wanted: dict[str, str]) -> Read:
    """One source file's wanted columns, or the problems that stop it being read."""
    if data is None:
        return None, [_problem(display, f"the file is {size / 1024 / 1024:.0f} MiB; source "
                               f"files over {MAX_SOURCE_BYTES // 1024 // 1024} MiB are not read",
                               "Split it, or export only the columns the programme names.")]
    if name.endswith(".xlsx"):
        return read_xlsx(display, data, wanted)
    return read_csv(display, data, wanted)
