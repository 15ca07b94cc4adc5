"""The state a provider or team document shows: the portfolio as of its record's
``evaluated`` day (scoring.md v1.1, "Documents stay as issued").

A document for period P, evaluated on day E, shows the actions open on E (and
overdue then), the ranks among peers' evaluations known on E, and the schedule
as of E, so that a later record or action does not change it. :class:`Issued`
makes the portfolio as of each such day once, and scores each provider's
records once for each set of them known on some day.
"""

from __future__ import annotations

from datetime import date

from scorecard.data.model import Dataset
from scorecard.data.periods import Period
from scorecard.figures.compute import evaluations, provider_result, ranked_portfolio
from scorecard.figures.results import Evaluation, Portfolio

__all__ = ["Issued"]


class Issued:
    """Portfolios as of past days, each computed once. Pure but for its cache."""

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._days: dict[date, Portfolio] = {}
        self._scored: dict[tuple[str, tuple[Period, ...]], tuple[Evaluation, ...]] = {}

    def on(self, day: date) -> Portfolio:
        """Every figure as of ``day``, as ``compute(dataset, day)`` gives it."""
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = self._compute(day)
        return found

    def _compute(self, day: date) -> Portfolio:
        data = self._dataset
        results = []
        for pid in sorted(data.providers):
            provider = data.providers[pid]
            records = data.records.get(pid, ())
            known = tuple(r.period for r in records if r.evaluated <= day)
            key = (pid, known)
            evals = self._scored.get(key)
            if evals is None:
                evals = self._scored[key] = evaluations(data.programme, provider, records, day)
            results.append(provider_result(data, provider, day, evals))
        return ranked_portfolio(data, results, day)
