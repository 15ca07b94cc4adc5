"""INTERNAL. What changed since the last portfolio: each provider's latest score and
status now, against those of the portfolio as of the end of the previous period.

Interpretation (README, "Where the contract was silent or ambiguous"): "the last
portfolio" is the one as of the last day of the period before the one holding the
as-of day (as of 1 December 2026, quarterly: as of 30 September 2026). A provider's
state then is its latest scored evaluation with ``evaluated`` on or before that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scorecard.data.periods import period_of
from scorecard.figures.results import Evaluation, Portfolio, ProviderResult

__all__ = ["Since", "last_portfolio_day", "since_last"]


@dataclass(frozen=True)
class Since:
    result: ProviderResult
    before: Evaluation | None  # the latest scored evaluation as of the last portfolio
    now: Evaluation  # the latest scored evaluation now (newer than ``before``)


def last_portfolio_day(portfolio: Portfolio) -> date:
    """The last day of the period before the one holding the as-of day."""
    return period_of(portfolio.as_of, portfolio.programme.cadence).previous().end


def _latest_scored(result: ProviderResult, by: date | None) -> Evaluation | None:
    scored = [e for e in result.evaluations if e.overall is not None
              and (by is None or e.record.evaluated <= by)]
    return scored[-1] if scored else None


def since_last(portfolio: Portfolio) -> tuple[Since, ...]:
    """The providers with a scored evaluation newer than the last portfolio, by id."""
    day = last_portfolio_day(portfolio)
    out = []
    for result in portfolio.providers:
        now = _latest_scored(result, None)
        before = _latest_scored(result, day)
        if now is not None and now is not before:
            out.append(Since(result, before, now))
    return tuple(out)
