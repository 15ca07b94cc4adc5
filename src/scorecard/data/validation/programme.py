"""The rules about ``scorecard.yaml``, the programme, in the order they run."""

from __future__ import annotations

import math
from collections.abc import Iterator

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


def floor_on_the_right_side(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for c in d.programme.criteria():
        m = c.measure
        if m is None or m.floor is None or math.isnan(m.target):
            continue
        if m.better == "higher" and m.floor > m.target:
            side = "below"
        elif m.better == "lower" and m.floor < m.target:
            side = "above"
        else:
            continue
        yield _error(m.where("floor"), (*m.path, "floor"),
                     f"the floor ({m.floor:g}) is on the wrong side of the target "
                     f"({m.target:g}): when {m.better} is better, the floor must be "
                     f"{side} the target",
                     "Swap floor and target, or check better.")


RULES: tuple[Rule, ...] = (
    unique_category_ids,
    unique_criterion_ids,
    scale_min_below_max,
    scale_labels_inside_scale,
    bands_start_at_zero,
    bands_distinct_minimums,
    floor_on_the_right_side,
)
