"""What a computed value is: the value, where it came from, and the rows behind a miss."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property


def kept(value: float) -> float:
    """A value kept to 2 decimals, halves away from zero (scoring.md v1.2)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class EvidenceRow:
    """One row behind a miss: its id and times only, nothing else of the row."""

    criterion: str
    row_id: str
    start: str  # ISO 8601, UTC
    end: str  # "" when still open
    duration: str  # in the criterion's unit (minutes for outages), "" when none
    limit: str  # the limit or target it was judged against


@dataclass(frozen=True)
class Computed:
    """A criterion's value worked out from a source file for one record."""

    criterion: str
    value: float | None  # None: no rows counted, not scored
    operation: str
    file: str  # the file's name, e.g. tickets.csv
    path: str  # sources/<provider>/<period>/<file>, inside the data folder
    sha256: str
    rows: int  # the file's data rows
    counted: int  # the rows the figure was worked from
    noun: str = "tickets"  # what a row is: tickets, outages
    left_out: Mapping[str, int] = field(default_factory=dict)  # why -> how many
    behind: Callable[[], tuple[EvidenceRow, ...]] | None = field(
        default=None, compare=False, repr=False)  # the rows behind a miss, made when asked
    filtered: bool = False  # a `where` narrowed the rows

    @cached_property
    def misses(self) -> tuple[EvidenceRow, ...]:
        """The rows behind the figure when it missed its target (else none)."""
        return self.behind() if self.behind is not None else ()

    def provenance(self) -> dict[str, object]:
        """``source`` in data.json (outputs.md v1.2)."""
        return {"file": self.file, "sha256": self.sha256, "rows": self.rows,
                "counted": self.counted, "left_out": dict(self.left_out)}


def misses_target(value: float | None, target: float, better: str) -> bool:
    if value is None or math.isnan(target):
        return False
    return value < target if better == "higher" else value > target


def median(values: list[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def p90(values: list[float]) -> float:
    """The value at rank ceil(0.9 n), ascending."""
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]
