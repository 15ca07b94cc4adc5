"""What the provider says back (format.md v1.2): its own rating of each rated criterion,
shown beside ours (provider and team scorecards), and its ratings of us, shown only
internally (team scorecard and portfolio). None of these change a score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scorecard.data.model import Programme, Record
from scorecard.figures.results import Evaluation, Portfolio
from scorecard.words.numbers import counted, number_text

__all__ = ["AboutUsLine", "SelfLine", "about_us_lines", "own_ratings", "portfolio_about_us",
           "self_lines", "self_sentence"]


@dataclass(frozen=True)
class SelfLine:
    criterion: str
    ours: str  # our mean rating, "3.5", or "not scored"
    theirs: str  # the provider's own rating with its label: "4 (Exceeds expectations)"
    apart: bool  # the two are 2 points or more apart: worth talking about


@dataclass(frozen=True)
class AboutUsLine:
    question: str
    rating: str  # "2 (Below expectations)", or a mean "3.5" in the portfolio
    low: bool  # below the middle of the scale
    detail: str = ""  # portfolio: how many providers answered, and the lowest


def _labelled(rating: int, programme: Programme) -> str:
    label = programme.scale.label(rating)
    return f"{rating} ({label})" if label else str(rating)


def self_lines(evaluation: Evaluation, programme: Programme) -> tuple[SelfLine, ...]:
    """Each rated criterion the provider rated itself on, ours beside its own."""
    own = evaluation.record.self_assessment
    lines: list[SelfLine] = []
    for cat in evaluation.categories:
        for cr in cat.criteria:
            theirs = own.get(cr.criterion.id)
            if theirs is None or cr.criterion.measured:
                continue
            mean = cr.mean_rating
            lines.append(SelfLine(
                cr.criterion.name, "not scored" if mean is None else number_text(round(mean, 1)),
                _labelled(theirs, programme), mean is not None and abs(mean - theirs) >= 2))
    return tuple(lines)


def self_sentence(lines: tuple[SelfLine, ...], who: str) -> str:
    """``who``: "You" (the provider's own scorecard) or the provider's name."""
    if not lines:
        return ""
    apart = sum(line.apart for line in lines)
    text = f"{who} rated {'yourselves' if who == 'You' else 'itself'} on " \
           f"{counted(len(lines), 'criterion', 'criteria')}; it does not change the score."
    if apart:
        text += f" On {counted(apart, 'criterion', 'criteria')} the ratings are two points " \
                "or more apart: worth talking about."
    return text


def own_ratings(evaluation: Evaluation, programme: Programme, who: str) -> dict[str, Any]:
    """The provider page's fields for the provider's own ratings; ``who``: "You" or its name."""
    lines = self_lines(evaluation, programme)
    return {"self_lines": lines, "self_sentence": self_sentence(lines, who)}


def _middle(programme: Programme) -> float:
    return (programme.scale.min + programme.scale.max) / 2


def about_us_lines(record: Record, programme: Programme) -> tuple[AboutUsLine, ...]:
    """How the provider rated us in this record (INTERNAL)."""
    return tuple(
        AboutUsLine(q.name, _labelled(record.about_us[q.id], programme),
                    record.about_us[q.id] < _middle(programme))
        for q in programme.about_us if q.id in record.about_us)


def portfolio_about_us(portfolio: Portfolio) -> tuple[AboutUsLine, ...]:
    """How providers rate us, each question over every provider's latest answer
    (INTERNAL): the mean, how many answered, and who rated us lowest."""
    programme = portfolio.programme
    lines: list[AboutUsLine] = []
    for q in programme.about_us:
        answers: list[tuple[int, str]] = []
        for result in portfolio.providers:
            latest = next((e.record.about_us[q.id] for e in reversed(result.evaluations)
                           if q.id in e.record.about_us), None)
            if latest is not None:
                answers.append((latest, result.provider.name))
        if not answers:
            continue
        mean = sum(a for a, _ in answers) / len(answers)
        lowest = min(answers)
        detail = f"Only {lowest[1]} answered" if len(answers) == 1 else \
            f"{counted(len(answers), 'provider')} answered; lowest: {lowest[1]} ({lowest[0]})"
        lines.append(AboutUsLine(q.name, number_text(round(mean, 1)),
                                 mean < _middle(programme), detail))
    return tuple(lines)
