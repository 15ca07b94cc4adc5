"""INTERNAL: the figures of a renewal brief, across the contract term so far.

Pure: from the computed ``Portfolio``. Every negotiation point of the brief
(``scorecard.words.renewal``) is built from these figures and nothing else.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from typing import Any

from scorecard.data.model import Action, Criterion
from scorecard.figures.actions import is_open_on
from scorecard.figures.consequences import credits_of, rights_of
from scorecard.figures.credits import PeriodCredits
from scorecard.figures.memo import leverage_of
from scorecard.figures.ranking import latest_scored
from scorecard.figures.results import (
    CriterionResult,
    Evaluation,
    Leverage,
    Portfolio,
    PortfolioLeverage,
    ProviderResult,
    Spend,
)
from scorecard.figures.termination import TerminationRight

__all__ = [
    "MissedTarget",
    "Peer",
    "RenewalFigures",
    "TermActions",
    "brief_due",
    "missed_targets",
    "renewal_figures",
    "term_actions",
    "term_evaluations",
]


@dataclass(frozen=True)
class MissedTarget:
    """A measured criterion's target, missed in ``missed`` of ``measured`` periods of the term."""

    criterion: Criterion
    unit: str
    missed: int
    measured: int
    mean_gap: float  # mean distance from the target over the missed periods, in its unit
    worst_gap: float

    @property
    def share(self) -> float:
        return self.missed / self.measured if self.measured else 0.0

    @property
    def often(self) -> bool:
        """Missed in at least a third of the periods it was measured (scoring.md v1.1)."""
        return self.missed >= 1 and 3 * self.missed >= self.measured


@dataclass(frozen=True)
class TermActions:
    """Deficiencies raised in the term so far (on or after its start, by the as-of day)."""

    raised: int
    fixed: int  # closed as done by the as-of day
    dropped: int
    open: tuple[Action, ...]
    overdue: tuple[Action, ...]  # open and due before the as-of day
    median_days_to_fix: float | None


@dataclass(frozen=True)
class Peer:
    """Another provider in the same service area."""

    result: ProviderResult
    score: float | None  # its latest overall score
    spend: Spend | None


@dataclass(frozen=True)
class RenewalFigures:
    result: ProviderResult
    leverage: Leverage
    as_of: date
    term_start: date | None
    term: tuple[Evaluation, ...]  # the evaluations of the term so far, oldest first
    first_score: float | None  # the first overall score of the term
    last_score: float | None  # the latest
    missed: tuple[MissedTarget, ...]  # most often first (share, then count, then gap)
    actions: TermActions
    peers: tuple[Peer, ...]  # best first
    score: float | None  # this provider's latest overall score
    credits: tuple[PeriodCredits, ...] = ()  # v1.2: the term's service credits, oldest first
    currency: str | None = None  # the service credits' currency
    rights: tuple[TerminationRight, ...] = ()  # v1.2: termination rights as of the brief's day

    @property
    def term_change(self) -> float | None:
        """The latest overall score of the term minus its first; None with fewer than two."""
        scored = [e for e in self.term if e.overall is not None]
        if len(scored) < 2 or self.first_score is None or self.last_score is None:
            return None
        return self.last_score - self.first_score

    @property
    def best_peer(self) -> Peer | None:
        scored = [p for p in self.peers if p.score is not None]
        return scored[0] if scored else None


def brief_due(result: ProviderResult) -> bool:
    """A brief is made when the provider's contract decision is due (and not settled)."""
    return result.contract is not None and result.contract.decision_due


def term_evaluations(result: ProviderResult) -> tuple[Evaluation, ...]:
    """Evaluations of periods that end on or after the contract's start (all without one)."""
    contract = result.provider.contract
    start = contract.start if contract is not None else None
    return tuple(e for e in result.evaluations if start is None or e.period.end >= start)


def _target(cr: CriterionResult) -> float | None:
    measure = cr.criterion.measure
    return measure.target if measure is not None else None


def _unit(criterion: Criterion) -> str:
    return criterion.measure.unit if criterion.measure is not None else ""


def missed_targets(term: tuple[Evaluation, ...]) -> tuple[MissedTarget, ...]:
    """Every measured criterion missed at least once in ``term``, most often first."""
    gaps: dict[str, list[float]] = {}
    measured: dict[str, int] = {}
    criteria: dict[str, Criterion] = {}
    for evaluation in term:
        for cr in evaluation.criteria():
            target = _target(cr)
            if cr.value is None or cr.met is None or target is None:
                continue
            cid = cr.criterion.id
            criteria.setdefault(cid, cr.criterion)
            measured[cid] = measured.get(cid, 0) + 1
            if not cr.met:
                gaps.setdefault(cid, []).append(abs(cr.value - target))
    found = [
        MissedTarget(
            criterion=criteria[cid],
            unit=_unit(criteria[cid]),
            missed=len(g),
            measured=measured[cid],
            mean_gap=statistics.fmean(g),
            worst_gap=max(g),
        )
        for cid, g in gaps.items()
    ]
    return tuple(sorted(found, key=lambda m: (-m.share, -m.missed, m.criterion.id)))


def term_actions(result: ProviderResult, start: date | None, as_of: date) -> TermActions:
    """The provider's deficiencies raised in the term so far and what became of them by
    ``as_of``; not the actions that were ours to do (owner: us)."""
    raised = [
        a for a in result.provider.actions
        if a.kind == "deficiency" and a.owner != "us" and a.raised <= as_of
        and (start is None or a.raised >= start)
    ]
    fixed = [a for a in raised if a.status == "done" and a.closed is not None
             and a.closed <= as_of]
    days = [(a.closed - a.raised).days for a in fixed if a.closed is not None]
    open_ = tuple(a for a in raised if is_open_on(a, as_of))
    return TermActions(
        raised=len(raised),
        fixed=len(fixed),
        dropped=sum(1 for a in raised if a.status == "dropped" and not is_open_on(a, as_of)),
        open=open_,
        overdue=tuple(a for a in open_ if a.due is not None and a.due < as_of),
        median_days_to_fix=float(statistics.median(days)) if days else None,
    )


def _peers(
    portfolio: Portfolio, result: ProviderResult, lev: PortfolioLeverage
) -> tuple[Peer, ...]:
    area = result.provider.service_area
    if not area:
        return ()
    peers = []
    for other in portfolio.areas.get(area, ()):
        if other.provider.id == result.provider.id:
            continue
        latest = latest_scored(other)
        found = lev.of(other.provider.id)
        peers.append(Peer(other, latest.overall if latest is not None else None,
                          found.spend if found is not None else None))
    return tuple(peers)


def renewal_figures(portfolio: Portfolio, provider_id: str) -> RenewalFigures | None:
    """The brief's figures for one provider; None when it has no contract."""
    result = portfolio.provider(provider_id)
    everyone = leverage_of(portfolio)
    lev = everyone.of(provider_id)
    if result is None or lev is None or result.provider.contract is None:
        return None
    start = result.provider.contract.start
    term = term_evaluations(result)
    scores = [e.overall for e in term if e.overall is not None]
    latest = latest_scored(result)
    return RenewalFigures(
        result=result,
        leverage=lev,
        as_of=portfolio.as_of,
        term_start=start,
        term=term,
        first_score=scores[0] if scores else None,
        last_score=scores[-1] if scores else None,
        missed=missed_targets(term),
        actions=term_actions(result, start, portfolio.as_of),
        peers=_peers(portfolio, result, everyone),
        score=latest.overall if latest is not None else None,
        **_credits(portfolio, result, term),
    )


def _credits(portfolio: Portfolio, result: ProviderResult,
             term: tuple[Evaluation, ...]) -> dict[str, Any]:
    """v1.2: the service credits of the term's periods and the termination rights."""
    found = credits_of(portfolio.programme, result, portfolio.as_of)
    if found is None:
        return {}
    periods = {e.period for e in term}
    return {
        "credits": tuple(pc for pc in found.periods if pc.period in periods),
        "currency": found.currency,
        "rights": rights_of(portfolio.programme, result, portfolio.as_of),
    }
