"""Commits that change a record's comments or layout only, in real git repositories."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from buildrepo import Repo, tree
from scorecard.data.gitinfo import amendments, data_history

REC = "evaluations/records/alpha/2026-Q1.yaml"
SCHEMA = "# yaml-language-server: $schema=../../../.schemas/record.schema.json\n"


def _prepend(repo: Repo, rel: str, line: str) -> None:
    path = repo.root / rel
    path.write_text(line + path.read_text(encoding="utf-8"), encoding="utf-8")


def test_a_comment_is_no_amendment_and_a_real_change_is(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    added = repo.git("rev-parse", "HEAD").strip()
    _prepend(repo, REC, SCHEMA)
    repo.commit("Schema line for editors")
    # re-indented and a key moved: the same data, written differently
    repo.edit(REC, "  fix-quality: 3\n  communication: 4\n", "    fix-quality: 3\n"
              "    communication: 4  # as agreed\n")
    repo.edit(REC, "scores:\n  availability: 99.5\n", "scores:\n    availability: 99.5\n")
    repo.commit("Tidy the layout")

    assert amendments(repo.data, [REC], None)[REC] == ()
    assert data_history(repo.data, None).last[REC].commit == added

    repo.edit(REC, "A quiet quarter.", "A calm quarter.")
    changed = repo.commit("Fix the summary")
    found = amendments(repo.data, [REC], None)[REC]
    assert [a.commit for a in found] == [changed]
    assert data_history(repo.data, None).last[REC].commit == changed


def test_a_value_written_differently_is_a_change(tmp_path: Path) -> None:
    # 99.50 and 99.5 are one number, but the record says it as written: keep it
    repo = Repo(tmp_path / "repo")
    repo.edit(REC, "availability: 99.5\n", "availability: 99.50\n")
    changed = repo.commit("Two decimals")
    assert [a.commit for a in amendments(repo.data, [REC], None)[REC]] == [changed]


def test_a_version_that_does_not_parse_is_never_equal(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.edit(REC, "summary: A quiet quarter.\n", "summary: [A quiet quarter.\n")
    broken = repo.commit("Broken")
    repo.edit(REC, "summary: [A quiet quarter.\n", "summary: [A quiet quarter.  \n")
    again = repo.commit("Still broken")
    found = [a.commit for a in amendments(repo.data, [REC], None)[REC]]
    assert found == [broken, again]


def test_documents_of_a_comment_only_commit_are_byte_identical(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    before = tmp_path / "before"
    repo.build(before, pdf=False)
    _prepend(repo, REC, SCHEMA)
    repo.commit("Schema line for editors")
    after = tmp_path / "after"
    repo.build(after, pdf=False)

    old, new = tree(before), tree(after)
    differ = sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
    # only what names the build's own commit: the portfolio, its data and the manifest
    assert all(not p.startswith("alpha/") and not p.startswith("beta/") for p in differ), differ
    assert b"was revised on" not in new["alpha/2026-Q1/provider.html"]
    assert "portfolio.html" in differ  # it names the new commit: the build saw it


def test_one_git_log_and_one_cat_file_for_all_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "repo")
    records = sorted((repo.data / "records").rglob("*.yaml"))
    for record in records:
        record.write_text(SCHEMA + record.read_text(encoding="utf-8"), encoding="utf-8")
    repo.commit("Schema lines")
    repo.edit(REC, "A quiet quarter.", "A calm quarter.")
    repo.commit("Fix the summary")
    real = shutil.which("git")
    assert real is not None
    calls = tmp_path / "calls"
    wrapper = tmp_path / "bin" / "git"
    wrapper.parent.mkdir()
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}")

    history = data_history(repo.data, None)

    assert [len(history.amendments[f"evaluations/{r.relative_to(repo.data).as_posix()}"])
            for r in records] == [1, 0, 0]  # alpha Q1 (the summary), alpha Q2, beta Q2
    run = [line.split() for line in calls.read_text().splitlines()]
    # one log over the whole folder and one cat-file for every version compared; the
    # programme's own check (a `show` and a `log` of scorecard.yaml) is not per record
    assert sum("--raw" in words for words in run) == 1
    assert sum("cat-file" in words for words in run) == 1
    assert [words for words in run if any("records/" in w for w in words)] == []
