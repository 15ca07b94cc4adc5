"""The small parts of the provider scorecard's view: the headline, a criterion's and a
category's line, the scope line and a point of the score's history."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CategoryLine", "CriterionLine", "Headline", "ScopeLine", "ScorePoint"]


@dataclass(frozen=True)
class Headline:
    """The box at the top: score, band (in words, and a class for its colour), trend."""

    score: int | None  # whole number, None when nothing was scored
    band: str | None  # the band's name; None: too little scored to judge
    band_class: str  # band-top | band-mid | band-low | band-none
    band_text: str  # the band in words, always present ("No status": too little scored)
    trend: float | None
    trend_text: str  # "Up 5 points", "About the same", "No earlier score to compare with"
    coverage_percent: int  # share of the programme scored, 0..100
    sentence: str  # the headline in plain words
    trend_note: str = ""  # "The rules changed since 2026-Q2." (under the trend)


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
    last_time: str = ""  # "Last time: 99.8%" (views.track)
    misses: str = ""  # "Missed in 7 of 7 quarters." from two misses on (views.track)
    reported: str = ""  # the provider's own figure beside ours, in words ("" if none)


@dataclass(frozen=True)
class CategoryLine:
    id: str
    name: str
    weight_percent: int  # the category's share of the overall score
    score: int | None
    criteria: tuple[CriterionLine, ...]


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
    rules_changed: bool = False  # judged by other rules than the evaluation before it
