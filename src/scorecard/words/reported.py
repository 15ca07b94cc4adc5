"""The provider's reported figures in words (outputs.md v1.2 "Evidence in the
documents"): beside our figure in the results, and on page one when the two differ
by more than the criterion's tolerance.

Both parties see the same facts; the provider scorecard speaks to the provider
("you reported"), the team scorecard names it ("Acme reported").
"""

from __future__ import annotations

from collections.abc import Iterable

from scorecard.data.model import Provider
from scorecard.figures.reported import Reported
from scorecard.figures.results import CriterionResult
from scorecard.words.numbers import gap_text, value_text
from scorecard.words.voice import voice_of

__all__ = ["reported_sentence", "to_discuss"]

_AS_REPORTED = {False: "As reported by you", True: "As reported by the provider"}


def _difference(r: Reported, unit: str) -> str:
    """ "They differ by 0.13 points, more than the 0.05 points allowed." """
    assert r.ours is not None
    gap = gap_text(r.value, r.ours, unit)
    if r.tolerance <= 0:
        return f"They differ by {gap}."
    return f"They differ by {gap}, more than the {gap_text(r.tolerance, 0, unit)} allowed."


def reported_sentence(cr: CriterionResult, provider: Provider, *, internal: bool) -> str:
    """What the results table says under a criterion the provider reported ("" if none)."""
    r, measure = cr.reported, cr.criterion.measure
    if r is None or measure is None:
        return ""
    if r.used:
        return f"{_AS_REPORTED[internal]}. We have no figure of our own for it."
    who = voice_of(provider, internal).subject
    reported = value_text(r.value, measure.unit)
    if not r.beyond and not r.difference:
        return f"{who} reported {reported}, the same as our figure."
    if not r.beyond:
        return (f"{who} reported {reported}. That is within "
                f"{gap_text(r.tolerance, 0, measure.unit)} of our figure, as allowed.")
    return (f"{who} reported {reported}. Our figure is {value_text(r.ours or 0, measure.unit)}. "
            f"{_difference(r, measure.unit)} The score uses our figure.")


def _discuss_line(cr: CriterionResult, provider: Provider, *, internal: bool) -> str:
    """One item of page one's list: a reported figure that differs from ours by more
    than the tolerance ("" when it does not)."""
    r, measure = cr.reported, cr.criterion.measure
    if r is None or measure is None or not r.beyond or r.ours is None:
        return ""
    v = voice_of(provider, internal)
    ask = ("Let us agree which figure is right." if not internal
           else f"Agree with {v.obj} which figure is right.")
    theirs, ours = value_text(r.value, measure.unit), value_text(r.ours, measure.unit)
    return (f"{cr.criterion.name}: {v.obj} reported {theirs}, but our figure is {ours}. "
            f"{_difference(r, measure.unit)} {ask}")


def to_discuss(criteria: Iterable[CriterionResult], provider: Provider, *,
               internal: bool) -> tuple[str, ...]:
    """Page one's list of reported figures to discuss, in the programme's order."""
    lines = (_discuss_line(cr, provider, internal=internal) for cr in criteria)
    return tuple(line for line in lines if line)
