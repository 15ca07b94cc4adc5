"""Actions: open and overdue problems, how long fixes took, ideas, and one action's state."""

from __future__ import annotations

from datetime import date

from scorecard.data.model import Action
from scorecard.figures.actions import is_open_on
from scorecard.figures.results import ActionSummary
from scorecard.figures.rounding import display
from scorecard.words.numbers import count_word, counted, day_words, noun_form

__all__ = ["action_sentence", "actions_summary"]


def actions_summary(summary: ActionSummary) -> list[str]:
    """Open and overdue problems, how long fixes took, and ideas."""
    sentences: list[str] = []
    n, late = summary.open_count, len(summary.overdue)
    if n == 0:
        sentences.append("There are no open problems.")
    else:
        sentences.append(f"There {'is' if n == 1 else 'are'} {counted(n, 'open problem')}.")
    if late == 1:
        sentences.append("It is past its due day." if n == 1 else "One of them is overdue.")
    elif late > 1:
        if late == n:
            sentences.append(f"All {late} are past their due day.")
        else:
            sentences.append(f"{count_word(late)} of them are past their due day.")
    for action in summary.overdue:
        assert action.due is not None
        sentences.append(f"{action.title} was due on {day_words(action.due)}.")
    sentences += _resolve_sentences(summary)
    sentences += _idea_sentences(summary)
    return sentences


def _days_text(days: int) -> str:
    return "less than a day" if days == 0 else counted(days, "day")


def _resolve_sentences(summary: ActionSummary) -> list[str]:
    fixed = summary.days_to_resolve
    if not fixed or summary.median_days_to_resolve is None:
        return []
    if len(fixed) == 1:
        return [f"The one problem fixed so far took {_days_text(fixed[0])}."]
    median = display(summary.median_days_to_resolve)
    if median == 0:
        return ["Half of the problems fixed so far were fixed the day they were raised."]
    return [f"Half of the problems fixed so far took {counted(median, 'day')} or less."]


def _idea_sentences(summary: ActionSummary) -> list[str]:
    proposed = len(summary.ideas_proposed)
    adopted = len(summary.ideas_adopted)
    declined = len(summary.ideas_declined)
    sentences: list[str] = []
    if proposed:
        verb = "is" if proposed == 1 else "are"
        sentences.append(
            f"{count_word(proposed)} {noun_form(proposed, 'idea')} {verb} still under review."
        )
    if adopted and declined:
        sentences.append(
            f"We took up {counted(adopted, 'idea')} and turned down {declined}."
        )
    elif adopted:
        sentences.append(f"We took up {counted(adopted, 'idea')}.")
    elif declined:
        sentences.append(f"We turned down {counted(declined, 'idea')}.")
    return sentences


def action_sentence(action: Action, as_of: date) -> str:
    """One action's state as of a day: open and due, late, fixed, taken up..."""
    title = action.title
    if is_open_on(action, as_of):
        if action.kind == "idea":
            return f"{title} is an idea under review."
        if action.due is None:
            return f"{title} is still open."
        if action.due < as_of:
            return f"{title} was due on {day_words(action.due)}. It is still open."
        return f"{title} is due by {day_words(action.due)}."
    closed = day_words(action.closed) if action.closed is not None else None
    when = f" on {closed}" if closed else ""
    words = {
        "done": "was fixed",
        "dropped": "was dropped",
        "adopted": "was taken up",
        "declined": "was turned down",
    }.get(action.status, "was closed")
    return f"{title} {words}{when}."
