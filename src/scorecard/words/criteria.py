"""Targets and criteria: targets met, each criterion's value or rating, each
category's score, and what was not scored."""

from __future__ import annotations

import math

from scorecard.data.model import Provider, Scale
from scorecard.data.periods import Period
from scorecard.figures.results import CategoryResult, CriterionResult, Evaluation
from scorecard.figures.rounding import display, round_half_away
from scorecard.words.numbers import (
    count_word,
    gap_text,
    is_percent,
    join_words,
    number_text,
    value_text,
)
from scorecard.words.voice import voice_of

__all__ = [
    "category_sentence",
    "criterion_sentences",
    "floor_sentence",
    "gap_sentence",
    "missed_targets",
    "not_scored",
    "rating_words",
    "targets_summary",
]

# Units of time: missing a lower-is-better target by some of them is "slower".
_TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "h",
    "day", "days", "week", "weeks", "working days", "business days", "ms", "milliseconds",
})


def _is_time(unit: str) -> bool:
    return unit.strip().lower() in _TIME_UNITS


def targets_summary(ev: Evaluation, provider: Provider, *, internal: bool) -> list[str]:
    """"Acme met 7 of its 9 targets." (nothing when none is set)."""
    voice = voice_of(provider, internal)
    has_targets = any(c.criterion.measured for c in ev.criteria())
    met, measured = ev.targets_met, ev.targets_measured
    if not has_targets:
        return []
    if measured == 0:
        return [f"No targets were measured this {ev.period.noun}."]
    if measured == 1:
        verdict = "met" if met else "missed"
        return [f"{voice.subject} {verdict} {voice.possessive} one target."]
    if met == measured:
        return [f"{voice.subject} met all {measured} of {voice.possessive} targets."]
    if met == 0:
        return [f"{voice.subject} met none of {voice.possessive} {measured} targets."]
    return [f"{voice.subject} met {met} of {voice.possessive} {measured} targets."]


def _in_unit(x: float, unit: str) -> str:
    """A target or floor: the unit is said once, with the value ("42 minutes against a
    target of 30"), except for percentages, which are always written with their sign."""
    return value_text(x, unit) if is_percent(unit) else number_text(x)


def gap_sentence(cr: CriterionResult) -> str:
    """How far a missed target was missed: "That is 27 minutes slower than agreed."."""
    measure = cr.criterion.measure
    assert measure is not None and cr.value is not None
    gap = gap_text(cr.value, measure.target, measure.unit)
    if measure.better == "higher":
        return f"That is {gap} short of the target."
    if _is_time(measure.unit):
        return f"That is {gap} slower than agreed."
    return f"That is {gap} more than agreed."


def floor_sentence(cr: CriterionResult) -> str:
    """Where a missed target's floor matters: at or past it, it scores 0 ("" otherwise)."""
    measure = cr.criterion.measure
    assert measure is not None and cr.value is not None
    if cr.met or cr.score is None or cr.score > 0:
        return ""
    if measure.floor is None:
        return "This target has no partial score: any miss scores 0."
    where = "at" if cr.value == measure.floor else "past"
    return f"It is {where} the floor of {_in_unit(measure.floor, measure.unit)}, so it scores 0."


def _measured_sentences(cr: CriterionResult) -> list[str]:
    measure = cr.criterion.measure
    assert measure is not None and cr.value is not None
    name, unit = cr.criterion.name, measure.unit
    target = _in_unit(measure.target, unit)
    sentences = [f"{name}: {value_text(cr.value, unit)} against a target of {target}."]
    if cr.met:
        sentences.append("The target was met.")
        return sentences
    sentences.append(gap_sentence(cr))
    floor = floor_sentence(cr)
    if floor:
        sentences.append(floor)
    return sentences


def _rating_text(x: float) -> str:
    return number_text(x) if x == int(x) else f"{round_half_away(x, 1):.1f}"


def _out_of(scale: Scale) -> str:
    if scale.min == 1:
        return f"out of {scale.max}"
    return f"on a scale from {scale.min} to {scale.max}"


def _rated_sentences(cr: CriterionResult, scale: Scale, *, internal: bool) -> list[str]:
    assert cr.mean_rating is not None
    name, mean = cr.criterion.name, cr.mean_rating
    several = cr.ratings is not None and len(cr.ratings) > 1
    on_average = " on average" if several else ""
    sentences = [f"{name}: rated {_rating_text(mean)} {_out_of(scale)}{on_average}."]
    between = rating_words(mean, scale)
    if between:
        sentences.append(f"That means “{between}”." if mean == int(mean)
                         else f"That is {between}.")
    if internal and cr.ratings and several:
        names = list(cr.ratings)
        values = [str(cr.ratings[n]) for n in names]
        if cr.disagreement:
            sentences.append(f"{join_words(names)} disagree: ratings {join_words(values)}.")
        else:
            sentences.append(
                join_words([f"{n} gave {cr.ratings[n]}" for n in names]) + "."
            )
    return sentences


def rating_words(mean: float, scale: Scale, *, label: bool = False) -> str | None:
    """A mean rating in the scale's words, as a person would say it.

    On a point of the scale: its label. Between two points: "a little better than
    “Below expectations”", "halfway between “Below expectations” and “Meets
    expectations”" or "nearly “Meets expectations”" (by the shown one-decimal mean).
    ``label``: capitalised, for a table cell. None when the scale has no labels there.
    """
    if mean == int(mean):
        return scale.label(int(mean))
    low, high = scale.label(math.floor(mean)), scale.label(math.ceil(mean))
    if not (low and high):
        return None
    part = round_half_away(mean - math.floor(mean), 1)
    if part < 0.5:
        text = f"a little better than “{low}”"
    elif part == 0.5:
        text = f"halfway between “{low}” and “{high}”"
    else:
        text = f"nearly “{high}”"
    return text[0].upper() + text[1:] if label else text


def criterion_sentences(
    cr: CriterionResult, scale: Scale, period: Period, *, internal: bool
) -> list[str]:
    """One criterion's result: the value against its target and the gap, or the
    mean rating and its label (internal: each evaluator's rating, disagreement)."""
    if not cr.scored:
        return [f"{cr.criterion.name}: not scored this {period.noun}."]
    if cr.criterion.measured:
        return _measured_sentences(cr)
    return _rated_sentences(cr, scale, internal=internal)


def missed_targets(ev: Evaluation) -> list[str]:
    """The sentences of every measured criterion whose target was missed."""
    return [
        s
        for cr in ev.criteria()
        if cr.criterion.measured and cr.scored and cr.met is False
        for s in _measured_sentences(cr)
    ]


def category_sentence(cat: CategoryResult, period: Period) -> str:
    """"Service delivery scored 80 out of 100." (or not scored)."""
    if cat.score is None:
        return f"{cat.category.name} was not scored this {period.noun}."
    return f"{cat.category.name} scored {display(cat.score)} out of 100."


def not_scored(ev: Evaluation) -> list[str]:
    """Which criteria were not scored, and how much of the programme the score rests on.

    Nothing when every criterion was scored, or when nothing was (the headline
    says so).
    """
    names = [c.criterion.name for c in ev.criteria() if not c.scored]
    if not names or ev.overall is None:
        return []
    noun = ev.period.noun
    if len(names) == 1:
        sentences = [
            f"One criterion was not scored this {noun}: {names[0]}.",
            "The score leaves it out.",
        ]
    else:
        sentences = [
            f"{count_word(len(names))} criteria were not scored this {noun}.",
            f"They are {join_words(names)}.",
            "The score leaves them out.",
        ]
    percent = display(ev.coverage * 100)
    if percent >= 100:
        sentences.append("It rests on almost all of what we look at.")
    else:
        sentences.append(f"It rests on {percent}% of what we look at.")
    return sentences
