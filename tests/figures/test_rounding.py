"""Display rounding: halves away from zero, on the decimal a person reads."""

import math

import pytest

from scorecard.figures.rounding import display, round_half_away


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (72.5, 73),  # half goes up (built-in round would give 72)
        (73.5, 74),
        (72.4999, 72),  # below half stays down
        (72.5001, 73),
        (-0.5, -1),  # half away from zero, also below zero
        (-2.5, -3),
        (-2.4, -2),
        (0.0, 0),
        (0.4, 0),
        (99.5, 100),
        (62.5, 63),
        (100.0, 100),
    ],
)
def test_display_whole_numbers(value: float, shown: int) -> None:
    assert display(value) == shown
    assert isinstance(display(value), int)


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (2.675, 2, 2.68),  # binary 2.67499999... but a person reads 2.675
        (1.005, 2, 1.01),  # binary 1.00499999...
        (0.125, 2, 0.13),
        (-0.125, 2, -0.13),
        (66.666666, 2, 66.67),
        (33.333333, 2, 33.33),
        (1234.5, 0, 1235.0),
        (0.05, 1, 0.1),
    ],
)
def test_round_half_away_decimals(value: float, digits: int, expected: float) -> None:
    assert round_half_away(value, digits) == expected


def test_round_half_away_never_gives_negative_zero() -> None:
    # -0.4 rounds to 0; it should not show as "-0"
    assert math.copysign(1.0, round_half_away(-0.4)) == 1.0


def test_display_refuses_nan() -> None:
    with pytest.raises(ValueError):
        display(float("nan"))


@pytest.mark.parametrize(
    ("value", "digits"), [(1e308, 4), (-1.7976931348623157e308, 2), (1e22, 0), (5e-324, 4)]
)
def test_round_half_away_takes_any_finite_float(value: float, digits: int) -> None:
    # Too large for the default decimal context (28 digits), which raised
    # InvalidOperation; such floats have no fraction left to round.
    expected = value if abs(value) >= 1 else 0.0
    assert round_half_away(value, digits) == expected
