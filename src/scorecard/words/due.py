"""INTERNAL. What is due: a provider's evaluation schedule, and what needs
attention across the portfolio, most urgent first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from scorecard.data.model import display_name
from scorecard.figures.due import DueItem, Urgency, due_items, portfolio_order
from scorecard.figures.results import Portfolio, ProviderResult
from scorecard.words.credits import termination_due_sentence
from scorecard.words.numbers import counted, day_words, days_counted

__all__ = ["AttentionItem", "attention", "due_sentence", "schedule_sentences"]


def _lead(result: ProviderResult) -> str | None:
    if result.provider.lead:
        return result.provider.lead
    latest = result.latest
    return latest.record.lead if latest is not None else None


def schedule_sentences(result: ProviderResult, grace_days: int) -> list[str]:
    """INTERNAL. Overdue evaluations with their lead, late ones, and the next one due."""
    name = display_name(result.provider)
    schedule = result.schedule
    sentences: list[str] = []
    adopted, contract = result.provider.evaluated_from, result.provider.contract
    if adopted is not None and contract is not None and contract.start is not None \
            and adopted.start > contract.start:  # v1.2: adopted mid-contract
        sentences.append(f"We have scored {name} since {adopted.describe()}.")
        sentences.append("No evaluation is expected before that.")
    for period in schedule.overdue:
        sentences.append(
            f"The evaluation for {period.describe()} was due on "
            f"{day_words(period.due(grace_days))}."
        )
        sentences.append("It is not done yet.")
    if schedule.overdue:
        lead = _lead(result)
        if lead:
            sentences.append(f"{lead} leads the evaluations of {name}.")
        else:
            sentences.append(f"No one is named to lead the evaluations of {name}.")
    elif schedule.expected:
        sentences.append(f"All evaluations of {name} are up to date.")
    for period in schedule.late:
        ev = result.evaluation(period)
        if ev is None:
            continue
        late_by = (ev.record.evaluated - ev.due).days
        sentences.append(
            f"The evaluation for {period.describe()} was due on {day_words(ev.due)} and "
            f"was done {counted(late_by, 'day')} late."
        )
    if schedule.next_period is not None and schedule.next_due is not None:
        sentences.append(f"The next evaluation is for {schedule.next_period.describe()}.")
        sentences.append(f"It is due by {day_words(schedule.next_due)}.")
    return sentences


def due_sentence(item: DueItem) -> str:
    """INTERNAL. One thing overdue or coming up, in words, with who should act."""
    name = display_name(item.provider)
    day = day_words(item.day) if item.day is not None else None
    owner = f" {item.owner} leads it." if item.owner else ""
    kind = item.kind
    if kind in ("evaluation-overdue", "evaluation-due") and item.period is not None:
        if kind == "evaluation-overdue":
            return (f"We have not scored {name} for {item.period.describe()} yet. "
                    f"It was due on {day}.{owner}")
        return f"We must score {name} for {item.period.describe()}. It is due by {day}.{owner}"
    if kind in ("action-overdue", "action-due") and item.action is not None:
        title = item.action.title
        if kind == "action-overdue":
            text = f"{name}: “{title}” was due on {day}. It is still open."
        else:
            text = f"{name}: “{title}” is due by {day}."
        return text + (f" {item.owner} owns it." if item.owner else "")
    if kind == "contract-decision":
        contract = item.provider.contract
        if contract is not None and contract.auto_renew:
            text = (f"The contract with {name} renews by itself. To stop that, notice must be "
                    f"given by {day}.")
        else:
            text = f"A decision on the contract with {name} is due by {day}."
        if item.days is None or item.day is None:
            return text
        return f"{text} {days_counted(item.days, item.day - timedelta(days=item.days))}"
    if kind == "leaving-without-plan":
        contract = item.provider.contract
        decided = contract.decision.status if contract and contract.decision else "exit"
        verb = "gave notice to" if decided == "notice-given" else "decided to leave"
        return (f"We {verb} {name}, but there is no exit plan. "
                f"The contract ends on {day}.{owner}")
    if kind == "termination-right" and item.right is not None:
        return termination_due_sentence(name, item.right)
    if kind == "notice-passed":
        return f"The last day to give notice on the contract with {name} was {day}."
    if kind == "exit-plan-missing":
        return f"{name} needs an exit plan and has none.{owner}"
    if kind == "exit-plan-stale":
        plan = item.provider.exit_plan
        if plan is not None and plan.reviewed is not None:
            return (
                f"The exit plan for {name} was last reviewed on {day_words(plan.reviewed)}. "
                "It needs a fresh look."
            )
        return f"The exit plan for {name} has never been reviewed."
    raise AssertionError(f"unknown kind {kind!r}")  # pragma: no cover


@dataclass(frozen=True)
class AttentionItem:
    """One line of the portfolio's "needs attention" list."""

    due: date | None
    urgency: Urgency
    sentence: str
    provider: str  # provider id
    kind: str = ""  # the DueItem's kind


def attention(portfolio: Portfolio) -> list[AttentionItem]:
    """INTERNAL. What needs attention and by when: decisions first, then by urgency."""
    return [
        AttentionItem(item.day, item.urgency, due_sentence(item), item.provider.id, item.kind)
        for item in portfolio_order(due_items(portfolio))
    ]
