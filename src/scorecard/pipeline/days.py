"""The order a build works through its documents in: day by day.

A provider or team document shows the portfolio as of its record's evaluated
day (``scorecard.figures.issued``), and only the last few such portfolios are
kept. Stamping the documents' provenance and rendering them in the order of
those days, not of providers, makes each day's portfolio once per pass, and
keeps memory flat however many providers and periods there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from scorecard.figures.results import Portfolio

__all__ = ["by_day", "evaluated_day"]


def evaluated_day(portfolio: Portfolio, provider: str | None, period: str | None
                  ) -> date | None:
    """The evaluated day of ``provider``'s record for ``period`` in ``portfolio``:
    the day its provider and team documents are as of (None: there is none)."""
    result = portfolio.provider(provider) if provider is not None else None
    for evaluation in result.evaluations if result is not None else ():
        if evaluation.period.label == period:
            return evaluation.record.evaluated
    return None


def _day(portfolio: Portfolio, doc: Any) -> date:
    """The day a document's figures are as of (the portfolio's for the others)."""
    day = None
    if doc.audience in ("provider", "team"):
        day = evaluated_day(portfolio, doc.provider, doc.period)
    return day if day is not None else portfolio.as_of


def by_day(planned: Sequence[Any], portfolio: Portfolio) -> list[int]:
    """The indices of ``planned``, day by day; in plan order within a day."""
    return sorted(range(len(planned)), key=lambda i: _day(portfolio, planned[i]))
