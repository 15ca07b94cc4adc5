"""INTERNAL. The renewal brief's negotiation points, each built from one of its figures.

scoring.md v1.1: a point is made only when its figure says something, and no
point is ever made from text written in the data (notes, summaries, titles of
actions are not used here; names of criteria, services and providers are).
"""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.data.model import display_name
from scorecard.figures.change import shown_change
from scorecard.figures.renewal import MissedTarget, RenewalFigures
from scorecard.figures.rounding import display, round_half_away
from scorecard.words.numbers import (
    count_word,
    counted,
    is_percent,
    noun_form,
    percentage_points,
    value_text,
)
from scorecard.words.renewal_credits import credit_points_texts
from scorecard.words.spend import money, unused_sentence

__all__ = ["NegotiationPoint", "gap_words", "negotiation_points"]

MAX_MISSED_POINTS = 3
# A fall of the term's score is a point from this many points on (under 1 is "about the same").
TREND_POINTS = 1


@dataclass(frozen=True)
class NegotiationPoint:
    text: str
    section: str  # the brief's section whose figure it comes from (an HTML id)


def gap_words(gap: float, unit: str) -> str:
    """A mean gap in its unit: ``25 minutes``, ``1.9 percentage points`` and
    ``0.06 percentage points`` (for %), ``1.5 hours``: whole from 10 on, one decimal
    from 1 on, else two (for %) or one."""
    if abs(gap) >= 10:
        digits = 0
    elif abs(gap) >= 1 or not is_percent(unit):
        digits = 1
    else:
        digits = 2
    rounded = round_half_away(gap, digits)
    if is_percent(unit):
        return percentage_points(rounded)
    return value_text(rounded, unit)


def _missed_point(m: MissedTarget, noun: str, they: str) -> NegotiationPoint:
    periods = noun_form(m.measured, noun, f"{noun}s")
    name = m.criterion.name[0].lower() + m.criterion.name[1:]
    how_often = (f"in all {m.measured} {periods}" if m.missed == m.measured and m.measured > 1
                 else f"in {m.missed} of {m.measured} {periods}")
    text = (
        f"{they} missed the target for {name} {how_often}. "
        f"The gap was {gap_words(m.mean_gap, m.unit)} on average."
    )
    return NegotiationPoint(text, "targets")


def _trend_point(f: RenewalFigures, they: str) -> NegotiationPoint | None:
    change = shown_change(f.first_score, f.last_score) if f.term_change is not None else None
    if change is None or f.first_score is None or f.last_score is None:
        return None
    # Interpretation: a rise is no point to press; the brief's term sentence says it.
    # The fall is worked from the printed scores (figures.change).
    if change > -TREND_POINTS:
        return None
    first, last = display(f.first_score), display(f.last_score)
    start, adopted = f.term_start, f.result.provider.evaluated_from
    span = ("since we started scoring them" if adopted is not None
            and (start is None or adopted.start > start) else "over the contract so far")
    return NegotiationPoint(
        f"{they} score fell from {first} to {last} out of 100 {span}.",
        "scores",
    )


def _actions_point(f: RenewalFigures) -> NegotiationPoint | None:
    a = f.actions
    if not a.open:
        return None
    n = len(a.open)
    text = f"{count_word(n)} {noun_form(n, 'problem')} we raised {'is' if n == 1 else 'are'} "
    text += "still open"
    if a.overdue and n == 1:
        text += ", and it is overdue"
    elif len(a.overdue) == n:
        text += ", all of them overdue" if n > 2 else ", both overdue"
    elif a.overdue:
        text += f", {len(a.overdue)} of them overdue"
    text += "."
    if a.median_days_to_fix is not None:
        text += f" Fixes took {counted(display(a.median_days_to_fix), 'day')} (median)."
    return NegotiationPoint(text, "problems")


def _peer_point(f: RenewalFigures, name: str) -> NegotiationPoint | None:
    peer = f.best_peer
    if peer is None or peer.score is None or f.score is None or peer.score <= f.score:
        return None
    if display(peer.score) <= display(f.score):
        return None
    other = display_name(peer.result.provider)
    ours, theirs = display(f.score), display(peer.score)
    text = f"{other}, in the same area, scores {theirs} to {name}'s {ours}."
    if peer.spend is not None:
        text += f" We pay {other} {money(peer.spend.annual_value, peer.spend.currency)} a year."
    return NegotiationPoint(text, "peers")


def negotiation_points(f: RenewalFigures) -> tuple[NegotiationPoint, ...]:
    """What to ask for, in plain words, most telling first: targets missed most often,
    services paid for and unused, the trend over the term, open problems, the best peer."""
    name = display_name(f.result.provider)
    noun = f.term[-1].period.noun if f.term else "period"
    points = [
        _missed_point(m, noun, name) for m in f.missed if m.often
    ][:MAX_MISSED_POINTS]
    contract = f.result.provider.contract
    currency = contract.currency if contract is not None else None
    points += [NegotiationPoint(unused_sentence(u, currency), "scope")
               for u in f.leverage.unused]
    for point in (_trend_point(f, f"{name}'s"), _actions_point(f), _peer_point(f, name)):
        if point is not None:
            points.append(point)
    # v1.2: termination rights and service credits, from the brief's credits section: a
    # right that holds (or one miss away) is the strongest lever, so they come first.
    credit = [NegotiationPoint(text, "credits") for text in credit_points_texts(f, name)]
    return tuple(credit + points)
