"""The rules in force, in words: what changed from one period to the next, and
the criteria that do not apply to a contract."""

from __future__ import annotations

from collections.abc import Sequence

from scorecard.data.model import Category, Criterion
from scorecard.data.periods import Period
from scorecard.figures.rules import RuleChange
from scorecard.words.numbers import join_words, number_text, value_text

__all__ = ["DOES_NOT_APPLY", "not_applicable_sentence", "rule_change_sentences"]

DOES_NOT_APPLY = "Does not apply to this contract"


def _month(period: Period) -> str:
    start = period.start
    return f"{start:%B} {start.year}"


def _value(subject: Criterion | Category, value: float | None) -> str:
    if value is None:
        return "none"
    if isinstance(subject, Criterion) and subject.measure is not None:
        return value_text(value, subject.measure.unit)
    return number_text(value)


def _sentence(change: RuleChange, since: str) -> str:
    subject = change.subject
    name = subject.name
    if change.what == "added":
        return f"From {since} we also look at {name}."
    if change.what == "retired":
        return f"From {since} we no longer look at {name}."
    now, before = _value(subject, change.now), _value(subject, change.before)
    if change.what == "weight":
        return f"From {since} the weight of {name} is {now}; it was {before}."
    if change.what == "floor":  # "floor" is our word, not a provider's (words.glossary)
        if change.before is None:
            return f"From {since} {name} scores 0 at {now} or worse; before, any miss did."
        if change.now is None:
            return f"From {since} any miss of {name} scores 0; before, it scored 0 at {before}."
        return f"From {since} {name} scores 0 at {now} or worse; it was {before}."
    if change.before is None:
        return f"From {since} the {change.what} for {name} is {now}; it had none."
    return f"From {since} the {change.what} for {name} is {now}; it was {before}."


def rule_change_sentences(changes: Sequence[RuleChange], period: Period) -> list[str]:
    """One sentence per change of the rules from ``period`` on:
    "From January 2026 the target for Availability is 99.95%; it was 99.9%."."""
    since = _month(period)
    return [_sentence(change, since) for change in changes]


def not_applicable_sentence(criteria: Sequence[Criterion]) -> str:
    """"Backup restores does not apply to this contract." ("" when none)."""
    if not criteria:
        return ""
    names = join_words([c.name for c in criteria])
    if len(criteria) == 1:
        return f"{names} does not apply to this contract, so it is left out of the score."
    return f"{names} do not apply to this contract, so they are left out of the score."
