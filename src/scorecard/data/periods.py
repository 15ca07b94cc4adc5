"""Evaluation periods: ``2026-07`` (monthly), ``2026-Q3``, ``2026-H2``, ``2026``."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

# The years the data may name, in periods and in days; and the days themselves.
FIRST_YEAR = 1900
LAST_YEAR = 2999
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)
DAY_RANGE_WORDS = f"a day from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days`` (back when negative), held inside the calendar
    Python knows (years 1 to 9999) instead of failing at its edges."""
    ordinal = day.toordinal() + days
    return date.fromordinal(min(max(ordinal, date.min.toordinal()), date.max.toordinal()))


Cadence = Literal["monthly", "quarterly", "half-yearly", "yearly"]
CADENCES: tuple[Cadence, ...] = get_args(Cadence)

# How many periods a year each cadence has, and how many months each lasts.
PER_YEAR: dict[Cadence, int] = {"monthly": 12, "quarterly": 4, "half-yearly": 2, "yearly": 1}

EXAMPLES: dict[Cadence, str] = {
    "monthly": "2026-07",
    "quarterly": "2026-Q3",
    "half-yearly": "2026-H2",
    "yearly": "2026",
}

_FORMS: dict[Cadence, re.Pattern[str]] = {
    "monthly": re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
    "quarterly": re.compile(r"^(\d{4})-Q([1-4])$"),
    "half-yearly": re.compile(r"^(\d{4})-H([12])$"),
    "yearly": re.compile(r"^(\d{4})$"),
}


@dataclass(frozen=True, order=True)
class Period:
    """One period of a cadence. ``index`` counts from 1 inside the year."""

    year: int
    index: int
    cadence: Cadence

    @property
    def months(self) -> int:
        return 12 // PER_YEAR[self.cadence]

    @property
    def label(self) -> str:
        if self.cadence == "monthly":
            return f"{self.year}-{self.index:02d}"
        if self.cadence == "quarterly":
            return f"{self.year}-Q{self.index}"
        if self.cadence == "half-yearly":
            return f"{self.year}-H{self.index}"
        return f"{self.year}"

    def __str__(self) -> str:
        return self.label

    @property
    def start(self) -> date:
        return date(self.year, (self.index - 1) * self.months + 1, 1)

    @property
    def end(self) -> date:
        return _end(self.year, self.index * self.months)

    def due(self, grace_days: int) -> date:
        """The day the evaluation of this period is due."""
        return shift(self.end, grace_days)

    def next(self) -> Period:
        if self.index == PER_YEAR[self.cadence]:
            return _period(self.year + 1, 1, self.cadence)
        return _period(self.year, self.index + 1, self.cadence)

    def previous(self) -> Period:
        if self.index == 1:
            return _period(self.year - 1, PER_YEAR[self.cadence], self.cadence)
        return _period(self.year, self.index - 1, self.cadence)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def describe(self) -> str:
        """The period in words: "the third quarter of 2026", "July 2026"."""
        if self.cadence == "monthly":
            return f"{calendar.month_name[self.index]} {self.year}"
        if self.cadence == "quarterly":
            nth = ("first", "second", "third", "fourth")[self.index - 1]
            return f"the {nth} quarter of {self.year}"
        if self.cadence == "half-yearly":
            nth = ("first", "second")[self.index - 1]
            return f"the {nth} half of {self.year}"
        return f"the year {self.year}"

    @property
    def noun(self) -> str:
        """What one period is called: month, quarter, half-year, year."""
        return {"monthly": "month", "quarterly": "quarter", "half-yearly": "half-year",
                "yearly": "year"}[self.cadence]


# Periods and their last days, one object each: the schedules of every provider on
# every evaluated day of a build name the same few periods (figures.issued keeps
# them all), so sharing them keeps memory in step with the documents.
@functools.cache
def _period(year: int, index: int, cadence: Cadence) -> Period:
    return Period(year, index, cadence)


@functools.cache
def _end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(text: str, cadence: Cadence) -> Period | None:
    """The period written as ``text`` in the form of ``cadence``, or None if it is not."""
    match = _FORMS[cadence].match(text)
    if not match:
        return None
    year = int(match.group(1))
    index = int(match.group(2)) if cadence != "yearly" else 1
    if year < FIRST_YEAR or year > LAST_YEAR:
        return None
    return Period(year, index, cadence)


def guess_cadence(text: str) -> Cadence | None:
    """The cadence whose form ``text`` has, if any (for error messages)."""
    for cadence in CADENCES:
        if _FORMS[cadence].match(text):
            return cadence
    return None


def period_of(day: date, cadence: Cadence) -> Period:
    """The period of ``cadence`` that holds ``day``."""
    months = 12 // PER_YEAR[cadence]
    return _period(day.year, (day.month - 1) // months + 1, cadence)
