"""Business-hours calendars: a time zone, opening hours, public holidays, closed days.

A ``BusinessClock`` counts, for any instant, the open seconds from the start of
its first day up to that instant; a duration inside business hours is the
difference of two such counts. It is worked out once per day (a small table)
and then for a whole column at once with polars, so a million rows take one
join, never a loop in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays
import polars as pl

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_GROUP = re.compile(
    r"^\s*([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
DAY_SECONDS = 86400

Week = tuple[tuple[tuple[int, int], ...], ...]  # per weekday (Monday first): (start, end) seconds


def parse_hours(text: str) -> Week | str:
    """``Mon-Fri 08:00-18:00, Sat 09:00-13:00`` as open intervals per weekday, or
    what is wrong with it (in words)."""
    week: list[list[tuple[int, int]]] = [[] for _ in DAYS]
    if not text.strip():
        return "no opening hours are given"
    for group in text.split(","):
        match = _GROUP.match(group)
        if not match:
            return f"'{group.strip()}' is not written as Mon-Fri 08:00-18:00"
        first, last = match.group(1).lower(), (match.group(2) or match.group(1)).lower()
        if first not in DAYS or last not in DAYS:
            return f"'{group.strip()}' names a day that is not one of Mon, Tue, ..., Sun"
        h1, m1, h2, m2 = (int(match.group(k)) for k in range(3, 7))
        start, end = h1 * 3600 + m1 * 60, h2 * 3600 + m2 * 60
        if m1 > 59 or m2 > 59 or end > DAY_SECONDS or start >= end:
            return f"'{group.strip()}' is not a time range within one day (00:00 to 24:00)"
        a, b = DAYS.index(first), DAYS.index(last)
        for day in range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)]:
            week[day].append((start, end))
    merged: list[tuple[tuple[int, int], ...]] = []
    for spans in week:
        spans.sort()
        out: list[tuple[int, int]] = []
        for s, e in spans:
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        merged.append(tuple(out))
    return tuple(merged)


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones()) | {"UTC"}


def zone_of(name: str) -> ZoneInfo | None:
    """The IANA zone, or None when there is no such zone."""
    if name not in known_zones():
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - listed but unreadable
        return None


@lru_cache(maxsize=64)
def holiday_problem(code: str) -> str | None:
    """What is wrong with ``NL`` or ``DE-BY`` as a holidays code, if anything (only
    that country's rules are loaded: listing every country takes seconds)."""
    country, _, subdiv = code.partition("-")
    if not country.isalpha() or len(country) not in (2, 3):
        return f"'{code}' is not a country code (ISO 3166, e.g. NL)"
    try:
        holidays.country_holidays(country.upper(), years=[])
    except NotImplementedError:
        return f"'{code}' is not a country the holidays library knows (ISO 3166 codes, e.g. NL)"
    if subdiv:
        try:
            holidays.country_holidays(country.upper(), subdiv=subdiv.upper(), years=[])
        except (NotImplementedError, ValueError):
            return f"'{code}': {country.upper()} has no subdivision '{subdiv}'"
    return None


def public_holidays(code: str, years: Iterable[int]) -> set[date]:
    country, _, subdiv = code.partition("-")
    found = holidays.country_holidays(country.upper(), subdiv=subdiv.upper() or None,
                                      years=list(years))
    return set(found.keys())


class BusinessClock:
    """Open seconds counted from ``first`` 00:00 (local) in ``zone``; days from
    ``first`` to ``last`` (instants outside count as at those ends)."""

    def __init__(self, zone: ZoneInfo, week: Week | None, closed: set[date],
                 first: date, last: date) -> None:
        self.zone, self.week, self.first, self.last = zone, week, first, last
        self.width = max((len(w) for w in week), default=0) if week else 0
        rows: dict[str, list[object]] = {"day": [], "before": []}
        for k in range(self.width):
            rows[f"s{k}"], rows[f"e{k}"] = [], []
        total, day = 0, first
        self._before: dict[date, int] = {}
        self._spans: dict[date, tuple[tuple[int, int], ...]] = {}
        while day <= last + timedelta(days=1):
            spans = () if day in closed or week is None else week[day.weekday()]
            rows["day"].append(day)
            rows["before"].append(total)
            padded = [*spans, *[(0, 0)] * (self.width - len(spans))]
            for k, (s, e) in enumerate(padded):
                rows[f"s{k}"].append(s)
                rows[f"e{k}"].append(e)
            self._before[day], self._spans[day] = total, spans
            total += sum(e - s for s, e in spans)
            day += timedelta(days=1)
        self.table = pl.DataFrame(rows).with_columns(pl.col("day").cast(pl.Date))
        self.low = int(self._local_midnight(first).timestamp())
        self.high = int(self._local_midnight(last + timedelta(days=1)).timestamp())

    def _local_midnight(self, day: date) -> datetime:
        return datetime(day.year, day.month, day.day, tzinfo=self.zone)

    def at(self, seconds: int) -> int:
        """Open seconds before the instant ``seconds`` (Unix time)."""
        seconds = min(max(seconds, self.low), self.high)
        local = datetime.fromtimestamp(seconds, self.zone)
        day = local.date()
        into = local.hour * 3600 + local.minute * 60 + local.second
        spans = self._spans.get(day, ())
        return self._before.get(day, 0) + sum(max(0, min(into, e) - s) for s, e in spans)

    def column(self, seconds: pl.Series) -> pl.Series:
        """``at`` for a whole column of Unix seconds (nulls stay null): local wall-clock
        seconds once, then whole-number arithmetic and a look-up by day."""
        clipped = seconds.clip(self.low, self.high)
        local = pl.from_epoch(clipped, time_unit="s").dt.replace_time_zone("UTC") \
            .dt.convert_time_zone(self.zone.key).dt.replace_time_zone(None).dt.epoch("s")
        day = (local // DAY_SECONDS - (self.first - date(1970, 1, 1)).days).clip(
            0, self.table.height - 1)
        into = local % DAY_SECONDS
        total = self.table["before"].gather(day)
        for k in range(self.width):
            start, end = self.table[f"s{k}"].gather(day), self.table[f"e{k}"].gather(day)
            total = total + (pl.select(pl.min_horizontal(into, end)).to_series() - start) \
                .clip(lower_bound=0)
        return total


@lru_cache(maxsize=16)
def clock_for(zone: ZoneInfo, hours: str, holiday_code: str | None, closed: Iterable[date],
              first: date, last: date) -> BusinessClock:
    """The clock of a calendar over the days ``first`` to ``last``."""
    week = parse_hours(hours)
    assert not isinstance(week, str)  # validation checked it
    shut = set(closed)
    if holiday_code:
        shut |= public_holidays(holiday_code, range(first.year, last.year + 2))
    return BusinessClock(zone, week, shut, first, last)
