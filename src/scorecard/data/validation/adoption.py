"""A provider's ``evaluated_from`` (format.md v1.2 "Adoption"): the first period
evaluated with this tool, read in the provider's cadence, and its rules: a period in
that cadence's form, and no record for a period before it.

Periods before it are never due, late or overdue and are not history (scoring.md
v1.2 "Adoption and dependence"): as a record for one of them is an error, the figures
only need the schedule to start there (``figures.schedule``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import Any

from scorecard.data.model import Provider
from scorecard.data.periods import (
    EXAMPLES,
    FIRST_YEAR,
    LAST_YEAR,
    Cadence,
    Period,
    guess_cadence,
    parse_period,
    period_of,
)
from scorecard.data.problems import Problem, shown
from scorecard.data.validation.drafts import Drafts, ProviderFile, Rule, _error

__all__ = ["RULES", "adopted", "evaluated_from"]

_AT = ("evaluated_from",)


def evaluated_from(pf: ProviderFile, cadence: Cadence | None) -> Period | None:
    """The provider file's ``evaluated_from`` in ``cadence``'s form (None: not given,
    not a period of that cadence, or no cadence)."""
    value = pf.doc.value.get("evaluated_from") if isinstance(pf.doc.value, dict) else None
    if value is None or cadence is None or isinstance(value, bool):
        return None
    return parse_period(str(value), cadence)


def adopted(files: Mapping[str, ProviderFile], cadence: Cadence) -> dict[str, Provider]:
    """Each provider by id (sorted), with its ``evaluated_from`` read in its cadence
    (its own, else the programme's ``cadence``)."""
    providers: dict[str, Provider] = {}
    for pid in sorted(files):
        pf = files[pid]
        start = evaluated_from(pf, pf.provider.cadence or cadence)
        providers[pid] = pf.provider if start is None else replace(pf.provider,
                                                                   evaluated_from=start)
    return providers


def _a_period(value: Any) -> bool:
    """A period in some cadence's form, as the schema (``PeriodText``) accepts it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return FIRST_YEAR <= value <= LAST_YEAR
    return isinstance(value, str) and guess_cadence(value) is not None


def evaluated_from_fits_cadence(d: Drafts) -> Iterator[Problem]:
    """``evaluated_from`` in the form of the provider's cadence (2026-Q2 when quarterly)."""
    for pid, pf in sorted(d.provider_by_id.items()):
        value = pf.doc.value.get("evaluated_from") if isinstance(pf.doc.value, dict) else None
        cadence, where = d.cadence_of(pid)
        if not _a_period(value) or cadence is None or evaluated_from(pf, cadence) is not None:
            continue  # absent, not a period at all (the schema said so), or right
        yield _error(pf.doc.at(_AT), _AT,
                     f"expected a {cadence} period such as {EXAMPLES[cadence]}, "
                     f"found {shown(value)}",
                     f"{shown(pid)} is evaluated {cadence} ({where}): write the first "
                     "period evaluated with this tool in that form.")


def no_record_before_evaluated_from(d: Drafts) -> Iterator[Problem]:
    """A record (final or draft) for a period before ``evaluated_from`` is an error:
    those periods are not evaluated with this tool, and are not history."""
    for r in d.records:
        pid, text = r.provider, r.period
        pf = d.provider_file(pid) if pid is not None else None
        if pf is None or text is None:
            continue
        cadence, _ = d.cadence_of(pf.provider.id)
        start = evaluated_from(pf, cadence)
        period = parse_period(text, cadence) if cadence is not None else None
        if start is None or period is None or period >= start:
            continue
        yield _error(r.doc.at(("period",)), ("period",),
                     f"{period.label} is before {start.label}, the first period "
                     f"{shown(pf.provider.id)} is evaluated with this tool (evaluated_from "
                     f"in {pf.file.display})",
                     f"Move evaluated_from back to {period.label}, or remove this record.")


def evaluated_from_within_the_contract(d: Drafts) -> Iterator[Problem]:
    """A warning for an ``evaluated_from`` before the period of the contract's start: it
    changes nothing (evaluations are expected from the contract's start), so it is
    likely a slip of the year."""
    for pid, pf in sorted(d.provider_by_id.items()):
        cadence, _ = d.cadence_of(pid)
        start = evaluated_from(pf, cadence)
        contract = pf.provider.contract
        if start is None or cadence is None or contract is None or contract.start is None:
            continue
        first = period_of(contract.start, cadence)
        if start < first:
            yield replace(_error(
                pf.doc.at(_AT), _AT,
                f"evaluated_from {start.label} is before {first.label}, the period the "
                f"contract starts in ({contract.start.isoformat()}), so it changes nothing",
                "Check the year, or leave evaluated_from out."), severity="warning")


RULES: tuple[Rule, ...] = (
    evaluated_from_fits_cadence,
    no_record_before_evaluated_from,
    evaluated_from_within_the_contract,
)
