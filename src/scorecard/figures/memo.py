"""Figures over the whole portfolio, worked out once per portfolio.

A team scorecard shows its provider's line of ``spend.leverage``, which is
computed over every provider; made afresh for each team scorecard, a build
would cost the square of the number of providers. The documents of one
evaluated day share one portfolio object (``figures.issued.Issued``), so the
answer is kept per portfolio object, and only while that object lives: a build
keeps a few portfolios at a time, and a cache that held on to each one would
hold every evaluated day's figures for every provider. Pure: the same
portfolio gives the same figures.
"""

from __future__ import annotations

import weakref
from typing import Any

from scorecard.figures.results import Leverage, Portfolio, PortfolioLeverage, SpendTotal
from scorecard.figures.spend import leverage, provider_leverage, single_areas, spend_totals

__all__ = ["leverage_of", "provider_leverage_of"]

Shared = tuple[dict[str | None, SpendTotal], tuple[str, ...]]
# id(portfolio) -> (a weak reference to it, the answer); an entry goes with its portfolio
_LEVERAGE: dict[int, tuple[weakref.ref[Portfolio], PortfolioLeverage]] = {}
_SHARED: dict[int, tuple[weakref.ref[Portfolio], Shared]] = {}


def _kept(cache: dict[int, tuple[weakref.ref[Portfolio], Any]], portfolio: Portfolio,
          work_out: Any) -> Any:
    """The answer for ``portfolio`` in ``cache``, worked out on first use; the entry
    is dropped when the portfolio is (an id is reused only after that)."""
    key = id(portfolio)
    found = cache.get(key)
    if found is not None and found[0]() is portfolio:
        return found[1]
    value = work_out(portfolio)
    cache[key] = (weakref.ref(portfolio), value)
    weakref.finalize(portfolio, cache.pop, key, None)
    return value


def leverage_of(portfolio: Portfolio) -> PortfolioLeverage:
    """``spend.leverage(portfolio)``, computed once for each portfolio object."""
    found: PortfolioLeverage = _kept(_LEVERAGE, portfolio, leverage)
    return found


def _shared(portfolio: Portfolio) -> Shared:
    return {t.currency: t for t in spend_totals(portfolio)}, single_areas(portfolio)


def provider_leverage_of(portfolio: Portfolio, provider_id: str) -> Leverage | None:
    """``leverage(portfolio).of(provider_id)``, working out only that provider's line
    (the totals it is measured against, once per portfolio object)."""
    result = portfolio.provider(provider_id)
    if result is None:
        return None
    shared: Shared = _kept(_SHARED, portfolio, _shared)
    by_currency, single = shared
    return provider_leverage(result, by_currency, single,
                             portfolio.programme.concentration_share, portfolio.as_of)
