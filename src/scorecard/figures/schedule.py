"""Which evaluations were expected as of a day, and which are overdue or were late."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from scorecard.data.model import Contract, Record
from scorecard.data.periods import Cadence, Period, period_of
from scorecard.figures.results import Schedule

__all__ = ["expected_periods", "first_period", "last_due_period", "schedule"]


def first_period(
    cadence: Cadence, contract: Contract | None, records: Sequence[Record],
    evaluated_from: Period | None = None,
) -> Period | None:
    """The first period evaluations are expected for: the one holding
    ``contract.start``, else the earliest record's period, else None; never one
    before ``evaluated_from`` (v1.2: the provider adopted the tool then)."""
    first: Period | None = None
    if contract is not None and contract.start is not None:
        first = period_of(contract.start, cadence)
    elif records:
        first = min(r.period for r in records)
    if evaluated_from is None:
        return first
    return evaluated_from if first is None else max(first, evaluated_from)


def last_due_period(cadence: Cadence, grace_days: int, as_of: date) -> Period:
    """The last period whose due day (end + grace_days) is on or before ``as_of``."""
    period = period_of(as_of, cadence)
    while period.due(grace_days) > as_of:
        period = period.previous()
    return period


def _after_contract(period: Period, contract: Contract | None) -> bool:
    # Interpretation: no evaluations are expected for periods that start after the
    # contract ended.
    return contract is not None and contract.end is not None and period.start > contract.end


def expected_periods(
    cadence: Cadence,
    grace_days: int,
    as_of: date,
    contract: Contract | None,
    records: Sequence[Record],
    evaluated_from: Period | None = None,
) -> tuple[Period, ...]:
    """Every period from the first (see ``first_period``) to the last one due by
    ``as_of``; and, when the contract ended before ``as_of``, no later than the
    period holding its end."""
    start = first_period(cadence, contract, records, evaluated_from)
    if start is None:
        return ()
    last = last_due_period(cadence, grace_days, as_of)
    if contract is not None and contract.end is not None and contract.end < as_of:
        last = min(last, period_of(contract.end, cadence))
    periods: list[Period] = []
    period = start
    while period <= last:
        periods.append(period)
        period = period.next()
    return tuple(periods)


def schedule(
    cadence: Cadence,
    grace_days: int,
    as_of: date,
    contract: Contract | None,
    records: Sequence[Record],
    evaluated_from: Period | None = None,
) -> Schedule:
    """The schedule as of ``as_of``. ``records``: the provider's records; those
    evaluated after ``as_of`` are left out (they did not exist yet). Periods before
    ``evaluated_from`` are never expected, overdue or late."""
    present = [r for r in records if r.evaluated <= as_of
               and (evaluated_from is None or r.period >= evaluated_from)]
    recorded = {r.period for r in present}
    expected = expected_periods(cadence, grace_days, as_of, contract, present, evaluated_from)
    overdue = tuple(p for p in expected if p not in recorded)
    late = tuple(
        sorted(r.period for r in present if r.evaluated > r.period.due(grace_days))
    )
    start = first_period(cadence, contract, present, evaluated_from)
    next_period: Period | None = None
    if start is not None:
        # Interpretation: the first period after the last expected one (or the first
        # period itself when none is expected yet) that has no record.
        candidate = expected[-1].next() if expected else start
        while candidate in recorded:
            candidate = candidate.next()
        if not _after_contract(candidate, contract):
            next_period = candidate
    return Schedule(
        expected=expected,
        overdue=overdue,
        late=late,
        next_period=next_period,
        next_due=next_period.due(grace_days) if next_period is not None else None,
    )
