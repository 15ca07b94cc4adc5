"""INTERNAL: spend, shares and dependence across the portfolio (scoring.md v1.1).

Pure: from the computed ``Portfolio``. Totals are per currency; mixed
currencies are never added up. A provider's share is its spend over the total
of its currency.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from scorecard.figures.contract import leaving_without_plan
from scorecard.figures.results import (
    Leverage,
    Portfolio,
    PortfolioLeverage,
    ProviderResult,
    Spend,
    SpendTotal,
)
from scorecard.figures.usage import last_year, unused_for_a_year

__all__ = ["leverage", "provider_leverage", "single_areas", "spend_totals"]


def _value(result: ProviderResult) -> tuple[float, str | None] | None:
    contract = result.provider.contract
    if contract is None or contract.annual_value is None:
        return None
    return float(contract.annual_value), contract.currency


def spend_totals(portfolio: Portfolio) -> tuple[SpendTotal, ...]:
    """The total yearly spend of each currency, largest first (ties: by currency)."""
    totals: dict[str | None, float] = {}
    counts: Counter[str | None] = Counter()
    for result in portfolio.providers:
        value = _value(result)
        if value is None:
            continue
        amount, currency = value
        totals[currency] = totals.get(currency, 0.0) + amount
        counts[currency] += 1
    return tuple(
        SpendTotal(currency, total, counts[currency])
        for currency, total in sorted(totals.items(), key=lambda t: (-t[1], t[0] or ""))
    )


def _spend(result: ProviderResult, totals: dict[str | None, SpendTotal]) -> Spend | None:
    value = _value(result)
    if value is None:
        return None
    amount, currency = value
    total = totals[currency].total
    return Spend(amount, currency, amount / total if total > 0 else 0.0)


def single_areas(portfolio: Portfolio) -> tuple[str, ...]:
    """The service areas with one provider."""
    areas = Counter(
        r.provider.service_area for r in portfolio.providers if r.provider.service_area
    )
    return tuple(sorted(area for area, n in areas.items() if n == 1))


def provider_leverage(result: ProviderResult, by_currency: dict[str | None, SpendTotal],
                      single: tuple[str, ...], share_limit: float, as_of: date) -> Leverage:
    """One provider's line of :func:`leverage`: ``by_currency``, the yearly spend and
    providers per currency; ``single``, the areas with one provider."""
    spend = _spend(result, by_currency)
    # a provider alone in its currency is not "dependence" (scoring.md v1.2)
    shared = spend is not None and by_currency[spend.currency].providers >= 2
    area = result.provider.service_area
    return Leverage(
        provider=result,
        spend=spend,
        only_in_area=area is not None and area in single,
        concentrated=spend is not None and shared and spend.share > share_limit,
        unused=unused_for_a_year(result, as_of),
        year=last_year(result, as_of),
        leaving_without_plan=leaving_without_plan(result.contract, result.provider.exit_plan),
    )


def leverage(portfolio: Portfolio) -> PortfolioLeverage:
    """Every provider's spend, share, dependence flags, unused services and decision state."""
    as_of = portfolio.as_of
    share_limit = portfolio.programme.concentration_share
    totals = spend_totals(portfolio)
    by_currency = {t.currency: t for t in totals}
    single = single_areas(portfolio)
    providers = [
        provider_leverage(result, by_currency, single, share_limit, as_of)
        for result in sorted(portfolio.providers, key=lambda r: r.provider.id)
    ]
    return PortfolioLeverage(
        as_of=as_of,
        concentration_share=share_limit,
        providers=tuple(providers),
        totals=totals,
        single_areas=single,
    )
