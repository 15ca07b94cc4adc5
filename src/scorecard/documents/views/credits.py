"""Service credits in the scorecards (outputs.md v1.2, "Service credits in the documents").

:class:`CreditsBox` is shared (it is the provider's contract): the period's credits
and the state of earlier ones. It has no field for a termination right or its
distance: those are only in :class:`TerminationBox`, which only the team
scorecard gets. Both are built as of the document's day (its record's
``evaluated`` day: documents stay as issued).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from scorecard.data.model import Programme
from scorecard.figures.consequences import credits_of, rights_of
from scorecard.figures.credits import Credits, PeriodCredits
from scorecard.figures.results import Evaluation, Portfolio, ProviderResult
from scorecard.words.credits import (
    amount_text,
    cap_sentences,
    earlier_sentence,
    earn_back_sentence,
    item_what,
    pending_sentence,
    right_sentence,
    rule_text,
    skipped_sentence,
    state_text,
    terms_sentence,
    twelve_months_sentence,
)
from scorecard.words.voice import voice_of

__all__ = ["CreditLine", "CreditRow", "CreditsBox", "RightLine", "TerminationBox",
           "credits_box", "portfolio_credit_rows", "termination_box"]


@dataclass(frozen=True)
class CreditLine:
    criterion: str
    what: str  # "Missed", "Missed again: counted twice"
    amount: str  # before the caps: "EUR 7,200"
    credited: str  # after the caps: "EUR 5,538.46"
    state: str  # "Pending", "Earned back in 2026-Q4", "Final"
    state_class: str  # pending | earned_back | final


@dataclass(frozen=True)
class CreditsBox:
    """SHARED: the period's service credits and the state of earlier ones."""

    terms_sentence: str
    lines: tuple[CreditLine, ...]
    total: str  # the period's credit after the caps: "EUR 7,200"
    at_cap: bool
    sentences: tuple[str, ...]  # the caps, the total, what earned nothing
    earlier: tuple[str, ...]  # one sentence per earlier credit not yet earned back, or earned back
    earn_back_sentence: str  # how a credit is earned back ("" without earn-back)


@dataclass(frozen=True)
class RightLine:
    rule: str
    holds: bool
    sentence: str


@dataclass(frozen=True)
class TerminationBox:
    """INTERNAL: credits over the last 12 months and the termination rights."""

    twelve_months: str
    rights: tuple[RightLine, ...]
    headline: str = ""  # page one: a right that holds, else the nearest ("" without rules)


def _line(item_credits: PeriodCredits, credits: Credits) -> tuple[CreditLine, ...]:
    terms = credits.terms
    return tuple(
        CreditLine(
            criterion=i.criterion.name,
            what=item_what(i, terms.repeat),
            amount=amount_text(i.amount, terms.currency),
            credited=amount_text(i.credited, terms.currency),
            state=state_text(i, terms.earn_back),
            state_class=i.state,
        )
        for i in item_credits.items
    )


def _earn_back_sentence(credits: Credits, noun: str) -> str:
    n = credits.terms.earn_back
    if n is None:
        return "Credits are final: none can be earned back."
    return earn_back_sentence(n, noun)


def credits_box(programme: Programme, result: ProviderResult, evaluation: Evaluation,
                as_of: date, *, internal: bool) -> CreditsBox | None:
    """The shared box for ``evaluation``'s period, as of ``as_of``; None when the
    contract has no service credits."""
    credits = credits_of(programme, result, as_of)
    if credits is None:
        return None
    pc = credits.of(evaluation.period)
    if pc is None:  # pragma: no cover - every evaluation has its credits
        return None
    noun = evaluation.period.noun
    voice = voice_of(result.provider, internal)
    sentences = cap_sentences(pc, credits, noun, voice)
    pending = pending_sentence(pc, credits.terms.earn_back, voice)
    sentences += [pending] if pending else []
    skipped = skipped_sentence(pc.skipped, noun)
    earlier = tuple(
        earlier_sentence(before, item, credits, voice)
        for before in credits.upto(evaluation.period) if before.period < evaluation.period
        for item in before.items
        if item.credited > 0
    )
    return CreditsBox(
        terms_sentence=terms_sentence(credits, noun, voice),
        lines=_line(pc, credits),
        total=amount_text(pc.amount, credits.currency),
        at_cap=pc.at_cap,
        sentences=tuple(sentences + ([skipped] if skipped else [])),
        earlier=earlier[-8:],
        earn_back_sentence=_earn_back_sentence(credits, noun),
    )


def termination_box(programme: Programme, result: ProviderResult, evaluation: Evaluation,
                    as_of: date, name: str) -> TerminationBox | None:
    """INTERNAL: for the team scorecard only."""
    credits = credits_of(programme, result, as_of)
    if credits is None:
        return None
    noun = evaluation.period.noun
    found = rights_of(programme, result, as_of)
    nearest = sorted(found, key=lambda r: (not r.holds, r.misses_to_hold or 0))
    return TerminationBox(
        twelve_months=twelve_months_sentence(credits, name),
        rights=tuple(RightLine(rule_text(r, noun), r.holds, right_sentence(r, noun))
                     for r in found),
        headline=right_sentence(nearest[0], noun) if nearest else "",
    )


@dataclass(frozen=True)
class CreditRow:
    """INTERNAL (the portfolio): one provider's credits over the last 12 months."""

    name: str
    total: str  # "EUR 32,000"
    earned_back: str  # "EUR 8,850" or ""
    periods: int  # how many periods of the 12 months had a credit
    rights: tuple[str, ...]  # each termination right that holds, in words
    nearest: str = ""  # when none holds: the nearest right, in words ("" without rules)


def portfolio_credit_rows(portfolio: Portfolio) -> tuple[CreditRow, ...]:
    """Every provider with service credits, by name, as of the portfolio's day."""
    rows = []
    for result in sorted(portfolio.providers, key=lambda r: r.provider.name):
        credits = credits_of(portfolio.programme, result, portfolio.as_of)
        if credits is None:
            continue
        year = credits.last_12_months()
        back = sum((pc.earned_back for pc in year), Decimal(0))
        noun = year[-1].period.noun if year else "period"
        found = rights_of(portfolio.programme, result, portfolio.as_of)
        near = sorted((r for r in found if not r.holds), key=lambda r: r.misses_to_hold or 0)
        rows.append(CreditRow(
            name=result.provider.name,
            total=amount_text(sum((pc.amount for pc in year), Decimal(0)), credits.currency),
            earned_back=amount_text(back, credits.currency) if back else "",
            periods=sum(1 for pc in year if pc.amount > 0),
            rights=tuple(right_sentence(r, noun) + f" ({rule_text(r, noun).lower()}.)"
                         for r in found if r.holds),
            nearest=right_sentence(near[0], noun) if near else "",
        ))
    return tuple(rows)
