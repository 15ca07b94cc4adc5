"""Each criterion row's track record: its result last time and its repeated misses
(issue 23), added to the provider page's category lines."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from scorecard.data.model import Programme
from scorecard.figures.results import Evaluation, ProviderResult
from scorecard.figures.track import track
from scorecard.words.track import last_time_text, misses_text

if TYPE_CHECKING:
    from scorecard.documents.views.provider import CategoryLine

__all__ = ["with_track"]


def with_track(categories: tuple[CategoryLine, ...], result: ProviderResult,
               evaluation: Evaluation, programme: Programme) -> tuple[CategoryLine, ...]:
    noun = evaluation.period.noun
    units = {c.id: c.measure.unit if c.measure is not None else None
             for c in programme.criteria()}
    out = []
    for cat in categories:
        lines = []
        for line in cat.criteria:
            t = track(line.id, result.evaluations, evaluation)
            lines.append(replace(line, last_time=last_time_text(t, units.get(line.id),
                                                                programme.scale.max),
                                 misses=misses_text(t, noun)))
        out.append(replace(cat, criteria=tuple(lines)))
    return tuple(out)
