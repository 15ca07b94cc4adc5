"""The portfolio's view: every provider side by side, rankings by area, what needs attention."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from scorecard.data.model import Programme
from scorecard.data.provenance import Provenance
from scorecard.documents import charts
from scorecard.documents.templating import DocumentMeta, band_class, format_day
from scorecard.documents.views.common import (
    _EXIT_STATUS,
    PeerLine,
    _bands,
    _latest_scored,
    _meta,
    _peer,
    _score,
    _trend_words,
)
from scorecard.documents.views.credits import CreditRow, portfolio_credit_rows
from scorecard.documents.views.voice import AboutUsLine, portfolio_about_us
from scorecard.figures.change import shown_trend
from scorecard.figures.due import GROUP_TITLES, Urgency
from scorecard.figures.results import (
    Evaluation,
    Leverage,
    Portfolio,
    PortfolioLeverage,
    ProviderResult,
)
from scorecard.figures.rounding import display
from scorecard.figures.since import last_portfolio_day, since_last
from scorecard.figures.spend import leverage
from scorecard.words.change import change_from_to
from scorecard.words.due import attention
from scorecard.words.portfolio import portfolio_summary
from scorecard.words.since import since_sentences
from scorecard.words.spend import (
    DECISION_WORDS,
    dependence_sentences,
    money,
    share_text,
    spend_sentences,
    unused_sentences,
)
from scorecard.words.stakes import decision_stake

__all__ = [
    "AreaRanking", "AttentionLine", "PortfolioPage", "PortfolioRow", "SpendRow", "portfolio_view",
]


# --- the portfolio -----------------------------------------------------------


@dataclass(frozen=True)
class PortfolioRow:
    provider_id: str
    name: str
    service_area: str | None
    period: str | None  # the latest evaluated period
    score: int | None
    band: str | None
    band_class: str
    band_text: str
    trend_text: str
    targets: str  # "7 of 9", or "None measured"
    open_actions: int
    overdue_actions: int
    scope: str  # "5 of 8 services", or "Not recorded"
    evaluations_overdue: tuple[str, ...]  # period labels
    contract: str  # "Decide by 2 October 2026", "Notice deadline passed", "No contract", ...
    contract_attention: bool
    exit_plan: str  # "Needed", "Stale", "Drafted", "Tested", "No plan"
    exit_attention: bool
    rank: int | None
    team_href: str | None  # the latest team scorecard, relative to the portfolio


@dataclass(frozen=True)
class AttentionLine:
    group: str  # "Overdue", "Due soon", ...
    urgency: str  # overdue | soon | later | info
    due: date | None
    sentence: str


@dataclass(frozen=True)
class AreaRanking:
    area: str
    peers: tuple[PeerLine, ...]


@dataclass(frozen=True)
class SpendRow:
    """INTERNAL: one provider's yearly spend, its share and its dependence flags."""

    name: str
    service_area: str | None
    spend: str  # "EUR 640,000 a year", or "Not on file"
    share: str | None  # "24% of EUR spend"
    flags: tuple[str, ...]  # "Only provider in its area", "Above the concentration share"
    unused_cost: str | None  # "EUR 85,000 a year unused"


@dataclass(frozen=True)
class PortfolioPage:
    meta: DocumentMeta
    as_of: date
    sentence: str  # the portfolio in one or two sentences
    attention: tuple[AttentionLine, ...]  # what needs attention and by when, most urgent first
    rows: tuple[PortfolioRow, ...]  # by rank, then providers without a score by name
    areas: tuple[AreaRanking, ...]
    unranked: tuple[str, ...]  # names of providers with no scored evaluation
    chart: Markup  # inline SVG comparing the providers' latest scores
    # v1.1: spend and dependence (page one), unused services with their cost
    spend_sentence: str = ""
    dependence: tuple[str, ...] = ()
    spend_rows: tuple[SpendRow, ...] = ()
    unused: tuple[str, ...] = ()
    # issue 23: what changed since the portfolio as of the previous period's end
    since_day: date | None = None
    since: tuple[str, ...] = ()
    credit_rows: tuple[CreditRow, ...] = ()  # v1.2: credits over 12 months, rights that hold
    about_us: tuple[AboutUsLine, ...] = ()  # v1.2, INTERNAL: how providers rate us


def _contract_cell(result: ProviderResult) -> tuple[str, bool]:
    status = result.contract
    if status is None:
        return "No contract on file", False
    if status.ended:
        return "Ended", False
    if status.decided is not None:
        decided = DECISION_WORDS[status.decided.status]
        return f"Decided on {format_day(status.decided.day)}: {decided}", False
    if status.deadline_passed:
        return "Notice deadline passed", True
    if status.decision_due and status.notice_deadline is not None:
        return f"Decide by {format_day(status.notice_deadline)}", True
    if status.notice_deadline is None:
        return "Open-ended", False
    return f"Next decision by {format_day(status.notice_deadline)}", False


def _exit_cell(result: ProviderResult) -> tuple[str, bool]:
    plan = result.provider.exit_plan
    if result.exit.missing:
        return "Needed, none on file", True
    if result.exit.stale:
        return "Review overdue", True
    if plan is None or plan.status == "none":
        return "None (not needed now)", False
    return _EXIT_STATUS[plan.status], False


def _row(result: ProviderResult, programme: Programme, team_href: str | None) -> PortfolioRow:
    latest = result.latest
    scored = _latest_scored(result)
    band = scored.band.name if scored is not None and scored.band is not None else None
    contract, contract_attention = _contract_cell(result)
    exit_state, exit_attention = _exit_cell(result)
    scope = "Not recorded"
    if latest is not None and latest.scope is not None and latest.scope.contracted:
        scope = f"{len(latest.scope.used)} of {latest.scope.contracted} services"
    return PortfolioRow(
        provider_id=result.provider.id,
        name=result.provider.name,
        service_area=result.provider.service_area,
        period=latest.period.label if latest is not None else None,
        score=_score(scored.overall) if scored is not None else None,
        band=band,
        band_class=band_class(band, _bands(programme)),
        band_text=band if band is not None else ("No status" if scored else "Not yet scored"),
        trend_text=_row_trend(scored),
        targets=(
            f"{latest.targets_met} of {latest.targets_measured}"
            if latest is not None and latest.targets_measured
            else "None measured"
        ),
        open_actions=result.actions.open_count,
        overdue_actions=len(result.actions.overdue),
        scope=scope,
        evaluations_overdue=tuple(p.label for p in result.schedule.overdue),
        contract=contract,
        contract_attention=contract_attention,
        exit_plan=exit_state,
        exit_attention=exit_attention,
        rank=result.rank.portfolio if result.rank is not None else None,
        team_href=team_href,
    )


DECISIONS_TITLE = "Decisions to take"


def _spend_row(lev: Leverage) -> SpendRow:
    provider, spend = lev.provider.provider, lev.spend
    contract = provider.contract
    currency = contract.currency if contract is not None else None
    flags = []
    if lev.only_in_area:
        flags.append("Only provider in its area")
    if lev.concentrated:
        flags.append("Above the concentration share")
    cost = lev.unused_cost
    return SpendRow(
        name=provider.name,
        service_area=provider.service_area,
        spend=f"{money(spend.annual_value, spend.currency)} a year" if spend else "Not on file",
        share=(f"{share_text(spend.share)} of {spend.currency or 'its'} spend"
               if spend is not None else None),
        flags=tuple(flags),
        unused_cost=f"{money(cost, currency)} a year unused" if cost else None,
    )


def _group(kind: str, urgency: Urgency) -> str:
    """Contract decisions come first, under their own heading (outputs.md v1.1, page one)."""
    if kind in ("contract-decision", "leaving-without-plan"):
        return DECISIONS_TITLE
    return GROUP_TITLES[urgency]


def _chart(ordered: list[ProviderResult], programme: Programme) -> Markup:
    """The chart comparing providers: each one's latest scored overall score."""
    bars: list[tuple[str, float | None]] = []
    for r in ordered:
        latest = _latest_scored(r)
        bars.append((r.provider.name, latest.overall if latest is not None else None))
    return charts.portfolio_bars(bars, _bands(programme))


def portfolio_view(
    portfolio: Portfolio,
    *,
    provenance: Provenance,
    team_hrefs: Mapping[str, str] | None = None,
) -> PortfolioPage:
    """Every provider side by side, rankings by area, what needs attention, a chart.

    ``team_hrefs``: provider id -> link to its latest team scorecard, relative
    to the portfolio document.
    """
    programme = portfolio.programme
    hrefs = team_hrefs or {}
    ranked_ids = [r.provider.id for r in portfolio.ranking]
    unranked = [r for r in portfolio.providers if r.provider.id not in ranked_ids]
    ordered = [*portfolio.ranking, *sorted(unranked, key=lambda r: r.provider.name)]
    meta = _meta(
        title=f"{programme.title}: portfolio as of {format_day(portfolio.as_of)}",
        audience="portfolio",
        programme=programme,
        as_of=portfolio.as_of,
        provenance=provenance,
    )
    lev = leverage(portfolio)
    return PortfolioPage(
        meta=meta,
        as_of=portfolio.as_of,
        sentence=" ".join(portfolio_summary(portfolio)),
        attention=tuple(
            AttentionLine(_group(item.kind, item.urgency), item.urgency, item.due,
                          _with_stake(item.sentence, item.kind, item.provider, portfolio, lev))
            for item in attention(portfolio)
        ),
        rows=tuple(_row(r, programme, hrefs.get(r.provider.id)) for r in ordered),
        areas=tuple(
            AreaRanking(
                area,
                tuple(_peer(r, i, programme, "") for i, r in enumerate(results, start=1)),
            )
            for area, results in portfolio.areas.items()
        ),
        unranked=tuple(r.provider.name for r in unranked),
        chart=_chart(ordered, programme),
        spend_sentence=" ".join(spend_sentences(lev)),
        dependence=tuple(dependence_sentences(lev)),
        spend_rows=tuple(
            _spend_row(p) for p in sorted(
                lev.providers,
                key=lambda p: (p.spend is None, -(p.spend.annual_value if p.spend else 0),
                               p.provider.provider.name),
            )
        ),
        unused=tuple(s for p in lev.providers for s in unused_sentences(p, named=True)),
        since_day=last_portfolio_day(portfolio),
        since=tuple(since_sentences(since_last(portfolio))),
        credit_rows=portfolio_credit_rows(portfolio),
        about_us=portfolio_about_us(portfolio),
    )




def _row_trend(scored: Evaluation | None) -> str:
    """The latest change with both printed scores ("Down 18 points, from 64 to 46")."""
    if scored is None or scored.overall is None or scored.previous_overall is None \
            or shown_trend(scored) is None:
        return _trend_words(None, "No earlier score")
    return change_from_to(display(scored.previous_overall), display(scored.overall))


def _with_stake(sentence: str, kind: str, provider_id: str, portfolio: Portfolio,
                lev: PortfolioLeverage) -> str:
    """A decision's line names its owner and the amount at stake (issue 23)."""
    result = portfolio.provider(provider_id)
    if _group(kind, "info") != DECISIONS_TITLE or result is None:
        return sentence
    spend = next((p.spend for p in lev.providers if p.provider.provider.id == provider_id), None)
    return f"{sentence} {decision_stake(result, spend)}"
