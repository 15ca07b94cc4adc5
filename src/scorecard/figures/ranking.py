"""INTERNAL: providers ranked by their latest overall score."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from scorecard.figures.results import Evaluation, ProviderResult, Rank

__all__ = ["Ranking", "latest_scored", "rank_key", "rank_providers"]


def latest_scored(result: ProviderResult) -> Evaluation | None:
    """The provider's latest evaluation that has an overall score."""
    for evaluation in reversed(result.evaluations):
        if evaluation.overall is not None:
            return evaluation
    return None


def rank_key(result: ProviderResult) -> tuple[float, float, str]:
    """Sort key, best first: higher latest overall, then higher coverage of that
    evaluation, then id ascending. Only for providers with a scored evaluation."""
    latest = latest_scored(result)
    if latest is None or latest.overall is None:
        raise ValueError(f"{result.provider.id} has no scored evaluation to rank")
    return (-latest.overall, -latest.coverage, result.provider.id)


@dataclasses.dataclass(frozen=True)
class Ranking:
    providers: tuple[ProviderResult, ...]  # the input order, each with its rank set
    ranking: tuple[ProviderResult, ...]  # best first; only providers with a score
    areas: Mapping[str, tuple[ProviderResult, ...]]  # area -> best first; areas by name


def rank_providers(results: Sequence[ProviderResult]) -> Ranking:
    """Rank across the portfolio and inside each non-empty service area.

    Providers without a scored evaluation get no rank (``rank`` None). Areas
    with no ranked provider are left out of ``areas``.
    """
    scored = sorted((r for r in results if latest_scored(r) is not None), key=rank_key)
    by_area: dict[str, list[str]] = {}
    for r in scored:
        if r.provider.service_area:
            by_area.setdefault(r.provider.service_area, []).append(r.provider.id)

    ranks: dict[str, Rank] = {}
    for position, r in enumerate(scored, start=1):
        area = r.provider.service_area
        peers = by_area.get(area) if area else None
        ranks[r.provider.id] = Rank(
            portfolio=position,
            portfolio_size=len(scored),
            area=peers.index(r.provider.id) + 1 if peers else None,
            area_size=len(peers) if peers else None,
        )

    ranked = tuple(
        dataclasses.replace(r, rank=ranks.get(r.provider.id)) for r in results
    )
    by_id = {r.provider.id: r for r in ranked}
    return Ranking(
        providers=ranked,
        ranking=tuple(by_id[r.provider.id] for r in scored),
        areas={
            area: tuple(by_id[pid] for pid in ids) for area, ids in sorted(by_area.items())
        },
    )
