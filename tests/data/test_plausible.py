"""Plausible values (format.md v1.2 "Adoption, plausible values, currencies"): a
measure's min..max, and "did you mean 99.93?" for a fraction typed as a percentage.

Each test copies the small valid data set (tests/fixtures/small), changes one thing
in a real file and checks the message, file, line and column (counted by hand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.validation.plausible import as_percentage

Q3 = "records/acme/2026-Q3.yaml"
PROG = "scorecard.yaml"
E = "evaluations/"
AVAILABILITY = '        measure: {unit: "%", target: 99.9, floor: 99.0, better: higher}\n'
OURS = "  availability: 99.95\n"  # line 7 of Q3; "  availability: " is 16 characters


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def ranged(data: DataFolder, lo: str = "90", hi: str = "100", target: str = "99.9") -> None:
    """Availability's measure as a block: line 19 measure:, 20 unit, 21 target (value at
    column 19), 22 floor (column 18), 23 better, 24 min (column 16), 25 max (column 16)."""
    data.edit(PROG, AVAILABILITY, "        measure:\n"
              '          unit: "%"\n'
              f"          target: {target}\n"
              "          floor: 99.0\n"
              "          better: higher\n"
              f"          min: {lo}\n"
              f"          max: {hi}\n")


def test_as_percentage_writes_the_value_as_a_person_would_type_it() -> None:
    assert as_percentage(0.9993, "0.9993") == "99.93"  # 0.9993 x 100, not 99.92999999999999
    assert as_percentage(0.9993) == "99.93"  # from the float's shortest text
    assert as_percentage(0.5, "0.50") == "50"
    assert as_percentage(0.12345) == "12.345"


def test_a_fraction_typed_for_a_percentage_says_did_you_mean(data: DataFolder) -> None:
    data.edit(Q3, OURS, "  availability: 0.9993\n")
    assert data.problems() == [(
        E + Q3 + ":7:17",
        "scores.availability: 0.9993 looks like a fraction, but availability is in % "
        "against a target of 99.9%: did you mean 99.93? Write the percentage: "
        "availability: 99.93",
    )]


def test_a_fraction_in_the_providers_reported_figures_too(data: DataFolder) -> None:
    data.edit(Q3, "services_used: [service-desk]\n",
              "services_used: [service-desk]\nreported:\n  availability: 0.9995\n")
    (where, text), = data.problems()
    assert where == E + Q3 + ":17:17"  # reported: on line 16, its entry on 17
    assert text.startswith("reported.availability: 0.9995 looks like a fraction")
    assert "did you mean 99.95?" in text


def test_no_fraction_check_at_0_at_1_or_for_a_target_of_50_or_less(data: DataFolder) -> None:
    data.edit(Q3, OURS, "  availability: 1\n")  # 1 % may be a real figure: left alone
    assert data.problems() == []
    data.edit(Q3, "  availability: 1\n", "  availability: 0\n")
    assert data.problems() == []
    # a target of 50 is not above 50: 0.5 may be a real share
    data.edit(PROG, "target: 99.9, floor: 99.0", "target: 50, floor: 40")
    data.edit(Q3, "  availability: 0\n", "  availability: 0.5\n")
    assert data.problems() == []


def test_the_fraction_check_uses_the_target_in_force_for_the_period(data: DataFolder) -> None:
    # from 2026-07-01 (Q3) the target drops to 40: 0.5 is no longer suspect in Q3
    data.edit(PROG, AVAILABILITY, AVAILABILITY.replace("floor: 99.0", "floor: 30") +
              "        changes: [{from: 2026-07-01, target: 40}]\n")
    data.edit(Q3, OURS, "  availability: 0.5\n")
    assert data.problems() == []


def test_a_value_outside_min_and_max_is_an_error_with_the_percentage_it_likely_is(
        data: DataFolder) -> None:
    ranged(data)
    data.edit(Q3, OURS, "  availability: 0.9993\n")
    assert data.problems() == [(
        E + Q3 + ":7:17",
        "scores.availability: expected a value from 90 to 100 (%), the plausible range of "
        "availability, found 0.9993. Did you mean 99.93?",
    )]


def test_a_value_above_max_says_to_check_the_figure(data: DataFolder) -> None:
    ranged(data)
    data.edit(Q3, OURS, "  availability: 100.5\n")
    assert data.problems() == [(
        E + Q3 + ":7:17",
        "scores.availability: expected a value from 90 to 100 (%), the plausible range of "
        "availability, found 100.5. Check the figure and its unit, or widen min and max in "
        "scorecard.yaml.",
    )]


def test_a_range_that_allows_small_values_turns_the_fraction_check_off(
        data: DataFolder) -> None:
    ranged(data, lo="0")  # min 0 says values below 1 are plausible; the floor 99 fits
    data.edit(Q3, OURS, "  availability: 0.9993\n")
    assert data.problems() == []


def test_min_above_max_is_an_error_at_max_and_judges_no_value(data: DataFolder) -> None:
    ranged(data, lo="100", hi="90")  # the records' 99.5 and 99.95 are not errors of their own
    assert data.problems() == [(
        E + PROG + ":25:16",
        "categories.criteria.measure.max: the max (90) is below the min (100). Swap min and max.",
    )]


def test_a_target_and_floor_outside_the_range_are_errors_at_their_lines(
        data: DataFolder) -> None:
    ranged(data, lo="99.5", hi="100")  # target 99.9 fits; the floor 99.0 does not
    assert data.problems() == [(
        E + PROG + ":22:18",
        "categories.criteria.measure.floor: the floor (99) is outside the plausible range of "
        "its values, from 99.5 to 100 (min and max). Check the unit of the figure, or widen "
        "min and max.",
    )]
    ranged_target = data.path(PROG).read_text().replace("target: 99.9", "target: 0.999")
    data.path(PROG).write_text(ranged_target)
    found = data.problems()
    assert (E + PROG + ":21:19", "categories.criteria.measure.target: the target (0.999) is "
            "outside the plausible range of its values, from 99.5 to 100 (min and max). Check "
            "the unit of the figure, or widen min and max.") in found


def test_a_contract_term_outside_the_range(data: DataFolder) -> None:
    ranged(data, lo="90", hi="100")
    data.edit("providers/acme.yaml", "short_name: Acme\n",
              "short_name: Acme\nterms:\n  availability: {target: 99.5, floor: 80}\n")
    # line 5; "  availability: {target: 99.5, floor: " is 38 characters: 80 at column 39
    assert data.problems() == [(
        E + "providers/acme.yaml:5:39",
        "terms.availability.floor: the floor in acme's contract (80) is outside the "
        "plausible range of its values, from 90 to 100 (min and max). Check the unit of "
        "the figure, or widen min and max.",
    )]


def test_tolerance_is_a_number_of_0_or_more(data: DataFolder) -> None:
    data.edit(PROG, "better: higher}", "better: higher, tolerance: -0.1}")
    (where, text), = data.problems()
    # '        measure: {unit: "%", target: 99.9, floor: 99.0, better: higher, tolerance: '
    # is 8 + 9 + 1 + 11 + 14 + 13 + 16 + 11 = 83 characters: the value at column 84
    assert where == E + PROG + ":19:84"
    assert text.startswith("categories.criteria.measure.tolerance: expected a number from 0")
