"""The provider's reported figures in words (outputs.md v1.2): each case worked by
hand from the rule in figures.reported and the sentences in words.reported."""

from __future__ import annotations

from dataclasses import replace

from factories import measured, provider
from scorecard.data.model import Measured, Scale
from scorecard.figures.scoring import criterion_result
from scorecard.words.reported import reported_sentence, to_discuss

SCALE = Scale(1, 5)
ACME = replace(provider("acme"), short_name="Acme")
AVAIL = measured("availability", 99.9, floor=99.0)
assert AVAIL.measure is not None
LOOSE = replace(AVAIL, name="Availability", measure=replace(AVAIL.measure, tolerance=0.05))


def test_only_the_reported_figure_is_as_reported_by_you_or_the_provider() -> None:
    cr = criterion_result(LOOSE, None, SCALE, reported=99.95)
    assert reported_sentence(cr, ACME, internal=False) == (
        "As reported by you. We have no figure of our own for it.")
    assert reported_sentence(cr, ACME, internal=True) == (
        "As reported by the provider. We have no figure of our own for it.")
    assert to_discuss([cr], ACME, internal=False) == ()  # nothing to compare


def test_the_same_figure_and_one_within_the_tolerance() -> None:
    same = criterion_result(LOOSE, Measured(99.95), SCALE, reported=99.95)
    assert reported_sentence(same, ACME, internal=False) == (
        "You reported 99.95%, the same as our figure.")
    # 99.95 - 99.92 = 0.03, within 0.05
    near = criterion_result(LOOSE, Measured(99.92), SCALE, reported=99.95)
    assert reported_sentence(near, ACME, internal=True) == (
        "Acme reported 99.95%. That is within 0.05 percentage points of our figure, as allowed.")
    assert to_discuss([same, near], ACME, internal=False) == ()


def test_a_difference_beyond_the_tolerance_is_said_to_both_parties() -> None:
    # 99.93 - 99.74 = 0.19 percentage points, more than 0.05
    cr = criterion_result(LOOSE, Measured(99.74), SCALE, reported=99.93)
    assert reported_sentence(cr, ACME, internal=False) == (
        "You reported 99.93%. Our figure is 99.74%. They differ by 0.19 percentage points, "
        "more than the 0.05 percentage points allowed. The score uses our figure.")
    assert to_discuss([cr], ACME, internal=False) == (
        "Availability: you reported 99.93%, but our figure is 99.74%. They differ by 0.19 "
        "percentage points, more than the 0.05 percentage points allowed. Let us agree which "
        "figure is right.",)
    assert to_discuss([cr], ACME, internal=True) == (
        "Availability: Acme reported 99.93%, but our figure is 99.74%. They differ by 0.19 "
        "percentage points, more than the 0.05 percentage points allowed. Agree with Acme "
        "which figure is right.",)


def test_without_a_tolerance_and_in_minutes() -> None:
    response = measured("p1-response", 30, better="lower", floor=120)
    assert response.measure is not None
    minutes = replace(response, name="First response",
                      measure=replace(response.measure, unit="minutes"))
    # 25 - 42 = -17: 17 minutes apart; tolerance 0
    cr = criterion_result(minutes, Measured(42), SCALE, reported=25)
    assert to_discuss([cr], ACME, internal=False) == (
        "First response: you reported 25 minutes, but our figure is 42 minutes. They differ "
        "by 17 minutes. Let us agree which figure is right.",)
