"""Each document's template context, made only when it is rendered.

A provider or team scorecard shows the portfolio as of its record's evaluated
day; the team scorecard's context asks for that portfolio again when it is
built (``state_of``) rather than keep it: a build holds thousands of documents,
and a portfolio per day for each would cost memory in providers x days.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal

from scorecard.data.provenance import Amendment, Provenance
from scorecard.documents.templating import PageSize
from scorecard.documents.views.index import IndexEntry, index_view
from scorecard.documents.views.portfolio import portfolio_view
from scorecard.documents.views.provider import provider_view
from scorecard.documents.views.renewal import renewal_view
from scorecard.documents.views.team import team_view
from scorecard.figures.results import Evaluation, Portfolio, ProviderResult

if TYPE_CHECKING:
    from scorecard.documents.plan import Document

__all__ = ["Context", "evaluation_context", "index_context", "portfolio_context",
           "renewal_context"]

Context = Mapping[str, Any]


def _as_issued(state_of: Callable[[], Portfolio], result: ProviderResult,
               evaluation: Evaluation) -> tuple[Portfolio, ProviderResult, Evaluation]:
    """The portfolio of the evaluation's day, and the provider's figures and the
    evaluation in it (those of the build's portfolio if it has none: it always has)."""
    state = state_of()
    then = state.provider(result.provider.id) or result
    return state, then, then.evaluation(evaluation.period) or evaluation


def evaluation_context(
    audience: Literal["provider", "team"],
    result: ProviderResult,
    evaluation: Evaluation,
    state_of: Callable[[], Portfolio],
    provenance: Provenance,
    changes: Sequence[Amendment],
    page_size: PageSize,
) -> Callable[[], Context]:
    """The context of an evaluation's provider or team scorecard. ``result`` and
    ``evaluation`` are the build's; what the document shows is as of its day:
    ``state_of()``, asked for when it is built rather than kept by every document
    (a portfolio per day costs memory in providers x days)."""

    def build() -> Context:
        state, then, shown = _as_issued(state_of, result, evaluation)
        if audience == "team":
            team = team_view(then, shown, state, provenance=provenance, amendments=changes)
            return {"meta": replace(team.meta, page_size=page_size), "p": team.shared,
                    "team": team}
        page = provider_view(then, shown, state.programme, as_of=state.as_of,
                             provenance=provenance,
                             revised=max((a.day for a in changes), default=None))
        return {"meta": replace(page.meta, page_size=page_size), "p": page}

    return build


def portfolio_context(
    portfolio: Portfolio,
    provenance: Provenance,
    team_hrefs: Mapping[str, str],
    page_size: PageSize,
) -> Callable[[], Context]:
    def build() -> Context:
        page = portfolio_view(portfolio, provenance=provenance, team_hrefs=team_hrefs)
        return {"meta": replace(page.meta, page_size=page_size), "v": page}

    return build


def renewal_context(
    portfolio: Portfolio, provider_id: str, provenance: Provenance, page_size: PageSize
) -> Callable[[], Context]:
    def build() -> Context:
        page = renewal_view(portfolio, provider_id, provenance=provenance)
        return {"meta": replace(page.meta, page_size=page_size), "v": page}

    return build


def index_context(
    portfolio: Portfolio,
    provenance: Provenance,
    documents: Sequence[Document],
    page_size: PageSize,
) -> Callable[[], Context]:
    entries = [
        IndexEntry(d.audience, d.provider, d.period, d.html_path, d.pdf_path, d.document)
        for d in documents
    ]

    def build() -> Context:
        page = index_view(portfolio, entries, provenance=provenance)
        return {"meta": replace(page.meta, page_size=page_size), "v": page}

    return build
