"""The rules about a record's ``reported`` figures (v1.2): the provider's own value of
a measured criterion in force for the record's period and applicable to its provider.
They run after the rules of ``evaluations``; the schema already required numbers."""

from __future__ import annotations

from collections.abc import Iterator

from scorecard.data.problems import Problem, shown
from scorecard.data.validation.drafts import Drafts, Rule, _error
from scorecard.data.validation.evaluations import _period, applies_problems
from scorecard.data.validation.records import _unknown_criterion


def reported_names_measured_criteria(d: Drafts) -> Iterator[Problem]:
    """A reported figure for an unknown criterion, or for a rated one, is an error."""
    if d.programme is None:
        return
    for r in d.records:
        for cid in r.mapping("reported"):
            path = ("reported", cid)
            c = d.criteria.get(cid)
            if c is None:
                yield _unknown_criterion(d, r, path, cid)
            elif c.measure is None:
                yield _error(r.doc.key_at(path), path,
                             f"{shown(cid)} is rated on the scale, so the provider reports no "
                             "figure for it",
                             "Leave it out; the provider's own rating goes in self_assessment.")


def reported_in_force(d: Drafts) -> Iterator[Problem]:
    """A reported figure for a criterion not in force in the record's period, or not
    applicable to its provider, is an error at its line."""
    for r in d.records:
        period = _period(d, r)
        if period is None:
            continue
        for cid in r.mapping("reported"):
            c = d.criteria.get(cid)
            if c is not None and c.measure is not None:
                yield from applies_problems(d, r, ("reported", cid), c, period)


RULES: tuple[Rule, ...] = (
    reported_names_measured_criteria,
    reported_in_force,
)
