"""The rules about a record as an evaluation (v1.1): the criteria in force for its
period and its provider, its status, and its ``evaluated`` day. They run after
the rules of ``records``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from scorecard.data.model import Criterion
from scorecard.data.periods import Period, parse_period
from scorecard.data.problems import Problem
from scorecard.data.validation.drafts import Drafts, RecordFile, Rule, _error
from scorecard.data.yaml.document import INVALID


def _day(day: date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def _period(d: Drafts, r: RecordFile) -> Period | None:
    pid, text = r.provider, r.period
    if pid is None or text is None or d.provider_file(pid) is None:
        return None
    cadence, _ = d.cadence_of(pid)
    return parse_period(text, cadence) if cadence is not None else None


def _not_in_force(c: Criterion, period: Period) -> str | None:
    """Why ``c`` is not in force in ``period`` (None when it is)."""
    if c.from_day is not None and c.from_day > period.start:
        return f"{c.id} applies from {_day(c.from_day)}; this record is for {period.label}"
    if c.until is not None and period.end > c.until:
        return f"{c.id} applied until {_day(c.until)}; this record is for {period.label}"
    return None


def scores_in_force(d: Drafts) -> Iterator[Problem]:
    """A score for a criterion not in force in the record's period, or one that does
    not apply to its provider, is an error at its line."""
    for r in d.records:
        period = _period(d, r)
        if period is None:
            continue
        for cid, value in r.mapping("scores").items():
            c = d.criteria.get(cid)
            if c is not None and value is not None:
                yield from applies_problems(d, r, ("scores", cid), c, period)


def applies_problems(d: Drafts, r: RecordFile, path: tuple[str, str], c: Criterion,
                     period: Period) -> Iterator[Problem]:
    """A value at ``path`` of record ``r`` for criterion ``c``: an error when ``c`` is not
    in force in ``period`` or does not apply to the record's provider."""
    pf = d.provider_file(r.provider or "")
    why = _not_in_force(c, period)
    if why is not None:
        yield _error(r.doc.key_at(path), path, why,
                     "Leave it out, or check the period and the criterion's days "
                     "in scorecard.yaml.")
    elif pf is not None and c.id in pf.provider.not_applicable:
        yield _error(r.doc.key_at(path), path,
                     f"{c.id} does not apply to {pf.provider.id} "
                     f"(not_applicable in {pf.file.display})",
                     "Leave it out, or remove it from not_applicable.")


_REQUIRED = ("provider", "period", "evaluated", "lead")


def final_records_score_something(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        if r.data.get("status", "final") != "final" or \
                any(r.data.get(name) in (None, INVALID) for name in _REQUIRED):
            continue  # an unfinished file: its missing fields are reported
        scores = r.data.get("scores")
        if scores is INVALID:
            continue
        values = scores.values() if isinstance(scores, dict) else ()
        if any(v is not None for v in values) or (d.evidence and d.evidence.computed.get(
                (r.provider, r.period))):  # v1.2: its values come from source files
            continue
        at = ("scores",) if isinstance(scores, dict) else ("status",) \
            if "status" in r.data else ()
        yield _error(r.doc.at(at), at,
                     "this record is final but scores nothing, so it is not an evaluation",
                     "Fill in the scores, or write status: draft until the evaluation is done.")


def evaluated_in_time(d: Drafts) -> Iterator[Problem]:
    """``evaluated`` after the day of the data (a typo) or before the period started
    is an error; before the period ended, a warning."""
    for r in d.records:
        day = r.data.get("evaluated")
        period = _period(d, r)
        if not isinstance(day, date) or period is None:
            continue
        where = r.doc.at(("evaluated",))
        if d.today is not None and day > d.today:
            yield _error(where, ("evaluated",),
                         f"evaluated on {day.isoformat()}, after {d.today.isoformat()}, the "
                         f"day of this data: a day in the future",
                         "Write the day the evaluation was completed.")
        elif day < period.start:
            yield _error(where, ("evaluated",),
                         f"evaluated on {day.isoformat()}, before {period.label} started "
                         f"on {period.start.isoformat()}",
                         "Check the day and the period.")
        elif day < period.end:
            yield replace(_error(where, ("evaluated",),
                                 f"evaluated on {day.isoformat()}, before {period.label} "
                                 f"ended on {period.end.isoformat()}",
                                 "An evaluation looks back on a whole period; check the day."),
                          severity="warning")


RULES: tuple[Rule, ...] = (
    scores_in_force,
    final_records_score_something,
    evaluated_in_time,
)
