"""``figures.issued.Issued``: the portfolio as of a past day is the one ``compute``
gives for that day, however it is shared and however few are kept (issue 18:
memory at 2,000 providers x 8 quarters)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scorecard.data.load import load
from scorecard.figures.compute import compute
from scorecard.figures.issued import Issued

DEMO = Path(__file__).resolve().parents[2] / "evaluations"
TODAY = date(2026, 12, 1)


def _demo_days() -> tuple[object, list[date]]:
    dataset, problems = load(DEMO, today=TODAY)
    assert dataset is not None, problems
    days = sorted({r.evaluated for records in dataset.records.values() for r in records})
    return dataset, days


def test_each_day_is_what_compute_gives_for_it_kept_or_made_again() -> None:
    dataset, days = _demo_days()
    assert len(days) >= 10
    issued = Issued(dataset, keep=2)  # type: ignore[arg-type]
    # forwards, then backwards: most days are made a second time
    for day in [*days, *reversed(days)]:
        assert issued.on(day) == compute(dataset, day), day  # type: ignore[arg-type]
    assert issued.made > len(days)


def test_a_record_is_scored_once_for_every_day_that_knows_the_same_before_it() -> None:
    """A provider with a new record on the last day: its earlier evaluations, scored
    again for that day, are the ones of the day before, not copies."""
    dataset, days = _demo_days()
    issued = Issued(dataset, keep=1)  # type: ignore[arg-type]
    first, last = issued.on(days[-2]), issued.on(days[-1])
    shared = 0
    for now in last.providers:
        then = first.provider(now.provider.id)
        assert then is not None
        if len(now.evaluations) == len(then.evaluations):
            continue  # nothing new that day: the same tuple either way
        for evaluation in then.evaluations:
            later = now.evaluation(evaluation.period)
            assert later == evaluation  # a later record changes no earlier evaluation ...
            shared += later is evaluation  # ... and it is the same object, not a copy
    assert shared >= 2
