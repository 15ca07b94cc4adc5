"""Figures over the whole portfolio, worked out once per portfolio.

A team scorecard shows its provider's line of ``spend.leverage``, which is
computed over every provider; made afresh for each team scorecard, a build
would cost the square of the number of providers. The documents of one
evaluated day share one portfolio object (``figures.issued.Issued``), so the
answer is kept per portfolio object. Pure: the same portfolio gives the same
figures.
"""

from __future__ import annotations

from scorecard.figures.results import Leverage, Portfolio, PortfolioLeverage, SpendTotal
from scorecard.figures.spend import leverage, provider_leverage, single_areas, spend_totals

__all__ = ["leverage_of", "provider_leverage_of"]

_KEPT = 256  # portfolios remembered (one per evaluated day of a build)
_LEVERAGE: dict[int, tuple[Portfolio, PortfolioLeverage]] = {}
_SHARED: dict[int, tuple[Portfolio, dict[str | None, SpendTotal], tuple[str, ...]]] = {}


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


def provider_leverage_of(portfolio: Portfolio, provider_id: str) -> Leverage | None:
    """``leverage(portfolio).of(provider_id)``, working out only that provider's line
    (the totals it is measured against, once per portfolio object)."""
    result = portfolio.provider(provider_id)
    if result is None:
        return None
    found = _SHARED.get(id(portfolio))
    if found is None or found[0] is not portfolio:
        if len(_SHARED) >= _KEPT:
            _SHARED.clear()
        by_currency = {t.currency: t for t in spend_totals(portfolio)}
        found = _SHARED[id(portfolio)] = (portfolio, by_currency, single_areas(portfolio))
    _, by_currency, single = found
    return provider_leverage(result, by_currency, single,
                             portfolio.programme.concentration_share, portfolio.as_of)
