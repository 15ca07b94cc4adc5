"""Earn-back: whether each credit is pending, earned back or final (scoring.md v1.2).

A credit for criterion C in period P is earned back when C met its target in each
of the next ``earn_back`` periods, each with a final record; a miss, a period
where C was not scored (or not in force, or did not apply) or a missing record
among them makes it final. A later period with no record is missing once its
evaluation is due (its end plus ``grace_days``) on or before the as-of day; until
then it may still come, and the credit is pending. Without ``earn_back`` in the
contract every credit is final.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from scorecard.data.credits import ServiceCredits
from scorecard.data.periods import Period
from scorecard.figures.credits import CreditItem, FinalReason, PeriodCredits, pool_outcome
from scorecard.figures.results import Evaluation

__all__ = ["item_state", "with_states"]


def item_state(
    item: CreditItem,
    period: Period,
    n: int,
    by_period: Mapping[Period, Evaluation],
    grace_days: int,
    as_of: date,
) -> CreditItem:
    """The item with its state and the period that settled it (None while pending)."""
    later = period
    for _ in range(n):
        later = later.next()
        evaluation = by_period.get(later)
        if evaluation is None:
            if later.due(grace_days) <= as_of:
                return replace(item, state="final", settled=later, why_final="no record")
            return replace(item, state="pending", settled=None)
        outcome = pool_outcome(evaluation, item.criterion.id)[1]
        if outcome is not False:
            why: FinalReason = "missed" if outcome is True else "not scored"
            return replace(item, state="final", settled=later, why_final=why)
    return replace(item, state="earned_back", settled=later)


def with_states(
    pc: PeriodCredits,
    terms: ServiceCredits,
    by_period: Mapping[Period, Evaluation],
    grace_days: int,
    as_of: date,
) -> PeriodCredits:
    if terms.earn_back is None:
        return pc
    n = terms.earn_back
    items = tuple(item_state(i, pc.period, n, by_period, grace_days, as_of) for i in pc.items)
    return replace(pc, items=items)
