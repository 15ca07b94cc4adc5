"""The programme's latest commit leaves out commits that changed only its
distribution block: no document shows it."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from buildrepo import Repo
from mailroom import delivery_repo
from scorecard.data.gitinfo import data_history


def test_a_distribution_only_commit_does_not_count(tmp_path: Path) -> None:
    repo = delivery_repo(tmp_path / "repo")
    # "Addresses" added the block (and contacts) to the first commit's programme
    shown = repo.git("rev-parse", "HEAD~1").strip()
    repo.edit("evaluations/scorecard.yaml", "  reply_days: 10\n", "  reply_days: 21\n")
    repo.commit("Three weeks to reply")
    repo.edit("evaluations/scorecard.yaml", "Tom Berg: tom.berg@northwind.example",
              "Tom Berg: t.berg@northwind.example")
    repo.commit("Tom's new address")
    last = data_history(repo.data, None).last["evaluations/scorecard.yaml"]
    assert last.commit == shown
    assert last.subject == "Evaluations"

    repo.edit("evaluations/scorecard.yaml", "name: Communication", "name: Clear communication")
    changed = repo.commit("Rename a criterion")
    assert data_history(repo.data, None).last["evaluations/scorecard.yaml"].commit == changed


def _git_runs(monkeypatch: pytest.MonkeyPatch, repo: Repo) -> tuple[str, int]:
    """The programme's shown commit, and how many git processes working it out took
    (each one still runs for real; they are only counted)."""
    runs: list[object] = []
    real_run = subprocess.run

    def counting(args: Any, *rest: Any, **options: Any) -> Any:
        if isinstance(args, list | tuple) and args and args[0] == "git":
            runs.append(args)
        return real_run(args, *rest, **options)

    with monkeypatch.context() as patch:
        patch.setattr(subprocess, "run", counting)
        commit = data_history(repo.data, None).last["evaluations/scorecard.yaml"].commit
    return commit, len(runs)


def test_a_run_of_distribution_only_commits_costs_no_git_command_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = delivery_repo(tmp_path / "repo")
    shown = repo.git("rev-parse", "HEAD~1").strip()  # "Evaluations"; "Addresses" is HEAD
    before, runs_before = _git_runs(monkeypatch, repo)
    assert before == shown
    for days in range(11, 17):  # six more commits, each changing reply_days only
        repo.edit("evaluations/scorecard.yaml", f"  reply_days: {days - 1}\n",
                  f"  reply_days: {days}\n")
        # a subject that starts like a change line of the log must not be read as one
        repo.commit(f":100644 100644 reply days {days}")
    after, runs_after = _git_runs(monkeypatch, repo)
    assert after == shown  # seven distribution-only commits looked through
    # one log and one blob read, however many commits there are to look through
    # (the old walk ran two git commands a step: twelve more here)
    assert runs_after == runs_before


def test_a_walk_stops_at_a_deleted_programme(tmp_path: Path) -> None:
    repo = delivery_repo(tmp_path / "repo")
    programme = repo.data / "scorecard.yaml"
    text = programme.read_text(encoding="utf-8")
    programme.unlink()
    repo.commit("Programme removed")
    programme.write_text(text.replace("  reply_days: 10\n", "  reply_days: 12\n"),
                         encoding="utf-8")
    back = repo.commit("Programme back, two more days to reply")
    # the same programme but for its distribution block, yet it came back after a
    # deletion: the commit that brought it back is the one documents name
    assert data_history(repo.data, None).last["evaluations/scorecard.yaml"].commit == back
