"""The rules in force for one provider in one period (scoring.md v1.1).

Given the programme, a provider and a period, :func:`rules_in_force` says which
criteria are in force and apply to that provider, and with which target, floor
and weight; and each category's weight. Scoring takes these instead of the raw
programme, so that every period is judged by the rules of its own time.

A criterion is in force when it has no ``from`` or ``from`` <= the period's
start, and no ``until`` or the period's end <= ``until``. Its values are the
base ones, replaced by each change with ``from`` <= the start, in order; then
the provider's term for it (no ``from``, or ``from`` <= the start) replaces
target and floor. A criterion in the provider's ``not_applicable`` does not
apply to it. Pure: no files, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from scorecard.data.model import Category, Change, Criterion, Programme, Provider
from scorecard.data.periods import Period

__all__ = [
    "RuleChange",
    "Rules",
    "changed_between",
    "changes_from_previous",
    "in_force",
    "rule_changes",
    "rules_in_force",
]


@dataclass(frozen=True)
class Rules:
    """The rules one evaluation is judged by.

    ``categories``: the categories with at least one criterion in force, each
    with its weight in force and only the criteria in force that apply, with
    their target, floor and weight in force. ``not_applicable``: category id ->
    the criteria in force there that do not apply to the provider.
    ``not_in_force``: the programme's criteria not in force in the period.
    """

    period: Period
    categories: tuple[Category, ...]
    not_applicable: Mapping[str, tuple[Criterion, ...]]
    not_in_force: tuple[Criterion, ...]

    def criterion(self, criterion_id: str) -> Criterion | None:
        """The criterion as in force and applicable, or None."""
        for category in self.categories:
            for c in category.criteria:
                if c.id == criterion_id:
                    return c
        return None

    def does_not_apply(self, criterion_id: str) -> bool:
        return any(c.id == criterion_id for cs in self.not_applicable.values() for c in cs)


class _Judged(Protocol):
    """An evaluation, as far as this module needs one."""

    @property
    def period(self) -> Period: ...

    @property
    def rules(self) -> Rules | None: ...


@dataclass(frozen=True)
class RuleChange:
    """A value that differs from the previous period's: ``what`` is target, floor,
    weight (of a criterion or a category), or ``added`` / ``retired``."""

    subject: Criterion | Category
    what: str
    now: float | None
    before: float | None


def in_force(criterion: Criterion, period: Period) -> bool:
    """The criterion applies to the period by its ``from`` and ``until`` days."""
    if criterion.from_day is not None and criterion.from_day > period.start:
        return False
    return criterion.until is None or period.end <= criterion.until


def _changes_by(changes: Sequence[Change], start: date) -> tuple[Change, ...]:
    return tuple(ch for ch in changes if ch.from_day <= start)


def _criterion_in_force(criterion: Criterion, provider: Provider | None,
                        start: date) -> Criterion:
    weight = criterion.weight
    measure = criterion.measure
    for ch in _changes_by(criterion.changes, start):
        if ch.weight is not None:
            weight = ch.weight
        if measure is not None and (ch.target is not None or ch.floor is not None):
            measure = replace(
                measure,
                target=measure.target if ch.target is None else ch.target,
                floor=measure.floor if ch.floor is None else ch.floor,
            )
    term = provider.terms.get(criterion.id) if provider is not None else None
    if measure is not None and term is not None and \
            (term.from_day is None or term.from_day <= start):
        measure = replace(
            measure,
            target=measure.target if term.target is None else term.target,
            floor=measure.floor if term.floor is None else term.floor,
        )
    if weight == criterion.weight and measure is criterion.measure:
        return criterion
    return replace(criterion, weight=weight, measure=measure)


def category_weight(category: Category, start: date) -> float:
    weight = category.weight
    for ch in _changes_by(category.changes, start):
        if ch.weight is not None:
            weight = ch.weight
    return weight


def rules_in_force(programme: Programme, provider: Provider | None, period: Period) -> Rules:
    """The rules ``provider`` is judged by in ``period`` (None: the programme's alone)."""
    start = period.start
    skipped = set(provider.not_applicable) if provider is not None else set()
    categories: list[Category] = []
    not_applicable: dict[str, tuple[Criterion, ...]] = {}
    not_in_force: list[Criterion] = []
    for category in programme.categories:
        current = [c for c in category.criteria if in_force(c, period)]
        not_in_force += [c for c in category.criteria if not in_force(c, period)]
        if not current:
            continue
        applying = tuple(
            _criterion_in_force(c, provider, start) for c in current if c.id not in skipped
        )
        left_out = tuple(c for c in current if c.id in skipped)
        if left_out:
            not_applicable[category.id] = left_out
        weight = category_weight(category, start)
        if weight != category.weight or applying != category.criteria:
            category = replace(category, weight=weight, criteria=applying)
        categories.append(category)
    return Rules(period, tuple(categories), not_applicable, tuple(not_in_force))


def _values(c: Criterion) -> dict[str, float | None]:
    values: dict[str, float | None] = {"weight": c.weight}
    if c.measure is not None:
        values["target"] = c.measure.target
        values["floor"] = c.measure.floor
    return values


def rule_changes(now: Rules, before: Rules) -> tuple[RuleChange, ...]:
    """What differs between the rules of one period and those of an earlier one:
    criteria added or retired, changed targets, floors and weights, and changed
    category weights; in programme order."""
    found: list[RuleChange] = []
    earlier = {k.id: k for k in before.categories}
    old = {c.id: c for k in before.categories for c in k.criteria}
    current = {c.id for k in now.categories for c in k.criteria}
    for category in now.categories:
        prior = earlier.get(category.id)
        if prior is not None and prior.weight != category.weight:
            found.append(RuleChange(category, "weight", category.weight, prior.weight))
        for c in category.criteria:
            was = old.get(c.id)
            if was is None:
                if not before.does_not_apply(c.id):
                    found.append(RuleChange(c, "added", None, None))
                continue
            then = _values(was)
            for what, value in _values(c).items():
                if then.get(what) != value:
                    found.append(RuleChange(c, what, value, then.get(what)))
    for c in (c for k in before.categories for c in k.criteria):
        if c.id not in current and not now.does_not_apply(c.id):
            found.append(RuleChange(c, "retired", None, None))
    return tuple(found)


def changes_from_previous(
    programme: Programme, provider: Provider, evaluation: _Judged
) -> tuple[RuleChange, ...]:
    """What changed in the rules from ``evaluation``'s period on: against the
    rules of the period before it (of the same cadence)."""
    period = evaluation.period
    now = evaluation.rules or rules_in_force(programme, provider, period)
    return rule_changes(now, rules_in_force(programme, provider, period.previous()))


def changed_between(
    programme: Programme, provider: Provider, period: Period, earlier: Period
) -> bool:
    """Whether the rules of ``period`` differ from those of ``earlier``."""
    return bool(rule_changes(rules_in_force(programme, provider, period),
                             rules_in_force(programme, provider, earlier)))
