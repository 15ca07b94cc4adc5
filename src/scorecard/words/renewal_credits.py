"""INTERNAL. The renewal brief's service credits: its figures in words and the
negotiation points they give (scoring.md v1.2; outputs.md v1.2).

A point is made only when its figure says something: a termination right that
holds; one that one more miss would give; credits owed over the term.
"""

from __future__ import annotations

from decimal import Decimal

from scorecard.figures.renewal import RenewalFigures
from scorecard.words.credits import amount_text, right_sentence, rule_text
from scorecard.words.numbers import noun_form

__all__ = ["credit_points_texts", "term_credits_sentences"]

SECTION = "credits"


def _totals(f: RenewalFigures) -> tuple[Decimal, Decimal, int, int]:
    amount = sum((pc.amount for pc in f.credits), Decimal(0))
    back = sum((pc.earned_back for pc in f.credits), Decimal(0))
    with_credit = sum(1 for pc in f.credits if pc.amount > 0)
    at_cap = sum(1 for pc in f.credits if pc.at_cap)
    return amount, back, with_credit, at_cap


def term_credits_sentences(f: RenewalFigures, name: str) -> list[str]:
    """The credits of the term in words ([] without service credits)."""
    if f.currency is None:
        return []
    noun = f.term[-1].period.noun if f.term else "period"
    amount, back, with_credit, at_cap = _totals(f)
    n = len(f.credits)
    words = [f"{name} owed {amount_text(amount, f.currency)} in service credits over the "
             f"contract so far, in {with_credit} of {n} {noun_form(n, noun)}."]
    if at_cap:
        words.append(f"Credits were at the cap in {at_cap} {noun_form(at_cap, noun)}.")
    if back:
        words.append(f"{amount_text(back, f.currency)} of it was earned back.")
    words += [f"{rule_text(r, noun)}: {right_sentence(r, noun)}" for r in f.rights]
    return words


def credit_points_texts(f: RenewalFigures, name: str) -> list[str]:
    """The points, most telling first: rights that hold, rights one miss away, credits owed."""
    if f.currency is None:
        return []
    noun = f.term[-1].period.noun if f.term else "period"
    points = [right_sentence(r, noun) for r in f.rights if r.holds]
    points += [right_sentence(r, noun) for r in f.rights if r.misses_to_hold == 1]
    amount, back, with_credit, _ = _totals(f)
    if amount - back > 0:
        kept = amount_text(amount - back, f.currency)
        points.append(f"{name} owed {kept} in service credits over the contract so far, "
                      f"in {with_credit} {noun_form(with_credit, noun)}.")
    return points
