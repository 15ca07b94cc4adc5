"""``validate --format gitlab`` and ``--format sarif``, through the real command
line in a real git repository: rule ids as names, fingerprints that survive
edits elsewhere in the file, repository-relative paths, and a SARIF log that
the SARIF 2.1.0 JSON Schema (tests/fixtures/sarif/, from the OASIS SARIF TC's
repository; see SOURCE.md there) accepts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema

from conftest import SMALL, GitRepo, git_env, make_repo
from scorecard.data.problems import DEFAULT_RULE, Location, Problem
from scorecard.data.reports import fingerprints, repository_path, to_gitlab

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = ROOT / "tests/fixtures/sarif/sarif-schema-2.1.0.json"
RECORD = "records/acme/2026-Q3.yaml"


def validate(repo: GitRepo, fmt: str) -> tuple[int, Any]:
    """``scorecard validate --format FMT`` run from inside the data folder (a
    subfolder of the repository), and its report read back."""
    env = {**git_env(), "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "scorecard", "validate", "--data", ".",
                           "--format", fmt], cwd=repo.data, env=env, capture_output=True,
                          text=True, check=False)
    return done.returncode, json.loads(done.stdout)


def broken(tmp_path: Path) -> GitRepo:
    """The small data with three mistakes in one record: a misspelt field, a key
    written twice (its message names the line of the first), and a field that
    expects text holding a list."""
    repo = make_repo(tmp_path / "repo", SMALL)
    repo.edit(RECORD, "lead: Priya Shah\n", "leed: Priya Shah\n")
    repo.edit(RECORD, "  communication: 4\n", "  communication: 4\n  communication: 5\n")
    return repo


def test_code_quality_names_the_rule_and_its_fingerprints_survive_a_line_above(
    tmp_path: Path,
) -> None:
    repo = broken(tmp_path)
    code, before = validate(repo, "gitlab")
    assert code == 1
    path = f"evaluations/{RECORD}"  # from the repository's root, not from where it ran
    assert {r["location"]["path"] for r in before} == {path}
    names = {r["check_name"] for r in before}
    # rule ids, never the misspelt "leed" (which is only in the description)
    assert {"schema/unknown-field", "schema/missing-field", "yaml/duplicate-key"} <= names
    assert not any("leed" in name for name in names)
    assert any("'leed'" in r["description"] for r in before)

    # a comment added at the top moves every problem one line down
    record = repo.data / RECORD
    record.write_text("# reviewed with the provider on 2026-10-07\n" + record.read_text())
    code, after = validate(repo, "gitlab")
    assert code == 1
    assert [r["location"]["lines"]["begin"] for r in after] == [
        r["location"]["lines"]["begin"] + 1 for r in before]
    assert [r["fingerprint"] for r in after] == [r["fingerprint"] for r in before]
    assert len({r["fingerprint"] for r in after}) == len(after)

    # and a change to the problem itself is a new problem
    repo.edit(RECORD, "leed: Priya Shah\n", "lede: Priya Shah\n")
    _, changed = validate(repo, "gitlab")
    assert len({r["fingerprint"] for r in changed} - {r["fingerprint"] for r in before}) == 1


def test_sarif_is_valid_sarif_2_1_0_with_rules_paths_lines_and_columns(tmp_path: Path) -> None:
    repo = broken(tmp_path)
    code, log = validate(repo, "sarif")
    assert code == 1
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.Draft4Validator.check_schema(schema)
    jsonschema.Draft4Validator(schema).validate(log)  # raises with the reason if not

    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert run["tool"]["driver"]["name"] == "scorecard"
    by_rule = {r["ruleId"]: r for r in run["results"]}
    assert set(by_rule) <= set(rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    unknown = by_rule["schema/unknown-field"]
    [where] = unknown["locations"]
    assert where["physicalLocation"]["artifactLocation"] == {
        "uri": f"evaluations/{RECORD}", "uriBaseId": "%SRCROOT%"}
    # "leed: Priya Shah" is line 4 of the record, the key at column 1
    assert where["physicalLocation"]["region"] == {"startLine": 4, "startColumn": 1}
    assert unknown["level"] == "error"
    # "communication: 5" is the record's line 11 (line 10 is the first), indented 2
    duplicate = by_rule["yaml/duplicate-key"]["locations"][0]["physicalLocation"]
    assert duplicate["region"] == {"startLine": 11, "startColumn": 3}


def test_sarif_of_sound_data_is_valid_and_empty(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", SMALL)
    code, log = validate(repo, "sarif")
    assert code == 0
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(log)
    assert log["runs"][0]["results"] == []


def test_a_problem_that_names_no_rule_gets_the_default_and_twins_differ() -> None:
    twin = Problem(Location("evaluations/scorecard.yaml", 3, 1), "no criteria")
    assert twin.rule_id == DEFAULT_RULE
    other = Problem(Location("evaluations/scorecard.yaml", 9, 1), "no criteria")
    one, two = fingerprints([twin, other])
    assert one != two  # the same problem twice in a file is still two problems
    # a line number inside a message does not change the fingerprint
    a = Problem(Location("f.yaml", 5, 1), "x is used twice (first on line 2)", rule="r/x")
    b = Problem(Location("f.yaml", 6, 1), "x is used twice (first on line 3)", rule="r/x")
    assert fingerprints([a]) == fingerprints([b])
    report = json.loads(to_gitlab([twin], base="sub"))
    assert report[0]["location"]["path"] == "sub/evaluations/scorecard.yaml"
    assert repository_path("../evaluations/a.yaml", "tools") == "evaluations/a.yaml"
