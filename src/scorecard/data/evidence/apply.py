"""Computed values for every record of a data set (format.md v1.2): the entry points
the loader calls. The work (``run``) imports polars and holidays only when the
data folder has source files, so a programme without them loads as fast as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from scorecard.data.evidence.figures import Computed
from scorecard.data.model import Measured, Record
from scorecard.data.problems import Problem
from scorecard.data.sources import SourceFile
from scorecard.data.validation.drafts import Drafts
from scorecard.data.validation.evidence import evidence_is_sound

Key = tuple[str, str]  # provider id, period label


@dataclass
class Evidence:
    computed: dict[Key, dict[str, Computed]] = field(default_factory=dict)
    reported: dict[Key, dict[str, float]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def computed_values(drafts: Drafts, files: list[SourceFile]) -> list[Problem]:
    """Work out every computed value (kept on ``drafts.evidence``); the problems.
    While the programme's own evidence settings are wrong, the files' rows are still
    checked (every problem in one run) but nothing is computed."""
    drafts.evidence = Evidence()
    sources = [f for f in files if f.kind == "source"]
    if not sources:
        return []
    from scorecard.data.evidence.run import evaluate

    sound = not any(p.severity == "error" for p in evidence_is_sound(drafts))
    ev = evaluate(drafts, sources, work=sound)
    drafts.evidence = ev
    return ev.problems


def from_source(measure: Mapping[str, Any]) -> str | None:
    """The source a measure's ``from`` names, if it has one."""
    frm = measure.get("from")
    name = frm.get("source") if isinstance(frm, dict) else None
    return name if isinstance(name, str) else None


def with_computed(record: Record, drafts: Drafts) -> Record:
    """The record with the values its period's source files give in place of typed ones."""
    ev = drafts.evidence
    key = (record.provider, record.period.label)
    computed = ev.computed.get(key) if ev else None
    reported = ev.reported.get(key) if ev else None
    if reported:
        record = replace(record, reported={**record.reported, **reported})
    if not computed:
        return record
    scores = dict(record.scores)
    for cid, c in computed.items():
        scores[cid] = None if c.value is None else Measured(c.value)
    return replace(record, scores=scores, computed=computed)


__all__ = ["Evidence", "computed_values", "from_source", "with_computed"]
