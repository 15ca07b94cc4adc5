"""What the provider reported (scoring.md v1.2): our value scores; the reported one
only when we have none; a difference beyond the tolerance is flagged. Every figure
worked out by hand in the comment beside it."""

from __future__ import annotations

from dataclasses import replace

from factories import measured
from scorecard.data.model import Measured, Scale
from scorecard.figures.export import reported_json
from scorecard.figures.reported import Reported, compare, scored_value
from scorecard.figures.scoring import criterion_result

SCALE = Scale(1, 5)


def test_nothing_reported_is_no_comparison() -> None:
    assert compare(99.9, None, 0.05) is None
    assert compare(None, None) is None


def test_only_the_reported_value_is_used_and_nothing_is_compared() -> None:
    r = compare(None, 99.95, 0.05)
    assert r == Reported(99.95, None, None, 0.05, False)
    assert r is not None and r.used
    assert scored_value(None, 99.95) == 99.95
    assert scored_value(99.82, 99.95) == 99.82  # ours wins


def test_a_difference_beyond_the_tolerance() -> None:
    # 99.95 - 99.82 = 0.13 (in decimals, not 0.13000000000000966); 0.13 > 0.05: beyond
    r = compare(99.82, 99.95, 0.05)
    assert r == Reported(99.95, 99.82, 0.13, 0.05, True)
    assert r is not None and not r.used


def test_a_difference_exactly_at_the_tolerance_is_within_it() -> None:
    # 99.95 - 99.9 = 0.05 exactly in decimals (0.04999999999999716 in binary floats)
    r = compare(99.9, 99.95, 0.05)
    assert r is not None and (r.difference, r.beyond) == (0.05, False)


def test_without_a_tolerance_any_difference_counts() -> None:
    r = compare(42, 25)  # 25 - 42 = -17 minutes; tolerance 0
    assert r is not None and (r.difference, r.beyond) == (-17.0, True)
    same = compare(99.9, 99.9)
    assert same is not None and (same.difference, same.beyond) == (0.0, False)


def test_scoring_uses_our_value_when_both_exist() -> None:
    c = measured("availability", 99.9, floor=99.0)
    cr = criterion_result(c, Measured(99.0 + 0.45), SCALE, reported=99.95)
    # ours 99.45: 100 * (99.45 - 99.0) / (99.9 - 99.0) = 50; the reported 99.95 would be 100
    assert round(cr.score or 0, 9) == 50.0 and cr.value == 99.45 and cr.met is False
    assert cr.reported is not None and cr.reported.beyond  # 0.5 > 0


def test_scoring_uses_the_reported_value_when_we_have_none() -> None:
    c = measured("availability", 99.9, floor=99.0)
    cr = criterion_result(c, None, SCALE, reported=99.45)
    # 100 * (99.45 - 99.0) / 0.9 = 50
    assert round(cr.score or 0, 9) == 50.0 and cr.value == 99.45
    assert cr.reported is not None and cr.reported.used
    left_out = criterion_result(c, None, SCALE)
    assert (left_out.score, left_out.reported) == (None, None)


def test_the_tolerance_comes_from_the_criterions_measure() -> None:
    c = measured("availability", 99.9, floor=99.0)
    assert c.measure is not None
    loose = replace(c, measure=replace(c.measure, tolerance=0.2))
    # 99.95 - 99.82 = 0.13: beyond a tolerance of 0 (the default), within 0.2
    tight_cr = criterion_result(c, Measured(99.82), SCALE, reported=99.95)
    loose_cr = criterion_result(loose, Measured(99.82), SCALE, reported=99.95)
    assert tight_cr.reported is not None and tight_cr.reported.beyond
    assert loose_cr.reported is not None and not loose_cr.reported.beyond


def test_data_json_shape_of_a_reported_figure() -> None:
    r = compare(99.82, 99.95, 0.05)
    assert r is not None
    assert reported_json(r) == {"value": 99.95, "difference": 0.13, "tolerance": 0.05,
                                "beyond_tolerance": True, "scored_with_it": False}
    alone = compare(None, 99.95)
    assert alone is not None
    assert reported_json(alone) == {"value": 99.95, "difference": None, "tolerance": 0.0,
                                    "beyond_tolerance": False, "scored_with_it": True}
