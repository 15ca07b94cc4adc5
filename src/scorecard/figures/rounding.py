"""Rounding for display: halves away from zero, as a person would do it.

Python's built-in ``round`` rounds halves to even (``round(72.5) == 72``) and
works on the binary value (``round(2.675, 2) == 2.67``). Reports must show
72.5 as 73 and 2.675 as 2.68, so we round the shortest decimal text of the
float (its ``repr``), which is the number a person reads.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

__all__ = ["display", "round_half_away"]


def round_half_away(x: float, digits: int = 0) -> float:
    """Round ``x`` to ``digits`` decimals, halves away from zero.

    ``round_half_away(2.675, 2) == 2.68``; ``round_half_away(-0.5) == -1.0``.
    NaN and infinities are returned unchanged.
    """
    if not math.isfinite(x):
        return x
    # Decimal's ROUND_HALF_UP rounds halves away from zero (on magnitude).
    exponent = Decimal(1).scaleb(-digits)
    # Enough digits for any float (up to about 1.8e308) at any number of decimals asked for.
    context = Context(prec=400 + max(digits, 0), Emax=999_999, Emin=-999_999)
    rounded = Decimal(repr(float(x))).quantize(exponent, rounding=ROUND_HALF_UP, context=context)
    result = float(rounded)
    return 0.0 if result == 0 else result


def display(x: float) -> int:
    """The whole number shown for ``x``: 72.5 -> 73, 72.4999 -> 72, -0.5 -> -1."""
    if not math.isfinite(x):
        raise ValueError(f"cannot display {x!r} as a whole number")
    return int(round_half_away(x, 0))
