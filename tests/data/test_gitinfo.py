"""gitinfo against real repositories made with ``git init`` in a temporary folder."""

from __future__ import annotations

import os
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from scorecard.data.gitinfo import amendments, default_as_of, provenance, revised_on
from scorecard.data.gitrun import repo_root
from scorecard.data.provenance import Amendment, Provenance


@pytest.fixture(autouse=True)
def _isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user or system git config leaks into these tests."""
    config = tmp_path / "gitconfig"
    config.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)
    monkeypatch.delenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", raising=False)


class Repo:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(
        self,
        *args: str,
        when: str = "2026-01-01T12:00:00+00:00",
        author: str = "Priya Shah",
        committer: str = "CI Bot",
    ) -> str:
        env = dict(os.environ)
        env.update(
            GIT_AUTHOR_NAME=author,
            GIT_AUTHOR_EMAIL="author@example.org",
            GIT_COMMITTER_NAME=committer,
            GIT_COMMITTER_EMAIL="ci@example.org",
            GIT_AUTHOR_DATE=when,
            GIT_COMMITTER_DATE=when,
        )
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, check=True, capture_output=True, text=True
        )
        return done.stdout.strip()

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def commit(self, subject: str, when: str, author: str = "Priya Shah") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", subject, when=when, author=author)
        return self.git("rev-parse", "HEAD")


REC = "evaluations/records/acme/2026-Q1.yaml"
OTHER = "evaluations/records/acme/2026-Q2.yaml"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    r = Repo(tmp_path / "repo")
    r.write(REC, "period: 2026-Q1\n")
    r.write(OTHER, "period: 2026-Q2\n")
    r.write("README.md", "hello\n")
    r.commit("Add acme records", "2026-04-02T09:00:00+00:00")
    return r


def data(r: Repo) -> Path:
    return r.root / "evaluations"


# --- amendments ---------------------------------------------------------------


def test_added_then_changed_twice_gives_two_amendments(repo: Repo) -> None:
    repo.write(REC, "period: 2026-Q1\nsummary: fixed\n")
    first = repo.commit("Fix the Q1 summary", "2026-04-10T08:00:00+00:00", author="Tom Berg")
    repo.write(REC, "period: 2026-Q1\nsummary: fixed again\n")
    # 23:30 at UTC-05:00 is 04:30 UTC the next day: the day is the UTC day, 2026-05-02
    second = repo.commit("Correct availability", "2026-05-01T23:30:00-05:00")

    found = amendments(data(repo), [REC, OTHER], None)

    assert found[REC] == (
        Amendment(date(2026, 4, 10), "Tom Berg", "Fix the Q1 summary", first),
        Amendment(date(2026, 5, 2), "Priya Shah", "Correct availability", second),
    )
    assert found[OTHER] == ()  # never changed after it was added
    assert revised_on(found[REC]) == date(2026, 5, 2)
    assert revised_on(found[OTHER]) is None


def test_change_after_ref_is_not_seen(repo: Repo) -> None:
    repo.write(REC, "v2\n")
    at = repo.commit("Second version", "2026-04-10T08:00:00+00:00")
    repo.write(REC, "v3\n")
    repo.commit("Third version", "2026-04-20T08:00:00+00:00")

    assert [a.subject for a in amendments(data(repo), [REC], at)[REC]] == ["Second version"]
    assert [a.subject for a in amendments(data(repo), [REC], "HEAD~2")[REC]] == []
    assert len(amendments(data(repo), [REC], None)[REC]) == 2


def test_uncommitted_change_is_not_an_amendment(repo: Repo) -> None:
    repo.write(REC, "edited but not committed\n")
    assert amendments(data(repo), [REC], None)[REC] == ()


def test_changes_outside_the_data_folder_are_not_looked_at(repo: Repo) -> None:
    repo.write("README.md", "changed\n")
    repo.commit("Docs", "2026-04-10T08:00:00+00:00")
    assert amendments(data(repo), ["README.md", REC], None) == {"README.md": (), REC: ()}


def test_a_moved_record_keeps_its_history_and_the_move_counts(repo: Repo) -> None:
    repo.write(REC, "period: 2026-Q1\nsummary: one\n")
    repo.commit("Edit before the move", "2026-04-10T08:00:00+00:00")
    moved = "evaluations/records/acme-it/2026-Q1.yaml"
    repo.git("mv", "evaluations/records/acme", "evaluations/records/acme-it")
    repo.commit("Rename acme to acme-it", "2026-04-11T08:00:00+00:00")

    found = amendments(data(repo), [moved, REC], None)
    assert [(a.day, a.subject) for a in found[moved]] == [
        (date(2026, 4, 10), "Edit before the move"),
        (date(2026, 4, 11), "Rename acme to acme-it"),
    ]
    assert found[REC] == ()  # the old path is gone


def test_deleted_and_added_again_starts_over(repo: Repo) -> None:
    repo.write(REC, "v2\n")
    repo.commit("Edit", "2026-04-10T08:00:00+00:00")
    (repo.root / REC).unlink()
    repo.commit("Remove", "2026-04-11T08:00:00+00:00")
    repo.write(REC, "brand new record, nothing like the old one at all\n")
    repo.commit("Add again", "2026-04-12T08:00:00+00:00")
    assert amendments(data(repo), [REC], None)[REC] == ()


def test_amendments_outside_a_repository_are_empty(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    assert amendments(folder, ["records/a.yaml"], None) == {"records/a.yaml": ()}


def test_amendments_for_thousands_of_records_use_one_git_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = Repo(tmp_path / "big")
    paths = [f"evaluations/records/p{i // 8:03d}/{2000 + i % 8}.yaml" for i in range(2000)]
    # three commits touching all 2,000 files, written straight into history with
    # git fast-import (writing 6,000 files to disk would be most of the test's time)
    stream = []
    for version, day in enumerate(["2026-01-05", "2026-02-05", "2026-03-05"]):
        stamp = int(datetime.fromisoformat(f"{day}T10:00:00+00:00").timestamp())
        message = f"Version {version}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"author Priya Shah <p@example.org> {stamp} +0000\n".encode())
        stream.append(f"committer CI <ci@example.org> {stamp} +0000\n".encode())
        stream.append(b"data %d\n%s\n" % (len(message), message))
        for p in paths:
            body = f"version: {version}\npath: {p}\n".encode()
            stream.append(b"M 100644 inline %s\ndata %d\n%s\n" % (p.encode(), len(body), body))
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=r.root, input=b"".join(stream), check=True
    )

    # every git process the call starts, counted (each still runs for real): the
    # cost must not follow the number of files
    runs: list[list[str]] = []
    real_run = subprocess.run

    def counting(args: Any, *rest: Any, **options: Any) -> Any:
        if isinstance(args, list | tuple) and args and args[0] == "git":
            runs.append([str(a) for a in args])
        return real_run(args, *rest, **options)

    monkeypatch.setattr(subprocess, "run", counting)
    found = amendments(data(r), paths, None)
    monkeypatch.undo()

    # each file: added in version 0, changed in 1 and 2 -> two amendments
    assert all([a.day for a in found[p]] == [date(2026, 2, 5), date(2026, 3, 5)] for p in paths)
    assert sum("log" in run for run in runs) == 1, runs
    assert len(runs) <= 8, runs  # root, commit, log, blobs: a handful, never one a file


# --- provenance -----------------------------------------------------------------


def test_provenance_of_a_clean_working_tree(repo: Repo) -> None:
    head = repo.git("rev-parse", "HEAD")
    prov, problems = provenance(data(repo), None)
    assert problems == []
    assert prov == Provenance(commit=head, dirty=False, commit_day=date(2026, 4, 2))
    assert len(head) == 40


def test_commit_day_is_the_committer_day_in_utc(repo: Repo) -> None:
    repo.write(REC, "v2\n")
    # 01:30 at UTC+03:00 is 22:30 UTC the day before
    repo.commit("Late night", "2026-06-02T01:30:00+03:00")
    prov, _ = provenance(data(repo), None)
    assert prov is not None and prov.commit_day == date(2026, 6, 1)


def test_modified_tracked_record_is_dirty(repo: Repo) -> None:
    repo.write(REC, "changed\n")
    prov, _ = provenance(data(repo), None)
    assert prov is not None and prov.dirty


def test_new_untracked_file_in_the_data_folder_is_dirty(repo: Repo) -> None:
    repo.write("evaluations/records/zeta/2026-Q1.yaml", "new\n")
    prov, _ = provenance(data(repo), None)
    assert prov is not None and prov.dirty


def test_ignored_file_is_not_dirty(repo: Repo) -> None:
    repo.write(".gitignore", "*.swp\n")
    repo.commit("Ignore swap files", "2026-04-03T09:00:00+00:00")
    repo.write("evaluations/records/acme/.2026-Q1.yaml.swp", "editor junk\n")
    prov, _ = provenance(data(repo), None)
    assert prov is not None and not prov.dirty


def test_change_outside_the_data_folder_is_not_dirty(repo: Repo) -> None:
    repo.write("README.md", "edited\n")
    repo.write("notes.txt", "untracked, outside\n")
    prov, _ = provenance(data(repo), None)
    assert prov is not None and not prov.dirty


def test_building_a_ref_is_never_dirty_and_names_that_commit(repo: Repo) -> None:
    first = repo.git("rev-parse", "HEAD")
    repo.write(REC, "v2\n")
    repo.commit("Second", "2026-04-10T08:00:00+00:00")
    repo.write(REC, "uncommitted\n")
    repo.git("tag", "q1-done", first)
    prov, problems = provenance(data(repo), "q1-done")
    assert problems == []
    assert prov == Provenance(commit=first, dirty=False, commit_day=date(2026, 4, 2))


def test_a_bad_ref_is_a_problem(repo: Repo) -> None:
    for ref in ["no-such-branch", "--output=/tmp/x", ""]:
        prov, problems = provenance(data(repo), ref)
        assert prov is None
        assert len(problems) == 1 and problems[0].severity == "error"
        assert repr(ref) in problems[0].message


def test_outside_a_repository_is_a_draft(tmp_path: Path) -> None:
    folder = tmp_path / "plain" / "evaluations"
    folder.mkdir(parents=True)
    assert provenance(folder, None) == (Provenance(None, True, None), [])
    assert repo_root(folder) is None
    prov, problems = provenance(folder, "main")
    assert prov is None and "not inside a git repository" in problems[0].message


def test_repository_without_commits_is_a_draft(tmp_path: Path) -> None:
    r = Repo(tmp_path / "empty")
    r.write("evaluations/scorecard.yaml", "organisation: X\n")
    assert provenance(data(r), None) == (Provenance(None, True, None), [])
    prov, problems = provenance(data(r), "HEAD")
    assert prov is None and len(problems) == 1
    assert amendments(data(r), ["evaluations/scorecard.yaml"], None) == {
        "evaluations/scorecard.yaml": ()
    }


def test_repo_root_from_a_nested_and_a_missing_folder(repo: Repo) -> None:
    assert repo_root(data(repo) / "records" / "acme") == repo.root.resolve()
    # a --ref build may name a folder that is not checked out: its parents decide
    assert repo_root(repo.root / "not" / "here") == repo.root.resolve()


def test_dubious_ownership_is_reported_with_the_fix(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    # git's own switch to act as if the repository belonged to someone else
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")
    prov, problems = provenance(data(repo), None)
    assert prov == Provenance(None, True, None)  # still builds, as a draft
    assert len(problems) == 1 and problems[0].severity == "warning"
    assert problems[0].hint is not None
    assert "safe.directory" in problems[0].hint and str(repo.root) in problems[0].hint
    prov, problems = provenance(data(repo), "HEAD")
    assert prov is None and problems[0].severity == "error"


# --- as-of day ------------------------------------------------------------------


def test_default_as_of() -> None:
    today = date(2026, 11, 26)
    commit_day = date(2026, 10, 6)
    assert default_as_of(Provenance("a" * 40, False, commit_day), today) == commit_day
    assert default_as_of(Provenance("a" * 40, True, commit_day), today) == today
    assert default_as_of(Provenance(None, True, None), today) == today
