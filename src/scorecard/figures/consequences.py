"""What a contract gives in return for missed targets, for one provider as of a day:
service credits (shared with the provider) and termination rights (INTERNAL).

The entry points of ``credits``, ``earnback`` and ``termination``. A provider or
team document for period P passes the figures as of its record's ``evaluated``
day (documents stay as issued, scoring.md v1.1); the portfolio, ``due`` and
``data.json`` those as of the build's day.
"""

from __future__ import annotations

from datetime import date

from scorecard.data.model import Programme
from scorecard.figures.credits import Credits, period_credits
from scorecard.figures.earnback import with_states
from scorecard.figures.results import ProviderResult
from scorecard.figures.termination import TerminationRight, rights

__all__ = ["credits_of", "rights_of"]


def credits_of(programme: Programme, result: ProviderResult, as_of: date) -> Credits | None:
    """The provider's service credits as of ``as_of`` (its evaluations known that day);
    None when its contract has no ``service_credits``."""
    terms = result.provider.service_credits
    if terms is None:
        return None
    evaluations = tuple(e for e in result.evaluations if e.record.evaluated <= as_of)
    by_period = {e.period: e for e in evaluations}
    periods = tuple(with_states(pc, terms, by_period, programme.grace_days, as_of)
                    for pc in period_credits(programme, terms, evaluations))
    return Credits(terms, result.cadence, as_of, periods)


def rights_of(programme: Programme, result: ProviderResult,
              as_of: date) -> tuple[TerminationRight, ...]:
    """INTERNAL: the provider's termination rights as of ``as_of`` (none without rules)."""
    found = credits_of(programme, result, as_of)
    if found is None:
        return ()
    evaluations = tuple(e for e in result.evaluations if e.record.evaluated <= as_of)
    return rights(programme, found, evaluations, as_of)
