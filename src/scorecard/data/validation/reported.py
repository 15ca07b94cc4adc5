"""The rules about a record's ``reported`` figures (v1.2): the provider's own value of
a measured criterion in force for the record's period and applicable to its provider.
They run after the rules of ``evaluations``; the schema already required numbers."""

from __future__ import annotations

from collections.abc import Iterator

from scorecard.data.problems import Problem
from scorecard.data.validation.drafts import Drafts, Rule
from scorecard.data.validation.evaluations import _period, applies_problems
from scorecard.data.validation.records import criteria_of_kind


def reported_names_measured_criteria(d: Drafts) -> Iterator[Problem]:
    """A reported figure for an unknown criterion, or for a rated one, is an error."""
    yield from criteria_of_kind(
        d, "reported", measured=True,
        message="{cid} is rated on the scale, so the provider reports no figure for it",
        hint="Leave it out; the provider's own rating goes in self_assessment.")


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
