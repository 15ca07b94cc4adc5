"""What is overdue or coming up as of a day: the facts behind ``scorecard due``.

Pure: takes the computed ``Portfolio`` and returns ``DueItem``s, most urgent
first. Words for them are in ``scorecard.words.due.due_sentence``.

Groups (``Urgency``):

- ``overdue``: evaluations of expected periods with no record; open problems
  (deficiencies) past their due day.
- ``soon``: due within ``window`` days (30): the next evaluation, open
  problems, contract decisions (the notice deadline).
- ``later``: the same, due after that but within ``horizon`` days (120, the
  window in which a contract decision is due).
- v1.1: a settled decision to exit or give notice with no exit plan
  (``leaving-without-plan``) is ``soon``, dated the contract's end.
- v1.2: a termination right that holds (``termination-right``, INTERNAL) is
  ``info``, dated the end of the last period that made it hold.
- ``info``: a notice deadline that has passed (the contract runs on or ends;
  nothing can be done in time any more), an exit plan that is missing or
  stale. These need a person's attention but have no day they are late by,
  so ``--strict`` does not fail on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from scorecard.data.model import Action, Provider, display_name
from scorecard.data.periods import Period, shift
from scorecard.figures.actions import is_open_on
from scorecard.figures.consequences import rights_of
from scorecard.figures.contract import EXIT_REVIEW_DAYS, leaving_without_plan
from scorecard.figures.results import Portfolio, ProviderResult
from scorecard.figures.termination import TerminationRight

__all__ = [
    "GROUP_TITLES",
    "HORIZON_DAYS",
    "URGENCIES",
    "WINDOW_DAYS",
    "DueItem",
    "DueKind",
    "Urgency",
    "due_items",
    "has_overdue",
    "lead_of",
    "portfolio_order",
]

Urgency = Literal["overdue", "soon", "later", "info"]
URGENCIES: tuple[Urgency, ...] = ("overdue", "soon", "later", "info")

DueKind = Literal[
    "evaluation-overdue",
    "evaluation-due",
    "action-overdue",
    "action-due",
    "contract-decision",
    "notice-passed",
    "exit-plan-missing",
    "exit-plan-stale",
    "leaving-without-plan",
    "termination-right",
]

WINDOW_DAYS = 30
HORIZON_DAYS = 120

GROUP_TITLES: dict[Urgency, str] = {
    "overdue": "Overdue",
    "soon": f"Due within {WINDOW_DAYS} days",
    "later": "Coming up",
    "info": "For information",
}


@dataclass(frozen=True)
class DueItem:
    """One thing that is overdue or coming up, for one provider."""

    urgency: Urgency
    kind: DueKind
    provider: Provider
    day: date | None  # the day it is or was due; None when there is no such day
    days: int | None  # day minus the as-of day (negative when past); None without a day
    owner: str | None  # who should act: the evaluation lead, or the action's owner
    period: Period | None = None  # evaluations
    action: Action | None = None  # actions
    right: TerminationRight | None = None  # v1.2: a termination right that holds

    def sort_key(self) -> tuple[int, date, str, str, str]:
        return (
            URGENCIES.index(self.urgency),
            self.day or date.max,
            self.provider.id,
            self.kind,
            self.period.label if self.period else (self.action.id if self.action else ""),
        )


def lead_of(result: ProviderResult) -> str | None:
    """Who owns the provider's evaluations: its ``lead``, else the last record's lead."""
    if result.provider.lead:
        return result.provider.lead
    latest = result.latest
    return latest.record.lead if latest is not None else None


def _urgency(days: int, window: int, horizon: int) -> Urgency | None:
    """``soon`` within the window, ``later`` within the horizon, else None (not shown)."""
    if days < 0:
        return "overdue"
    if days <= window:
        return "soon"
    if days <= horizon:
        return "later"
    return None


def _evaluation_items(
    result: ProviderResult, as_of: date, grace_days: int, window: int, horizon: int
) -> list[DueItem]:
    lead = lead_of(result)
    items = [
        DueItem("overdue", "evaluation-overdue", result.provider, p.due(grace_days),
                (p.due(grace_days) - as_of).days, lead, period=p)
        for p in result.schedule.overdue
    ]
    nxt, nxt_due = result.schedule.next_period, result.schedule.next_due
    if nxt is not None and nxt_due is not None:
        days = (nxt_due - as_of).days
        urgency = _urgency(days, window, horizon)
        if urgency is not None:
            items.append(DueItem(urgency, "evaluation-due", result.provider, nxt_due, days,
                                 lead, period=nxt))
    return items


def _action_owner(result: ProviderResult, action: Action) -> str | None:
    if action.owner == "provider":
        return display_name(result.provider)
    return lead_of(result) if action.owner == "us" else None


def _action_items(
    result: ProviderResult, as_of: date, window: int, horizon: int
) -> list[DueItem]:
    items: list[DueItem] = []
    for action in result.actions.open_deficiencies:
        if action.due is None or not is_open_on(action, as_of):
            continue
        days = (action.due - as_of).days
        urgency = _urgency(days, window, horizon)
        if urgency is None:
            continue
        kind: DueKind = "action-overdue" if urgency == "overdue" else "action-due"
        items.append(DueItem(urgency, kind, result.provider, action.due, days,
                             _action_owner(result, action), action=action))
    return items


def _contract_items(result: ProviderResult, window: int, horizon: int) -> list[DueItem]:
    status = result.contract
    if status is None or status.notice_deadline is None or status.days_to_deadline is None:
        return []
    lead = lead_of(result)
    deadline, days = status.notice_deadline, status.days_to_deadline
    if status.deadline_passed:
        return [DueItem("info", "notice-passed", result.provider, deadline, days, lead)]
    if status.decision_due:
        urgency = _urgency(days, window, horizon) or "later"
        return [DueItem(urgency, "contract-decision", result.provider, deadline, days, lead)]
    contract = result.provider.contract
    if leaving_without_plan(status, result.provider.exit_plan) and contract is not None:
        end = contract.end or deadline
        return [DueItem("soon", "leaving-without-plan", result.provider, end,
                        days + (end - deadline).days, lead)]
    return []


def _exit_items(result: ProviderResult, as_of: date) -> list[DueItem]:
    lead = lead_of(result)
    items: list[DueItem] = []
    if result.exit.missing:
        items.append(DueItem("info", "exit-plan-missing", result.provider, None, None, lead))
    if result.exit.stale:
        plan = result.provider.exit_plan
        reviewed = plan.reviewed if plan is not None else None
        # The day the plan became stale: a year after its last review.
        day = shift(reviewed, EXIT_REVIEW_DAYS) if reviewed is not None else None
        days = (day - as_of).days if day is not None else None
        items.append(DueItem("info", "exit-plan-stale", result.provider, day, days, lead))
    return items


def due_items(
    portfolio: Portfolio, *, window: int = WINDOW_DAYS, horizon: int = HORIZON_DAYS
) -> tuple[DueItem, ...]:
    """Everything overdue or coming up as of ``portfolio.as_of``, most urgent first.

    Within a group: by day (items without a day last), then provider id.
    """
    as_of = portfolio.as_of
    grace = portfolio.programme.grace_days
    items: list[DueItem] = []
    for result in portfolio.providers:
        items += _evaluation_items(result, as_of, grace, window, horizon)
        items += _action_items(result, as_of, window, horizon)
        items += _contract_items(result, window, horizon)
        items += _exit_items(result, as_of)
        items += _right_items(portfolio, result)
    return tuple(sorted(items, key=DueItem.sort_key))


def _right_items(portfolio: Portfolio, result: ProviderResult) -> list[DueItem]:
    """v1.2: each termination right that holds as of the portfolio's day."""
    items = []
    for right in rights_of(portfolio.programme, result, portfolio.as_of):
        if right.holds and right.last is not None:
            day = right.last.end
            items.append(DueItem("info", "termination-right", result.provider, day,
                                 (day - portfolio.as_of).days, lead_of(result), right=right))
    return items


def _renews_unprepared(item: DueItem) -> bool:
    contract, plan = item.provider.contract, item.provider.exit_plan
    return (
        contract is not None
        and contract.auto_renew
        and (plan is None or plan.status == "none")
    )


def portfolio_order(items: tuple[DueItem, ...]) -> tuple[DueItem, ...]:
    """The portfolio's page-one order (outputs.md v1.1): what needs a decision first.

    1. leaving without an exit plan, and contract decisions for contracts that
       renew by themselves with no exit plan; 2. other contract decisions;
    3. the rest by ``DueItem.sort_key`` (overdue, soon, later, for information).
    Inside the first two groups: the nearest day first.
    """

    def key(item: DueItem) -> tuple[int, tuple[int, date, str, str, str]]:
        if item.kind == "leaving-without-plan" or (
            item.kind == "contract-decision" and _renews_unprepared(item)
        ):
            group = 0
        elif item.kind == "contract-decision":
            group = 1
        else:
            group = 2
        base = item.sort_key()
        return (group, (0, *base[1:]) if group < 2 else base)

    return tuple(sorted(items, key=key))


def has_overdue(items: tuple[DueItem, ...]) -> bool:
    return any(i.urgency == "overdue" for i in items)
