"""format.md's own examples, and the demo data, load clean."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from datafolder import FIXTURES, DataFolder
from scorecard.data.load import load
from scorecard.data.model import Measured, Rated

DEMO = Path(__file__).resolve().parents[2] / "evaluations"
DATA_SETS = [FIXTURES / "format_example", FIXTURES / "small"]
if (DEMO / "scorecard.yaml").exists():
    DATA_SETS.append(DEMO)


@pytest.mark.parametrize("folder", DATA_SETS, ids=lambda p: p.name)
def test_loads_clean(folder: Path) -> None:
    dataset, problems = load(folder)
    assert problems == []
    assert dataset is not None
    assert dataset.all_records()


def test_format_example_values() -> None:
    dataset, problems = load(FIXTURES / "format_example")
    assert problems == [] and dataset is not None
    programme = dataset.programme
    assert programme.organisation == "Northwind Freight"
    assert [b.name for b in programme.bands] == ["Strong", "Adequate", "At risk"]
    assert programme.scale.label(3) == "Meets expectations"
    acme = dataset.providers["acme"]
    assert acme.contract is not None and acme.contract.notice_days == 90
    assert acme.exit_plan is not None and acme.exit_plan.alternatives == (
        "globex", "Initech Services")
    (action,) = acme.actions
    assert (action.id, action.closed) == ("a-7", date(2026, 9, 12))
    (record,) = dataset.records["acme"]
    assert record.scores["availability"] == Measured(99.95)
    assert record.scores["fix-quality"] == Rated({"Priya Shah": 4, "Tom Berg": 3})
    assert record.scores["communication"] == Rated({"Priya Shah": 4})  # the lead's rating
    assert record.scores["cost-variance"] is None
    assert record.summary == "A steady quarter with one weak spot: weekend response.\n"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path, "format_example")


def test_format_md_provider_example_says_monthly_for_a_quarterly_record(
    example: DataFolder,
) -> None:
    # Undo change 1 of the fixture's README: format.md's provider is monthly, its record
    # is for 2026-Q3. format.md itself calls that an error.
    example.edit("providers/acme.yaml", "cadence: quarterly", "cadence: monthly")
    assert example.problems() == [(
        "evaluations/records/acme/2026-Q3.yaml:2:9",
        "period: expected a monthly period such as 2026-07, found 2026-Q3; "
        "acme is evaluated monthly (cadence in evaluations/providers/acme.yaml).",
    )]


def test_format_md_record_example_scores_criteria_the_programme_example_lacks(
    example: DataFolder,
) -> None:
    # Undo change 2: without the added category, two scores name no criterion.
    text = example.path("scorecard.yaml").read_text()
    example.path("scorecard.yaml").write_text(text[: text.index("  # Added")])
    assert example.problems() == [
        ("evaluations/records/acme/2026-Q3.yaml:10:3",
         "scores.communication: there is no criterion 'communication' in the programme. "
         "The criteria are listed in scorecard.yaml."),
        ("evaluations/records/acme/2026-Q3.yaml:11:3",
         "scores.cost-variance: there is no criterion 'cost-variance' in the programme. "
         "The criteria are listed in scorecard.yaml."),
    ]


def test_gitlab_code_quality_report_has_one_entry_per_problem() -> None:
    import json

    from scorecard.data.problems import Location, Problem, to_gitlab

    problems = [
        Problem(Location("evaluations/records/a/2026-Q3.yaml", 4, 7), "lead: expects text",
                field="lead", hint="Write it in quotes."),
        Problem(Location("evaluations/scorecard.yaml"), "no criteria", severity="warning"),
    ]
    report = json.loads(to_gitlab(problems))
    assert [r["location"] for r in report] == [
        {"path": "evaluations/records/a/2026-Q3.yaml", "lines": {"begin": 4}},
        {"path": "evaluations/scorecard.yaml", "lines": {"begin": 1}},  # unknown line: the first
    ]
    assert [r["severity"] for r in report] == ["major", "minor"]
    assert report[0]["check_name"] == "scorecard-lead"
    assert "Write it in quotes." in report[0]["description"]
    assert len({r["fingerprint"] for r in report}) == 2
    assert json.loads(to_gitlab(problems)) == report  # stable across runs
