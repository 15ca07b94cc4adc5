"""Changes of a score as a reader sees them: worked from the whole numbers printed.

scoring.md says "compute in full precision; round only for display" and words
a trend as "about the same" under 1 point, else "up N points". A reader checks
the words against the figures on the page, so the change in words is worked from
the displayed scores (README, "Where the contract was silent or ambiguous"):
63.6 then 45.9 print as 64 and 46, and the change reads "down 18 points", not 17.7
rounded. The unrounded trend stays in data.json.
"""

from __future__ import annotations

from scorecard.figures.results import Evaluation
from scorecard.figures.rounding import display

__all__ = ["shown_change", "shown_trend"]


def shown_change(before: float | None, now: float | None) -> int | None:
    """``display(now) - display(before)``; None when either is missing."""
    if before is None or now is None:
        return None
    return display(now) - display(before)


def shown_trend(evaluation: Evaluation) -> int | None:
    """The evaluation's trend as printed: its displayed score minus its previous one's."""
    if evaluation.trend is None or evaluation.overall is None:
        return None
    before = evaluation.previous_overall
    if before is None:  # an evaluation made without it (tests): the score the trend implies
        before = evaluation.overall - evaluation.trend
    return shown_change(before, evaluation.overall)
