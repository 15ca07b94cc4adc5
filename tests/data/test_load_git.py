"""``load(ref=...)`` reads the data exactly as committed, from a real git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scorecard.data.load import load

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "small"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, capture_output=True, text=True, check=True,
    )
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURE, root / "evaluations")
    git(root, "add", "evaluations")
    git(root, "commit", "-q", "-m", "first evaluations")
    monkeypatch.chdir(root)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts
    }


def test_ref_reads_the_committed_content_and_leaves_the_tree_alone(repo: Path) -> None:
    q3 = repo / "evaluations/records/acme/2026-Q3.yaml"
    # change the working tree: break one file, add one, delete one
    q3.write_text(q3.read_text().replace("communication: 4", "communication: 9"))
    (repo / "evaluations/records/acme/2026-Q4.yaml").write_text("provider: acme\n")
    (repo / "evaluations/records/acme/2026-Q2.yaml").unlink()
    status_before = git(repo, "status", "--porcelain")
    files_before = snapshot(repo)

    dataset, problems = load("evaluations", ref="HEAD")

    assert problems == []
    assert dataset is not None
    acme = dataset.records["acme"]
    assert [r.period.label for r in acme] == ["2026-Q2", "2026-Q3"]  # as committed
    communication = acme[1].scores["communication"]
    assert communication is not None and communication.ratings == {"Priya Shah": 4}  # type: ignore[union-attr]
    # positions still point at the committed file's lines
    assert str(acme[1].where("scores", "communication")) == \
        "evaluations/records/acme/2026-Q3.yaml:10:18"
    assert acme[1].source.repo_path == "evaluations/records/acme/2026-Q3.yaml"
    # nothing in the working tree changed
    assert snapshot(repo) == files_before
    assert git(repo, "status", "--porcelain") == status_before

    # while the working tree itself has the errors
    dataset, problems = load("evaluations")
    assert dataset is None
    assert [str(p.location) for p in problems] == [
        "evaluations/records/acme/2026-Q3.yaml:10:18",
        "evaluations/records/acme/2026-Q4.yaml:1:1",
        "evaluations/records/acme/2026-Q4.yaml:1:1",
        "evaluations/records/acme/2026-Q4.yaml:1:1",
    ]


def test_an_older_revision_and_an_error_seen_only_there(repo: Path) -> None:
    q3 = repo / "evaluations/records/acme/2026-Q3.yaml"
    q3.write_text(q3.read_text().replace("communication: 4", "communication: 9"))
    git(repo, "commit", "-q", "-am", "a bad rating")
    q3.write_text(q3.read_text().replace("communication: 9", "communication: 3"))
    git(repo, "commit", "-q", "-am", "fixed")

    dataset, problems = load("evaluations", ref="HEAD~1")
    assert dataset is None
    assert [(str(p.location), p.text()) for p in problems] == [(
        "evaluations/records/acme/2026-Q3.yaml:10:18",
        "scores.communication: expected a whole number from 1 to 5, found 9",
    )]
    dataset, problems = load("evaluations", ref="main")
    assert problems == [] and dataset is not None


def test_a_bad_ref_is_a_problem_not_a_traceback(repo: Path) -> None:
    dataset, problems = load("evaluations", ref="no-such-branch")
    assert dataset is None
    assert [(str(p.location), p.text()) for p in problems] == [(
        "evaluations",
        "git knows no revision called 'no-such-branch'. "
        "Use a branch, tag or commit that exists (git log --oneline lists commits).",
    )]
    # something that looks like an option is a revision name, never an option
    dataset, problems = load("evaluations", ref="--output=/tmp/x")
    assert dataset is None and "git knows no revision" in problems[0].message


def test_a_folder_that_is_not_at_that_revision(repo: Path) -> None:
    dataset, problems = load("elsewhere", ref="HEAD")
    assert dataset is None
    assert [(str(p.location), p.message) for p in problems] == [
        ("elsewhere", "this folder does not exist at revision 'HEAD'"),
    ]


def test_ref_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(FIXTURE, tmp_path / "evaluations")
    monkeypatch.chdir(tmp_path)
    dataset, problems = load("evaluations", ref="HEAD")
    assert dataset is None
    assert [p.message for p in problems] == [
        "--ref needs a git repository, but this folder is not inside one",
    ]


def test_ref_from_a_subfolder_and_a_deleted_data_folder(repo: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    shutil.rmtree(repo / "evaluations")  # gone from the working tree, still committed
    dataset, problems = load("../evaluations", ref="HEAD")
    assert problems == [] and dataset is not None
    assert dataset.programme.source.display == "../evaluations/scorecard.yaml"
    assert dataset.programme.source.repo_path == "evaluations/scorecard.yaml"


def test_worktree_repo_paths(repo: Path) -> None:
    dataset, problems = load("evaluations")
    assert problems == [] and dataset is not None
    assert dataset.providers["globex"].source.repo_path == "evaluations/providers/globex.yaml"
