"""Scores for one record (scoring.md: "One criterion", "A category and the whole")."""

from collections.abc import Mapping
from datetime import date

import pytest

from factories import BANDS, category, measured, programme, provider, rated, record
from scorecard.data.model import Band, Measure, Measured, Programme, Rated, Scale
from scorecard.figures.results import Evaluation
from scorecard.figures.rounding import display
from scorecard.figures.scoring import (
    band_for,
    bands_of,
    coverage,
    criterion_result,
    evaluate,
    lowest_band,
    measured_score,
    target_met,
)

SCALE = Scale()  # 1..5
HIGHER = Measure(unit="%", target=99.9, floor=99.0, better="higher")
LOWER = Measure(unit="minutes", target=30, floor=120, better="lower")
HIGHER_NO_FLOOR = Measure(unit="%", target=95, better="higher")
LOWER_NO_FLOOR = Measure(unit="days", target=5, better="lower")


# --- rated ------------------------------------------------------------------


def test_rated_mean_of_all_ratings_mapped_to_0_100() -> None:
    # rated 4 and 3 on 1..5: mean 3.5 -> 100*(3.5-1)/(5-1) = 62.5
    r = criterion_result(rated("fix"), Rated({"Priya": 4, "Tom": 3}), SCALE)
    assert r.score == pytest.approx(62.5)
    assert r.mean_rating == pytest.approx(3.5)
    assert r.ratings == {"Priya": 4, "Tom": 3}
    assert r.value is None and r.met is None


@pytest.mark.parametrize(
    ("ratings", "expected"),
    [
        ({"a": 1}, 0.0),  # 100*(1-1)/4 = 0
        ({"a": 5}, 100.0),  # 100*(5-1)/4 = 100
        ({"a": 3}, 50.0),  # 100*(3-1)/4 = 50
    ],
)
def test_rated_single_ratings(ratings: dict[str, int], expected: float) -> None:
    assert criterion_result(rated("x"), Rated(ratings), SCALE).score == pytest.approx(expected)


def test_rated_three_evaluators() -> None:
    # ratings 4, 4, 2: mean 10/3; 100*(10/3 - 1)/4 = 100*(7/3)/4 = 700/12 = 58.333...
    r = criterion_result(rated("x"), Rated({"a": 4, "b": 4, "c": 2}), SCALE)
    assert r.score == pytest.approx(700 / 12)
    assert r.mean_rating == pytest.approx(10 / 3)


def test_rated_on_another_scale() -> None:
    # rating 7 on 0..10: 100*(7-0)/(10-0) = 70
    r = criterion_result(rated("x"), Rated({"a": 7}), Scale(min=0, max=10))
    assert r.score == pytest.approx(70.0)


@pytest.mark.parametrize(
    ("ratings", "disagree"),
    [
        ({"a": 4, "b": 2}, True),  # span 4-2 = 2 points: disagree
        ({"a": 5, "b": 1, "c": 3}, True),  # span 4
        ({"a": 4, "b": 3}, False),  # span 1
        ({"a": 4}, False),  # one evaluator: span 0
    ],
)
def test_disagreement_when_ratings_span_two_points(ratings: dict[str, int], disagree: bool) -> None:
    assert criterion_result(rated("x"), Rated(ratings), SCALE).disagreement is disagree


# --- measured ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "value", "score", "met"),
    [
        # higher, target 99.9, floor 99.0
        (HIGHER, 99.9, 100.0, True),  # exactly at target: met
        (HIGHER, 99.95, 100.0, True),  # above target
        (HIGHER, 99.0, 0.0, False),  # exactly at floor: 0
        (HIGHER, 98.0, 0.0, False),  # below floor
        (HIGHER, 99.45, 50.0, False),  # 100*(99.45-99.0)/(99.9-99.0) = 100*0.45/0.9 = 50
        (HIGHER, 99.72, 80.0, False),  # 100*(0.72)/0.9 = 80
        # lower, target 30, floor 120
        (LOWER, 30, 100.0, True),  # exactly at target: met
        (LOWER, 12, 100.0, True),  # better than target
        (LOWER, 120, 0.0, False),  # exactly at floor: 0
        (LOWER, 150, 0.0, False),  # worse than floor
        (LOWER, 75, 50.0, False),  # 100*(120-75)/(120-30) = 100*45/90 = 50
        (LOWER, 42, 86.666666667, False),  # 100*(120-42)/90 = 7800/90 = 86.67
        # no floor: all or nothing
        (HIGHER_NO_FLOOR, 95, 100.0, True),  # at target
        (HIGHER_NO_FLOOR, 94.99, 0.0, False),  # just missed: 0
        (LOWER_NO_FLOOR, 5, 100.0, True),  # at target
        (LOWER_NO_FLOOR, 5.5, 0.0, False),  # just missed: 0
    ],
)
def test_measured_table(measure: Measure, value: float, score: float, met: bool) -> None:
    assert measured_score(measure, value) == pytest.approx(score)
    assert target_met(measure, value) is met
    crit = measured("m", measure.target, measure.better, measure.floor)
    r = criterion_result(crit, Measured(value), SCALE)
    assert r.score == pytest.approx(score)
    assert r.met is met
    assert r.value == value
    assert r.ratings is None and not r.disagreement


def test_left_out_or_null_is_not_scored() -> None:
    assert criterion_result(rated("x"), None, SCALE).score is None
    assert not criterion_result(measured("m", 10), None, SCALE).scored
    # the wrong kind of result (validation rejects it) is not scored either
    assert criterion_result(measured("m", 10), Rated({"a": 3}), SCALE).score is None
    assert criterion_result(rated("x"), Measured(3), SCALE).score is None


# --- categories, overall, coverage, band -------------------------------------


def _prog() -> Programme:
    # service (W 40): avail (measured, target 99.9 floor 99.0), fix (rated, weight 2)
    # relation (W 60): comm (rated)
    return programme(
        category("service", 40, measured("avail", 99.9, floor=99.0), rated("fix", weight=2)),
        category("relation", 60, rated("comm")),
        min_coverage=0.5,
        bands=BANDS,
    )


def _eval(scores: Mapping[str, float | Mapping[str, int] | None]) -> Evaluation:
    return evaluate(_prog(), provider(), record("2026-Q3", date(2026, 10, 6), scores))


def test_category_and_overall_weighted_means() -> None:
    e = _eval({"avail": 99.95, "fix": {"a": 4, "b": 3}, "comm": {"a": 3}})
    service, relation = e.categories
    # service: avail 100 (w 1), fix 62.5 (w 2): (100 + 125) / 3 = 75
    assert service.score == pytest.approx(75.0)
    assert (service.scored_weight, service.total_weight) == (3, 3)
    # relation: comm 3 -> 50
    assert relation.score == pytest.approx(50.0)
    # overall: (40*75 + 60*50) / 100 = 60 -> "Adequate" (min 60 reached exactly)
    assert e.overall == pytest.approx(60.0)
    assert e.coverage == pytest.approx(1.0)
    assert e.band is not None and e.band.name == "Adequate"
    assert (e.targets_met, e.targets_measured) == (1, 1)


def test_unscored_criterion_left_out_of_mean_and_coverage() -> None:
    # avail null; fix 5 -> 100 (w 2): service = 100 (avail not in the mean)
    # comm 1 -> 0: relation 0; overall = (40*100 + 60*0)/100 = 40
    # coverage = (40 * 2/3 + 60 * 1) / 100 = (26.666.. + 60)/100 = 0.8666..
    e = _eval({"avail": None, "fix": {"a": 5}, "comm": {"a": 1}})
    assert e.categories[0].score == pytest.approx(100.0)
    assert e.categories[0].scored_weight == 2
    assert e.overall == pytest.approx(40.0)
    assert e.coverage == pytest.approx((40 * 2 / 3 + 60) / 100)
    assert e.band is not None and e.band.name == "At risk"
    assert (e.targets_met, e.targets_measured) == (0, 0)  # the measured one was not scored


def test_everything_in_a_category_unscored() -> None:
    # relation unscored: overall = service only; service: avail 99.45 -> 50, fix 3 -> 50: 50
    # coverage = 40*1 / 100 = 0.4 < 0.5: no band
    e = _eval({"avail": 99.45, "fix": {"a": 3}})
    assert e.categories[1].score is None
    assert e.categories[1].scored_weight == 0
    assert e.categories[1].total_weight == 1
    assert e.overall == pytest.approx(50.0)
    assert e.coverage == pytest.approx(0.4)
    assert e.band is None
    assert (e.targets_met, e.targets_measured) == (0, 1)


def test_whole_record_unscored() -> None:
    e = _eval({"avail": None, "comm": None})
    assert all(c.score is None for c in e.categories)
    assert e.overall is None
    assert e.coverage == 0.0
    assert e.band is None
    assert e.trend is None
    assert (e.targets_met, e.targets_measured) == (0, 0)


def test_coverage_exactly_at_min_coverage_gets_a_band() -> None:
    # two categories W 50 each; only the first scored: coverage 50*1/100 = 0.5
    prog = programme(
        category("a", 50, measured("m", 100, floor=0)),
        category("b", 50, rated("r")),
        min_coverage=0.5,
    )
    # m = 85 -> 100*(85-0)/(100-0) = 85; overall 85 -> Strong
    e = evaluate(prog, provider(), record("2026-Q3", date(2026, 10, 1), {"m": 85}))
    assert e.coverage == pytest.approx(0.5)
    assert e.band is not None and e.band.name == "Strong"
    # just above the coverage: min_coverage 0.51 > 0.5: no band
    assert band_for(programme(min_coverage=0.51), 85.0, 0.5) is None


def test_coverage_with_criterion_weights() -> None:
    # one category W 3: criteria weights 1 and 1, one scored -> 1/2;
    # another W 1 fully scored -> (3 * 0.5 + 1 * 1) / 4 = 2.5/4 = 0.625
    prog = programme(
        category("a", 3, rated("x"), rated("y")),
        category("b", 1, rated("z")),
    )
    e = evaluate(prog, provider(), record("2026-Q3", date(2026, 10, 1), {"x": {"a": 3},
                                                                          "z": {"a": 3}}))
    assert coverage(e.categories) == pytest.approx(0.625)
    assert e.coverage == pytest.approx(0.625)


@pytest.mark.parametrize(
    ("overall", "band"),
    [
        (80.0, "Strong"),  # exactly at Strong's min
        (79.99, "Adequate"),
        (60.0, "Adequate"),
        (59.999, "At risk"),
        (0.0, "At risk"),
        (100.0, "Strong"),
    ],
)
def test_band_is_highest_min_reached(overall: float, band: str) -> None:
    # bands given in any order in the file
    unordered = (Band("At risk", 0), Band("Strong", 80), Band("Adequate", 60))
    got = band_for(programme(bands=unordered), overall, 1.0)
    assert got is not None and got.name == band


def test_no_band_without_overall() -> None:
    assert band_for(programme(), None, 1.0) is None


def test_default_bands_when_none_given() -> None:
    prog = programme(bands=())
    assert [b.name for b in bands_of(prog)] == ["Strong", "Adequate", "At risk"]
    assert lowest_band(prog).name == "At risk"
    got = band_for(prog, 70.0, 1.0)
    assert got is not None and got.name == "Adequate"


def test_72_5_is_shown_as_73() -> None:
    # measured higher, target 100, floor 0, value 72.5: 100*(72.5-0)/(100-0) = 72.5
    prog = programme(category("a", 1, measured("m", 100, floor=0)))
    e = evaluate(prog, provider(), record("2026-Q3", date(2026, 10, 1), {"m": 72.5}))
    assert e.overall == pytest.approx(72.5)
    assert e.overall is not None and display(e.overall) == 73


# --- scope ------------------------------------------------------------------


def test_scope_in_provider_order() -> None:
    prog = programme(category("a", 1, rated("r")))
    acme = provider(services=["desk", "backup", "network"])
    rec = record("2026-Q3", date(2026, 10, 1), {}, services_used=["network", "desk"])
    scope = evaluate(prog, acme, rec).scope
    assert scope is not None
    assert [s.id for s in scope.used] == ["desk", "network"]
    assert [s.id for s in scope.unused] == ["backup"]
    assert scope.contracted == 3
    assert scope.share == pytest.approx(2 / 3)


def test_scope_not_recorded_and_empty() -> None:
    prog = programme(category("a", 1, rated("r")))
    acme = provider(services=["desk", "backup"])
    assert evaluate(prog, acme, record("2026-Q3", date(2026, 10, 1), {})).scope is None
    empty = evaluate(prog, acme, record("2026-Q3", date(2026, 10, 1), {}, services_used=[]))
    assert empty.scope is not None
    assert empty.scope.used == ()
    assert [s.id for s in empty.scope.unused] == ["desk", "backup"]
    assert empty.scope.share == 0.0


# --- over time: trend, due, late ---------------------------------------------


def test_trend_against_previous_scored_period_skipping_unscored() -> None:
    # one measured criterion, target 100 floor 0: the score is the value
    prog = programme(category("a", 1, measured("m", 100, floor=0)))
    acme = provider()
    q1 = evaluate(prog, acme, record("2026-Q1", date(2026, 4, 10), {"m": 60}))
    q2 = evaluate(prog, acme, record("2026-Q2", date(2026, 7, 10), {"m": None}), [q1])
    q3 = evaluate(prog, acme, record("2026-Q3", date(2026, 10, 10), {"m": 70.5}), [q1, q2])
    assert q1.trend is None and q1.previous is None  # first evaluation
    assert q2.overall is None and q2.trend is None  # nothing scored: no trend
    # Q3 compares with Q1 (Q2 was not scored): 70.5 - 60 = 10.5
    assert q3.trend == pytest.approx(10.5)
    assert q3.previous == q1.period


def test_trend_down() -> None:
    prog = programme(category("a", 1, measured("m", 100, floor=0)))
    q1 = evaluate(prog, provider(), record("2026-Q1", date(2026, 4, 10), {"m": 80}))
    q2 = evaluate(prog, provider(), record("2026-Q2", date(2026, 7, 10), {"m": 75}), [q1])
    # 75 - 80 = -5
    assert q2.trend == pytest.approx(-5.0)


def test_due_across_year_end_and_late() -> None:
    prog = programme(category("a", 1, rated("r")), grace_days=30)
    # 2025-Q4 ends 2025-12-31; + 30 days = 2026-01-30
    on_time = evaluate(prog, provider(), record("2025-Q4", date(2026, 1, 30), {}))
    assert on_time.due == date(2026, 1, 30)
    assert not on_time.late  # evaluated on the due day
    late = evaluate(prog, provider(), record("2025-Q4", date(2026, 1, 31), {}))
    assert late.late
