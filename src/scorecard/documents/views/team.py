"""The team scorecard's view: the provider page, relabelled internal, plus the internal parts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from scorecard.data.model import Action, Programme, display_name
from scorecard.data.provenance import Amendment, Provenance
from scorecard.documents.templating import DocumentMeta, band_class
from scorecard.documents.views.common import (
    _EXIT_STATUS,
    ActionLine,
    PeerLine,
    _action_line,
    _bands,
    _open_on,
    _owner,
    _peer,
    _rating_text,
    _score,
    _trend_words,
    rules_changed_since,
)
from scorecard.documents.views.credits import TerminationBox, termination_box
from scorecard.documents.views.provider import ProviderPage, evaluation_page
from scorecard.documents.views.voice import AboutUsLine, about_us_lines
from scorecard.figures.change import shown_trend
from scorecard.figures.memo import provider_leverage_of
from scorecard.figures.results import Evaluation, Portfolio, ProviderResult
from scorecard.figures.rounding import display, round_half_away
from scorecard.words.contract import contract_sentences, exit_plan_sentences
from scorecard.words.criteria import criterion_sentences
from scorecard.words.due import schedule_sentences
from scorecard.words.next_steps import next_steps
from scorecard.words.portfolio import rank_sentences
from scorecard.words.record_changes import subject_line
from scorecard.words.spend import decision_sentences, unused_sentences

__all__ = [
    "AmendmentLine",
    "ContractLine",
    "ExitLine",
    "HistoryLine",
    "InternalNote",
    "RankLine",
    "RatingLine",
    "TeamActionLine",
    "TeamPage",
    "team_view",
]


# --- the internal parts: the team scorecard --------------------------------


@dataclass(frozen=True)
class RatingLine:
    """INTERNAL: one rated criterion, each evaluator's rating and whether they disagree."""

    criterion: str
    ratings: tuple[tuple[str, int, str], ...]  # (evaluator, rating, the scale's label)
    mean: str  # "3.5"
    disagreement: bool
    sentence: str


@dataclass(frozen=True)
class InternalNote:
    criterion: str
    note: str  # Markdown


@dataclass(frozen=True)
class ContractLine:
    start: date | None
    end: date | None
    notice_days: int
    notice_deadline: date | None
    auto_renew: bool
    value: str | None  # "240,000 EUR a year"
    decision_due: bool
    deadline_passed: bool
    ended: bool
    status: str  # "Decision due", "Notice deadline passed", "Ended", "No decision due yet"
    sentence: str


@dataclass(frozen=True)
class ExitLine:
    status: str  # "No plan", "Drafted", "Tested"
    reviewed: date | None
    alternatives: tuple[str, ...]
    budget: str | None
    missing: bool
    stale: bool
    state: str  # "Needed", "Stale", "Ready", "Not needed"
    sentence: str


@dataclass(frozen=True)
class RankLine:
    portfolio: int
    portfolio_size: int
    area: str | None
    area_rank: int | None
    area_size: int | None
    peers: tuple[PeerLine, ...]  # the providers in the same service area, best first
    sentence: str


@dataclass(frozen=True)
class HistoryLine:
    period: str
    evaluated: date
    due: date
    late: bool
    score: int | None
    band: str | None
    band_class: str
    trend_text: str
    coverage_percent: int
    targets: str  # "7 of 9"
    current: bool  # the period the document is about
    rules_changed: bool = False  # judged by other rules than the evaluation before it


@dataclass(frozen=True)
class AmendmentLine:
    day: date
    author: str
    subject: str
    commit: str  # short id


@dataclass(frozen=True)
class TeamActionLine:
    line: ActionLine
    internal_note: str | None  # Markdown, INTERNAL


@dataclass(frozen=True)
class TeamPage:
    """The team scorecard: the provider page (relabelled internal) plus internal parts."""

    meta: DocumentMeta
    shared: ProviderPage
    ratings: tuple[RatingLine, ...]
    internal_notes: tuple[InternalNote, ...]
    internal: str | None  # Markdown: the record's internal summary
    actions: tuple[TeamActionLine, ...]  # every action raised by the as-of day, open first
    contract: ContractLine | None
    exit: ExitLine
    rank: RankLine | None
    history: tuple[HistoryLine, ...]
    amendments: tuple[AmendmentLine, ...]
    schedule_sentence: str
    # v1.1 (INTERNAL): services paid for and unused for a year; the contract decision
    unused: tuple[str, ...] = ()
    decision_sentence: str = ""
    decision_note: str | None = None  # Markdown, INTERNAL: the settled decision's note
    next_steps: tuple[str, ...] = ()  # page one: who does what by when (words.next_steps)
    termination: TerminationBox | None = None  # v1.2 INTERNAL: 12-month credits, rights
    about_us: tuple[AboutUsLine, ...] = ()  # v1.2, INTERNAL: how the provider rates us


def _log_key(action: Action, as_of: date) -> tuple[int, int, str]:
    if _open_on(action, as_of):
        group = 0 if action.kind == "deficiency" else 1
        return (group, (action.due or action.raised).toordinal(), action.id)
    closed = action.closed or action.raised
    return (2, -closed.toordinal(), action.id)


def _rating_lines(evaluation: Evaluation, programme: Programme) -> tuple[RatingLine, ...]:
    lines: list[RatingLine] = []
    for cr in evaluation.criteria():
        if cr.ratings is None or cr.mean_rating is None:
            continue
        ratings = tuple(
            (who, rating, programme.scale.label(rating) or "")
            for who, rating in sorted(cr.ratings.items())
        )
        lines.append(
            RatingLine(
                criterion=cr.criterion.name,
                ratings=ratings,
                mean=_rating_text(cr.mean_rating),
                disagreement=cr.disagreement,
                sentence=" ".join(
                    criterion_sentences(
                        cr, programme.scale, evaluation.period, internal=True
                    )
                ),
            )
        )
    return tuple(lines)


def _money(amount: float | None, currency: str | None) -> str | None:
    if amount is None:
        return None
    whole = f"{round_half_away(amount, 2):,.2f}".removesuffix(".00")
    return f"{whole} {currency}" if currency else whole


def _contract_line(result: ProviderResult, programme: Programme) -> ContractLine | None:
    contract = result.provider.contract
    status = result.contract
    if contract is None or status is None:
        return None
    if status.ended:
        state = "Ended"
    elif status.decided is not None:
        state = f"Decided: {status.decided.status.replace('-', ' ')}"
    elif status.deadline_passed:
        state = "Notice deadline passed"
    elif status.decision_due:
        state = "Decision due"
    elif status.notice_deadline is None:
        state = "Open-ended"
    else:
        state = "No decision due yet"
    value = _money(contract.annual_value, contract.currency)
    return ContractLine(
        start=contract.start,
        end=contract.end,
        notice_days=contract.notice_days,
        notice_deadline=status.notice_deadline,
        auto_renew=contract.auto_renew,
        value=f"{value} a year" if value else None,
        decision_due=status.decision_due,
        deadline_passed=status.deadline_passed,
        ended=status.ended,
        status=state,
        sentence=" ".join(contract_sentences(result)),
    )


def _alternative_name(alternative: str, portfolio: Portfolio) -> str:
    other = portfolio.provider(alternative)
    return other.provider.name if other is not None else alternative


def _exit_line(result: ProviderResult, portfolio: Portfolio) -> ExitLine:
    plan = result.provider.exit_plan
    readiness = result.exit
    status = _EXIT_STATUS[plan.status] if plan is not None else "No plan"
    if readiness.missing:
        state = "Needed"
    elif readiness.stale:
        state = "Review due"
    elif plan is None or plan.status == "none":
        state = "Not needed now"
    else:
        state = status
    return ExitLine(
        status=status,
        reviewed=plan.reviewed if plan is not None else None,
        alternatives=tuple(_alternative_name(a, portfolio) for a in plan.alternatives)
        if plan is not None
        else (),
        budget=_money(plan.budget, None) if plan is not None else None,
        missing=readiness.missing,
        stale=readiness.stale,
        state=state,
        sentence=" ".join(exit_plan_sentences(result, portfolio.programme)),
    )


def _rank_line(result: ProviderResult, portfolio: Portfolio) -> RankLine | None:
    rank = result.rank
    if rank is None:
        return None
    area = result.provider.service_area
    peers = portfolio.areas.get(area, ()) if area else ()
    return RankLine(
        portfolio=rank.portfolio,
        portfolio_size=rank.portfolio_size,
        area=area,
        area_rank=rank.area,
        area_size=rank.area_size,
        peers=tuple(
            _peer(peer, i, portfolio.programme, result.provider.id)
            for i, peer in enumerate(peers, start=1)
        ),
        sentence=" ".join(rank_sentences(result)),
    )


def _history_lines(
    result: ProviderResult, current: Evaluation, programme: Programme
) -> tuple[HistoryLine, ...]:
    return tuple(
        HistoryLine(
            period=e.period.label,
            evaluated=e.record.evaluated,
            due=e.due,
            late=e.late,
            score=_score(e.overall),
            band=e.band.name if e.band else None,
            band_class=band_class(e.band.name if e.band else None, _bands(programme)),
            trend_text=_trend_words(shown_trend(e), "First score"),
            coverage_percent=display(100 * e.coverage),
            targets=f"{e.targets_met} of {e.targets_measured}",
            current=e.period == current.period,
            rules_changed=rules_changed_since(programme, result, e),
        )
        for e in result.evaluations
    )


def team_view(
    result: ProviderResult,
    evaluation: Evaluation,
    portfolio: Portfolio,
    *,
    provenance: Provenance,
    amendments: Sequence[Amendment],
) -> TeamPage:
    """The team scorecard: everything in the provider's, plus the internal parts."""
    programme = portfolio.programme
    as_of = portfolio.as_of
    revised = max((a.day for a in amendments), default=None)
    shared = evaluation_page(result, evaluation, programme, as_of, provenance, revised,
                             internal=True)
    record = evaluation.record
    names = {c.id: c.name for c in programme.criteria()}
    # The whole log of actions raised by the as-of day: open problems by due day,
    # then open ideas, then the closed ones, latest closed first.
    known = [a for a in result.provider.actions if a.raised <= as_of]
    log = sorted(known, key=lambda a: _log_key(a, as_of))
    you = display_name(result.provider)
    return TeamPage(
        meta=shared.meta,
        shared=shared,
        ratings=_rating_lines(evaluation, programme),
        internal_notes=tuple(
            InternalNote(names.get(cid, cid), note)
            for cid, note in record.internal_notes.items()
        ),
        internal=record.internal,
        actions=tuple(
            TeamActionLine(_action_line(a, as_of, _owner(a, you)), a.internal_note)
            for a in log
        ),
        contract=_contract_line(result, programme),
        exit=_exit_line(result, portfolio),
        rank=_rank_line(result, portfolio),
        history=_history_lines(result, evaluation, programme),
        amendments=tuple(
            AmendmentLine(a.day, a.author, subject_line(a.subject), a.commit[:7])
            for a in amendments
        ),
        schedule_sentence=" ".join(schedule_sentences(result, programme.grace_days)),
        next_steps=tuple(next_steps(result, evaluation, _reply_days(programme))),
        termination=termination_box(programme, result, evaluation, as_of, you),
        **_leverage_words(portfolio, result),
        about_us=about_us_lines(record, programme),
    )


def _leverage_words(portfolio: Portfolio, result: ProviderResult) -> dict[str, Any]:
    lev = provider_leverage_of(portfolio, result.provider.id)
    if lev is None:
        return {}
    decided = result.contract.decided if result.contract is not None else None
    return {
        "unused": tuple(unused_sentences(lev)),
        "decision_sentence": " ".join(decision_sentences(result, lev.leaving_without_plan)),
        "decision_note": decided.note if decided is not None else None,
    }




def _reply_days(programme: Programme) -> int:
    return programme.distribution.reply_days if programme.distribution is not None else 14
