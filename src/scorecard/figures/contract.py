"""INTERNAL: the contract's notice deadline and exit readiness, as of a day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from scorecard.data.model import Band, Contract, Decision, ExitPlan
from scorecard.data.periods import shift
from scorecard.figures.results import ContractStatus, Evaluation, ExitReadiness

__all__ = [
    "DECISION_WINDOW_DAYS",
    "EXIT_REVIEW_DAYS",
    "contract_status",
    "exit_readiness",
    "falling",
    "leaving_without_plan",
    "notice_deadline",
    "settling_decision",
]

# A decision is due when the notice deadline is at most this many days away.
DECISION_WINDOW_DAYS = 120
# An exit plan not reviewed for more than this many days is stale.
EXIT_REVIEW_DAYS = 365


def notice_deadline(contract: Contract) -> date | None:
    """``contract.end`` minus ``notice_days``; None when the contract has no end."""
    if contract.end is None:
        return None
    return shift(contract.end, -contract.notice_days)


def settling_decision(contract: Contract, as_of: date) -> Decision | None:
    """scoring.md v1.1: the contract.decision that settles the decision, if any.

    The window opens ``DECISION_WINDOW_DAYS`` before the notice deadline; a
    decision dated on or after that day settles it. Interpretation: a decision
    dated after the as-of day was not taken yet on that day, so it settles
    nothing then.
    """
    decision, deadline = contract.decision, notice_deadline(contract)
    if decision is None or deadline is None:
        return None
    opens = shift(deadline, -DECISION_WINDOW_DAYS)
    return decision if opens <= decision.day <= as_of else None


def leaving_without_plan(
    status: ContractStatus | None, exit_plan: ExitPlan | None
) -> bool:
    """A settled decision to exit or give notice, with no exit plan or one in state none."""
    if status is None or status.decided is None or status.ended:
        return False
    leaving = status.decided.status in ("exit", "notice-given")
    return leaving and (exit_plan is None or exit_plan.status == "none")


def contract_status(contract: Contract, as_of: date) -> ContractStatus:
    deadline = notice_deadline(contract)
    # Interpretation: the contract has ended when its end is before the as-of day.
    ended = contract.end is not None and contract.end < as_of
    if deadline is None:
        return ContractStatus(
            notice_deadline=None,
            decision_due=False,
            deadline_passed=False,
            ended=ended,
            auto_renew=contract.auto_renew,
            days_to_deadline=None,
        )
    days = (deadline - as_of).days
    decided = settling_decision(contract, as_of)
    return ContractStatus(
        notice_deadline=deadline,
        # as_of <= deadline <= as_of + 120 days, and not settled by a decision
        decision_due=0 <= days <= DECISION_WINDOW_DAYS and decided is None,
        deadline_passed=days < 0 and not ended and decided is None,
        ended=ended,
        auto_renew=contract.auto_renew,
        days_to_deadline=days,
        decided=decided,
        window_opens=shift(deadline, -DECISION_WINDOW_DAYS),
    )


def falling(evaluations: Sequence[Evaluation]) -> bool:
    """The overall score fell in each of the last two evaluations.

    With the last three scored evaluations o1, o2, o3 (oldest first): o2 < o1
    and o3 < o2. Evaluations without an overall score are skipped.
    """
    scores = [e.overall for e in evaluations if e.overall is not None]
    if len(scores) < 3:
        return False
    o1, o2, o3 = scores[-3:]
    return o2 < o1 and o3 < o2


def exit_readiness(
    exit_plan: ExitPlan | None,
    evaluations: Sequence[Evaluation],
    lowest: Band,
    as_of: date,
) -> ExitReadiness:
    """Whether an exit plan is missing (given how the provider fares) or stale.

    ``evaluations``: oldest first, as of the day; ``lowest``: the band with the
    smallest min.
    """
    # Interpretation: the "latest band" is that of the latest evaluation given a band.
    banded = [e.band for e in evaluations if e.band is not None]
    in_lowest = bool(banded) and banded[-1] == lowest
    no_plan = exit_plan is None or exit_plan.status == "none"
    stale = (
        exit_plan is not None
        and exit_plan.status != "none"
        and (
            exit_plan.reviewed is None
            or exit_plan.reviewed < shift(as_of, -EXIT_REVIEW_DAYS)
        )
    )
    return ExitReadiness(
        missing=(in_lowest or falling(evaluations)) and no_plan,
        stale=stale,
    )
