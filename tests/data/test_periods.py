"""Periods and days: the calendar's edges never end in an OverflowError."""

from __future__ import annotations

from datetime import date

from scorecard.data.periods import FIRST_DAY, LAST_DAY, Period, parse_period, shift


def test_shift_moves_a_day_both_ways() -> None:
    assert shift(date(2026, 9, 30), 30) == date(2026, 10, 30)
    assert shift(date(2026, 3, 1), -1) == date(2026, 2, 28)
    assert shift(date(2028, 3, 1), -1) == date(2028, 2, 29)  # a leap year


def test_shift_stops_at_the_ends_of_the_calendar() -> None:
    # date + timedelta raises OverflowError here; shift holds the first and last day
    assert shift(date(9999, 11, 15), 3_000_000) == date.max
    assert shift(date(1, 1, 1), -1) == date.min
    assert shift(date(2026, 1, 1), -10**9) == date.min


def test_a_due_day_far_past_the_calendar_is_its_last_day() -> None:
    assert Period(9999, 4, "quarterly").due(30) == date.max
    assert Period(2026, 3, "quarterly").due(30) == date(2026, 10, 30)


def test_periods_and_days_share_the_years_1900_to_2999() -> None:
    assert FIRST_DAY.isoformat() == "1900-01-01"
    assert LAST_DAY.isoformat() == "2999-12-31"
    assert parse_period("1900-01", "monthly") == Period(1900, 1, "monthly")
    assert parse_period("2999-H2", "half-yearly") == Period(2999, 2, "half-yearly")
    assert parse_period("1899-Q4", "quarterly") is None
    assert parse_period("3000", "yearly") is None
