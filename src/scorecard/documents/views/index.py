"""The index's view: links to every document of a build, by provider and period."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from scorecard.data.provenance import Provenance
from scorecard.documents.templating import DocumentMeta, audience_label, band_class, format_day
from scorecard.documents.views.common import _bands, _latest_scored, _meta, _score
from scorecard.figures.results import Portfolio, ProviderResult

__all__ = ["IndexDocument", "IndexEntry", "IndexGroup", "IndexPage", "IndexPeriod", "index_view"]


# --- the index ---------------------------------------------------------------


@dataclass(frozen=True)
class IndexDocument:
    title: str  # "Provider scorecard", "Team scorecard", "Portfolio"
    audience: str  # "provider", "team", "portfolio"
    audience_label: str  # "Shared with Acme Managed IT Ltd", "Internal: do not forward"
    html: str  # relative link
    pdf: str | None  # relative link; None when no PDF was made


@dataclass(frozen=True)
class IndexPeriod:
    period: str
    documents: tuple[IndexDocument, ...]


@dataclass(frozen=True)
class IndexGroup:
    provider_id: str
    name: str
    service_area: str | None
    periods: tuple[IndexPeriod, ...]  # latest first
    renewal: IndexDocument | None = None  # the renewal brief (INTERNAL), when one was made
    # Where the provider stands: its latest scored period, as the portfolio shows it.
    score: int | None = None
    band_text: str = "Not yet scored"
    band_class: str = "band-none"
    scored_period: str | None = None
    # What is overdue, in words: "2 actions", "the 2026-Q3 evaluation".
    overdue: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndexPage:
    meta: DocumentMeta
    portfolio: tuple[IndexDocument, ...]
    groups: tuple[IndexGroup, ...]


@dataclass(frozen=True)
class IndexEntry:
    """One document of a build, as the index lists it."""

    audience: str  # provider | team | portfolio
    provider: str | None  # provider id
    period: str | None
    html: str  # path relative to the output folder
    pdf: str | None
    document: str = ""  # v1.1 manifest kind: "renewal" for a renewal brief ("" : the audience)


_TITLES = {"provider": "Provider scorecard", "team": "Team scorecard", "portfolio": "Portfolio",
           "renewal": "Renewal brief"}


def _standing(
    result: ProviderResult, bands: tuple[tuple[str, float], ...]
) -> tuple[int | None, str, str, str | None, tuple[str, ...]]:
    """The latest band and what is overdue, for the index's heading of a provider."""
    scored = _latest_scored(result)
    band = scored.band.name if scored is not None and scored.band is not None else None
    overdue = []
    late_actions = len(result.actions.overdue)
    if late_actions:
        overdue.append(f"{late_actions} action{'s' if late_actions != 1 else ''}")
    for period in result.schedule.overdue:
        overdue.append(f"the {period.label} evaluation")
    return (
        _score(scored.overall) if scored is not None else None,
        band if band is not None else ("No status" if scored else "Not yet scored"),
        band_class(band, bands),
        scored.period.label if scored is not None else None,
        tuple(overdue),
    )


def _periods(
    mine: Sequence[IndexEntry], link: Callable[[IndexEntry], IndexDocument]
) -> tuple[IndexPeriod, ...]:
    """One provider's documents by period, latest first; the provider's before the team's."""
    order = {"provider": 0, "team": 1}
    periods = sorted({e.period for e in mine if e.period}, reverse=True)
    return tuple(
        IndexPeriod(
            period,
            tuple(
                link(e)
                for e in sorted((e for e in mine if e.period == period),
                                key=lambda e: order.get(e.audience, 9))
            ),
        )
        for period in periods
    )


def index_view(
    portfolio: Portfolio, entries: Sequence[IndexEntry], *, provenance: Provenance
) -> IndexPage:
    """Links to every document, grouped by provider and period (latest first)."""
    programme = portfolio.programme
    names = {r.provider.id: r.provider.name for r in portfolio.providers}

    def link(entry: IndexEntry) -> IndexDocument:
        if entry.audience == "provider":
            label = audience_label("provider", names.get(entry.provider or "", entry.provider))
        else:
            label = audience_label("team")
        title = _TITLES["renewal" if entry.document == "renewal" else entry.audience]
        return IndexDocument(title, entry.audience, label, entry.html, entry.pdf)

    groups: list[IndexGroup] = []
    for r in portfolio.providers:
        pid = r.provider.id
        briefs = [e for e in entries if e.provider == pid and e.document == "renewal"]
        mine = [e for e in entries if e.provider == pid and e.document != "renewal"]
        score, band_text, band_css, scored_period, overdue = _standing(r, _bands(programme))
        groups.append(
            IndexGroup(
                provider_id=pid,
                name=r.provider.name,
                service_area=r.provider.service_area,
                periods=_periods(mine, link),
                renewal=link(briefs[0]) if briefs else None,
                score=score,
                band_text=band_text,
                band_class=band_css,
                scored_period=scored_period,
                overdue=overdue,
            )
        )
    meta = _meta(
        title=f"{programme.title}: all documents as of {format_day(portfolio.as_of)}",
        audience="index",
        programme=programme,
        as_of=portfolio.as_of,
        provenance=provenance,
    )
    return IndexPage(
        meta=meta,
        portfolio=tuple(link(e) for e in entries if e.audience == "portfolio"),
        groups=tuple(g for g in groups if g.periods or g.renewal),
    )
