"""Plausible values (format.md v1.2 "Adoption, plausible values, currencies"): a
measure's ``min``..``max`` range, and the fraction typed where a percentage was meant.

The programme's own figures must fit the range it gives (``min`` at most ``max``;
every target and floor inside it); a measured value in a record, ours in ``scores``
or the provider's in ``reported``, outside it is an error at its line. Without a
range, a ``%`` value strictly between 0 and 1 against a target above 50 (0.9993
against 99.9) is an error that offers the value times 100 ("did you mean 99.93?").
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from scorecard.data.model import Criterion, Measure
from scorecard.data.periods import Period
from scorecard.data.problems import Location, Problem, shown
from scorecard.data.schema.fields import limit_text
from scorecard.data.validation.drafts import Drafts, RecordFile, Rule, _error
from scorecard.data.validation.evaluations import _period
from scorecard.data.validation.records import MEASURED

FRACTION_TARGET = 50  # a % target above this makes a value below 1 look like a fraction


def outside(m: Measure, value: float) -> bool:
    """Whether ``value`` lies outside the measure's plausible range (a range whose min is
    above its max is reported at the programme and judges no value)."""
    if m.min is not None and m.max is not None and m.min > m.max:
        return False
    return (m.min is not None and value < m.min) or (m.max is not None and value > m.max)


def range_text(m: Measure) -> str:
    """The range in words: ``from 90 to 100``, ``of 0 or more``, ``of 100 or less``."""
    if m.min is not None and m.max is not None:
        return f"from {limit_text(m.min)} to {limit_text(m.max)}"
    if m.min is not None:
        return f"of {limit_text(m.min)} or more"
    return f"of {limit_text(m.max or 0)} or less"


def as_percentage(value: float, raw: str | None = None) -> str:
    """``value`` x 100 as a person would type it: 0.9993 -> ``99.93``, 0.5 -> ``50``."""
    try:
        number = Decimal((raw or "").strip() or repr(value))
    except InvalidOperation:
        number = Decimal(repr(value))
    return format(number.scaleb(2).normalize(), "f")


def looks_like_fraction(m: Measure, target: float, value: float) -> bool:
    """A ``%`` value strictly between 0 and 1 against a target above 50, with no range
    given that says such a value is plausible."""
    return (m.unit.strip() == "%" and m.min is None and m.max is None
            and target > FRACTION_TARGET and 0 < value < 1)


# --- scorecard.yaml and the providers' terms ---------------------------------------


def _fits(m: Measure, where: Location, path: tuple[Any, ...], what: str,
          value: float | None) -> Iterator[Problem]:
    if value is not None and outside(m, value):
        yield _error(where, path,
                     f"the {what} ({value:g}) is outside the plausible range of its values, "
                     f"{range_text(m)} (min and max)",
                     "Check the unit of the figure, or widen min and max.")


def ranges_hold_the_targets(d: Drafts) -> Iterator[Problem]:
    """``min`` at most ``max``; every target and floor, changed or in a contract's
    terms, inside the range."""
    if d.programme is None:
        return
    for c in d.programme.criteria():
        m = c.measure
        if m is None or (m.min is None and m.max is None):
            continue
        if m.min is not None and m.max is not None and m.min > m.max:
            yield _error(m.where("max"), (*m.path, "max"),
                         f"the max ({m.max:g}) is below the min ({m.min:g})",
                         "Swap min and max.")
            continue
        yield from _fits(m, m.where("target"), (*m.path, "target"), "target", m.target)
        yield from _fits(m, m.where("floor"), (*m.path, "floor"), "floor", m.floor)
        for ch in c.changes:
            for name in ("target", "floor"):
                yield from _fits(m, ch.where(name), (*ch.path, name), f"changed {name}",
                                 getattr(ch, name))
        for pf in d.provider_by_id.values():
            term = pf.provider.terms.get(c.id)
            if term is None:
                continue
            for name in ("target", "floor"):
                yield from _fits(m, term.where(name), (*term.path, name),
                                 f"{name} in {pf.provider.id}'s contract",
                                 getattr(term, name))


# --- records ------------------------------------------------------------------------


def target_in_force(c: Criterion, m: Measure, period: Period | None) -> float:
    """The programme's target for the period (its changes applied)."""
    target = m.target
    for ch in c.changes:
        if period is not None and ch.from_day <= period.start and ch.target is not None:
            target = ch.target
    return target


def implausible(c: Criterion, m: Measure, period: Period | None, value: float,
                raw: str | None) -> tuple[str, str] | None:
    """What is wrong with ``value`` for criterion ``c`` and how to fix it (message,
    hint), or None when it is plausible: outside the range, or a fraction typed
    where a percentage was meant. For a record's values and a ``reported`` file's."""
    unit = f" {m.unit}" if m.unit.strip() != "%" else m.unit
    if outside(m, value):
        guess = as_percentage(value, raw) if m.unit.strip() == "%" and 0 < value < 1 else None
        fits = guess is not None and not outside(m, float(guess))
        return (f"expected a value {range_text(m)} ({shown(m.unit)}), the plausible "
                f"range of {c.id}, found {shown(raw or f'{value:g}')}",
                f"Did you mean {guess}?" if fits else
                "Check the figure and its unit, or widen min and max in scorecard.yaml.")
    target = target_in_force(c, m, period)
    if looks_like_fraction(m, target, value):
        guess = as_percentage(value, raw)
        return (f"{shown(raw or f'{value:g}')} looks like a fraction, but {c.id} is "
                f"in % against a target of {target:g}{unit}: did you mean {guess}?",
                f"Write the percentage: {c.id}: {guess}")
    return None


def _value_problem(r: RecordFile, c: Criterion, m: Measure, period: Period | None,
                   path: tuple[Any, ...], value: float) -> Problem | None:
    found = implausible(c, m, period, value, r.doc.raw.get(path))
    return _error(r.doc.at(path), path, *found) if found is not None else None


def values_are_plausible(d: Drafts) -> Iterator[Problem]:
    """Each measured value, ours or the provider's, inside its criterion's range."""
    for r in d.records:
        period = _period(d, r)
        for name in ("scores", "reported"):
            for cid, value in r.mapping(name).items():
                c = d.criteria.get(cid)
                if c is None or c.measure is None or not MEASURED.fits(value):
                    continue
                problem = _value_problem(r, c, c.measure, period, (name, cid), float(value))
                if problem is not None:
                    yield problem


PROGRAMME_RULES: tuple[Rule, ...] = (ranges_hold_the_targets,)
RECORD_RULES: tuple[Rule, ...] = (values_are_plausible,)
