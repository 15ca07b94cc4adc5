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


# --- messages never carry raw data: escaped, cut, one problem per line ---------------

HOSTILE_RECORD = r"""provider: "acme\n::error::pwned"
period: 2026-Q4
evaluated: 2027-01-06
lead: Priya Shah
"extra\n::add-mask::x": 1
scores:
  "comm\u2028::warning::y\e[31m": 4
  "a\u202eb": 3
  "long-long-long-long-long-long-long-long-long-long-long-long-long-long-long-long": 2
"""


def _run_validate(cwd: Path, *args: str) -> tuple[int, str]:
    import os

    from conftest import run_cli

    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = run_cli("validate", *args)
    finally:
        os.chdir(before)
    return result.exit_code, result.stdout + result.stderr


def _no_injected_command(output: str, fmt: str) -> None:
    """No line starts a workflow command, except (github) our own annotations."""
    import re

    for line in output.splitlines():
        if fmt == "github" and re.match(r"::(error|warning) file=[^:]*(,line=\d+,col=\d+)?,"
                                        r"title=[^:]*::", line):
            continue
        assert not line.lstrip().startswith("::"), line


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Path:
    from conftest import make_repo

    repo = make_repo(tmp_path / "repo", FIXTURES / "small")
    (repo.data / "records/acme/2026-Q4.yaml").write_text(HOSTILE_RECORD, encoding="utf-8")
    (repo.data / "records/acme/x\n::error::file.txt").write_text("x", encoding="utf-8")
    (repo.data / "::error::top.yaml").write_text("x: 1\n", encoding="utf-8")
    repo.commit("Hostile values")
    return repo.root


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
@pytest.mark.parametrize("ref", [(), ("--ref", "HEAD")], ids=["worktree", "ref"])
def test_hostile_values_cannot_start_a_line_in_any_format(
    hostile_repo: Path, fmt: str, ref: tuple[str, ...]
) -> None:
    code, output = _run_validate(hostile_repo, "--format", fmt, *ref)
    assert code == 1
    _no_injected_command(output, fmt)
    for raw in ("\u2028", "\u202e", "\x1b"):
        assert raw not in output
    # the same from inside the data folder, where a file's name starts its line
    code, output = _run_validate(hostile_repo / "evaluations", "--data", ".", "--format", fmt,
                                 *ref)
    assert code == 1
    _no_injected_command(output, fmt)


def test_hostile_values_are_shown_escaped_and_cut(hostile_repo: Path) -> None:
    code, output = _run_validate(hostile_repo)
    assert code == 1
    text = output.splitlines()
    assert ("evaluations/records/acme/2026-Q4.yaml:1:11: provider: the provider is "
            "'acme\\n::error::pwned' but the record is in the folder records/acme/. "
            "Correct the provider.") in text  # an invalid id is never suggested as a folder
    assert ("evaluations/records/acme/2026-Q4.yaml:5:1: extra\\n::add-mask::x: unknown field "
            "'extra\\n::add-mask::x'") in [line.split(". ")[0] for line in text]
    assert any('found "comm\\u2028::warning::y\\x1b[31m"' in line for line in text)
    assert any('found "a\\u202eb"' in line for line in text)
    # 80 characters of key: cut to 60 with an ellipsis, as the field and as the value
    cut = "long-" * 11 + "long…"
    assert any(line.startswith(f"evaluations/records/acme/2026-Q4.yaml:9:3: scores.{cut}: ")
               and f'found "{cut}"' in line for line in text)
    assert "evaluations/records/acme/x\\n::error::file.txt: warning: records/ holds only" in (
        output)
    _, inside = _run_validate(hostile_repo / "evaluations", "--data", ".")
    assert "./::error::top.yaml: warning: this YAML file is not where" in inside


def test_formatters_escape_every_part_of_a_problem() -> None:
    from scorecard.data.problems import (
        Location,
        Problem,
        format_github,
        format_text,
        shown,
        to_json,
    )

    bad = Problem(Location("a\n::error::b.yaml", 3, 4), "m\n::add-mask::x", field="f\rg",
                  hint="h\u2029::warning::z")
    text = format_text([bad])
    assert text == ("a\\n::error::b.yaml:3:4: f\\rg: m\\n::add-mask::x; "
                    "h\\u2029::warning::z")
    github = format_github([bad])
    assert github == ("::error file=a\\n%3A%3Aerror%3A%3Ab.yaml,line=3,col=4,"
                      "title=scorecard%3A f\\rg::f\\rg: m\\n::add-mask::x; h\\u2029::warning::z")
    (item,) = __import__("json").loads(to_json([bad]))
    assert item["message"] == "m\\n::add-mask::x" and item["hint"] == "h\\u2029::warning::z"
    assert "\u2029" not in to_json([bad]) and "\n::" not in to_json([bad])
    assert shown("x" * 100) == "x" * 59 + "…"
    assert shown("\x1b" * 30) == "\\x1b" * 14 + "…"  # never cut inside an escape
    assert shown("tab\there") == "tab\\there"


def test_safe_lines_never_lets_a_line_start_a_workflow_command() -> None:
    from scorecard.data.problems import safe_lines

    wrapped = "  2026-09-30  Tom\n              ::error::pwned leads it.\n::add-mask::x"
    assert safe_lines(wrapped).splitlines() == [
        "  2026-09-30  Tom", "              \\::error::pwned leads it.", "\\::add-mask::x",
    ]
def test_gitlab_code_quality_report_has_one_entry_per_problem() -> None:
    import json

    from scorecard.data.problems import Location, Problem
    from scorecard.data.reports import to_gitlab

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
    assert report[0]["check_name"] == "scorecard/problem"  # no rule named: the default
    assert "Write it in quotes." in report[0]["description"]
    assert len({r["fingerprint"] for r in report}) == 2
    assert json.loads(to_gitlab(problems)) == report  # stable across runs
