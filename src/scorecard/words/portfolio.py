"""INTERNAL. The portfolio: a provider's rank, and how many providers are in each band."""

from __future__ import annotations

from scorecard.data.model import display_name
from scorecard.figures.results import Portfolio, ProviderResult
from scorecard.figures.scoring import bands_of
from scorecard.words.numbers import count_word, counted, join_words, ordinal

__all__ = ["portfolio_summary", "rank_sentences"]


def rank_sentences(result: ProviderResult) -> list[str]:
    """INTERNAL. "Acme ranks 2nd of 5 providers." and its place in its service area."""
    rank = result.rank
    if rank is None:
        return []
    name = display_name(result.provider)
    sentences = [
        f"{name} ranks {ordinal(rank.portfolio)} of "
        f"{counted(rank.portfolio_size, 'provider')} by its latest score."
    ]
    area = result.provider.service_area
    if area and rank.area is not None and rank.area_size is not None and rank.area_size > 1:
        sentences.append(f"It ranks {ordinal(rank.area)} of {rank.area_size} in {area}.")
    return sentences


def portfolio_summary(portfolio: Portfolio) -> list[str]:
    """INTERNAL. How many providers, and which have each status (the band), by name:
    "We have 5 providers. Two have the status Strong: Castellan and Sentinel Bay."."""
    total = len(portfolio.providers)
    if total == 0:
        return ["There are no providers yet."]
    sentences = [f"We have {counted(total, 'provider')}."]
    latest = [
        (p.latest.band.name if p.latest is not None and p.latest.band is not None else None,
         display_name(p.provider))
        for p in portfolio.providers
    ]
    for band in bands_of(portfolio.programme):
        names = [name for b, name in latest if b == band.name]
        if names:
            n = len(names)
            sentences.append(f"{count_word(n)} {'has' if n == 1 else 'have'} the status "
                             f"{band.name}: {join_words(names)}.")
    none = [name for b, name in latest if b is None]
    if none:
        n = len(none)
        sentences.append(f"{count_word(n)} {'has' if n == 1 else 'have'} no status yet: "
                         f"{join_words(none)}.")
    return sentences
