"""The GitLab pipeline that ``scorecard init`` writes, run for real by
gitlab-ci-local with its shell executor: validate with a Code Quality report,
build, and one artifact per audience; the manual delivery job stays put."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git_env

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests/tools/node_modules/.bin/gitlab-ci-local"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if not RUNNER.exists():
        if os.environ.get("CI"):
            pytest.fail("gitlab-ci-local is not installed; scripts/test.sh installs it")
        pytest.skip("needs gitlab-ci-local (cd tests/tools && npm ci)")
    if os.geteuid() != 0:  # the job system-packages runs apt-get, the others dpkg
        pytest.skip("the pipeline runs apt-get: run as root (this project's CI does)")
    env = {**git_env(), "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "scorecard", "init", "repo", "--as-of",
                           "2026-11-26"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    repo = tmp_path / "repo"
    for args in (["add", "-A"], ["commit", "-qm", "Start"],
                 ["remote", "add", "origin", "https://gitlab.example.com/it/scorecards.git"]):
        subprocess.run(["git", *args], cwd=repo, env=git_env(), check=True)
    return repo


def pipeline(repo: Path, *jobs: str) -> subprocess.CompletedProcess[str]:
    # `python` is this test's interpreter, which has scorecard already: the
    # pipeline's `pip install "$SCORECARD_INSTALL"` installs nothing new
    env = {**git_env(), "PYTHONPATH": str(ROOT / "src"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(
        [str(RUNNER), "--force-shell-executor", "--variable", "SCORECARD_INSTALL=pip",
         "--home", str(repo.parent / "gcl-home"), *jobs],
        cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=900,
    )


def test_the_pipeline_validates_builds_and_keeps_one_artifact_per_audience(repo: Path) -> None:
    done = pipeline(repo)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    for job in ("system-packages", "validate", "build", "scorecards-provider",
                "scorecards-team", "scorecards-portfolio"):
        assert f"PASS  {job}" in done.stdout
    assert "deliver" not in done.stdout.split("PASS", 1)[1]  # manual: not run
    assert json.loads((repo / "gl-code-quality-report.json").read_text()) == []
    artifacts = repo / ".gitlab-ci-local/artifacts"
    build = json.loads((repo / "reports/manifest.json").read_text())
    for audience in ("provider", "team", "portfolio"):
        folder = artifacts / f"scorecards-{audience}/by-audience/{audience}"
        kept = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        mine = [d for d in build["documents"] if d["audience"] == audience]
        assert any(d["format"] == "pdf" for d in mine)
        # its documents, and its own index and manifest: what README step 7 opens
        assert kept == {d["path"] for d in mine} | {"index.html", "manifest.json"}
        assert json.loads((folder / "manifest.json").read_text())["documents"] == mine
        index = (folder / "index.html").read_text()
        assert all(f'href="{d["path"]}"' in index for d in mine)


def test_a_mistake_fails_validate_and_lands_in_the_code_quality_report(repo: Path) -> None:
    [record] = (repo / "evaluations/records/example-provider").glob("*.yaml")
    record.write_text(record.read_text().replace("\nlead: ", "\nleed: ", 1))
    done = pipeline(repo, "validate")
    assert done.returncode != 0
    assert "FAIL  validate" in done.stdout
    report = json.loads((repo / "gl-code-quality-report.json").read_text())
    assert {r["location"]["path"] for r in report} == {
        f"evaluations/records/example-provider/{record.name}"}
    assert any("unknown field 'leed'" in r["description"] for r in report)
