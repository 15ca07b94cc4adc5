"""The programme's latest commit leaves out commits that changed only its
distribution block: no document shows it."""

from __future__ import annotations

from pathlib import Path

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
