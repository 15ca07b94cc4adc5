"""Service-credit and termination sentences, word for word (words/credits.py)."""

from __future__ import annotations

from decimal import Decimal

from factories import measured, period
from scorecard.data.credits import ServiceCredits, TerminationRule
from scorecard.figures.termination import TerminationRight
from scorecard.words.credits import (
    amount_text,
    earn_back_sentence,
    right_sentence,
    rule_text,
    termination_due_sentence,
)

AVAILABILITY = measured("availability", 99.9)


def _right(rule: TerminationRule, holds: bool, periods: tuple[str, ...] = (),
           n: int | None = None, by: str | None = None) -> TerminationRight:
    counted = tuple(period(p) for p in periods)
    return TerminationRight(rule, AVAILABILITY if rule.criterion else None, holds, counted,
                            counted[0] if holds else None, counted[-1] if holds else None,
                            n, period(by) if by else None)


def test_money_as_the_documents_write_it() -> None:
    assert amount_text(Decimal("7200.00"), "EUR") == "EUR 7,200"
    assert amount_text(Decimal("5538.46"), "EUR") == "EUR 5,538.46"
    assert amount_text(Decimal("0.005"), "GBP") == "GBP 0.01"  # halves away from zero
    assert amount_text(Decimal("1000000000000"), "USD") == "USD 1,000,000,000,000"


def test_a_right_at_distance_one_in_the_issues_words() -> None:
    right = _right(TerminationRule("availability", 3, 6), False, ("2025-Q4", "2026-Q2"), 1,
                   "2027-Q1")
    assert right_sentence(right, "quarter") == (
        "One more missed target for Availability by 2027-Q1 gives us the right to end the "
        "contract.")
    assert rule_text(right, "quarter") == "Availability missed in 3 of any 6 quarters in a row"


def test_plural_distances_and_at_cap_rules() -> None:
    two = _right(TerminationRule("availability", 3, 6), False, (), 2, "2027-Q2")
    assert right_sentence(two, "quarter") == (
        "Two more missed targets for Availability by 2027-Q2 give us the right to end the "
        "contract.")
    cap = _right(TerminationRule(None, 2, 3), False, ("2026-Q3",), 1, "2027-Q1")
    assert right_sentence(cap, "quarter") == (
        "One more quarter with credits at the cap by 2027-Q1 gives us the right to end the "
        "contract.")
    caps = _right(TerminationRule(None, 3, 4), False, (), 2, "2027-Q2")
    assert right_sentence(caps, "quarter") == (
        "Two more quarters with credits at the cap by 2027-Q2 give us the right to end the "
        "contract.")
    assert rule_text(caps, "quarter") == "Credits at the cap in 3 of any 4 quarters in a row"


def test_a_right_that_holds() -> None:
    holds = _right(TerminationRule("availability", 2, 3), True, ("2026-Q2", "2026-Q3"))
    assert right_sentence(holds, "quarter") == (
        "We have the right to end the contract: Availability was missed in 2026-Q2 and "
        "2026-Q3.")
    assert termination_due_sentence("Acme", holds) == (
        "We have the right to end the contract with Acme: Availability was missed in 2026-Q2 "
        "and 2026-Q3.")


def test_earn_back_in_words() -> None:
    assert earn_back_sentence(1, "month") == (
        "A credit is earned back when its target is met in the next month after it. "
        "Until then it is pending.")
    assert earn_back_sentence(3, "quarter") == (
        "A credit is earned back when its target is met in each of the next three quarters "
        "after it. Until then it is pending.")


def test_service_credits_at_risk_amount_is_exact() -> None:
    terms = ServiceCredits(Decimal("33333.33"), "EUR", Decimal("0.07"))
    # 33,333.33 x 0.07 = 2,333.3331 exactly
    assert terms.at_risk_amount == Decimal("2333.3331")
