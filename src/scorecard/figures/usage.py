"""INTERNAL: contracted services we pay for and have not used for a year (scoring.md v1.1)."""

from __future__ import annotations

from datetime import date

from scorecard.data.periods import Period, period_of, shift
from scorecard.figures.results import ProviderResult, UnusedService

__all__ = ["YEAR_DAYS", "last_year", "unused_for_a_year"]

YEAR_DAYS = 365


def last_year(result: ProviderResult, as_of: date) -> tuple[Period, ...]:
    """The provider's periods that ended in the 365 days up to ``as_of``, oldest first.

    Interpretation: "in the 365 days up to D" is the days D - 364 to D, so a
    quarterly provider has four such periods, a monthly one twelve, a
    half-yearly one two.
    """
    since = shift(as_of, -YEAR_DAYS)
    periods: list[Period] = []
    period = period_of(as_of, result.cadence)
    while period.end > since:
        if period.end <= as_of:
            periods.append(period)
        period = period.previous()
    return tuple(reversed(periods))


def _last_used(result: ProviderResult, service_id: str) -> Period | None:
    for evaluation in reversed(result.evaluations):
        used = evaluation.record.services_used
        if used is not None and service_id in used:
            return evaluation.period
    return None


def unused_for_a_year(result: ProviderResult, as_of: date) -> tuple[UnusedService, ...]:
    """Contracted services no record names in ``services_used`` over the last year.

    Only when every period of that year has a record (evaluated by ``as_of``)
    that records ``services_used``; otherwise nothing is claimed.
    """
    year = last_year(result, as_of)
    if not year or not result.provider.services:
        return ()
    used: set[str] = set()
    for period in year:
        evaluation = result.evaluation(period)
        if evaluation is None or evaluation.record.services_used is None:
            return ()
        used.update(evaluation.record.services_used)
    return tuple(
        UnusedService(s, s.annual_value, _last_used(result, s.id))
        for s in result.provider.services
        if s.id not in used
    )
