"""The plan of documents a build makes, and how to get each one's template context.

For every provider and every period it was evaluated in: a provider scorecard
(shared with that provider) and a team scorecard (internal). Then one
portfolio (internal) and the index (internal, HTML only)::

    acme/2026-Q3/provider.html  acme/2026-Q3/provider.pdf
    acme/2026-Q3/team.html      acme/2026-Q3/team.pdf
    acme/renewal.html           acme/renewal.pdf      (v1.1, internal: see below)
    portfolio.html              portfolio.pdf
    index.html

A renewal brief (``document`` ``renewal``, audience ``team``) is made for each
provider with a contract whose decision is due, or for every provider with a
contract when ``renewal`` is among the audiences asked for.

Pure: planning reads no files and renders nothing. A :class:`Document`'s
context is built only when asked for (:meth:`Document.context`), so that a
build narrowed to one provider does not narrate the others.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Literal

from scorecard.data.provenance import Amendment, Provenance
from scorecard.documents.contexts import (
    Context,
    evaluation_context,
    index_context,
    portfolio_context,
    renewal_context,
)
from scorecard.documents.templating import PageSize
from scorecard.figures.renewal import brief_due
from scorecard.figures.results import Evaluation, Portfolio, ProviderResult

__all__ = ["AUDIENCES", "Audience", "Document", "DocumentKind", "plan"]

# "renewal" is asked for like an audience (``--audience renewal``: every brief);
# the briefs it makes have audience "team".
Audience = Literal["provider", "team", "portfolio", "index", "renewal"]
AUDIENCES: tuple[Audience, ...] = ("provider", "team", "portfolio", "index")
DocumentKind = Literal["provider", "team", "portfolio", "index", "renewal"]



@dataclass(frozen=True)
class Document:
    """One document of a build.

    ``stem``: the path inside the output folder without its extension
    (``acme/2026-Q3/provider``); ``html_path`` and ``pdf_path`` add it.
    ``audience``: who may read it (``provider`` documents go to that provider
    only; the others are internal). ``template``: the template's name.
    """

    stem: str
    audience: Audience
    provider: str | None  # provider id
    period: str | None  # period label
    template: str
    build_context: Callable[[], Context] = field(repr=False, compare=False)
    pdf: bool = True  # a PDF is made too
    kind: DocumentKind | None = None  # manifest ``document``; None: the same as the audience

    @property
    def document(self) -> DocumentKind:
        """What kind of document it is: provider, team, portfolio, index or renewal."""
        return self.kind if self.kind is not None else self.audience

    @property
    def html_path(self) -> str:
        return f"{self.stem}.html"

    @property
    def pdf_path(self) -> str | None:
        return f"{self.stem}.pdf" if self.pdf else None

    @property
    def paths(self) -> tuple[str, ...]:
        return (self.html_path,) if self.pdf_path is None else (self.html_path, self.pdf_path)

    def context(self) -> Context:
        """The variables the template receives (``meta`` plus the view)."""
        return self.build_context()


def _renewal_document(
    portfolio: Portfolio, result: ProviderResult, provenance: Provenance, pdf: bool,
    page_size: PageSize,
) -> Document:
    pid = result.provider.id
    return Document(
        stem=f"{pid}/renewal",
        audience="team",
        provider=pid,
        period=None,
        template="renewal.html",
        build_context=renewal_context(portfolio, pid, provenance, page_size),
        pdf=pdf,
        kind="renewal",
    )


def _wants_brief(result: ProviderResult, wanted: Collection[Audience]) -> bool:
    if result.provider.contract is None:
        return False
    return "renewal" in wanted or ("team" in wanted and brief_due(result))


def _evaluation_documents(
    result: ProviderResult,
    evaluation: Evaluation,
    state_of: Callable[[], Portfolio],
    provenance: Provenance,
    record_changes: Sequence[Amendment],
    *,
    wanted: Collection[Audience],
    pdf: bool,
    page_size: PageSize,
) -> list[Document]:
    """The provider and team scorecards of one evaluation, those of them ``wanted``;
    ``state_of`` gives the portfolio of its day when they are built."""
    pid = result.provider.id
    label = evaluation.period.label
    return [
        Document(
            stem=f"{pid}/{label}/{audience}",
            audience=audience,
            provider=pid,
            period=label,
            template=f"{audience}.html",
            build_context=evaluation_context(
                audience, result, evaluation, state_of, provenance, record_changes, page_size
            ),
            pdf=pdf,
        )
        for audience in ("provider", "team")
        if audience in wanted
    ]


def _portfolio_document(
    portfolio: Portfolio,
    provenance: Provenance,
    team_hrefs: Mapping[str, str],
    pdf: bool,
    page_size: PageSize,
) -> Document:
    return Document(
        stem="portfolio",
        audience="portfolio",
        provider=None,
        period=None,
        template="portfolio.html",
        build_context=portfolio_context(portfolio, provenance, team_hrefs, page_size),
        pdf=pdf,
    )


def _index_document(
    portfolio: Portfolio,
    provenance: Provenance,
    documents: Sequence[Document],
    page_size: PageSize,
) -> Document:
    return Document(
        stem="index",
        audience="index",
        provider=None,
        period=None,
        template="index.html",
        build_context=index_context(portfolio, provenance, documents, page_size),
        pdf=False,
    )


def _state_of(
    portfolio: Portfolio, issued: Callable[[date], Portfolio] | None, evaluation: Evaluation
) -> Callable[[], Portfolio]:
    """How to get the portfolio an evaluation's documents show, when they are built."""
    if issued is None:
        return lambda: portfolio
    return partial(issued, evaluation.record.evaluated)


def _add_existing_team_documents(
    portfolio: Portfolio, latest_team: dict[str, str], team_documents: Collection[str]
) -> None:
    """A provider's latest team scorecard that this plan does not make but an earlier
    build left in the folder, for the portfolio to link (``--audience portfolio``)."""
    for result in portfolio.providers:
        pid = result.provider.id
        if pid not in latest_team and result.evaluations:
            existing = f"{pid}/{result.evaluations[-1].period.label}/team.html"
            if existing in team_documents:
                latest_team[pid] = existing


def plan(
    portfolio: Portfolio,
    *,
    provenance: Provenance,
    amendments: Mapping[str, Sequence[Amendment]] | None = None,
    providers: Collection[str] | None = None,
    periods: Collection[str] | None = None,
    audiences: Collection[Audience] | None = None,
    pdf: bool = True,
    page_size: PageSize = "A4",
    issued: Callable[[date], Portfolio] | None = None,
    team_documents: Collection[str] = (),
) -> tuple[Document, ...]:
    """Every document a build makes, providers by id and periods oldest first,
    then the portfolio, then the index.

    ``issued``: the portfolio as of a day (``figures.issued.Issued.on``); a
    provider or team document shows the state on its record's ``evaluated``
    day, so that it stays as issued. None: every document shows ``portfolio``.

    ``amendments``: record file (its ``source.repo_path``) -> its amendments,
    from ``scorecard.data.gitinfo.amendments``. ``providers``, ``periods`` and
    ``audiences`` narrow the plan (None: all); the portfolio is left out when
    the plan is narrowed to some providers or periods, and the index is made
    whenever anything else is, listing what was made. ``pdf``: plan PDFs too.
    ``page_size``: ``"A4"`` or ``"Letter"``, for every document's ``meta``.
    ``team_documents``: team scorecards (HTML paths) an earlier build left in
    the output folder; the portfolio links a provider's latest one when this
    plan does not make it (``--audience portfolio``).
    """
    changes = amendments or {}
    wanted = set(audiences) if audiences is not None else set(AUDIENCES)
    documents: list[Document] = []
    latest_team: dict[str, str] = {}
    for result in portfolio.providers:
        pid = result.provider.id
        if providers is not None and pid not in providers:
            continue
        for evaluation in result.evaluations:
            if periods is not None and evaluation.period.label not in periods:
                continue
            # what it shows is as of its evaluated day: worked out when it is built
            made = _evaluation_documents(
                result, evaluation, _state_of(portfolio, issued, evaluation), provenance,
                tuple(changes.get(evaluation.record.source.repo_path, ())),
                wanted=wanted, pdf=pdf, page_size=page_size,
            )
            for document in made:
                if document.audience == "team":
                    latest_team[pid] = document.html_path
            documents.extend(made)
        if periods is None and _wants_brief(result, wanted):
            documents.append(_renewal_document(portfolio, result, provenance, pdf, page_size))
    narrowed = providers is not None or periods is not None
    _add_existing_team_documents(portfolio, latest_team, team_documents)
    if "portfolio" in wanted and not narrowed:
        documents.append(_portfolio_document(portfolio, provenance, latest_team, pdf, page_size))
    if "index" in wanted and documents:
        documents.append(_index_document(portfolio, provenance, tuple(documents), page_size))
    return tuple(documents)
