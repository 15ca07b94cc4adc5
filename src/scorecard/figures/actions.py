"""A provider's actions (deficiencies and ideas) as of a day."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import date

from scorecard.data.model import Action
from scorecard.data.periods import Period
from scorecard.figures.results import ActionSummary

__all__ = ["is_open_on", "resolved_in", "summarise"]


def is_open_on(action: Action, as_of: date) -> bool:
    """Whether the action was still open on ``as_of``.

    Interpretation: an action closed after ``as_of`` was still open then, whatever
    its status is now; one closed on ``as_of`` counts as closed.
    """
    if action.closed is not None and action.closed <= as_of:
        return False
    return action.raised <= as_of


def summarise(actions: Iterable[Action], as_of: date) -> ActionSummary:
    """Counts among actions raised on or before ``as_of``."""
    # Interpretation: actions raised after the as-of day are left out.
    known = [a for a in actions if a.raised <= as_of]
    deficiencies = [a for a in known if a.kind == "deficiency"]
    ideas = [a for a in known if a.kind == "idea"]

    open_ = tuple(a for a in deficiencies if is_open_on(a, as_of))
    overdue = tuple(a for a in open_ if a.due is not None and a.due < as_of)
    # the provider's days to fix: not the actions that were ours to do (owner: us)
    days = tuple(
        (a.closed - a.raised).days
        for a in deficiencies
        if a.status == "done" and a.closed is not None and a.closed <= as_of and a.owner != "us"
    )
    return ActionSummary(
        open_deficiencies=open_,
        overdue=overdue,
        days_to_resolve=days,
        median_days_to_resolve=float(statistics.median(days)) if days else None,
        ideas_proposed=tuple(i for i in ideas if is_open_on(i, as_of)),
        ideas_adopted=tuple(
            i for i in ideas if i.status == "adopted" and not is_open_on(i, as_of)
        ),
        ideas_declined=tuple(
            i for i in ideas if i.status == "declined" and not is_open_on(i, as_of)
        ),
    )


def resolved_in(actions: Iterable[Action], period: Period) -> tuple[Action, ...]:
    """Deficiencies closed as done on a day inside ``period``."""
    return tuple(
        a
        for a in actions
        if a.kind == "deficiency"
        and a.status == "done"
        and a.closed is not None
        and period.contains(a.closed)
    )
