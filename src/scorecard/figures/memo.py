"""Figures over the whole portfolio, worked out once per portfolio.

A team scorecard shows its provider's line of ``spend.leverage``, which is
computed over every provider; made afresh for each team scorecard, a build
would cost the square of the number of providers. The documents of one
evaluated day share one portfolio object (``figures.issued.Issued``), so the
answer is kept per portfolio object. Pure: the same portfolio gives the same
figures.
"""

from __future__ import annotations

from scorecard.figures.results import Portfolio, PortfolioLeverage
from scorecard.figures.spend import leverage

__all__ = ["leverage_of"]

_KEPT = 256  # portfolios remembered (one per evaluated day of a build)
_LEVERAGE: dict[int, tuple[Portfolio, PortfolioLeverage]] = {}


def leverage_of(portfolio: Portfolio) -> PortfolioLeverage:
    """``spend.leverage(portfolio)``, computed once for each portfolio object."""
    found = _LEVERAGE.get(id(portfolio))
    if found is not None and found[0] is portfolio:
        return found[1]
    if len(_LEVERAGE) >= _KEPT:
        _LEVERAGE.clear()
    value = leverage(portfolio)
    _LEVERAGE[id(portfolio)] = (portfolio, value)
    return value
