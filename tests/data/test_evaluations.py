"""The v1.1 rules (format.md "Additions in v1.1"): changes over time, contract terms,
criteria that do not apply, draft records and the evaluated day.

Each test copies the small valid data set (tests/fixtures/small), changes one thing
in a real file and checks the message, file, line and column (counted by hand in
the fixture files, noted beside each).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.load import load

Q2 = "records/acme/2026-Q2.yaml"
Q3 = "records/acme/2026-Q3.yaml"
ACME = "providers/acme.yaml"
PROG = "scorecard.yaml"
E = "evaluations/"
AVAILABILITY = '        measure: {unit: "%", target: 99.9, floor: 99.0, better: higher}\n'
TODAY = date(2026, 12, 1)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def problems(data: DataFolder, today: date = TODAY) -> list[tuple[str, str, str]]:
    dataset, found = load("evaluations", today=today)
    if any(p.severity == "error" for p in found):
        assert dataset is None
    return [(str(p.location), p.severity, p.text()) for p in found]


def changes(data: DataFolder, *lines: str) -> None:
    """Give availability (line 19 of scorecard.yaml) a changes list from line 20."""
    data.edit(PROG, AVAILABILITY, AVAILABILITY + "        changes:\n"
              + "".join(f"          - {line}\n" for line in lines))


# --- scorecard.yaml ---------------------------------------------------------------


def test_changes_that_are_right_load_and_keep_their_values(data: DataFolder) -> None:
    changes(data, "{from: 2026-01-01, target: 99.95}", "{from: 2026-07-01, floor: 99.5}")
    dataset, found = load("evaluations", today=TODAY)
    assert found == [] and dataset is not None
    c = dataset.programme.criterion("availability")
    assert c is not None
    assert [(ch.from_day, ch.target, ch.floor) for ch in c.changes] == [
        (date(2026, 1, 1), 99.95, None), (date(2026, 7, 1), None, 99.5)]


def test_a_changed_floor_on_the_wrong_side_of_the_target_in_force(data: DataFolder) -> None:
    changes(data, "{from: 2026-01-01, target: 99.95}", "{from: 2026-07-01, floor: 100}")
    # line 22; "          - {from: 2026-07-01, " is 31 characters: floor at 32, its value at 39
    assert problems(data) == [(
        E + PROG + ":22:39", "error",
        "categories.criteria.changes.floor: the floor (100) is on the wrong side of "
        "the target (99.95) in force from 2026-07-01: when higher is better, the floor must "
        "be below the target. Check the change's target and floor, or check better.",
    )]


def test_changes_out_of_order_and_two_on_one_day(data: DataFolder) -> None:
    changes(data, "{from: 2026-07-01, target: 99.95}", "{from: 2026-01-01, target: 99.99}",
            "{from: 2026-01-01, floor: 99.5}")
    found = problems(data)
    # "          - {from: " is 19 characters: each from value at column 20
    assert [(loc, text.split(":")[1].split(".")[0].strip()) for loc, _, text in found] == [
        (E + PROG + ":22:20", "the changes of availability are out of order"),
        (E + PROG + ":23:20", "two changes of availability on one day, 2026-01-01"),
    ]


def test_a_change_that_changes_nothing_or_has_an_unknown_key(data: DataFolder) -> None:
    changes(data, "{from: 2026-01-01}", "{from: 2026-07-01, targte: 99.95}")
    found = problems(data)
    assert found[0][0] == E + PROG + ":21:20"
    assert "this change of availability from 2026-01-01 changes nothing" in found[0][2]
    # the unknown key: "          - {from: 2026-07-01, " is 31 characters, the key at 32
    # (with the misspelt key left out, that change changes nothing too)
    assert found[1][0] == E + PROG + ":22:20"
    assert found[2][0] == E + PROG + ":22:32"
    assert "unknown field 'targte'" in found[2][2] and "did you mean 'target'?" in found[2][2]


def test_until_before_from(data: DataFolder) -> None:
    data.edit(PROG, "        name: Communication\n",
              "        name: Communication\n        from: 2026-07-01\n        until: 2026-06-30\n")
    # line 33, "        until: " is 15 characters: the value at 16 (the records that
    # score communication are errors too: it is never in force)
    assert [p for p in problems(data) if p[0].startswith(E + PROG)] == [(
        E + PROG + ":33:16", "error",
        "categories.criteria.until: communication applies until 2026-06-30, before it "
        "starts to apply on 2026-07-01. Check the two days; until is the last day it applies.",
    )]


def test_a_retired_criterion_is_valid_in_old_records_and_an_error_in_new_ones(
    data: DataFolder,
) -> None:
    data.edit(PROG, "        name: Quality of fixes\n",
              "        name: Quality of fixes\n        until: 2026-06-30\n")
    # 2026-Q2 scores fix-quality: valid. 2026-Q3 scores it on line 9, the key at column 3
    assert problems(data) == [(
        E + Q3 + ":9:3", "error",
        "scores.fix-quality: fix-quality applied until 30 June 2026; this record is for "
        "2026-Q3. Leave it out, or check the period and the criterion's days in scorecard.yaml.",
    )]


def test_a_criterion_added_later_is_an_error_in_an_earlier_record(data: DataFolder) -> None:
    data.edit(PROG, "        name: Communication\n",
              "        name: Communication\n        from: 2026-07-01\n")
    # 2026-Q2 has communication: null (line 9), which is not a score: no error. Scoring it is.
    assert problems(data) == []
    data.edit(Q2, "communication: null", "communication: 4")
    assert [(loc, text.split(". Leave")[0]) for loc, _, text in problems(data)] == [(
        E + Q2 + ":9:3",
        "scores.communication: communication applies from 1 July 2026; this record is for "
        "2026-Q2",
    )]


# --- providers/<provider>.yaml -----------------------------------------------------


def test_terms_and_not_applicable_load(data: DataFolder) -> None:
    data.write(ACME, data.path(ACME).read_text() + "terms:\n"
               "  p1-response: {target: 20, floor: 90, from: 2026-07-01}\n"
               "not_applicable: [communication]\n")
    data.edit(Q3, "  communication: 4\n", "")
    dataset, found = load("evaluations", today=TODAY)
    assert found == [] and dataset is not None
    acme = dataset.providers["acme"]
    term = acme.terms["p1-response"]
    assert (term.target, term.floor, term.from_day) == (20, 90, date(2026, 7, 1))
    assert acme.not_applicable == ("communication",)


def test_terms_for_unknown_or_rated_criteria_and_floors_on_the_wrong_side(
    data: DataFolder,
) -> None:
    lines = data.path(ACME).read_text().count("\n")
    data.write(ACME, data.path(ACME).read_text() + "terms:\n"
               "  p1-respons: {target: 20}\n"
               "  fix-quality: {target: 4}\n"
               "  p1-response: {target: 20, floor: 10}\n"
               "not_applicable: [comunication]\n")
    found = problems(data)
    first = lines + 2
    assert [(loc, sev) for loc, sev, _ in found] == [
        (E + ACME + f":{first}:3", "error"),  # the key p1-respons
        (E + ACME + f":{first + 1}:3", "error"),  # the key fix-quality
        # "  p1-response: {target: 20, floor: " is 35 characters: the floor's value at 36
        (E + ACME + f":{first + 2}:36", "error"),
        # "not_applicable: [" is 17 characters: the id at 18
        (E + ACME + f":{first + 3}:18", "error"),
    ]
    assert "there is no criterion 'p1-respons'" in found[0][2]
    assert "did you mean 'p1-response'?" in found[0][2]
    assert "fix-quality is rated on the scale" in found[1][2]
    # lower is better: a floor of 10 below the target of 20 is on the wrong side
    assert "the floor (10) is on the wrong side of the target (20)" in found[2][2]
    assert "did you mean 'communication'?" in found[3][2]


def test_a_score_for_a_criterion_that_does_not_apply(data: DataFolder) -> None:
    data.write(ACME, data.path(ACME).read_text() + "not_applicable: [communication]\n")
    # 2026-Q2 has communication: null (no score); 2026-Q3 scores it on line 10
    assert [(loc, text.split(" (")[0]) for loc, _, text in problems(data)] == [
        (E + Q3 + ":10:3", "scores.communication: communication does not apply to acme"),
    ]


# --- records: status and the evaluated day --------------------------------------------


def test_a_final_record_that_scores_nothing_is_an_error_at_its_line(data: DataFolder) -> None:
    data.edit(Q2, "  availability: 99.5\n  p1-response: 45\n  fix-quality: 3\n", "")
    # left: "scores:" (line 5) with communication: null; the error is at the scores,
    # line 6 column 3, where the mapping's value starts
    assert problems(data) == [(
        E + Q2 + ":6:3", "error",
        "scores: this record is final but scores nothing, so it is not an evaluation. "
        "Fill in the scores, or write status: draft until the evaluation is done.",
    )]


def test_a_draft_that_scores_nothing_is_valid_and_is_not_an_evaluation(
    data: DataFolder,
) -> None:
    data.edit(Q2, "  availability: 99.5\n  p1-response: 45\n  fix-quality: 3\n", "")
    data.edit(Q2, "provider: acme\n", "status: draft\nprovider: acme\n")
    dataset, found = load("evaluations", today=TODAY)
    assert found == [] and dataset is not None
    assert [r.period.label for r in dataset.records["acme"]] == ["2026-Q3"]
    assert [r.period.label for r in dataset.drafts["acme"]] == ["2026-Q2"]


def test_evaluated_in_the_future_before_the_period_or_before_its_end(
    data: DataFolder,
) -> None:
    # line 3, "evaluated: " is 11 characters: the day at 12
    data.edit(Q3, "evaluated: 2026-10-06", "evaluated: 2026-12-02")
    assert problems(data) == [(
        E + Q3 + ":3:12", "error",
        "evaluated: evaluated on 2026-12-02, after 2026-12-01, the day of this data: a day "
        "in the future. Write the day the evaluation was completed.",
    )]
    assert problems(data, today=date(2026, 12, 2)) == []  # the next day it is no typo
    data.edit(Q3, "evaluated: 2026-12-02", "evaluated: 2026-06-30")
    assert [(loc, sev) for loc, sev, _ in problems(data)] == [(E + Q3 + ":3:12", "error")]
    data.edit(Q3, "evaluated: 2026-06-30", "evaluated: 2026-09-29")
    assert [(loc, sev) for loc, sev, _ in problems(data)] == [(E + Q3 + ":3:12", "warning")]
