"""INTERNAL. The team scorecard's page one: the next steps, each with its owner and day.

"Pieter Bakker: get Northgate's reply. It is due 14 days after we send the scorecard."
The owner is the provider's lead (``figures.due.lead_of``), else the record's lead.
"""

from __future__ import annotations

from datetime import date

from scorecard.data.model import display_name
from scorecard.figures.due import lead_of
from scorecard.figures.priorities import reply_by
from scorecard.figures.results import Evaluation, ProviderResult
from scorecard.words.numbers import counted, day_words

__all__ = ["next_evaluation_sentence", "next_steps"]


def next_steps(result: ProviderResult, evaluation: Evaluation, reply_days: int) -> list[str]:
    """Who does what by when, most pressing first: the reply, overdue problems, the contract
    decision, the exit plan, the next evaluation."""
    name = display_name(result.provider)
    owner = lead_of(result) or evaluation.record.lead
    steps: list[str] = []
    if reply_by(evaluation, reply_days) is not None:
        # counted from the send, as the provider is asked (issue 18): the scorecard is
        # issued once and may be sent later, so no day here can pass before it goes out
        steps.append(f"{owner}: get {name}'s reply. It is due {counted(reply_days, 'day')} "
                     "after we send the scorecard.")
    overdue = len(result.actions.overdue)
    if overdue:
        steps.append(f"{owner}: chase {name} on the {counted(overdue, 'overdue problem')}.")
    status = result.contract
    if status is not None and status.decision_due and status.notice_deadline is not None:
        steps.append(f"{owner}: decide on the contract by {day_words(status.notice_deadline)}.")
    if result.exit.missing:
        steps.append(f"{owner}: write an exit plan for {name}.")
    elif result.exit.stale:
        steps.append(f"{owner}: review the exit plan for {name}.")
    schedule = result.schedule
    if schedule.next_period is not None and schedule.next_due is not None:
        steps.append(f"{owner}: score {schedule.next_period.describe()} "
                     f"by {day_words(schedule.next_due)}.")
    return steps


def next_evaluation_sentence(result: ProviderResult, *, internal: bool) -> str:
    """When the next evaluation is due, for page one ("" when none is planned)."""
    schedule = result.schedule
    if schedule.next_period is None or schedule.next_due is None:
        return ""
    whose = f" {display_name(result.provider)}'s" if internal else ""
    return f"We will score{whose} {schedule.next_period.describe()} by {_day(schedule.next_due)}."


def _day(day: date) -> str:
    return day_words(day)
