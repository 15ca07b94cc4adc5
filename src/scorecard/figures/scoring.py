"""Scores for one record: criteria, categories, overall, coverage, band, scope.

Every rule here is from ``scoring.md`` ("How scores are computed"). Figures are
kept in full precision; rounding is for display only (``scorecard.figures.rounding``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scorecard.data.model import (
    DEFAULT_BANDS,
    Band,
    Category,
    Criterion,
    Measure,
    Measured,
    Programme,
    Provider,
    Rated,
    Record,
    Result,
    Scale,
)
from scorecard.figures.reported import compare, scored_value
from scorecard.figures.results import CategoryResult, CriterionResult, Evaluation, ScopeResult
from scorecard.figures.rules import Rules, rules_in_force

__all__ = [
    "DISAGREEMENT_SPAN",
    "band_for",
    "bands_of",
    "category_result",
    "coverage",
    "criterion_result",
    "evaluate",
    "lowest_band",
    "measured_score",
    "overall_score",
    "previous_scored",
    "rated_score",
    "scope_used",
    "target_met",
    "weighted_mean",
]

# Evaluators disagree when their ratings span this many points of the scale or more.
DISAGREEMENT_SPAN = 2


# --- one criterion ----------------------------------------------------------


def rated_score(mean_rating: float, scale: Scale) -> float:
    """A mean rating mapped onto 0..100: 100 * (r - min) / (max - min)."""
    return 100.0 * (mean_rating - scale.min) / (scale.max - scale.min)


def target_met(measure: Measure, value: float) -> bool:
    """The target is met: v >= t when higher is better, v <= t when lower is."""
    if measure.better == "higher":
        return value >= measure.target
    return value <= measure.target


def measured_score(measure: Measure, value: float) -> float:
    """A measured value against its target and optional floor, 0..100."""
    t, f = measure.target, measure.floor
    if target_met(measure, value):
        return 100.0
    # Target missed. Without a floor there is no partial credit.
    if f is None:
        return 0.0
    if measure.better == "higher":
        # Exactly at the floor (or below it) scores 0.
        if value <= f:
            return 0.0
        return 100.0 * (value - f) / (t - f)
    if value >= f:
        return 0.0
    return 100.0 * (f - value) / (f - t)


def criterion_result(criterion: Criterion, result: Result | None, scale: Scale,
                     reported: float | None = None) -> CriterionResult:
    """The score of one criterion; not scored when left out, null, or of the wrong kind.
    ``reported``: the provider's own figure (measured criteria), used when ours is missing."""
    measure = criterion.measure
    if measure is not None:
        ours = float(result.value) if isinstance(result, Measured) else None
        value = scored_value(ours, reported)
        beside = compare(ours, reported, measure.tolerance)
        if value is None:
            return CriterionResult(criterion, None, reported=beside)
        return CriterionResult(
            criterion,
            measured_score(measure, value),
            value=value,
            met=target_met(measure, value),
            reported=beside,
        )
    if not isinstance(result, Rated) or not result.ratings:
        return CriterionResult(criterion, None)
    ratings = dict(result.ratings)
    # Interpretation: the score uses the mean of ALL evaluators' ratings.
    mean = sum(ratings.values()) / len(ratings)
    span = max(ratings.values()) - min(ratings.values())
    return CriterionResult(
        criterion,
        rated_score(mean, scale),
        ratings=ratings,
        mean_rating=mean,
        disagreement=span >= DISAGREEMENT_SPAN,
    )


# --- categories and the whole -----------------------------------------------


def weighted_mean(pairs: Iterable[tuple[float, float]]) -> float | None:
    """The mean of (value, weight) pairs weighted by weight; None when there are none."""
    items = list(pairs)
    total = sum(w for _, w in items)
    if not items or total <= 0:
        return None
    return sum(v * w for v, w in items) / total


def category_result(
    category: Category, record: Record, scale: Scale, not_applicable: tuple[Criterion, ...] = ()
) -> CategoryResult:
    """A category's weighted mean over its scored criteria (None when none was scored).

    ``category``: as in force for the record's period (see ``figures.rules``), its
    criteria only those in force that apply; ``not_applicable``: the ones that do not.
    """
    criteria = tuple(criterion_result(c, record.result(c.id), scale, record.reported.get(c.id))
                     for c in category.criteria)
    scored = [(c.score, c.criterion.weight) for c in criteria if c.score is not None]
    return CategoryResult(
        category=category,
        score=weighted_mean(scored),
        criteria=criteria,
        scored_weight=sum(w for _, w in scored),
        total_weight=sum(c.weight for c in category.criteria),
        not_applicable=not_applicable,
    )


def overall_score(categories: Sequence[CategoryResult]) -> float | None:
    """The weighted mean of the scored categories; None when no category was scored."""
    return weighted_mean(
        (c.score, c.category.weight) for c in categories if c.score is not None
    )


def coverage(categories: Sequence[CategoryResult]) -> float:
    """Share of the programme scored: sum W_k * scored_k / total_k, over sum W_k.

    A category with no criterion that applies (total weight 0) is left out of both.
    """
    total = sum(c.category.weight for c in categories if c.total_weight > 0)
    if total <= 0:
        return 0.0
    covered = sum(
        c.category.weight * (c.scored_weight / c.total_weight)
        for c in categories
        if c.total_weight > 0
    )
    return covered / total


def bands_of(programme: Programme) -> tuple[Band, ...]:
    """The programme's bands, highest min first (the default bands when none are given)."""
    bands = programme.bands or tuple(Band(name, low) for name, low in DEFAULT_BANDS)
    return tuple(sorted(bands, key=lambda b: b.min, reverse=True))


def lowest_band(programme: Programme) -> Band:
    """The band with the smallest min."""
    return bands_of(programme)[-1]


def band_for(
    programme: Programme, overall: float | None, covered: float
) -> Band | None:
    """The band with the highest min that ``overall`` reaches (overall >= min).

    None when nothing was scored, or when coverage is below ``min_coverage``
    (coverage exactly at ``min_coverage`` gets a band).
    """
    if overall is None or covered < programme.min_coverage:
        return None
    for band in bands_of(programme):
        if overall >= band.min:
            return band
    return None


# --- scope ------------------------------------------------------------------


def scope_used(provider: Provider, record: Record) -> ScopeResult | None:
    """Contracted services used in the record's period, in the provider's order.

    None when the record has no ``services_used`` (scope not recorded).
    """
    if record.services_used is None:
        return None
    named = set(record.services_used)
    used = tuple(s for s in provider.services if s.id in named)
    unused = tuple(s for s in provider.services if s.id not in named)
    return ScopeResult(used=used, unused=unused)


# --- one record -------------------------------------------------------------


def previous_scored(earlier: Sequence[Evaluation]) -> Evaluation | None:
    """The most recent of ``earlier`` evaluations (oldest first) that has an overall score.

    Interpretation: the trend skips periods that were recorded but not scored.
    """
    for evaluation in reversed(earlier):
        if evaluation.overall is not None:
            return evaluation
    return None


def evaluate(
    programme: Programme,
    provider: Provider,
    record: Record,
    earlier: Sequence[Evaluation] = (),
    rules: Rules | None = None,
) -> Evaluation:
    """Score one record by the rules in force for its period (``rules``, default
    from ``figures.rules.rules_in_force``). ``earlier``: the provider's evaluations
    of earlier periods, oldest first, already limited to what existed on the as-of day."""
    if rules is None:
        rules = rules_in_force(programme, provider, record.period)
    categories = tuple(
        category_result(k, record, programme.scale, rules.not_applicable.get(k.id, ()))
        for k in rules.categories
    )
    overall = overall_score(categories)
    covered = coverage(categories)
    measured = [
        c for k in categories for c in k.criteria if c.criterion.measured and c.scored
    ]
    # Interpretation: `previous` is the latest earlier period with an overall score;
    # the trend is None when there is none or this record has no overall score.
    before = previous_scored([e for e in earlier if e.period < record.period])
    trend = (
        overall - before.overall
        if overall is not None and before is not None and before.overall is not None
        else None
    )
    # Interpretation: an evaluation is due at period end + grace_days, late when after it.
    due = record.period.due(programme.grace_days)
    return Evaluation(
        record=record,
        categories=categories,
        overall=overall,
        coverage=covered,
        band=band_for(programme, overall, covered),
        trend=trend,
        previous=before.period if before is not None else None,
        targets_met=sum(1 for c in measured if c.met),
        targets_measured=len(measured),
        scope=scope_used(provider, record),
        due=due,
        late=record.evaluated > due,
        rules=rules,
        previous_overall=before.overall if before is not None else None,
    )
