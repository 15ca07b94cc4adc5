"""INTERNAL. The contract and the exit plan: notice deadlines, decisions, plan reviews."""

from __future__ import annotations

from datetime import timedelta

from scorecard.data.model import Programme, display_name
from scorecard.figures.contract import falling
from scorecard.figures.results import ProviderResult
from scorecard.figures.scoring import lowest_band
from scorecard.words.numbers import day_words, days_counted

__all__ = ["contract_sentences", "exit_plan_sentences"]


def contract_sentences(result: ProviderResult) -> list[str]:
    """INTERNAL. The contract's end, its notice deadline and what to decide by when."""
    contract, status = result.provider.contract, result.contract
    if contract is None or status is None:
        return []
    end = day_words(contract.end) if contract.end is not None else None
    if status.ended and end:
        return [f"The contract ended on {end}."]
    deadline = status.notice_deadline
    if deadline is None or end is None:
        return ["The contract has no end day."]
    when = day_words(deadline)
    days = status.days_to_deadline
    if status.decided is not None:  # v1.1: settled; words.spend says what was decided
        verb = "was" if days is not None and days < 0 else "is"
        return [f"The contract runs until {end}.", f"The last day to give notice {verb} {when}."]
    if status.deadline_passed:
        sentences = [f"The last day to give notice was {when}.", "That day has passed."]
        if status.auto_renew:
            sentences.append(f"Unless notice was given, the contract renews by itself on {end}.")
        else:
            sentences.append(f"The contract ends on {end}.")
        return sentences
    if status.decision_due:
        if status.auto_renew:
            sentences = ["The contract renews by itself.",
                         f"To stop that, notice must be given by {when}."]
        else:
            sentences = [
                f"The contract ends on {end}.",
                f"We must decide by {when} whether to renew it.",
            ]
        if days is not None:
            sentences.append(days_counted(days, deadline - timedelta(days=days)))
        return sentences
    renews = " and then renews by itself" if status.auto_renew else ""
    return [
        f"The contract runs until {end}{renews}.",
        f"The last day to give notice is {when}.",
    ]


def exit_plan_sentences(result: ProviderResult, programme: Programme) -> list[str]:
    """INTERNAL. Whether an exit plan is needed, missing, stale, or in place."""
    name = display_name(result.provider)
    plan = result.provider.exit_plan
    sentences: list[str] = []
    if result.exit.missing:
        banded = [e.band for e in result.evaluations if e.band is not None]
        lowest = lowest_band(programme)
        if banded and banded[-1] == lowest:
            sentences.append(f"{name} has the status {lowest.name}, the lowest.")
        if falling(result.evaluations):
            sentences.append(f"The score of {name} fell in each of its last two evaluations.")
        sentences.append("There is no exit plan yet, and one is needed.")
        return sentences
    if plan is None or plan.status == "none":
        return ["There is no exit plan."]
    status = "drafted" if plan.status == "drafted" else "drafted and tested"
    sentences.append(f"The exit plan is {status}.")
    if plan.reviewed is None:
        sentences.append("It has never been reviewed.")
    else:
        sentences.append(f"It was last reviewed on {day_words(plan.reviewed)}.")
        if result.exit.stale:
            sentences.append("That is more than a year ago.")
    return sentences
