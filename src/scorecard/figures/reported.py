"""What the provider reported against our value (scoring.md v1.2 "What the provider
reported").

Scoring uses our value (computed from a source file or written in the record); with
only the provider's reported value, it scores with that. Where both exist and differ
by more than the criterion's ``tolerance`` (default 0), both parties are told.

``compare`` is the whole rule, a pure function of two numbers and a tolerance, so a
reported value from a record's ``reported`` field and one from a ``reported`` source
file are judged alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Reported", "compare", "scored_value"]


@dataclass(frozen=True)
class Reported:
    """The provider's figure for one criterion, beside ours."""

    value: float  # what the provider reported
    ours: float | None  # our value; None: we have none, so the score uses the reported one
    difference: float | None  # value - ours, exact in the decimals written; None without ours
    tolerance: float  # how far the two may differ
    beyond: bool  # the two differ by more than the tolerance

    @property
    def used(self) -> bool:
        """The score was worked from the provider's figure ("as reported by you")."""
        return self.ours is None


def _decimal(x: float) -> Decimal:
    """A float as the decimal a person wrote (its shortest text): 99.95, not 99.9499..."""
    return Decimal(repr(float(x)))


def compare(ours: float | None, reported: float | None, tolerance: float = 0.0) -> Reported | None:
    """The provider's ``reported`` value against ``ours``; None when nothing was reported.

    The difference is worked in decimals (99.95 - 99.82 is 0.13, not 0.1300000000000097),
    so that a difference exactly at the tolerance is within it.
    """
    if reported is None:
        return None
    if ours is None:
        return Reported(float(reported), None, None, float(tolerance), False)
    difference = _decimal(reported) - _decimal(ours)
    beyond = abs(difference) > _decimal(tolerance)
    return Reported(float(reported), float(ours), float(difference), float(tolerance), beyond)


def scored_value(ours: float | None, reported: float | None) -> float | None:
    """The value the score is worked from: ours, else the reported one, else none."""
    return ours if ours is not None else reported
