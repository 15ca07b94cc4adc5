"""A provider's ``evaluated_from`` (format.md v1.2 "Adoption"): a period in the
provider's cadence form, and no record for a period before it. Lines and columns
counted by hand in the fixture files (tests/fixtures/small)."""

from __future__ import annotations

from pathlib import Path

import pytest

from datafolder import DataFolder

E = "evaluations/"
ACME = "providers/acme.yaml"
GLOBEX = "providers/globex.yaml"
NAME = "short_name: Acme\n"  # line 3 of acme.yaml: evaluated_from goes on line 4


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def test_evaluated_from_loads_as_a_period_of_the_providers_cadence(data: DataFolder) -> None:
    data.edit(ACME, NAME, NAME + "evaluated_from: 2026-Q2\n")
    data.edit(GLOBEX, "cadence: monthly\n", "cadence: monthly\nevaluated_from: 2026-07\n")
    dataset, found = data.load()
    assert found == [] and dataset is not None
    acme, globex = dataset.providers["acme"], dataset.providers["globex"]
    assert acme.evaluated_from is not None and acme.evaluated_from.label == "2026-Q2"
    assert globex.evaluated_from is not None and globex.evaluated_from.label == "2026-07"
    assert globex.evaluated_from.cadence == "monthly"


def test_a_period_in_another_cadences_form_is_an_error(data: DataFolder) -> None:
    data.edit(ACME, NAME, NAME + "evaluated_from: 2026-06\n")
    # "evaluated_from: " is 16 characters: the value at column 17 of line 4
    assert data.problems() == [(
        E + ACME + ":4:17",
        "evaluated_from: expected a quarterly period such as 2026-Q3, found 2026-06; acme is "
        "evaluated quarterly (the programme's cadence in scorecard.yaml): write the first "
        "period evaluated with this tool in that form.",
    )]


def test_something_that_is_no_period_is_an_error_of_the_schema(data: DataFolder) -> None:
    data.edit(ACME, NAME, NAME + "evaluated_from: June 2026\n")
    (where, text), = data.problems()
    assert where == E + ACME + ":4:17"
    assert text.startswith("evaluated_from: expected a period such as 2026-Q3")


def test_a_record_before_evaluated_from_is_an_error_at_its_period(data: DataFolder) -> None:
    data.edit(ACME, NAME, NAME + "evaluated_from: 2026-Q3\n")
    # records/acme/2026-Q2.yaml line 2, "period: " is 8 characters: the value at column 9
    assert data.problems() == [(
        E + "records/acme/2026-Q2.yaml:2:9",
        "period: 2026-Q2 is before 2026-Q3, the first period acme is evaluated with this "
        "tool (evaluated_from in evaluations/providers/acme.yaml). Move evaluated_from back "
        "to 2026-Q2, or remove this record.",
    )]


def test_a_year_written_as_a_number_for_a_yearly_provider(data: DataFolder) -> None:
    data.edit(GLOBEX, "cadence: monthly\n", "cadence: yearly\nevaluated_from: 2026\n")
    data.path("records/globex/2026-07.yaml").rename(data.path("records/globex/2026.yaml"))
    data.edit("records/globex/2026.yaml", "period: 2026-07", "period: 2026")
    dataset, found = data.load()
    assert [p.text() for p in found if p.severity == "error"] == []
    assert dataset is not None
    start = dataset.providers["globex"].evaluated_from
    assert start is not None and (start.label, start.cadence) == ("2026", "yearly")


def test_evaluated_from_before_the_contract_is_a_warning(data: DataFolder) -> None:
    data.edit(ACME, NAME, NAME + "evaluated_from: 2024-Q4\ncontract:\n  start: 2025-02-01\n")
    # the contract starts in 2025-Q1; 2024-Q4 is before it: a warning, the data loads
    dataset, found = data.load()
    assert dataset is not None
    assert [(str(p.location), p.severity, p.text()) for p in found] == [(
        E + ACME + ":4:17", "warning",
        "evaluated_from: evaluated_from 2024-Q4 is before 2025-Q1, the period the contract "
        "starts in (2025-02-01), so it changes nothing. Check the year, or leave "
        "evaluated_from out.",
    )]
    data.edit(ACME, "evaluated_from: 2024-Q4", "evaluated_from: 2025-Q1")
    assert data.load()[1] == []  # the contract's own period: no warning
