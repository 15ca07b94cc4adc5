"""INTERNAL. Money, spend and dependence, unused services and contract decisions, in words.

Never in a provider document: these sentences name what we pay and what we decided.
"""

from __future__ import annotations

from scorecard.data.model import display_name
from scorecard.figures.results import (
    Leverage,
    PortfolioLeverage,
    ProviderResult,
    SpendTotal,
    UnusedService,
)
from scorecard.figures.rounding import display, round_half_away
from scorecard.words.numbers import day_words, join_words

__all__ = [  # DECISION_WORDS too, for labels
    "decision_sentences",
    "dependence_sentences",
    "money",
    "share_text",
    "spend_sentences",
    "unused_sentence",
    "unused_sentences",
    "year_of_use_sentence",
]

DECISION_WORDS = {
    "renew": "renew the contract",
    "renegotiate": "renegotiate the contract",
    "exit": "leave at the end of the contract",
    "notice-given": "give notice",
}


def money(amount: float, currency: str | None) -> str:
    """``EUR 18,000``; cents only when there are some (``EUR 1,250.50``)."""
    whole = f"{round_half_away(amount, 2):,.2f}".removesuffix(".00")
    return f"{currency} {whole}" if currency else whole


def share_text(share: float) -> str:
    """A share as a whole percentage, halves away from zero: ``60%``."""
    return f"{display(100 * share)}%"


def _total_words(total: SpendTotal) -> str:
    return f"{money(total.total, total.currency)} a year"


def spend_sentences(lev: PortfolioLeverage) -> list[str]:
    """What we spend in all, per currency (never added across currencies)."""
    if not lev.totals:
        return ["No contract on file states what it costs."]
    if len(lev.totals) == 1:
        return [f"We spend {_total_words(lev.totals[0])} on our providers."]
    parts = join_words([_total_words(t) for t in lev.totals])
    return [
        f"We spend {parts} on our providers.",
        "These are in different currencies, so they are not added up.",
    ]


def dependence_sentences(lev: PortfolioLeverage) -> list[str]:
    """Areas with one provider only, and providers above the concentration share."""
    sentences = [f"No other provider does {area}." for area in lev.single_areas]
    limit = "half" if lev.concentration_share == 0.5 else share_text(lev.concentration_share)
    for p in lev.providers:
        if p.concentrated and p.spend is not None:
            name = display_name(p.provider.provider)
            currency = f" in {p.spend.currency}" if p.spend.currency else ""
            sentences.append(
                f"{name} gets {share_text(p.spend.share)} of what we spend{currency}. "
                f"That is more than {limit}, so we depend on it."
            )
    return sentences


def unused_sentence(unused: UnusedService, currency: str | None,
                    provider_name: str | None = None) -> str:
    """"We pay EUR 18,000 a year for Out-of-hours support and have not used it since ...".

    ``provider_name``: say whom we pay ("We pay Acme EUR 18,000 ..."), for the portfolio.
    """
    name = unused.service.name
    since = (
        f"have not used it since {unused.last_used.describe()}"
        if unused.last_used is not None
        else "did not use it in the last year"
    )
    whom = f"{provider_name} " if provider_name else ""
    if unused.annual_value is not None:
        cost = money(unused.annual_value, currency)
        return f"We pay {whom}{cost} a year for {name} and {since}."
    of = f" from {provider_name}" if provider_name else ""
    return f"We {since.replace('it', name + of, 1)}."


def unused_sentences(lev: Leverage, *, named: bool = False) -> list[str]:
    """Every contracted service unused for a year, with what it costs when known.

    ``named``: name the provider in each sentence (the portfolio)."""
    provider = lev.provider.provider
    currency = provider.contract.currency if provider.contract is not None else None
    who = display_name(provider) if named else None
    return [unused_sentence(u, currency, who) for u in lev.unused]


def decision_sentences(result: ProviderResult, leaving_without_plan: bool) -> list[str]:
    """What was decided about the contract, and whether we are leaving without a plan."""
    status = result.contract
    decided = status.decided if status is not None else None
    if decided is None:
        return []
    sentences = [f"On {day_words(decided.day)} we decided to {DECISION_WORDS[decided.status]}."]
    if leaving_without_plan:
        sentences.append("There is no exit plan for leaving. Draft one now.")
    return sentences


def year_of_use_sentence(lev: Leverage) -> str:
    """When no service is unused for a year: why (all used, or the year is not all recorded)."""
    result = lev.provider
    complete = bool(lev.year) and all(
        (e := result.evaluation(p)) is not None and e.record.services_used is not None
        for p in lev.year
    )
    if not result.provider.services:
        return "No services are listed for this contract."
    if not complete:
        return ("Not every period of the last year has a record of the services we used. "
                "So no service is called unused yet.")
    return "We used every contracted service at least once in the last year."
