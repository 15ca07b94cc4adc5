"""The renewal brief's view (INTERNAL): one provider's contract term, for whoever negotiates.

Page one: the deadline and what it costs, then the negotiation points; below
them the figures each point comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from scorecard.data.model import display_name
from scorecard.data.provenance import Provenance
from scorecard.documents import charts
from scorecard.documents.templating import DocumentMeta, band_class
from scorecard.documents.views.common import _bands, _meta, _score, _trend_words
from scorecard.documents.views.team import ContractLine, ExitLine, _contract_line, _exit_line
from scorecard.figures.change import shown_change, shown_trend
from scorecard.figures.ranking import latest_scored
from scorecard.figures.renewal import RenewalFigures, renewal_figures
from scorecard.figures.results import Portfolio, Spend
from scorecard.words.asks import asks, position
from scorecard.words.contract import contract_sentences
from scorecard.words.numbers import counted, day_words
from scorecard.words.renewal import NegotiationPoint, gap_words, negotiation_points
from scorecard.words.renewal_credits import term_credits_sentences, term_rights_lines
from scorecard.words.spend import (
    decision_sentences,
    money,
    share_text,
    unused_sentences,
    year_of_use_sentence,
)

__all__ = ["RenewalPage", "renewal_view"]


@dataclass(frozen=True)
class TermRow:
    period: str
    score: int | None
    band: str | None
    band_class: str
    trend_text: str
    targets: str  # "7 of 9"


@dataclass(frozen=True)
class MissedRow:
    criterion: str
    missed: str  # "5 of 8 quarters"
    mean_gap: str  # "25 minutes"
    worst_gap: str


@dataclass(frozen=True)
class ServiceRow:
    name: str
    used: str  # "In 3 of 4 quarters", "Not used", "Not recorded" (over the last year)
    cost: str | None  # "EUR 18,000 a year"
    unused: bool


@dataclass(frozen=True)
class PeerRow:
    name: str
    score: int | None
    band: str | None
    band_class: str
    spend: str | None  # "EUR 120,000 a year (30%)"
    this: bool


@dataclass(frozen=True)
class RenewalPage:
    meta: DocumentMeta
    provider_name: str
    service_area: str | None
    deadline: date | None
    days_left: int | None
    auto_renew: bool
    decide_sentence: str  # the deadline and what happens if we do nothing
    value: str | None  # "EUR 240,000 a year"
    points: tuple[NegotiationPoint, ...]
    term_sentence: str
    term: tuple[TermRow, ...]
    chart: Markup
    missed: tuple[MissedRow, ...]
    problems: tuple[tuple[str, str], ...]  # (label, figure)
    problems_sentence: str
    services: tuple[ServiceRow, ...]
    scope_sentence: str
    peers: tuple[PeerRow, ...]
    contract: ContractLine | None
    exit: ExitLine
    decision_sentence: str
    decision_note: str | None  # Markdown, INTERNAL: the settled decision's note
    position: str = ""  # page one: our position, from the figures (words.asks)
    asks: tuple[NegotiationPoint, ...] = ()  # page one: what to ask for, each from a figure
    credits: tuple[str, ...] = ()  # v1.2: the term's service credits, in words
    credit_rights: tuple[str, ...] = ()  # v1.2: each termination rule and how far it is


def _term_rows(f: RenewalFigures, bands: tuple[tuple[str, float], ...]) -> tuple[TermRow, ...]:
    return tuple(
        TermRow(
            period=e.period.label,
            score=_score(e.overall),
            band=e.band.name if e.band else None,
            band_class=band_class(e.band.name if e.band else None, bands),
            trend_text=_trend_words(shown_trend(e), "First score"),
            targets=f"{e.targets_met} of {e.targets_measured}",
        )
        for e in f.term
    )


def _term_sentence(f: RenewalFigures) -> str:
    start, adopted = f.term_start, f.result.provider.evaluated_from
    since = f" since the contract started on {day_words(start)}" if start else ""
    began = f"The contract started on {day_words(start)}. " if start else ""
    if adopted is not None and (start is None or adopted.start > start):  # v1.2 adoption
        since = f" since we started scoring them in {adopted.describe()}"
        began = f"We started scoring them in {adopted.describe()}. "
    if not f.term:
        return f"There is no evaluation{since}."
    noun = f.term[-1].period.noun
    then = " since then" if began else ""
    text = f"{began}We scored them in {counted(len(f.term), noun)}{then}."
    change = shown_change(f.first_score, f.last_score) if f.term_change is not None else None
    if change is not None:
        text += (f" Their score went from {_score(f.first_score)} to {_score(f.last_score)}: "
                 f"{_trend_words(change, '').lower()} over the term.")
    return text


def _missed_rows(f: RenewalFigures) -> tuple[MissedRow, ...]:
    noun = f.term[-1].period.noun if f.term else "period"
    return tuple(
        MissedRow(
            criterion=m.criterion.name,
            missed=f"{m.missed} of {counted(m.measured, noun)}",
            mean_gap=gap_words(m.mean_gap, m.unit),
            worst_gap=gap_words(m.worst_gap, m.unit),
        )
        for m in f.missed
    )


def _problems(f: RenewalFigures) -> tuple[tuple[tuple[str, str], ...], str]:
    a = f.actions
    median = "none fixed yet" if a.median_days_to_fix is None else counted(
        _score(a.median_days_to_fix) or 0, "day")
    rows = (
        ("Raised in the term", str(a.raised)),
        ("Fixed", str(a.fixed)),
        ("Dropped", str(a.dropped)),
        ("Still open", str(len(a.open))),
        ("Open and overdue", str(len(a.overdue))),
        ("Median time to fix", median),
    )
    sentence = (f"We raised {counted(a.raised, 'problem')} in the term. "
                f"{a.fixed} {'was' if a.fixed == 1 else 'were'} fixed and "
                f"{len(a.open)} {'is' if len(a.open) == 1 else 'are'} still open.")
    return rows, sentence


def _service_rows(f: RenewalFigures) -> tuple[ServiceRow, ...]:
    contract = f.result.provider.contract
    currency = contract.currency if contract is not None else None
    unused = {u.service.id for u in f.leverage.unused}
    year = f.leverage.year
    rows = []
    for service in f.result.provider.services:
        records = [f.result.evaluation(p) for p in year]
        recorded = [e for e in records if e is not None and e.record.services_used is not None]
        used = sum(1 for e in recorded if service.id in (e.record.services_used or ()))
        if service.id in unused:
            words = "Not used"
        elif recorded:
            words = f"In {used} of {counted(len(recorded), year[0].noun)}"
        else:
            words = "Not recorded"
        cost = service.annual_value
        rows.append(ServiceRow(service.name, words,
                               f"{money(cost, currency)} a year" if cost is not None else None,
                               service.id in unused))
    return tuple(rows)


def _spend_text(spend: Spend | None) -> str | None:
    if spend is None:
        return None
    return f"{money(spend.annual_value, spend.currency)} a year ({share_text(spend.share)})"


def _peer_rows(f: RenewalFigures, bands: tuple[tuple[str, float], ...]) -> tuple[PeerRow, ...]:
    """This provider and its peers in the same service area, best latest score first."""
    if not f.peers:
        return ()
    rows = [(f.result, f.score, f.leverage.spend, True)]
    rows += [(p.result, p.score, p.spend, False) for p in f.peers]
    rows.sort(key=lambda r: (r[1] is None, -(r[1] or 0.0), r[0].provider.name))
    out = []
    for result, score, spend, this in rows:
        latest = latest_scored(result)
        band = latest.band.name if latest is not None and latest.band is not None else None
        out.append(PeerRow(result.provider.name, _score(score), band, band_class(band, bands),
                           _spend_text(spend), this))
    return tuple(out)


def renewal_view(
    portfolio: Portfolio, provider_id: str, *, provenance: Provenance
) -> RenewalPage:
    """The renewal brief of one provider with a contract, as of the portfolio's day."""
    f = renewal_figures(portfolio, provider_id)
    if f is None:
        raise ValueError(f"{provider_id} has no contract: no renewal brief")
    programme = portfolio.programme
    result = f.result
    name = result.provider.name
    bands = _bands(programme)
    meta = _meta(title=f"{name}: renewal brief", audience="team", programme=programme,
                 as_of=portfolio.as_of, provenance=provenance, provider_name=name)
    status, contract = result.contract, result.provider.contract
    spend = f.leverage.spend
    problems, problems_sentence = _problems(f)
    return RenewalPage(
        meta=meta,
        provider_name=name,
        service_area=result.provider.service_area,
        deadline=status.notice_deadline if status else None,
        days_left=status.days_to_deadline if status else None,
        auto_renew=bool(contract and contract.auto_renew),
        decide_sentence=" ".join(contract_sentences(result)),
        value=f"{money(spend.annual_value, spend.currency)} a year" if spend else None,
        points=negotiation_points(f),
        position=position(f, programme),
        asks=asks(f),
        term_sentence=_term_sentence(f),
        term=_term_rows(f, bands),
        chart=charts.score_history([(e.period.label, e.overall) for e in f.term], bands,
                                   title="Overall score over the contract term", height=130,
                                   unjudged={e.period.label for e in f.term
                                             if e.overall is not None and e.band is None}),
        missed=_missed_rows(f),
        problems=problems,
        problems_sentence=problems_sentence,
        services=_service_rows(f),
        scope_sentence=" ".join(unused_sentences(f.leverage))
        or year_of_use_sentence(f.leverage),
        peers=_peer_rows(f, bands),
        contract=_contract_line(result, programme),
        exit=_exit_line(result, portfolio),
        decision_sentence=" ".join(decision_sentences(result, f.leverage.leaving_without_plan)),
        decision_note=status.decided.note if status and status.decided else None,
        credits=tuple(term_credits_sentences(f, display_name(result.provider))),
        credit_rights=tuple(term_rights_lines(f)),
    )
