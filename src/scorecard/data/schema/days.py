"""The field kinds for days and periods, with the years the data may name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from scorecard.data.periods import (
    DAY_RANGE_WORDS,
    FIRST_DAY,
    FIRST_YEAR,
    LAST_DAY,
    LAST_YEAR,
    guess_cadence,
)
from scorecard.data.problems import shown
from scorecard.data.schema.fields import Checker, Spec, found
from scorecard.data.yaml.document import INVALID

ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The days the data may name: years 1900 to 2999 (as for periods), for editors.
DAY_PATTERN = r"^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$"
DAY_FIX = "Check the year."


@dataclass(frozen=True)
class Day(Spec):
    """A calendar day from FIRST_DAY to LAST_DAY: a YAML date, or the same in quotes.
    ``fix`` is the likely fix for a day outside that range."""

    fix: str = DAY_FIX

    def expect(self) -> str:
        return "a day written as YYYY-MM-DD"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, datetime):
            ctx.error(path, f"expected {self.expect()}, found {found(value, ctx.raw(path))}",
                      "Leave out the time of day.")
            return INVALID
        if isinstance(value, str) and ISO_DAY_RE.match(value.strip()):
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                ctx.error(path, f"{shown(value.strip())} is not a real day")
                return INVALID
        if not isinstance(value, date):
            return ctx.wrong(path, self, value)
        if not FIRST_DAY <= value <= LAST_DAY:
            ctx.error(path, f"expected {DAY_RANGE_WORDS}, found {found(value)}", self.fix)
            return INVALID
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": DAY_PATTERN}


PERIOD_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$"


@dataclass(frozen=True)
class PeriodText(Spec):
    """A period label in any cadence's form; ``2026`` may be written as a number."""

    def expect(self) -> str:
        return "a period such as 2026-Q3, 2026-07, 2026-H2 or 2026"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) \
                and FIRST_YEAR <= value <= LAST_YEAR:
            return str(value)
        if isinstance(value, str) and guess_cadence(value) is not None:
            return value
        if isinstance(value, str):
            ctx.error(path, f"expected {self.expect()}, found {found(value)}")
            return INVALID
        return ctx.wrong(path, self, value)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "pattern": PERIOD_PATTERN},
                          {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}]}
