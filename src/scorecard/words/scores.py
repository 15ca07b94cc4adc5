"""The headline: the overall score, its trend and its band; no evaluation yet; revisions."""

from __future__ import annotations

from collections.abc import Sequence

from scorecard.data.model import Provider
from scorecard.data.periods import Period
from scorecard.data.provenance import Amendment
from scorecard.figures.change import shown_trend
from scorecard.figures.results import Evaluation
from scorecard.figures.rounding import display
from scorecard.words.change import change_words
from scorecard.words.numbers import day_words
from scorecard.words.voice import voice_of

__all__ = ["headline", "no_evaluation", "revised"]


def _when(period: Period, previous: Period) -> str:
    """"last quarter", or the earlier period in words when it was not the one before."""
    if previous == period.previous():
        return f"last {period.noun}"
    return previous.describe()


def _trend_clause(ev: Evaluation) -> str:
    change = shown_trend(ev)
    if change is None or ev.previous is None:
        return ""
    when = _when(ev.period, ev.previous)
    if change == 0:
        return f", about the same as {when}"
    before = display(ev.previous_overall) if ev.previous_overall is not None else None
    on = when if when.startswith("last ") else f"in {when}"
    return f", {change_words(change)} from {before} {on}"


def headline(ev: Evaluation, provider: Provider, *, internal: bool) -> list[str]:
    """The overall score, its trend and its band, for one evaluation.

    "Acme scored 72 out of 100 this quarter, up 5 points from last quarter."
    "That is Adequate."
    """
    voice = voice_of(provider, internal)
    noun = ev.period.noun
    if ev.overall is None:
        if internal:
            return [f"Nothing was scored for {voice.obj} this {noun}."]
        return [f"Nothing was scored this {noun}."]
    sentences = [
        f"{voice.subject} scored {display(ev.overall)} out of 100 this {noun}"
        f"{_trend_clause(ev)}."
    ]
    if ev.band is not None:
        sentences.append(f"That is {ev.band.name}.")
    else:
        sentences.append(f"Too little was scored this {noun} to give a status.")
    return sentences


def no_evaluation(provider: Provider, *, internal: bool) -> list[str]:
    """For a provider with no evaluation yet."""
    voice = voice_of(provider, internal)
    verb = "has" if internal else "have"
    return [f"{voice.subject} {verb} not been evaluated yet."]


def revised(amendments: Sequence[Amendment]) -> list[str]:
    """"This evaluation was revised on 12 October 2026." (the last change)."""
    if not amendments:
        return []
    last = max(a.day for a in amendments)
    return [f"This evaluation was revised on {day_words(last)}."]
