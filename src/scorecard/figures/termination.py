"""INTERNAL: termination rights, as of a day (scoring.md v1.2, "Service credits (as of D)").

A ``criterion`` rule holds when, among the provider's periods that ended on or
before D, some ``within`` consecutive periods of its cadence hold at least
``misses`` misses of it; an ``at_cap`` rule likewise with periods whose credits
reached the at-risk amount. A period with no record holds no miss.

While a rule does not hold, its distance (``misses_to_hold``) is the fewest
further misses, in the periods after the latest one evaluated, that would make it
hold; ``by`` is the last period by which that many misses still would (every later
period up to ``by`` lies in one window with the misses already counted).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from scorecard.data.credits import TerminationRule
from scorecard.data.model import Criterion, Programme
from scorecard.data.periods import Period
from scorecard.figures.credits import Credits, pool_outcome
from scorecard.figures.results import Evaluation

__all__ = ["TerminationRight", "rights", "shift_period"]


@dataclass(frozen=True)
class TerminationRight:
    """INTERNAL: one termination rule as of a day."""

    rule: TerminationRule
    criterion: Criterion | None  # None: an at-cap rule
    holds: bool
    periods: tuple[Period, ...]  # holds: the counted periods of the first window that holds;
    #                              else: those counted in the latest window
    first: Period | None  # holds: the first and last period counted in that window
    last: Period | None
    misses_to_hold: int | None  # None when it holds
    by: Period | None  # the last period by which misses_to_hold more misses give the right


def shift_period(period: Period, n: int) -> Period:
    for _ in range(abs(n)):
        period = period.next() if n > 0 else period.previous()
    return period


def _hits(rule: TerminationRule, evaluations: tuple[Evaluation, ...], credits: Credits,
          as_of: date) -> list[Period]:
    """The periods that ended on or before ``as_of`` and count for the rule, oldest first."""
    if rule.criterion is None:
        return [pc.period for pc in credits.periods if pc.at_cap and pc.period.end <= as_of]
    return [e.period for e in evaluations
            if e.period.end <= as_of and pool_outcome(e, rule.criterion)[1] is True]


def _window(hits: list[Period], first: Period, within: int) -> list[Period]:
    last = shift_period(first, within - 1)
    return [h for h in hits if first <= h <= last]


def _holding(rule: TerminationRule, hits: list[Period]) -> list[Period] | None:
    """The first window (as its counted periods) that holds, or None."""
    for h in hits:
        inside = _window(hits, h, rule.within)
        if len(inside) >= rule.count:
            return inside
    return None


def _distance(rule: TerminationRule, hits: list[Period],
              latest: Period) -> tuple[int, Period, tuple[Period, ...]]:
    """The fewest further misses that make the rule hold, by which period, and the
    misses counted in the latest window (the one ending at ``latest``)."""
    best: tuple[int, Period] | None = None
    for k in range(1, rule.within + 1):
        first = shift_period(latest, k - rule.within + 1)
        need = rule.count - len(_window(hits, first, rule.within))
        if need <= k and (best is None or need <= best[0]):
            best = (need, shift_period(latest, k))
    assert best is not None  # k = within leaves every slot free: need <= count <= within
    counted = tuple(_window(hits, shift_period(latest, 1 - rule.within), rule.within))
    return best[0], best[1], counted


def rights(
    programme: Programme,
    credits: Credits,
    evaluations: tuple[Evaluation, ...],
    as_of: date,
) -> tuple[TerminationRight, ...]:
    """Every termination rule of the contract, as of ``as_of``, in the contract's order."""
    done = []
    ended = [e.period for e in evaluations if e.period.end <= as_of]
    for rule in credits.terms.termination:
        criterion = programme.criterion(rule.criterion) if rule.criterion else None
        hits = _hits(rule, evaluations, credits, as_of)
        holding = _holding(rule, hits)
        if holding is not None:
            done.append(TerminationRight(rule, criterion, True, tuple(holding), holding[0],
                                         holding[-1], None, None))
            continue
        if not ended:
            done.append(TerminationRight(rule, criterion, False, (), None, None, rule.count,
                                         None))
            continue
        need, by, counted = _distance(rule, hits, max(ended))
        done.append(TerminationRight(rule, criterion, False, counted, None, None, need, by))
    return tuple(done)
