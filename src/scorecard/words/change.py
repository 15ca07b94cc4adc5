"""A change of a score in words, from the change worked on the printed scores
(``scorecard.figures.change``): "about the same", "up 5 points", "down 1 point".

"points" here are points of the 0-100 score; a difference of two percentages is
in "percentage points" (``words.numbers.percentage_points``, ``words.glossary``).
"""

from __future__ import annotations

from scorecard.words.numbers import counted

__all__ = ["change_from_to", "change_words"]


def change_words(change: int | None, none: str = "", *, capital: bool = False) -> str:
    """``change`` (whole points, as printed) in words; ``none`` when there is none.

    0 is "about the same" (scoring.md: a difference under 1 point).
    """
    if change is None:
        return none
    if change == 0:
        text = "about the same"
    else:
        text = f"{'up' if change > 0 else 'down'} {counted(abs(change), 'point')}"
    return text[0].upper() + text[1:] if capital else text


def change_from_to(before: int, after: int, *, capital: bool = True) -> str:
    """The change with the two printed scores, so a reader can check it:
    "Down 18 points, from 64 to 46"; "About the same: 72 both times"."""
    change = after - before
    if change == 0:
        return f"{change_words(0, capital=capital)}: {after} both times"
    return f"{change_words(change, capital=capital)}, from {before} to {after}"
