"""INTERNAL. The portfolio: a provider's rank, and how many providers are in each band."""

from __future__ import annotations

from scorecard.data.model import display_name
from scorecard.figures.results import Portfolio, ProviderResult
from scorecard.figures.scoring import bands_of
from scorecard.words.numbers import count_word, counted, ordinal

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
    """INTERNAL. How many providers, and how many in each band."""
    total = len(portfolio.providers)
    if total == 0:
        return ["There are no providers yet."]
    sentences = [f"The programme covers {counted(total, 'provider')}."]
    latest_bands = [
        p.latest.band.name if p.latest is not None and p.latest.band is not None else None
        for p in portfolio.providers
    ]
    for band in bands_of(portfolio.programme):
        n = latest_bands.count(band.name)
        if n:
            sentences.append(f"{count_word(n)} {'is' if n == 1 else 'are'} rated {band.name}.")
    unrated = latest_bands.count(None)
    if unrated:
        sentences.append(f"{count_word(unrated)} {'has' if unrated == 1 else 'have'} no rating.")
    return sentences
