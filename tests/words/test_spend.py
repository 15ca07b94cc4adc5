"""Spend, dependence, unused-service and decision sentences (INTERNAL)."""

from dataclasses import replace
from datetime import date

from factories import category, dataset, measured, programme, provider
from scorecard.data.model import Contract, Decision, ExitPlan, Service
from scorecard.data.periods import Period
from scorecard.figures.compute import compute
from scorecard.figures.results import UnusedService
from scorecard.figures.spend import leverage
from scorecard.words.spend import (
    decision_sentences,
    dependence_sentences,
    money,
    share_text,
    spend_sentences,
    unused_sentence,
)

AS_OF = date(2026, 11, 26)
PROG = programme(category("service", 1, measured("availability", 99.9)))


def _contract(value: float, currency: str) -> Contract:
    return Contract(start=date(2025, 1, 1), end=date(2028, 1, 1), annual_value=value,
                    currency=currency)


def test_money_and_shares() -> None:
    assert money(18_000, "EUR") == "EUR 18,000"
    assert money(1_250.5, "GBP") == "GBP 1,250.50"
    assert money(900, None) == "900"
    assert share_text(0.6) == "60%" and share_text(0.125) == "13%"  # 12.5 -> 13


def test_two_currencies_are_never_added_up() -> None:
    portfolio = compute(dataset(PROG, [
        provider("acme", area="Network", contract=_contract(240_000, "EUR")),
        provider("globex", area="Cloud", contract=_contract(160_000, "EUR")),
        provider("hooli", area="Cloud", contract=_contract(50_000, "USD")),
    ]), AS_OF)
    lev = leverage(portfolio)
    assert spend_sentences(lev) == [
        "We spend EUR 400,000 a year and USD 50,000 a year on our providers.",
        "These are in different currencies, so they are not added up.",
    ]
    # acme 240/400 = 60%; hooli is all of the USD spend, but alone in its currency,
    # which is not dependence (scoring.md v1.2)
    assert dependence_sentences(lev) == [
        "No other provider does Network.",
        "Acme gets 60% of what we spend in EUR. That is more than half, so we depend on it.",
    ]


def test_unused_sentences() -> None:
    ooh = Service("out-of-hours", "out-of-hours support", annual_value=18_000)
    since = UnusedService(ooh, 18_000, Period(2026, 1, "monthly"))
    assert unused_sentence(since, "EUR") == (
        "We pay EUR 18,000 a year for out-of-hours support and have not used it since "
        "January 2026."
    )
    never = UnusedService(Service("dr", "the recovery site"), None, None)
    assert unused_sentence(never, "EUR") == "We did not use the recovery site in the last year."


def test_decision_sentences() -> None:
    acme = provider("acme", exit_plan=ExitPlan(status="none"), contract=replace(
        _contract(1, "EUR"), end=date(2027, 3, 31), notice_days=90,
        decision=Decision("notice-given", date(2026, 10, 1))))
    portfolio = compute(dataset(PROG, [acme]), AS_OF)
    lev = leverage(portfolio).of("acme")
    assert lev is not None and lev.leaving_without_plan
    assert decision_sentences(lev.provider, lev.leaving_without_plan) == [
        "On 1 October 2026 we decided to give notice.",
        "There is no exit plan for leaving. Draft one now.",
    ]


def test_why_no_service_is_called_unused() -> None:
    from factories import record
    from scorecard.words.spend import year_of_use_sentence

    acme = provider("acme", services=["desk"])
    none_recorded = leverage(compute(dataset(PROG, [acme]), AS_OF)).of("acme")
    assert none_recorded is not None
    assert year_of_use_sentence(none_recorded) == (
        "Not every period of the last year has a record of the services we used. "
        "So no service is called unused yet.")
    # the four quarters 2025-Q4 .. 2026-Q3 all record desk
    records = [record(q, date(2026, 10, 10), {"availability": 99.9}, services_used=["desk"])
               for q in ("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")]
    used = leverage(compute(dataset(PROG, [acme], records), AS_OF)).of("acme")
    assert used is not None and used.unused == ()
    assert year_of_use_sentence(used) == (
        "We used every contracted service at least once in the last year.")
