"""Numbers, days, counts and lists in words: the pieces every sentence is made of.

Measured values are written as in the data, with their unit ("42 minutes",
"99.95%"); days as "30 September 2026", whatever the locale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from scorecard.figures.rounding import round_half_away

__all__ = [
    "count_word",
    "counted",
    "day_words",
    "days_counted",
    "days_from_now",
    "gap_text",
    "is_percent",
    "join_words",
    "noun_form",
    "number_text",
    "ordinal",
    "percentage_points",
    "value_text",
]

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
_COUNT_WORDS = (
    "No", "One", "Two", "Three", "Four", "Five", "Six",
    "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
)
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def day_words(day: date) -> str:
    """A day in words: ``30 September 2026`` (no leading zero, no locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def join_words(items: Sequence[str]) -> str:
    """``a``; ``a and b``; ``a, b and c``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def count_word(n: int) -> str:
    """A count that starts a sentence: "One" to "Twelve", else digits ("No" for 0)."""
    return _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)


def noun_form(n: int, singular: str, plural: str | None = None) -> str:
    """The noun for a count: ``day`` for 1, ``days`` otherwise (or ``plural``)."""
    return singular if n == 1 else (plural or singular + "s")


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``1 day``, ``2 days``."""
    return f"{n} {noun_form(n, singular, plural)}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd``."""
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"


def number_text(x: float) -> str:
    """A number as written in the data: ``42``, ``99.95`` (no trailing ``.0``)."""
    if math.isfinite(x) and x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x))


def _decimals(x: float) -> int:
    text = number_text(x)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def is_percent(unit: str) -> bool:
    """A unit in percent: ``%`` or one that starts with it (``% over budget``)."""
    return unit.startswith("%")


def value_text(value: float, unit: str) -> str:
    """A measured value with its unit: ``99.95%``, ``2.5% over budget``, ``42 minutes``,
    ``1 minute``."""
    number = number_text(value)
    if is_percent(unit):
        return f"{number}{unit}"
    if not unit:
        return number
    if value == 1 and unit.endswith("s") and len(unit) > 2 and unit not in ("ms",):
        unit = unit[:-1]
    return f"{number} {unit}"


def gap_text(value: float, target: float, unit: str) -> str:
    """How far ``value`` is from ``target``, in the unit people use.

    The gap is rounded to the decimals written in the data (99.9 - 99.2 is 0.7,
    not 0.7000000000000028); a gap in percent (``%``, ``% over budget``) is in
    percentage points.
    """
    digits = max(_decimals(value), _decimals(target))
    gap = round_half_away(abs(value - target), digits)
    if is_percent(unit):
        return percentage_points(gap)
    return value_text(gap, unit)


def days_counted(days: int, since: date) -> str:
    """How far off a day is, naming the day it is counted from (outputs.md v1.2: a
    count of days names the day it counts from): ``That is 65 days after 6 October
    2026, the day these figures are as of.``"""
    origin = f"{day_words(since)}, the day these figures are as of"
    if days == 0:
        return f"That is {day_words(since)}: the day these figures are as of."
    if days > 0:
        return f"That is {counted(days, 'day')} after {origin}."
    return f"That was {counted(-days, 'day')} before {origin}."


def percentage_points(gap: float) -> str:
    """A gap between two percentages: ``15 percentage points``, ``1 percentage point``.
    "points" alone means points of a score (words.glossary)."""
    return f"{number_text(gap)} {noun_form(1 if gap == 1 else 2, 'percentage point')}"



def days_from_now(days: int) -> str:
    """How far off a day is: ``That is today.``, ``That is 65 days from now.``."""
    if days == 0:
        return "That is today."
    if days == 1:
        return "That is tomorrow."
    if days > 0:
        return f"That is {days} days from now."
    return f"That was {counted(-days, 'day')} ago."
