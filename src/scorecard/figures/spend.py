"""INTERNAL: spend, shares and dependence across the portfolio (scoring.md v1.1).

Pure: from the computed ``Portfolio``. Totals are per currency; mixed
currencies are never added up. A provider's share is its spend over the total
of its currency.
"""

from __future__ import annotations

from collections import Counter

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

__all__ = ["leverage", "spend_totals"]


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


def _spend(result: ProviderResult, totals: dict[str | None, float]) -> Spend | None:
    value = _value(result)
    if value is None:
        return None
    amount, currency = value
    total = totals[currency]
    return Spend(amount, currency, amount / total if total > 0 else 0.0)


def leverage(portfolio: Portfolio) -> PortfolioLeverage:
    """Every provider's spend, share, dependence flags, unused services and decision state."""
    as_of = portfolio.as_of
    share_limit = portfolio.programme.concentration_share
    totals = spend_totals(portfolio)
    by_currency = {t.currency: t.total for t in totals}
    areas = Counter(
        r.provider.service_area for r in portfolio.providers if r.provider.service_area
    )
    single = tuple(sorted(area for area, n in areas.items() if n == 1))
    spends = {r.provider.id: _spend(r, by_currency) for r in portfolio.providers}
    # a provider alone in its currency is not "dependence" (scoring.md v1.2)
    in_currency = Counter(s.currency for s in spends.values() if s is not None)
    providers = []
    for result in sorted(portfolio.providers, key=lambda r: r.provider.id):
        spend = spends[result.provider.id]
        area = result.provider.service_area
        providers.append(
            Leverage(
                provider=result,
                spend=spend,
                only_in_area=area is not None and area in single,
                concentrated=spend is not None and in_currency[spend.currency] >= 2
                and spend.share > share_limit,
                unused=unused_for_a_year(result, as_of),
                year=last_year(result, as_of),
                leaving_without_plan=leaving_without_plan(
                    result.contract, result.provider.exit_plan
                ),
            )
        )
    return PortfolioLeverage(
        as_of=as_of,
        concentration_share=share_limit,
        providers=tuple(providers),
        totals=totals,
        single_areas=single,
    )
