"""`scorecard init`: what it writes, and that it never overwrites anything."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import pytest
import yaml

from scorecard.authoring.scaffold import (
    ScaffoldFile,
    decide,
    example_evaluated,
    example_period,
    scaffold_files,
)
from scorecard.data.load import load

TODAY = date(2026, 11, 26)


def files_by_path(today: date = TODAY, **kw: Any) -> dict[str, ScaffoldFile]:
    return {str(f.path): f for f in scaffold_files(today, **kw)}


def write(root: Path, files: dict[str, ScaffoldFile]) -> None:
    for path, f in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(f.content)


def run_init(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scorecard", "init", *args],
                          cwd=cwd, capture_output=True, text=True, check=False)


# --- the example period -------------------------------------------------------


def test_example_record_is_for_the_last_period_that_ended() -> None:
    # 26 Nov 2026 is in Q4, so the last quarter that ended is Q3
    assert example_period(TODAY).label == "2026-Q3"
    # 5 Jan 2026 is in 2026-Q1; the previous quarter is in the year before
    assert example_period(date(2026, 1, 5)).label == "2025-Q4"


def test_example_evaluation_is_dated_two_weeks_after_its_period_or_today() -> None:
    # Q3 ends 30 September; 14 days later is 14 October, before 26 November
    assert example_evaluated(TODAY) == date(2026, 10, 14)
    # on 3 October, 14 October is still to come: the day is today
    assert example_evaluated(date(2026, 10, 3)) == date(2026, 10, 3)


# --- the files ---------------------------------------------------------------


def test_writes_every_file_the_issue_lists() -> None:
    assert sorted(files_by_path()) == [
        ".github/dependabot.yml",
        ".github/workflows/scorecard.yml",
        ".gitignore",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        ".schemas/provider.schema.json",
        ".schemas/record.schema.json",
        ".schemas/scorecard.schema.json",
        ".vscode/extensions.json",
        ".vscode/settings.json",
        "README.md",
        "evaluations/providers/example-provider.yaml",
        "evaluations/records/example-provider/2026-Q3.yaml",
        "evaluations/scorecard.yaml",
    ]


def test_no_placeholder_is_left_unfilled() -> None:
    for path, f in files_by_path().items():
        text = f.content.decode()
        assert "@PERIOD@" not in text and "@SCHEMA_" not in text, path
        assert "@ORGANISATION@" not in text and "@EVALUATED@" not in text, path


def test_organisation_is_quoted_in_yaml_and_plain_in_the_readme() -> None:
    files = files_by_path(organisation='Northwind: "Freight" #1')
    programme = yaml.safe_load(files["evaluations/scorecard.yaml"].content)
    assert programme["organisation"] == 'Northwind: "Freight" #1'
    assert files["README.md"].content.decode().startswith(
        '# Provider scorecards for Northwind: "Freight" #1\n')


def test_programme_has_the_four_categories_with_measured_and_rated_criteria() -> None:
    programme = yaml.safe_load(files_by_path()["evaluations/scorecard.yaml"].content)
    categories = programme["categories"]
    assert [c["id"] for c in categories] == ["service", "security", "relationship", "cost"]
    criteria = [k for c in categories for k in c["criteria"]]
    assert any("measure" in k for k in criteria) and any("measure" not in k for k in criteria)
    assert all(k.get("explain") for k in criteria)  # every criterion explained in plain words


def test_example_record_is_dated_from_today() -> None:
    record = yaml.safe_load(
        files_by_path()["evaluations/records/example-provider/2026-Q3.yaml"].content)
    assert record["period"] == "2026-Q3"
    assert record["evaluated"] == date(2026, 10, 14)


def test_gitignore_keeps_reports_out() -> None:
    assert "reports/" in files_by_path()[".gitignore"].content.decode().splitlines()


@pytest.mark.parametrize("path", [
    "evaluations/scorecard.yaml",
    "evaluations/providers/example-provider.yaml",
    "evaluations/records/example-provider/2026-Q3.yaml",
])
def test_each_data_file_points_at_its_schema_and_fits_it(path: str) -> None:
    files = files_by_path()
    first = files[path].content.decode().splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix)
    # the relative path, from the file's folder, names a schema init writes
    target = PurePosixPath(path).parent / first[len(prefix):]
    parts: list[str] = []
    for part in target.parts:
        if part == "..":
            parts.pop()
        else:
            parts.append(part)
    schema_path = "/".join(parts)
    assert schema_path.startswith(".schemas/") and schema_path in files
    schema = json.loads(files[schema_path].content)
    # JSON has no dates: the schema expects them as text, as YAML writes them
    data = json.loads(json.dumps(yaml.safe_load(files[path].content), default=str))
    jsonschema.validate(data, schema)


def test_the_example_data_loads_clean(tmp_path: Path) -> None:
    write(tmp_path, files_by_path())
    dataset, problems = load(tmp_path / "evaluations")
    assert problems == []
    assert dataset is not None
    assert list(dataset.providers) == ["example-provider"]
    [record] = dataset.records["example-provider"]
    assert record.period.label == "2026-Q3"
    assert len(dataset.programme.criteria()) == 11


# --- what to write ------------------------------------------------------------


def test_decide_skips_what_exists_and_example_data_over_existing_data() -> None:
    files = scaffold_files(TODAY)
    readme = PurePosixPath("README.md")
    decisions = {str(d.file.path): d for d in decide(files, lambda p: p == readme, True)}
    assert decisions["README.md"].skip_reason == "exists"
    assert decisions["evaluations/scorecard.yaml"].skip_reason == "evaluations/ has data already"
    assert decisions[".gitlab-ci.yml"].write
    decisions = {str(d.file.path): d for d in decide(files, lambda p: False, False)}
    assert all(d.write for d in decisions.values())


# --- the command ----------------------------------------------------------------


def test_init_creates_the_git_repository_and_says_what_it_wrote(tmp_path: Path) -> None:
    done = run_init("repo", "--as-of", "2026-11-26", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    repo = tmp_path / "repo"
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=repo,
                         capture_output=True, text=True, check=True).stdout.strip()
    assert Path(top).resolve() == repo.resolve()
    assert "ran     git init" in done.stdout
    assert "wrote   repo/evaluations/records/example-provider/2026-Q3.yaml" in done.stdout
    assert (repo / ".github/workflows/scorecard.yml").is_file()


def test_init_never_overwrites_and_adds_no_example_to_existing_data(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "README.md").write_text("ours\n")
    (tmp_path / "evaluations").mkdir()
    (tmp_path / "evaluations" / "scorecard.yaml").write_text("organisation: Ours\n")
    done = run_init(cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "README.md").read_text() == "ours\n"
    assert (tmp_path / "evaluations" / "scorecard.yaml").read_text() == "organisation: Ours\n"
    assert not (tmp_path / "evaluations" / "providers").exists()
    assert "skipped README.md (exists)" in done.stdout
    assert "skipped evaluations/providers/example-provider.yaml (evaluations/ has data already)" \
        in done.stdout
    assert "skipped git init (already a git repository)" in done.stdout
    assert (tmp_path / ".gitlab-ci.yml").is_file()  # what was missing is written


def test_init_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("")
    done = run_init("taken", cwd=tmp_path)
    assert done.returncode == 2
    assert "taken" in done.stderr


def test_refreshing_the_schemas_as_the_readme_says_changes_no_byte(tmp_path: Path) -> None:
    assert run_init("repo", "--as-of", "2026-11-26", cwd=tmp_path).returncode == 0
    schemas = tmp_path / "repo" / ".schemas"
    before = {p.name: p.read_bytes() for p in schemas.iterdir()}
    done = subprocess.run([sys.executable, "-m", "scorecard", "schema", "--out", ".schemas"],
                          cwd=tmp_path / "repo", capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert {p.name: p.read_bytes() for p in schemas.iterdir()} == before


def test_every_yaml_file_init_writes_starts_with_a_schema_line() -> None:
    yaml_files = {p: f for p, f in files_by_path().items() if p.endswith((".yaml", ".yml"))}
    assert len(yaml_files) == 7
    for path, f in yaml_files.items():
        first = f.content.decode().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path


def test_vscode_recommends_the_yaml_extension_and_maps_each_folder_to_its_schema() -> None:
    files = files_by_path()
    assert json.loads(files[".vscode/extensions.json"].content) == {
        "recommendations": ["redhat.vscode-yaml"]}
    schemas = json.loads(files[".vscode/settings.json"].content)["yaml.schemas"]
    assert schemas == {
        "./.schemas/scorecard.schema.json": "evaluations/scorecard.yaml",
        "./.schemas/provider.schema.json": "evaluations/providers/*.yaml",
        "./.schemas/record.schema.json": "evaluations/records/*/*.yaml",
    }
    for schema in schemas:
        assert schema.removeprefix("./") in files
