"""The rules about ``scorecard.yaml``, the programme, in the order they run."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import pairwise

from scorecard.data.model import Category, Change, Criterion, Measure
from scorecard.data.problems import Problem, shown
from scorecard.data.validation.drafts import Drafts, Rule, _error, _repeated_ids


def unique_category_ids(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    yield from _repeated_ids(d.programme.categories, "the category id",
                             "Give each category its own id.")


def unique_criterion_ids(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    yield from _repeated_ids(d.programme.criteria(), "the criterion id",
                             "Criterion ids must be unique across the whole programme.")


def scale_min_below_max(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    scale = d.programme.scale
    if scale.min >= scale.max:
        yield _error(scale.where("max"), ("scale", "max"),
                     f"the scale must run upwards: max ({scale.max}) is not above "
                     f"min ({scale.min})", "Swap them, e.g. min: 1 and max: 5.")


def scale_labels_inside_scale(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    scale = d.programme.scale
    for rating in scale.labels:
        if not scale.min <= rating <= scale.max:
            yield _error(scale.where("labels", rating), ("scale", "labels"),
                         f"a label for {rating}, which is outside the scale "
                         f"{scale.min} to {scale.max}",
                         "Remove it, or widen the scale with min and max.")


def bands_start_at_zero(d: Drafts) -> Iterator[Problem]:
    if d.programme is None or not d.programme.bands:
        return
    bands = d.programme.bands
    if not any(b.min == 0 for b in bands):
        yield _error(d.programme.where("bands"), ("bands",),
                     "no band starts at 0, so low scores would have no status",
                     "Give the lowest band min: 0.")


def bands_distinct_minimums(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    seen: dict[float, str] = {}
    for band in sorted(d.programme.bands, key=lambda b: b.path):
        if band.min in seen:
            yield _error(band.where("min"), (*band.path, "min"),
                         f"two bands start at {band.min:g}: {shown(seen[band.min])} and "
                         f"{shown(band.name)}",
                         "Give each band its own min.")
        else:
            seen[band.min] = band.name


def wrong_side(better: str, target: float, floor: float | None) -> str | None:
    """"below" or "above" (where the floor must be) when it is on the wrong side."""
    if floor is None or math.isnan(target):
        return None
    if better == "higher" and floor > target:
        return "below"
    if better == "lower" and floor < target:
        return "above"
    return None


def floor_message(m: Measure, target: float, floor: float, side: str,
                  since: date | None = None) -> str:
    when = f" in force from {since.isoformat()}" if since is not None else ""
    return (f"the floor ({floor:g}) is on the wrong side of the target ({target:g}){when}: "
            f"when {m.better} is better, the floor must be {side} the target")


def floor_on_the_right_side(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for c in d.programme.criteria():
        m = c.measure
        if m is None:
            continue
        side = wrong_side(m.better, m.target, m.floor)
        if side is not None and m.floor is not None:
            yield _error(m.where("floor"), (*m.path, "floor"),
                         floor_message(m, m.target, m.floor, side),
                         "Swap floor and target, or check better.")
        target, floor = m.target, m.floor
        for ch in c.changes:
            target = target if ch.target is None else ch.target
            floor = floor if ch.floor is None else ch.floor
            side = wrong_side(m.better, target, floor)
            if side is not None and floor is not None and \
                    (ch.target is not None or ch.floor is not None):
                name = "floor" if ch.floor is not None else "target"
                yield _error(ch.where(name), (*ch.path, name),
                             floor_message(m, target, floor, side, ch.from_day),
                             "Check the change's target and floor, or check better.")


def _subjects(d: Drafts) -> Iterator[Category | Criterion]:
    if d.programme is None:
        return
    for category in d.programme.categories:
        yield category
        yield from category.criteria


def changes_change_something(d: Drafts) -> Iterator[Problem]:
    for subject in _subjects(d):
        rated = isinstance(subject, Criterion) and subject.measure is None
        for ch in subject.changes:
            if ch.target is None and ch.floor is None and ch.weight is None:
                what = "weight" if isinstance(subject, Category) else "target, floor or weight"
                yield _error(ch.where("from"), (*ch.path, "from"),
                             f"this change of {subject.id} from {ch.from_day.isoformat()} "
                             "changes nothing",
                             f"Give the new {what}, or remove the change.")
            elif rated:
                for name in ("target", "floor"):
                    if getattr(ch, name) is not None:
                        yield _error(ch.where(name), (*ch.path, name),
                                     f"{subject.id} is rated, so it has no {name} to change",
                                     "Only its weight can change; remove the " + name + ".")


def _out_of_order(changes: Sequence[Change]) -> Iterator[tuple[Change, Change]]:
    for before, after in pairwise(changes):
        if after.from_day <= before.from_day:
            yield before, after


def changes_in_order(d: Drafts) -> Iterator[Problem]:
    for subject in _subjects(d):
        for before, after in _out_of_order(subject.changes):
            if after.from_day == before.from_day:
                message = (f"two changes of {subject.id} on one day, "
                           f"{after.from_day.isoformat()}")
                hint = "Put both values in one change."
            else:
                message = (f"the changes of {subject.id} are out of order: "
                           f"{after.from_day.isoformat()} comes after "
                           f"{before.from_day.isoformat()}")
                hint = "List the changes oldest first."
            yield _error(after.where("from"), (*after.path, "from"), message, hint)


def until_not_before_from(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for c in d.programme.criteria():
        if c.from_day is not None and c.until is not None and c.until < c.from_day:
            yield _error(c.where("until"), (*c.path, "until"),
                         f"{c.id} applies until {c.until.isoformat()}, before it starts to "
                         f"apply on {c.from_day.isoformat()}",
                         "Check the two days; until is the last day it applies.")


RULES: tuple[Rule, ...] = (
    unique_category_ids,
    unique_criterion_ids,
    scale_min_below_max,
    scale_labels_inside_scale,
    bands_start_at_zero,
    bands_distinct_minimums,
    floor_on_the_right_side,
    changes_change_something,
    changes_in_order,
    until_not_before_from,
)
