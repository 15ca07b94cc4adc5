"""What each document template receives: plain data, built from results and narration.

A template never gets a model or results object. It gets the small frozen
dataclasses below, made of strings, numbers, days and tuples of the same, so
that a template cannot reach a field it was not meant to show.

Redaction by construction: :class:`ProviderPage` (the provider scorecard) is
built by :func:`provider_view` from shared fields only. It has no field for a
contract, an exit plan, an internal note or summary, an individual
evaluator's rating, a disagreement, a rank, or another provider. The internal
parts live only in :class:`TeamPage` and :class:`PortfolioPage`. Each view
function reads the results objects field by field; none of them copies an
object whole into a view.

Markdown fields (summaries, notes, replies) are passed as the text written in
the data; the templates put them through the ``markdown`` filter.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from markupsafe import Markup

from scorecard.data.model import Action, Criterion, Programme, display_name
from scorecard.data.periods import Period
from scorecard.data.provenance import Amendment, Provenance
from scorecard.documents import charts
from scorecard.documents.templating import (
    DocumentMeta,
    audience_label,
    band_class,
    format_day,
    format_score,
)
from scorecard.figures.due import GROUP_TITLES
from scorecard.figures.results import CriterionResult, Evaluation, Portfolio, ProviderResult
from scorecard.figures.rounding import display, round_half_away
from scorecard.figures.scoring import bands_of
from scorecard.words.actions import actions_summary
from scorecard.words.contract import contract_sentences, exit_plan_sentences
from scorecard.words.criteria import criterion_sentences, not_scored, targets_summary
from scorecard.words.due import attention, schedule_sentences
from scorecard.words.numbers import value_text
from scorecard.words.portfolio import portfolio_summary, rank_sentences
from scorecard.words.scope import scope_sentences
from scorecard.words.scores import headline

__all__ = [
    "ActionLine",
    "AmendmentLine",
    "AreaRanking",
    "AttentionLine",
    "CategoryLine",
    "ContractLine",
    "CriterionLine",
    "ExitLine",
    "Headline",
    "HistoryLine",
    "IndexDocument",
    "IndexEntry",
    "IndexGroup",
    "IndexPage",
    "IndexPeriod",
    "InternalNote",
    "PeerLine",
    "PortfolioPage",
    "PortfolioRow",
    "ProviderPage",
    "RankLine",
    "RatingLine",
    "ScopeLine",
    "ScorePoint",
    "TeamActionLine",
    "TeamPage",
    "index_view",
    "portfolio_view",
    "provider_view",
    "team_view",
]


# --- numbers in words -------------------------------------------------------


def _target_text(criterion: Criterion) -> str:
    measure = criterion.measure
    assert measure is not None
    target = value_text(measure.target, measure.unit)
    return f"{target} or more" if measure.better == "higher" else f"{target} or less"


def _trend_words(trend: float | None, none: str) -> str:
    """scoring.md: "About the same" under 1 point, else "Up N points" / "Down N points"."""
    if trend is None:
        return none
    if abs(trend) < 1:
        return "About the same"
    n = display(abs(trend))
    points = "point" if n == 1 else "points"
    return f"Up {n} {points}" if trend > 0 else f"Down {n} {points}"


def _rating_text(x: float) -> str:
    """A mean rating: "4", "3.5" (one decimal, halves away from zero)."""
    return str(int(x)) if x == int(x) else f"{round_half_away(x, 1):.1f}"


def _score(x: float | None) -> int | None:
    return display(x) if x is not None else None


def _bands(programme: Programme) -> tuple[tuple[str, float], ...]:
    return tuple((b.name, b.min) for b in programme.bands)


def _meta(
    *,
    title: str,
    audience: Literal["provider", "team", "portfolio", "index"],
    programme: Programme,
    as_of: date,
    provenance: Provenance,
    provider_name: str | None = None,
    period: str | None = None,
) -> DocumentMeta:
    """What the base layout needs. The index is internal, like the portfolio."""
    kind: Literal["provider", "team", "portfolio"] = (
        "portfolio" if audience == "index" else audience
    )
    return DocumentMeta(
        title=title,
        audience=kind,
        audience_label=audience_label(kind, provider_name),
        as_of=as_of,
        commit=provenance.commit or "",
        dirty=provenance.dirty,
        provider=provider_name,
        period=period,
        organisation=programme.organisation,
    )


# --- the shared parts: what a provider may see -----------------------------


@dataclass(frozen=True)
class Headline:
    """The box at the top: score, band (in words, and a class for its colour), trend."""

    score: int | None  # whole number, None when nothing was scored
    band: str | None  # the band's name; None: too little scored to judge
    band_class: str  # band-top | band-mid | band-low | band-none
    band_text: str  # the band in words, always present ("Too little scored to judge")
    trend: float | None
    trend_text: str  # "Up 5 points", "About the same", "No earlier score to compare with"
    coverage_percent: int  # share of the programme scored, 0..100
    sentence: str  # the headline in plain words


@dataclass(frozen=True)
class CriterionLine:
    id: str
    name: str
    explain: str | None
    measured: bool
    scored: bool
    score: int | None
    result: str  # "42 minutes", "3.5 out of 5", "Not scored"
    target: str  # "15 minutes or less"; for rated criteria, the scale's label of the result
    outcome: str  # "Met", "Missed", a rating's label, or "Not scored"
    outcome_class: str  # met | missed | rated | not-scored
    sentence: str  # what the result means: "That is 27 minutes slower than agreed."
    note: str | None  # Markdown, shared with the provider


@dataclass(frozen=True)
class CategoryLine:
    id: str
    name: str
    weight_percent: int  # the category's share of the overall score
    score: int | None
    criteria: tuple[CriterionLine, ...]


@dataclass(frozen=True)
class ActionLine:
    id: str
    kind: str  # "Deficiency" or "Idea"
    title: str
    raised: date
    due: date | None
    overdue: bool
    status: str  # "Open", "Proposed", ...
    owner: str  # "You", "Us" (provider view) / provider name, "Us" (team view) or ""
    note: str | None  # Markdown, shared


@dataclass(frozen=True)
class ScopeLine:
    recorded: bool
    used: tuple[str, ...]  # service names
    unused: tuple[str, ...]
    used_count: int
    contracted: int
    sentence: str


@dataclass(frozen=True)
class ScorePoint:
    period: str
    score: float | None
    band: str | None


@dataclass(frozen=True)
class ProviderPage:
    """Everything the provider scorecard shows. Shared fields only."""

    meta: DocumentMeta
    provider_id: str
    provider_name: str
    short_name: str
    service_area: str | None
    contact: str | None
    lead: str
    evaluators: tuple[str, ...]
    period: str  # "2026-Q3"
    period_words: str  # "the third quarter of 2026"
    period_noun: str  # "quarter"
    evaluated: date
    revised_on: date | None
    headline: Headline
    targets_sentence: str  # "You met 7 of your 9 service targets." ("" without targets)
    missed: tuple[str, ...]  # one plain line per missed target, with the gap
    not_scored_sentence: str  # which criteria were not scored ("" when all were)
    categories: tuple[CategoryLine, ...]
    summary: str | None  # Markdown
    provider_response: str | None  # Markdown
    deficiencies: tuple[ActionLine, ...]  # open
    ideas: tuple[ActionLine, ...]  # proposed
    actions_sentence: str
    scope: ScopeLine
    chart: Markup  # inline SVG: the overall score over time, with the bands
    category_chart: Markup  # inline SVG: each category's score this period
    history: tuple[ScorePoint, ...]  # this provider's scores up to this period
    bands: tuple[str, ...]  # the bands in words, for "how to read"


def _criterion_line(
    result: CriterionResult, programme: Programme, period: Period, note: str | None
) -> CriterionLine:
    """One row of the results table. Rated: the mean rating only, never who gave what."""
    c = result.criterion
    scale = programme.scale
    # The first sentence restates the row ("Name: value against target."); the rest explain.
    words = criterion_sentences(result, scale, period, internal=False)
    sentence = " ".join(words[1:]) if result.scored else ""
    if c.measure is not None:
        target = _target_text(c)
        if result.value is None or result.score is None:
            return CriterionLine(
                c.id, c.name, c.explain, True, False, None, "Not scored", target,
                "Not scored", "not-scored", sentence, note,
            )  # fmt: skip
        met = bool(result.met)
        return CriterionLine(
            c.id, c.name, c.explain, True, True, _score(result.score),
            value_text(result.value, c.measure.unit), target,
            "Met" if met else "Missed", "met" if met else "missed", sentence, note,
        )  # fmt: skip
    scale_text = f"Rated from {scale.min} to {scale.max}"
    if result.mean_rating is None or result.score is None:
        return CriterionLine(
            c.id, c.name, c.explain, False, False, None, "Not scored", scale_text,
            "Not scored", "not-scored", sentence, note,
        )  # fmt: skip
    mean = result.mean_rating
    if mean == int(mean):
        label = scale.label(int(mean))
    else:
        low, high = scale.label(math.floor(mean)), scale.label(math.ceil(mean))
        label = f"Between {low} and {high}" if low and high else None
    return CriterionLine(
        c.id, c.name, c.explain, False, True, _score(result.score),
        f"{_rating_text(mean)} out of {scale.max}", scale_text,
        label or "Rated", "rated", sentence, note,
    )  # fmt: skip


def _categories(evaluation: Evaluation, programme: Programme) -> tuple[CategoryLine, ...]:
    notes = evaluation.record.notes
    total = sum(c.weight for c in programme.categories) or 1.0
    return tuple(
        CategoryLine(
            id=cat.category.id,
            name=cat.category.name,
            weight_percent=display(100 * cat.category.weight / total),
            score=_score(cat.score),
            criteria=tuple(
                _criterion_line(cr, programme, evaluation.period, notes.get(cr.criterion.id))
                for cr in cat.criteria
            ),
        )
        for cat in evaluation.categories
    )


_STATUS = {
    "open": "Open", "done": "Done", "dropped": "Dropped",
    "proposed": "Proposed", "adopted": "Adopted", "declined": "Declined",
}  # fmt: skip


def _action_line(action: Action, as_of: date, owner: str) -> ActionLine:
    return ActionLine(
        id=action.id,
        kind="Deficiency" if action.kind == "deficiency" else "Idea",
        title=action.title,
        raised=action.raised,
        due=action.due,
        overdue=action.kind == "deficiency"
        and action.due is not None
        and action.due < as_of
        and _open_on(action, as_of),
        status=_STATUS[action.status] if not _open_on(action, as_of) or action.is_open
        else ("Open" if action.kind == "deficiency" else "Proposed"),
        owner=owner,
        note=action.note,
    )


def _open_on(action: Action, as_of: date) -> bool:
    """Open on ``as_of``: not closed by then (see ``actions.is_open_on``)."""
    return action.closed is None or action.closed > as_of


def _log_key(action: Action, as_of: date) -> tuple[int, int, str]:
    if _open_on(action, as_of):
        group = 0 if action.kind == "deficiency" else 1
        return (group, (action.due or action.raised).toordinal(), action.id)
    closed = action.closed or action.raised
    return (2, -closed.toordinal(), action.id)


def _owner(action: Action, you: str) -> str:
    if action.owner == "provider":
        return you
    if action.owner == "us":
        return "Us"
    return ""


def _headline(evaluation: Evaluation, programme: Programme, sentence: str) -> Headline:
    """The headline box. ``sentence``: the headline in words, from ``words.scores``."""
    band = evaluation.band.name if evaluation.band is not None else None
    return Headline(
        score=_score(evaluation.overall),
        band=band,
        band_class=band_class(band, _bands(programme)),
        band_text=band if band is not None else "Too little scored to judge",
        trend=evaluation.trend,
        trend_text=_trend_words(evaluation.trend, "No earlier score to compare with"),
        coverage_percent=display(100 * evaluation.coverage),
        sentence=sentence,
    )


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
class PeerLine:
    rank: int
    name: str
    score: int | None
    band: str | None
    band_class: str
    this: bool  # the provider the document is about


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
class PortfolioPage:
    meta: DocumentMeta
    as_of: date
    sentence: str  # the portfolio in one or two sentences
    attention: tuple[AttentionLine, ...]  # what needs attention and by when, most urgent first
    rows: tuple[PortfolioRow, ...]  # by rank, then providers without a score by name
    areas: tuple[AreaRanking, ...]
    unranked: tuple[str, ...]  # names of providers with no scored evaluation
    chart: Markup  # inline SVG comparing the providers' latest scores


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


@dataclass(frozen=True)
class IndexPage:
    meta: DocumentMeta
    portfolio: tuple[IndexDocument, ...]
    groups: tuple[IndexGroup, ...]


# --- building the views ------------------------------------------------------


def _scope_line(evaluation: Evaluation, sentence: str) -> ScopeLine:
    scope = evaluation.scope
    if scope is None:
        return ScopeLine(False, (), (), 0, 0, sentence)
    return ScopeLine(
        recorded=True,
        used=tuple(s.name for s in scope.used),
        unused=tuple(s.name for s in scope.unused),
        used_count=len(scope.used),
        contracted=scope.contracted,
        sentence=sentence,
    )


def _history_points(result: ProviderResult, upto: Evaluation) -> tuple[ScorePoint, ...]:
    return tuple(
        ScorePoint(e.period.label, e.overall, e.band.name if e.band else None)
        for e in result.evaluations
        if e.period <= upto.period
    )


def _band_texts(programme: Programme) -> tuple[str, ...]:
    """The bands in words, highest first: "Strong: 80 or more", "At risk: below 60"."""
    ordered = bands_of(programme)
    texts: list[str] = []
    for i, band in enumerate(ordered):
        low = format_score(band.min)
        if i == 0:
            texts.append(f"{band.name}: {low} or more")
        elif band.min <= 0:
            texts.append(f"{band.name}: below {format_score(ordered[i - 1].min)}")
        else:
            texts.append(f"{band.name}: {low} to under {format_score(ordered[i - 1].min)}")
    return tuple(texts)


def _shared_page(
    result: ProviderResult,
    evaluation: Evaluation,
    programme: Programme,
    meta: DocumentMeta,
    as_of: date,
    revised: date | None,
    *,
    internal: bool,
) -> ProviderPage:
    """The shared page. Reads only shared fields of ``result`` (see the module doc).

    ``internal``: the sentences name the provider ("Acme met ...") instead of
    speaking to it ("You met ..."); the facts are the same.
    """
    p = result.provider
    record = evaluation.record
    you = display_name(p) if internal else "You"
    history = _history_points(result, evaluation)
    # One line per missed target: "Name: 42 minutes against a target of 30. That is ..."
    missed = tuple(
        " ".join(criterion_sentences(cr, programme.scale, evaluation.period, internal=False))
        for cr in evaluation.criteria()
        if cr.criterion.measured and cr.scored and cr.met is False
    )
    return ProviderPage(
        meta=meta,
        provider_id=p.id,
        provider_name=p.name,
        short_name=display_name(p),
        service_area=p.service_area,
        contact=p.contact,
        lead=record.lead,
        evaluators=tuple(record.evaluators),
        period=evaluation.period.label,
        period_words=evaluation.period.describe(),
        period_noun=evaluation.period.noun,
        evaluated=record.evaluated,
        revised_on=revised,
        headline=_headline(
            evaluation, programme, " ".join(headline(evaluation, p, internal=internal))
        ),
        targets_sentence=" ".join(targets_summary(evaluation, p, internal=internal)),
        missed=missed,
        not_scored_sentence=" ".join(not_scored(evaluation)),
        categories=_categories(evaluation, programme),
        summary=record.summary,
        provider_response=record.provider_response,
        deficiencies=tuple(
            _action_line(a, as_of, _owner(a, you)) for a in result.actions.open_deficiencies
        ),
        ideas=tuple(
            _action_line(a, as_of, _owner(a, you)) for a in result.actions.ideas_proposed
        ),
        actions_sentence=" ".join(actions_summary(result.actions)),
        scope=_scope_line(
            evaluation, " ".join(scope_sentences(evaluation, p, internal=internal))
        ),
        chart=charts.score_history(
            [(pt.period, pt.score) for pt in history], _bands(programme), height=180
        ),
        category_chart=charts.category_bars(
            [(cat.category.name, cat.score) for cat in evaluation.categories]
        ),
        history=history,
        bands=_band_texts(programme),
    )


def provider_view(
    result: ProviderResult,
    evaluation: Evaluation,
    programme: Programme,
    *,
    as_of: date,
    provenance: Provenance,
    revised: date | None,
) -> ProviderPage:
    """The provider scorecard for one evaluation: shared fields only.

    ``revised``: the day of the record's latest amendment (the page says
    "revised on DAY"), or None.
    """
    name = result.provider.name
    meta = _meta(
        title=f"{name}: scorecard for {evaluation.period.label}",
        audience="provider",
        programme=programme,
        as_of=as_of,
        provenance=provenance,
        provider_name=name,
        period=evaluation.period.label,
    )
    return _shared_page(result, evaluation, programme, meta, as_of, revised, internal=False)


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


_EXIT_STATUS = {"none": "No plan", "drafted": "Drafted", "tested": "Tested"}


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


def _peer(result: ProviderResult, rank: int, programme: Programme, this_id: str) -> PeerLine:
    latest = _latest_scored(result)
    band = latest.band.name if latest is not None and latest.band is not None else None
    return PeerLine(
        rank=rank,
        name=result.provider.name,
        score=_score(latest.overall) if latest is not None else None,
        band=band,
        band_class=band_class(band, _bands(programme)),
        this=result.provider.id == this_id,
    )


def _latest_scored(result: ProviderResult) -> Evaluation | None:
    for evaluation in reversed(result.evaluations):
        if evaluation.overall is not None:
            return evaluation
    return None


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
            trend_text=_trend_words(e.trend, "First score"),
            coverage_percent=display(100 * e.coverage),
            targets=f"{e.targets_met} of {e.targets_measured}",
            current=e.period == current.period,
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
    name = result.provider.name
    meta = _meta(
        title=f"{name}: team scorecard for {evaluation.period.label}",
        audience="team",
        programme=programme,
        as_of=as_of,
        provenance=provenance,
        provider_name=name,
        period=evaluation.period.label,
    )
    revised = max((a.day for a in amendments), default=None)
    shared = _shared_page(result, evaluation, programme, meta, as_of, revised, internal=True)
    record = evaluation.record
    names = {c.id: c.name for c in programme.criteria()}
    # The whole log of actions raised by the as-of day: open problems by due day,
    # then open ideas, then the closed ones, latest closed first.
    known = [a for a in result.provider.actions if a.raised <= as_of]
    log = sorted(known, key=lambda a: _log_key(a, as_of))
    you = display_name(result.provider)
    return TeamPage(
        meta=meta,
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
            AmendmentLine(a.day, a.author, a.subject, a.commit[:7]) for a in amendments
        ),
        schedule_sentence=" ".join(schedule_sentences(result, programme.grace_days)),
    )


def _contract_cell(result: ProviderResult) -> tuple[str, bool]:
    status = result.contract
    if status is None:
        return "No contract on file", False
    if status.ended:
        return "Ended", False
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
        band_text=band if band is not None else ("No band" if scored else "Not yet scored"),
        trend_text=_trend_words(scored.trend if scored else None, "No earlier score"),
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
    bars: list[tuple[str, float | None]] = []
    for r in ordered:
        latest = _latest_scored(r)
        bars.append((r.provider.name, latest.overall if latest is not None else None))
    return PortfolioPage(
        meta=meta,
        as_of=portfolio.as_of,
        sentence=" ".join(portfolio_summary(portfolio)),
        attention=tuple(
            AttentionLine(GROUP_TITLES[item.urgency], item.urgency, item.due, item.sentence)
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
        chart=charts.portfolio_bars(bars, _bands(programme)),
    )


@dataclass(frozen=True)
class IndexEntry:
    """One document of a build, as the index lists it."""

    audience: str  # provider | team | portfolio
    provider: str | None  # provider id
    period: str | None
    html: str  # path relative to the output folder
    pdf: str | None


_TITLES = {"provider": "Provider scorecard", "team": "Team scorecard", "portfolio": "Portfolio"}


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
        return IndexDocument(_TITLES[entry.audience], entry.audience, label, entry.html, entry.pdf)

    groups: list[IndexGroup] = []
    for r in portfolio.providers:
        pid = r.provider.id
        mine = [e for e in entries if e.provider == pid]
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
        groups=tuple(g for g in groups if g.periods),
    )
