"""What to fix first, and how and by when to reply: the first words on page one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from scorecard.figures.priorities import MissedTarget, OverdueAction, Priority
from scorecard.figures.rounding import display
from scorecard.words.criteria import floor_sentence, gap_sentence
from scorecard.words.numbers import counted, day_words, value_text

__all__ = ["fix_first_sentences", "nothing_to_fix", "reply_sentences"]


def _points(points: float) -> str:
    shown = display(points)
    return "less than 1 point" if shown < 1 else counted(shown, "point")


def _target(m: MissedTarget, whose: str) -> str:
    cr = m.result
    measure = cr.criterion.measure
    assert measure is not None and cr.value is not None
    value = value_text(cr.value, measure.unit)
    words = [f"{cr.criterion.name}: {value}. {gap_sentence(cr)}"]
    floor = floor_sentence(cr)
    if floor:
        words.append(floor)
    words.append(f"It cost {whose} score {_points(m.points)}.")
    return " ".join(words)


def _action(o: OverdueAction) -> str:
    a = o.action
    assert a.due is not None
    # v1.2: a count of days names the day it counts from (the due day) and to (the
    # day these figures are as of)
    as_of = a.due + timedelta(days=o.days)
    return (f"Fix “{a.title}”. It was due on {day_words(a.due)}. "
            f"By {day_words(as_of)} it was {counted(o.days, 'day')} late.")


def fix_first_sentences(items: Sequence[Priority], *, internal: bool) -> list[str]:
    """One short paragraph per thing to fix first, most costly first.

    ``internal``: the team's voice ("the score") instead of the provider's ("your score").
    """
    whose = "the" if internal else "your"
    return [_target(p, whose) if isinstance(p, MissedTarget) else _action(p) for p in items]


def nothing_to_fix() -> str:
    """What "What to fix first" says when nothing was missed or is overdue."""
    return "No target was missed and no action is overdue."


def reply_sentences(reply_by: date | None, reply_days: int, name: str, *,
                    internal: bool) -> list[str]:
    """How and by when to reply, while no reply is on file (nothing once it is)."""
    if reply_by is None:
        return []
    # outputs.md v1.2: a document and its e-mail never disagree on a date, and no
    # document sent later names a reply-by day that has passed. A document is
    # issued once and may be sent weeks later, so it names no reply-by day: it
    # counts the days from the day it is sent, which the e-mail names.
    if internal:
        return [f"{name} has not replied yet. We ask for a reply within {reply_days} days "
                "of the day we send the scorecard."]
    return [
        f"Please reply to us by e-mail within {reply_days} days of the day we send you "
        "this scorecard. The e-mail it comes with gives the day.",
        "Tell us what you think of the results and what you will do about them.",
        "Your reply will be shown on the scorecard, beside the figures.",
    ]
