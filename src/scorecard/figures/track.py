"""A criterion's track record up to an evaluation: its result last time, and how often
its target was missed so far (issue 23: "missed in 7 of 7 quarters")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scorecard.figures.results import CriterionResult, Evaluation

__all__ = ["Track", "track"]


@dataclass(frozen=True)
class Track:
    last: CriterionResult | None  # the criterion in the latest earlier evaluation that scored it
    missed: int  # evaluations up to and including this one whose target was missed
    measured: int  # evaluations up to and including this one that measured it


def track(criterion_id: str, evaluations: Sequence[Evaluation], current: Evaluation) -> Track:
    """From the provider's evaluations (oldest first) up to and including ``current``."""
    upto = [e for e in evaluations if e.period <= current.period]
    results = [(e, e.criterion(criterion_id)) for e in upto]
    earlier = [r for e, r in results if e.period < current.period and r is not None and r.scored]
    measured = [r for _, r in results if r is not None and r.scored and r.met is not None]
    return Track(earlier[-1] if earlier else None,
                 sum(1 for r in measured if not r.met), len(measured))
