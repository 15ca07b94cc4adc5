"""Spend, shares and dependence (scoring.md v1.1 "Spend and dependence"), worked by hand."""

from dataclasses import replace
from datetime import date

import pytest

from factories import category, dataset, measured, programme, provider
from scorecard.data.model import Contract
from scorecard.figures.compute import compute
from scorecard.figures.spend import leverage

AS_OF = date(2026, 11, 26)
PROG = programme(category("service", 1, measured("availability", 99.9)))


def _contract(value: float, currency: str | None) -> Contract:
    return Contract(start=date(2025, 1, 1), end=date(2027, 12, 31), annual_value=value,
                    currency=currency)


def _portfolio():  # type: ignore[no-untyped-def]
    # EUR: acme 240,000 + globex 120,000 + initech 40,000 = 400,000
    #   acme 240/400 = 0.6 (above 0.5), globex 0.3, initech 0.1
    # USD: hooli 50,000 alone: 1.0 of the USD total
    # umbrella: no annual value, no spend
    providers = [
        provider("acme", area="Infrastructure", contract=_contract(240_000, "EUR")),
        provider("globex", area="Infrastructure", contract=_contract(120_000, "EUR")),
        provider("initech", area="Network", contract=_contract(40_000, "EUR")),
        provider("hooli", area="Cloud", contract=_contract(50_000, "USD")),
        provider("umbrella", area="Cloud"),
    ]
    return compute(dataset(PROG, providers), AS_OF)


def test_totals_are_per_currency_never_added_up() -> None:
    lev = leverage(_portfolio())
    assert [(t.currency, t.total, t.providers) for t in lev.totals] == [
        ("EUR", 400_000.0, 3),
        ("USD", 50_000.0, 1),
    ]


def test_shares_are_of_their_own_currency() -> None:
    lev = leverage(_portfolio())
    shares = {p.provider.provider.id: p.spend.share if p.spend else None for p in lev.providers}
    assert shares["acme"] == pytest.approx(0.6)
    assert shares["globex"] == pytest.approx(0.3)
    assert shares["initech"] == pytest.approx(0.1)
    assert shares["hooli"] == pytest.approx(1.0)
    assert shares["umbrella"] is None


def test_a_provider_above_the_concentration_share_is_flagged() -> None:
    lev = leverage(_portfolio())
    acme, globex = lev.of("acme"), lev.of("globex")
    assert acme is not None and globex is not None
    assert acme.concentrated and "above the concentration share" in acme.dependence
    assert not globex.concentrated and globex.dependence == ()


def test_concentration_share_comes_from_the_programme() -> None:
    portfolio = _portfolio()
    # at 0.65 acme's 0.6 is no longer above it; exactly at the share is not above it
    assert not leverage(replace(portfolio, programme=replace(PROG, concentration_share=0.65))
                        ).of("acme").concentrated  # type: ignore[union-attr]
    assert not leverage(replace(portfolio, programme=replace(PROG, concentration_share=0.6))
                        ).of("acme").concentrated  # type: ignore[union-attr]


def test_a_single_provider_area_is_flagged() -> None:
    lev = leverage(_portfolio())
    # Infrastructure has acme and globex, Cloud hooli and umbrella: only Network is single
    assert lev.single_areas == ("Network",)
    initech = lev.of("initech")
    assert initech is not None and initech.only_in_area
    assert initech.dependence == ("only provider in its area",)
    assert not lev.of("hooli").only_in_area  # type: ignore[union-attr]


def test_a_provider_without_area_is_never_single() -> None:
    portfolio = compute(dataset(PROG, [provider("solo")]), AS_OF)
    lev = leverage(portfolio)
    assert lev.single_areas == ()
    assert lev.of("solo").dependence == ()  # type: ignore[union-attr]
