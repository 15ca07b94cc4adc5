"""What to fix first: the missed targets that cost the most points, and overdue actions.

Points lost by a missed target (scoring.md): its shortfall ``100 - score``,
times its weight's share of the scored weight in its category, times its
category's weight's share of the scored categories' weight. That is how much
higher the overall score would be had the target been met.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from scorecard.data.model import Action
from scorecard.figures.actions import is_open_on
from scorecard.figures.results import CriterionResult, Evaluation

__all__ = [
    "MissedTarget", "OverdueAction", "Priority",
    "overdue_actions", "points_lost", "priorities", "reply_by",
]


@dataclass(frozen=True)
class MissedTarget:
    result: CriterionResult
    points: float  # points of the overall score lost, full precision


@dataclass(frozen=True)
class OverdueAction:
    action: Action
    days: int  # days past its due day, on the as-of day


Priority = MissedTarget | OverdueAction


def points_lost(evaluation: Evaluation) -> tuple[MissedTarget, ...]:
    """Every missed target with the points it cost, most first (ties: programme order)."""
    scored_cats = [c for c in evaluation.categories if c.score is not None]
    total = sum(c.category.weight for c in scored_cats)
    missed: list[MissedTarget] = []
    if total <= 0:
        return ()
    for cat in scored_cats:
        if cat.scored_weight <= 0:
            continue
        share = cat.category.weight / total
        for cr in cat.criteria:
            if cr.criterion.measured and cr.score is not None and cr.met is False:
                weight_share = cr.criterion.weight / cat.scored_weight
                missed.append(MissedTarget(cr, (100 - cr.score) * weight_share * share))
    return tuple(sorted(missed, key=lambda m: -m.points))


def overdue_actions(actions: Iterable[Action], as_of: date) -> tuple[OverdueAction, ...]:
    """Open deficiencies past their due day on ``as_of``, most overdue first.

    Actions that are ours to do (owner ``us``) are left out: the provider cannot fix them.
    """
    late = [
        OverdueAction(a, (as_of - a.due).days)
        for a in actions
        if a.kind == "deficiency" and a.owner != "us" and a.due is not None and a.due < as_of
        and is_open_on(a, as_of)
    ]
    return tuple(sorted(late, key=lambda o: -o.days))


def priorities(
    evaluation: Evaluation, actions: Iterable[Action], as_of: date, limit: int = 3
) -> tuple[Priority, ...]:
    """Up to ``limit`` things to fix first.

    Missed targets by the points they cost; when an action is overdue, the
    last place goes to the most overdue action(s) so that it is never crowded out.
    """
    targets = points_lost(evaluation)
    late = overdue_actions(actions, as_of)
    n_targets = min(len(targets), limit - 1 if late else limit)
    chosen: list[Priority] = list(targets[:n_targets])
    chosen.extend(late[: limit - n_targets])
    return tuple(chosen)


def reply_by(evaluation: Evaluation, reply_days: int) -> date | None:
    """The day a reply is asked for: ``reply_days`` after the record's evaluated day.

    None once a provider reply is on file.
    """
    record = evaluation.record
    if record.provider_response:
        return None
    return record.evaluated + timedelta(days=reply_days)
