"""The index's view: links to every document of a build, by provider and period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scorecard.data.provenance import Provenance
from scorecard.documents.templating import DocumentMeta, audience_label, format_day
from scorecard.documents.views.common import _meta
from scorecard.figures.results import Portfolio

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
        periods = sorted({e.period for e in mine if e.period}, reverse=True)
        order = {"provider": 0, "team": 1}
        groups.append(
            IndexGroup(
                provider_id=pid,
                name=r.provider.name,
                service_area=r.provider.service_area,
                periods=tuple(
                    IndexPeriod(
                        period,
                        tuple(
                            link(e)
                            for e in sorted(
                                (e for e in mine if e.period == period),
                                key=lambda e: order.get(e.audience, 9),
                            )
                        ),
                    )
                    for period in periods
                ),
                renewal=link(briefs[0]) if briefs else None,
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
