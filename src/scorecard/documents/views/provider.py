"""The provider scorecard's view: shared fields only (see the package doc)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from markupsafe import Markup

from scorecard.data.model import Action, Criterion, Programme, Provider, display_name
from scorecard.data.periods import Period
from scorecard.data.provenance import Provenance
from scorecard.documents import charts
from scorecard.documents.templating import DocumentMeta, band_class
from scorecard.documents.views.common import (
    ActionLine,
    _action_line,
    _band_texts,
    _bands,
    _meta,
    _owner,
    _rating_text,
    _score,
    _trend_text,
    fix_first,
    reply_text,
    rules_changed_since,
    trend_note,
)
from scorecard.documents.views.credits import CreditsBox, credits_box
from scorecard.documents.views.lines import (
    CategoryLine,
    CriterionLine,
    Headline,
    ScopeLine,
    ScorePoint,
)
from scorecard.documents.views.reported import with_reported
from scorecard.documents.views.track import with_track
from scorecard.documents.views.voice import SelfLine, own_ratings
from scorecard.figures.results import CriterionResult, Evaluation, ProviderResult
from scorecard.figures.rounding import display
from scorecard.figures.rules import changes_from_previous
from scorecard.words.actions import actions_summary
from scorecard.words.criteria import (
    criterion_sentences,
    not_scored,
    rating_words,
    targets_summary,
)
from scorecard.words.evidence import source_sentences
from scorecard.words.next_steps import next_evaluation_sentence
from scorecard.words.numbers import value_text
from scorecard.words.priorities import nothing_to_fix
from scorecard.words.rules import (
    DOES_NOT_APPLY,
    not_applicable_sentence,
    rule_change_sentences,
)
from scorecard.words.scope import scope_sentences
from scorecard.words.scores import headline

__all__ = [
    "CategoryLine",
    "CriterionLine",
    "Headline",
    "ProviderPage",
    "ScopeLine",
    "ScorePoint",
    "provider_view",
]


def _target_text(criterion: Criterion) -> str:
    measure = criterion.measure
    assert measure is not None
    target = value_text(measure.target, measure.unit)
    return f"{target} or more" if measure.better == "higher" else f"{target} or less"


# --- the shared parts: what a provider may see -----------------------------


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
    fix_first: tuple[str, ...]  # page one: up to three things to fix first, most costly first
    reply_sentence: str  # page one: how and by when to reply ("" once a reply is on file)
    targets_sentence: str  # "You met 7 of your 9 targets." ("" without targets)
    missed: tuple[str, ...]  # one plain line per missed target, with the gap
    not_scored_sentence: str  # which criteria were not scored ("" when all were)
    not_applicable_sentence: str  # which criteria do not apply to the contract ("" if none)
    rules_sentence: str  # what changed in the rules from this period on ("" when nothing)
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
    rules_marked: bool  # the chart marks with * a period from which the rules changed
    bands: tuple[str, ...]  # the bands in words, for "how to read"
    sources: tuple[tuple[str, str], ...] = ()  # (criterion id, where its figure came from)
    fix_first_none: str = nothing_to_fix()  # what "What to fix first" says when it is empty
    next_evaluation: str = ""  # page one: when we next evaluate (words.next_steps)
    to_discuss: tuple[str, ...] = ()  # page one: reported figures that differ from ours
    credits: CreditsBox | None = None  # v1.2: service credits (shared; never termination rights)
    self_lines: tuple[SelfLine, ...] = ()  # v1.2: its own ratings beside ours (no score)
    self_sentence: str = ""


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
    label = rating_words(mean, scale, label=True)
    return CriterionLine(
        c.id, c.name, c.explain, False, True, _score(result.score),
        f"{_rating_text(mean)} out of {scale.max}", scale_text,
        label or "Rated", "rated", sentence, note,
    )  # fmt: skip


def _not_applicable_line(c: Criterion) -> CriterionLine:
    return CriterionLine(
        c.id, c.name, c.explain, c.measured, False, None, "Does not apply", "",
        DOES_NOT_APPLY, "not-applicable", "", None,
    )  # fmt: skip


def _categories(evaluation: Evaluation, programme: Programme) -> tuple[CategoryLine, ...]:
    notes = evaluation.record.notes
    total = sum(c.category.weight for c in evaluation.categories if c.total_weight > 0) or 1.0
    return tuple(
        CategoryLine(
            id=cat.category.id,
            name=cat.category.name,
            weight_percent=display(100 * cat.category.weight / total) if cat.total_weight else 0,
            score=_score(cat.score),
            criteria=tuple(
                _criterion_line(cr, programme, evaluation.period, notes.get(cr.criterion.id))
                for cr in cat.criteria
            ) + tuple(_not_applicable_line(c) for c in cat.not_applicable),
        )
        for cat in evaluation.categories
    )


def _headline(
    evaluation: Evaluation, programme: Programme, provider: Provider, sentence: str
) -> Headline:
    """The headline box. ``sentence``: the headline in words, from narrate."""
    band = evaluation.band.name if evaluation.band is not None else None
    return Headline(
        score=_score(evaluation.overall),
        band=band,
        band_class=band_class(band, _bands(programme)),
        band_text=band if band is not None else "No status",
        trend=evaluation.trend,
        trend_text=_trend_text(evaluation, programme, provider, note=False),
        trend_note=trend_note(evaluation, programme, provider),
        coverage_percent=display(100 * evaluation.coverage),
        sentence=sentence,
    )


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


def _history_points(
    result: ProviderResult, upto: Evaluation, programme: Programme
) -> tuple[ScorePoint, ...]:
    return tuple(
        ScorePoint(e.period.label, e.overall, e.band.name if e.band else None,
                   rules_changed_since(programme, result, e))
        for e in result.evaluations
        if e.period <= upto.period
    )


def _missed_targets(evaluation: Evaluation, programme: Programme) -> tuple[str, ...]:
    """One line per missed target: "Name: 42 minutes against a target of 30. That is ..."."""
    return tuple(
        " ".join(criterion_sentences(cr, programme.scale, evaluation.period,
                                             internal=False))
        for cr in evaluation.criteria()
        if cr.criterion.measured and cr.scored and cr.met is False
    )


def _not_applicable_sentence(evaluation: Evaluation) -> str:
    return not_applicable_sentence([c for k in evaluation.categories for c in k.not_applicable])


def _history_chart(history: Sequence[ScorePoint], programme: Programme) -> Markup:
    """The overall score over time; a * marks a period from which the rules changed, a hollow
    dot one scored but too little to judge (a score, no band)."""
    points = [(f"{pt.period}*" if pt.rules_changed else pt.period, pt.score) for pt in history]
    unjudged = {label for (label, score), pt in zip(points, history, strict=True)
                if score is not None and pt.band is None}
    return charts.score_history(points, _bands(programme), height=180, unjudged=unjudged)


def _rules_sentence(evaluation: Evaluation, programme: Programme, provider: Provider) -> str:
    """What changed in the rules from this period on, in words ("" when nothing)."""
    changes = changes_from_previous(programme, provider, evaluation)
    return " ".join(rule_change_sentences(changes, evaluation.period))


def _action_lines(actions: Iterable[Action], as_of: date, you: str) -> tuple[ActionLine, ...]:
    return tuple(_action_line(a, as_of, _owner(a, you)) for a in actions)


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
    """The shared page. Reads only shared fields of ``result`` (see the package doc).

    ``internal``: the sentences name the provider ("Acme met ...") instead of
    speaking to it ("You met ..."); the facts are the same.
    """
    p = result.provider
    record = evaluation.record
    you = display_name(p) if internal else "You"
    history = _history_points(result, evaluation, programme)
    return with_reported(ProviderPage(
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
            evaluation, programme, p, " ".join(headline(evaluation, p, internal=internal))
        ),
        fix_first=fix_first(result, evaluation, as_of, internal=internal),
        reply_sentence=reply_text(result, evaluation, programme, internal=internal),
        next_evaluation=next_evaluation_sentence(result, internal=internal),
        targets_sentence=" ".join(targets_summary(evaluation, p, internal=internal)),
        missed=_missed_targets(evaluation, programme),
        not_scored_sentence=" ".join(not_scored(evaluation)),
        not_applicable_sentence=_not_applicable_sentence(evaluation),
        rules_sentence=_rules_sentence(evaluation, programme, p),
        categories=with_track(_categories(evaluation, programme), result, evaluation, programme),
        summary=record.summary, provider_response=record.provider_response,
        deficiencies=_action_lines(result.actions.open_deficiencies, as_of, you),
        ideas=_action_lines(result.actions.ideas_proposed, as_of, you),
        actions_sentence=" ".join(actions_summary(result.actions)),
        scope=_scope_line(
            evaluation, " ".join(scope_sentences(evaluation, p, internal=internal))
        ),
        chart=_history_chart(history, programme),
        category_chart=charts.category_bars(
            [(cat.category.name, cat.score) for cat in evaluation.categories], _bands(programme)
        ),
        history=history, sources=tuple(source_sentences(record).items()),
        rules_marked=any(pt.rules_changed for pt in history),
        bands=_band_texts(programme), **own_ratings(evaluation, programme, you),
    ), evaluation, p, internal=internal)

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
    return evaluation_page(result, evaluation, programme, as_of, provenance, revised,
                           internal=False)


def evaluation_page(result: ProviderResult, evaluation: Evaluation, programme: Programme,
                    as_of: date, provenance: Provenance, revised: date | None, *,
                    internal: bool) -> ProviderPage:
    """The page an evaluation's provider scorecard shows, or (``internal``) the shared
    part of its team scorecard, in our internal voice."""
    name = result.provider.name
    meta = _meta(
        title=f"{name}: {'team scorecard' if internal else 'scorecard'} for "
              f"{evaluation.period.label}",
        audience="team" if internal else "provider",
        programme=programme,
        as_of=as_of,
        provenance=provenance,
        provider_name=name,
        period=evaluation.period.label,
    )
    page = _shared_page(result, evaluation, programme, meta, as_of, revised, internal=internal)
    return replace(page, credits=credits_box(programme, result, evaluation, as_of,
                                             internal=internal))

