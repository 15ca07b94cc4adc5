"""The state a provider or team document shows: the portfolio as of its record's
``evaluated`` day (scoring.md v1.1, "Documents stay as issued").

A document for period P, evaluated on day E, shows the actions open on E (and
overdue then), the ranks among peers' evaluations known on E, and the schedule
as of E, so that a later record or action does not change it. :class:`Issued`
makes the portfolio as of such a day when asked, and scores each provider's
records once for each set of them known on some day.

A portfolio as of a day holds every provider's figures, so keeping one for each
evaluated day would cost memory in providers x days (2,000 providers x 8
quarters: over a gigabyte). :class:`Issued` keeps the few it made last; the
build asks for them day by day (``scorecard.pipeline.days``), so each is made
once in each pass over the documents.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from scorecard.data.model import Dataset
from scorecard.data.periods import Period
from scorecard.figures.compute import Scored, evaluations, provider_result, ranked_portfolio
from scorecard.figures.results import Evaluation, Portfolio

__all__ = ["Issued"]


class Issued:
    """Portfolios as of past days, the last ``keep`` of them kept. Pure but for its
    caches."""

    def __init__(self, dataset: Dataset, keep: int = 4) -> None:
        self._dataset = dataset
        self._keep = max(1, keep)
        self._days: OrderedDict[date, Portfolio] = OrderedDict()
        self._scored: dict[tuple[str, tuple[Period, ...]], tuple[Evaluation, ...]] = {}
        self._evaluated: Scored = {}  # each record's evaluation, shared by the days
        self.made = 0  # portfolios made so far: what the build's order saves

    def on(self, day: date) -> Portfolio:
        """Every figure as of ``day``, as ``compute(dataset, day)`` gives it."""
        found = self._days.get(day)
        if found is not None:
            self._days.move_to_end(day)
            return found
        found = self._days[day] = self._compute(day)
        self.made += 1
        while len(self._days) > self._keep:
            self._days.popitem(last=False)
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
                evals = self._scored[key] = evaluations(data.programme, provider, records, day,
                                                         self._evaluated)
            results.append(provider_result(data, provider, day, evals))
        return ranked_portfolio(data, results, day)
