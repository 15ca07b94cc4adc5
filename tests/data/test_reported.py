"""The record field ``reported`` (format.md v1.2 "What the provider says"): the
provider's own figure per measured criterion.

Each test copies the small valid data set (tests/fixtures/small), adds a reported
block to acme's 2026-Q3 record after line 15 (so its entries start on line 17)
and checks the message, file, line and column (counted by hand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from datafolder import DataFolder

Q3 = "records/acme/2026-Q3.yaml"
E = "evaluations/"
LAST = "services_used: [service-desk]\n"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def reported(data: DataFolder, *lines: str) -> None:
    """``reported:`` on line 16 of the record, its entries from line 17."""
    data.edit(Q3, LAST, LAST + "reported:\n" + "".join(f"  {line}\n" for line in lines))


def test_reported_figures_load_into_the_record(data: DataFolder) -> None:
    reported(data, "availability: 99.5", "p1-response: 25")
    dataset, found = data.load()
    assert found == [] and dataset is not None
    q3 = dataset.records["acme"][-1]
    assert dict(q3.reported) == {"availability": 99.5, "p1-response": 25.0}
    assert dict(dataset.records["acme"][0].reported) == {}  # Q2 reports nothing


def test_an_unknown_criterion_is_an_error_at_its_key_with_a_did_you_mean(
        data: DataFolder) -> None:
    reported(data, "availabilty: 99.5")
    assert data.problems() == [(
        E + Q3 + ":17:3",
        "reported.availabilty: there is no criterion 'availabilty' in the programme; "
        "did you mean 'availability'?",
    )]


def test_a_rated_criterion_reports_no_figure(data: DataFolder) -> None:
    reported(data, "communication: 4")
    assert data.problems() == [(
        E + Q3 + ":17:3",
        "reported.communication: communication is rated on the scale, so the provider "
        "reports no figure for it. Leave it out; the provider's own rating goes in "
        "self_assessment.",
    )]


def test_a_reported_value_that_is_not_a_number(data: DataFolder) -> None:
    reported(data, "availability: high")
    # "  availability: " is 16 characters: the value at column 17
    (where, text), = data.problems()
    assert where == E + Q3 + ":17:17"
    assert text.startswith("reported.availability: expected a number")
    assert "high" in text


def test_a_criterion_not_applicable_to_the_provider(data: DataFolder) -> None:
    data.edit("providers/acme.yaml", "short_name: Acme\n",
              "short_name: Acme\nnot_applicable: [p1-response]\n")
    data.edit(Q3, "  p1-response: 42\n", "")  # the score would be an error of its own
    data.edit(Q3, "notes:\n  p1-response: Two weekend incidents waited over an hour.\n", "")
    reported(data, "p1-response: 25")
    # two lines removed above: reported: is on line 13, its entry on 14 (Q2's score of
    # p1-response is an error of its own, not this test's)
    assert [p for p in data.problems() if Q3 in p[0]] == [(
        E + Q3 + ":14:3",
        "reported.p1-response: p1-response does not apply to acme (not_applicable in "
        "evaluations/providers/acme.yaml). Leave it out, or remove it from not_applicable.",
    )]


def test_a_criterion_not_in_force_in_the_period(data: DataFolder) -> None:
    data.edit("scorecard.yaml", "        name: First response to urgent tickets\n",
              "        name: First response to urgent tickets\n        until: 2026-06-30\n")
    data.edit(Q3, "  p1-response: 42\n", "")
    data.edit(Q3, "notes:\n  p1-response: Two weekend incidents waited over an hour.\n", "")
    reported(data, "p1-response: 25")
    assert data.problems() == [(
        E + Q3 + ":14:3",
        "reported.p1-response: p1-response applied until 30 June 2026; this record is for "
        "2026-Q3. Leave it out, or check the period and the criterion's days in "
        "scorecard.yaml.",
    )]
