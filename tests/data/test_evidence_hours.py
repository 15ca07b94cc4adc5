"""Business-hours calendars: opening hours as written, and the clock for one instant
and for a whole column agreeing."""

from __future__ import annotations

import random
from datetime import date, datetime
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from scorecard.data.evidence.hours import clock_for, holiday_problem, parse_hours

AMS = ZoneInfo("Europe/Amsterdam")


def test_opening_hours_as_written() -> None:
    week = parse_hours("Mon-Fri 08:00-18:00, Sat 09:00-13:00")
    assert not isinstance(week, str)
    assert week[0] == ((8 * 3600, 18 * 3600),) and week[5] == ((9 * 3600, 13 * 3600),)
    assert week[6] == ()
    # a range that wraps the week, and 24:00 as the end of a day
    wrap = parse_hours("Sat-Mon 00:00-24:00")
    assert not isinstance(wrap, str)
    assert [bool(d) for d in wrap] == [True, False, False, False, False, True, True]


@pytest.mark.parametrize(("text", "says"), [
    ("Mon-Fri 8-18", "is not written as Mon-Fri 08:00-18:00"),
    ("Mon-Fry 08:00-18:00", "names a day that is not one of"),
    ("Mon 18:00-08:00", "is not a time range within one day"),
    ("", "no opening hours"),
])
def test_opening_hours_that_are_wrong_say_how(text: str, says: str) -> None:
    found = parse_hours(text)
    assert isinstance(found, str) and says in found


def test_holiday_codes() -> None:
    assert holiday_problem("NL") is None and holiday_problem("DE-BY") is None
    assert "not a country the holidays library knows" in str(holiday_problem("XX"))
    assert "no subdivision 'ZZ'" in str(holiday_problem("DE-ZZ"))


def test_the_contracts_example_friday_to_monday() -> None:
    # "a ticket opened at 17:30 on a Friday, resolved at 08:45 on Monday, with office
    # hours 08:00-18:00 Mon-Fri, took 75 minutes" (scoring.md v1.2)
    clock = clock_for(AMS, "Mon-Fri 08:00-18:00", None, (), date(2026, 9, 1), date(2026, 9, 30))
    friday = int(datetime(2026, 9, 4, 17, 30, tzinfo=AMS).timestamp())
    monday = int(datetime(2026, 9, 7, 8, 45, tzinfo=AMS).timestamp())
    assert clock.at(monday) - clock.at(friday) == 75 * 60


def test_one_instant_and_a_whole_column_agree() -> None:
    # over the autumn change of the clocks (25 October 2026) and Christmas
    clock = clock_for(AMS, "Mon-Fri 08:00-18:00, Sat 10:00-12:00", "NL", (date(2026, 12, 24),),
                      date(2026, 10, 1), date(2026, 12, 31))
    rng = random.Random(3)
    low = int(datetime(2026, 9, 25, tzinfo=AMS).timestamp())
    high = int(datetime(2027, 1, 5, tzinfo=AMS).timestamp())
    instants = [rng.randrange(low, high) for _ in range(2000)]
    column = clock.column(pl.Series(instants, dtype=pl.Int64)).to_list()
    assert column == [clock.at(t) for t in instants]
    # Christmas (a Friday) and the closed 24th count nothing
    eve = int(datetime(2026, 12, 24, 8, tzinfo=AMS).timestamp())
    after = int(datetime(2026, 12, 25, 18, tzinfo=AMS).timestamp())
    assert clock.at(after) == clock.at(eve)
