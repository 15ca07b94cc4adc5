"""INTERNAL. The renewal brief's service credits: its figures in words and the
negotiation points they give (scoring.md v1.2; outputs.md v1.2).

A point is made only when its figure says something: a termination right that
holds (or, when none does, one that one more miss would give); credits owed over
the term.
"""

from __future__ import annotations

from decimal import Decimal

from scorecard.figures.renewal import RenewalFigures
from scorecard.figures.termination import TerminationRight
from scorecard.words.credits import amount_text, right_sentence, rule_text
from scorecard.words.numbers import count_word, join_words, noun_form

__all__ = ["credit_points_texts", "term_credits_sentences", "term_rights_lines"]

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
             f"contract so far.", f"That was in {with_credit} of {n} {noun_form(n, noun)}."]
    if at_cap:
        words.append(f"Credits were at the cap in {at_cap} {noun_form(at_cap, noun)}.")
    if back:
        words.append(f"{amount_text(back, f.currency)} of it was earned back.")
    return words


def term_rights_lines(f: RenewalFigures) -> list[str]:
    """Each termination rule, and whether it holds or how far it is."""
    noun = f.term[-1].period.noun if f.term else "period"
    return [f"{rule_text(r, noun)}: {_short(r)}." for r in f.rights]


def _short(right: TerminationRight) -> str:
    """"holds (2025-Q2 and 2026-Q3)"; "one more by 2026-Q4"."""
    if right.holds:
        return f"holds ({join_words([p.label for p in right.periods])})"
    n = right.misses_to_hold or 0
    by = f" by {right.by.label}" if right.by is not None else ""
    return f"{count_word(n).lower()} more{by}"


def credit_points_texts(f: RenewalFigures, name: str) -> list[str]:
    """At most two points, most telling first: a right that holds (else one a single miss
    away), then the credits owed over the term. The brief's other rights are in its
    credits section."""
    if f.currency is None:
        return []
    noun = f.term[-1].period.noun if f.term else "period"
    lever = [r for r in f.rights if r.holds] or [r for r in f.rights if r.misses_to_hold == 1]
    points = [right_sentence(lever[0], noun)] if lever else []
    amount, back, with_credit, _ = _totals(f)
    if amount - back > 0:
        kept = amount_text(amount - back, f.currency)
        points.append(f"{name} owed {kept} in service credits over the contract so far. "
                      f"That was in {with_credit} {noun_form(with_credit, noun)}.")
    return points
