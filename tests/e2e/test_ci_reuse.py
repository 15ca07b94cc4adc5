"""CI on a fresh runner (issue 18): the workflow ``init`` writes gives its builds the
key that proves a cached ``reports/`` is ours, so a run after a one-record commit
renders only what changed; a forged cache entry is still rendered again.

A fresh runner is a new ``XDG_CACHE_HOME`` (where the random key of a machine
without ``SCORECARD_REUSE_KEY`` lives); the cache is a copy of ``reports/``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from buildrepo import Repo
from scorecard.authoring.scaffold import scaffold_files

SECRET = "${{ secrets.SCORECARD_REUSE_KEY }}"


def _workflow() -> dict:  # type: ignore[type-arg]
    files = {str(f.path): f.content for f in scaffold_files(date(2026, 11, 26))}
    return yaml.safe_load(files[".github/workflows/scorecard.yml"])


def test_every_build_step_of_the_workflow_gets_the_reuse_key() -> None:
    jobs = _workflow()["jobs"]
    builds = [(name, step) for name, job in jobs.items() for step in job["steps"]
              if step.get("with", {}).get("command") == "build"
              or str(step.get("run", "")).startswith("scorecard build")]
    assert [name for name, _ in builds] == ["build", "deliver"]
    for _, step in builds:
        # before v1.2 no step set it: each fresh runner made a random key, and every
        # cached PDF was rendered again
        assert step["env"]["SCORECARD_REUSE_KEY"] == SECRET


def _runner(monkeypatch: pytest.MonkeyPatch, home: Path, key: str | None) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    if key is None:
        monkeypatch.delenv("SCORECARD_REUSE_KEY", raising=False)
    else:
        monkeypatch.setenv("SCORECARD_REUSE_KEY", key)


def _one_record_commit(repo: Repo) -> None:
    repo.edit("evaluations/records/beta/2026-Q2.yaml", "availability: 99.2",
              "availability: 99.6")
    repo.commit("Beta Q2: corrected availability")


def test_a_fresh_runner_with_the_key_renders_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "repo")
    cache = tmp_path / "cache-of-reports"
    _runner(monkeypatch, tmp_path / "runner-1", "a secret of the repository")
    first = repo.build(cache, jobs=1)
    assert (first.rendered, first.reused) == (7, 0)
    _one_record_commit(repo)
    reports = tmp_path / "reports"
    shutil.copytree(cache, reports)
    _runner(monkeypatch, tmp_path / "runner-2", "a secret of the repository")
    report = repo.build(reports, jobs=1)
    # beta's 2026-Q2 provider and team scorecards and the portfolio: 3 of 7
    assert (report.rendered, report.reused) == (3, 4)


def test_without_the_key_a_fresh_runner_renders_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "repo")
    reports = tmp_path / "reports"
    _runner(monkeypatch, tmp_path / "runner-1", None)
    repo.build(reports, jobs=1)
    _one_record_commit(repo)
    _runner(monkeypatch, tmp_path / "runner-2", None)
    report = repo.build(reports, jobs=1)
    assert (report.rendered, report.reused) == (7, 0)


def test_a_forged_cache_entry_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "repo")
    reports = tmp_path / "reports"
    _runner(monkeypatch, tmp_path / "runner-1", "a secret of the repository")
    repo.build(reports, jobs=1)
    # someone who can write the cache swaps alpha's Q1 PDF and writes its new sha256
    # into the inputs record (not knowing the key, the keyed hash stays the old one)
    forged = b"%PDF-1.7 not what we made"
    (reports / "alpha/2026-Q1/provider.pdf").write_bytes(forged)
    inputs_path = reports / ".scorecard-inputs.json"
    inputs = json.loads(inputs_path.read_text())
    entry = inputs["alpha/2026-Q1/provider.pdf"]
    entry["sha256"] = hashlib.sha256(forged).hexdigest()
    inputs_path.write_text(json.dumps(inputs))
    _runner(monkeypatch, tmp_path / "runner-2", "a secret of the repository")
    report = repo.build(reports, jobs=1)
    assert (report.rendered, report.reused) == (1, 6)
    assert (reports / "alpha/2026-Q1/provider.pdf").read_bytes() != forged
