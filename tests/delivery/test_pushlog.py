"""``scorecard push-log`` against a real bare repository and two real clones: the
branch moves between the send and the push (a colleague pushed a record, or
another run recorded its own sends), and the log still lands, with both sides'
lines; when the remote refuses every try, the lines of what was sent are printed
and the file is kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import git_env
from scorecard.delivery.pushlog import redact

ROOT = Path(__file__).resolve().parents[2]
OURS = '{"sent": "2026-12-01T10:22:05Z", "to": "ops@acme.example", "audience": "provider"}'
THEIRS = '{"sent": "2026-12-01T10:23:40Z", "to": "cfo@northwind.example", "audience": "portfolio"}'
FIRST = '{"sent": "2026-09-01T08:00:00Z", "to": "ops@acme.example", "audience": "provider"}'


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=git_env(), capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A bare repository with a main branch (data and a sent log of one line), and
    two clones of it: the CI run's and a colleague's."""
    bare = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "--quiet", str(bare), str(seed))
    (seed / "evaluations").mkdir()
    (seed / "evaluations/scorecard.yaml").write_text("organisation: Northwind\n")
    (seed / "sent.jsonl").write_text(FIRST + "\n")
    git(seed, "add", "-A")
    git(seed, "commit", "--quiet", "-m", "Start")
    git(seed, "push", "--quiet", "origin", "HEAD:main")
    ci, colleague = tmp_path / "ci", tmp_path / "colleague"
    for clone in (ci, colleague):
        git(tmp_path, "clone", "--quiet", str(bare), str(clone))
    return bare, ci, colleague


def push_log(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**git_env(), "PYTHONPATH": str(ROOT / "src")}
    env.pop("SCORECARD_PUSH_REMOTE", None)
    return subprocess.run([sys.executable, "-m", "scorecard", "push-log", "--branch", "main",
                           *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=False, timeout=120)


def test_the_log_lands_after_the_branch_moved(clones: tuple[Path, Path, Path]) -> None:
    bare, ci, colleague = clones
    git(ci, "checkout", "--quiet", "--detach")  # as GitLab checks out a pipeline's commit
    with (ci / "sent.jsonl").open("a") as log:  # what `scorecard send` appended
        log.write(OURS + "\n")
    # meanwhile a colleague pushes a new record: main moved
    (colleague / "evaluations/records").mkdir(parents=True)
    (colleague / "evaluations/records/acme.yaml").write_text("provider: acme\n")
    git(colleague, "add", "-A")
    git(colleague, "commit", "--quiet", "-m", "Evaluate Acme")
    git(colleague, "push", "--quiet", "origin", "HEAD:main")
    moved = git(bare, "rev-parse", "main")

    done = push_log(ci)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "recorded 1 line(s) of sent.jsonl on main" in done.stdout and "2 tries" in done.stdout
    assert git(bare, "show", "main:sent.jsonl").splitlines() == [FIRST, OURS]
    assert git(bare, "show", "main:evaluations/records/acme.yaml") == "provider: acme"
    assert git(bare, "rev-parse", "main~1") == moved  # rebased onto it: a straight line
    assert git(bare, "show", "--format=%s", "--no-patch", "main") == "Record what scorecard sent"
    assert git(bare, "show", "--name-only", "--format=", "main") == "sent.jsonl"


def test_two_runs_appending_to_the_log_keep_both_lines(
    clones: tuple[Path, Path, Path],
) -> None:
    bare, ci, colleague = clones
    with (colleague / "sent.jsonl").open("a") as log:  # another run recorded its send first
        log.write(THEIRS + "\n")
    git(colleague, "commit", "--quiet", "-am", "Record what scorecard sent")
    git(colleague, "push", "--quiet", "origin", "HEAD:main")
    with (ci / "sent.jsonl").open("a") as log:
        log.write(OURS + "\n")

    done = push_log(ci)
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(bare, "show", "main:sent.jsonl").splitlines() == [FIRST, THEIRS, OURS]


def test_nothing_new_pushes_nothing(clones: tuple[Path, Path, Path]) -> None:
    bare, ci, _ = clones
    before = git(bare, "rev-parse", "main")
    done = push_log(ci)
    assert done.returncode == 0 and "nothing new to record" in done.stdout
    assert git(bare, "rev-parse", "main") == before


def test_when_every_push_fails_the_lines_are_printed_and_the_file_kept(
    clones: tuple[Path, Path, Path],
) -> None:
    bare, ci, _ = clones
    hook = bare / "hooks/pre-receive"
    hook.write_text("#!/bin/sh\necho 'branch protected' >&2\nexit 1\n")
    hook.chmod(0o755)
    with (ci / "sent.jsonl").open("a") as log:
        log.write(OURS + "\n")
    done = push_log(ci, "--tries", "2")
    assert done.returncode == 1
    assert "could not be pushed to main after 2 tries" in done.stderr
    assert "The e-mails went out" in done.stderr
    assert done.stdout.splitlines() == [OURS]  # exactly what was sent, nothing else
    assert (ci / "sent.jsonl").read_text().splitlines() == [FIRST, OURS]  # kept
    assert git(bare, "show", "main:sent.jsonl").splitlines() == [FIRST]


def test_a_token_in_the_remote_url_is_never_printed(clones: tuple[Path, Path, Path]) -> None:
    _, ci, _ = clones
    with (ci / "sent.jsonl").open("a") as log:
        log.write(OURS + "\n")
    env_url = "https://x-access-token:ghs_SECRET123@127.0.0.1:9/org/repo.git"
    done = push_log(ci, "--tries", "1", "--remote", env_url)
    assert done.returncode == 1
    assert "ghs_SECRET123" not in done.stdout + done.stderr
    assert redact(f"fatal: unable to access '{env_url}/'") == (
        "fatal: unable to access 'https://***@127.0.0.1:9/org/repo.git/'")


def test_push_options_reach_the_remote(clones: tuple[Path, Path, Path]) -> None:
    """GitLab's ``-o ci.skip``: no pipeline for the log's commit."""
    bare, ci, _ = clones
    git(bare, "config", "receive.advertisePushOptions", "true")
    hook = bare / "hooks/pre-receive"
    hook.write_text('#!/bin/sh\necho "$GIT_PUSH_OPTION_COUNT $GIT_PUSH_OPTION_0" > options\n')
    hook.chmod(0o755)
    with (ci / "sent.jsonl").open("a") as log:
        log.write(OURS + "\n")
    done = push_log(ci, "--push-option", "ci.skip")
    assert done.returncode == 0, done.stderr
    assert (bare / "options").read_text() == "1 ci.skip\n"
