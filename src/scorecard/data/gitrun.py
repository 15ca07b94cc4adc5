"""Running git: one subprocess call that never raises, and the few questions every
git-reading module asks (the repository root, a commit's id and day, a folder as
a pathspec). ``gitinfo`` builds provenance and history on these.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from scorecard.data.problems import Location, Problem, Severity

DUBIOUS = "dubious ownership"
NOT_A_REPO = "not a git repository"


@dataclass(frozen=True)
class GitRun:
    ok: bool
    out: bytes
    err: str
    missing_git: bool = False


def run_git(args: Sequence[str], cwd: Path, stdin: bytes | None = None) -> GitRun:
    """Run ``git ARGS`` in ``cwd`` (``stdin``: its input); never raises."""
    env = dict(os.environ)
    env["LC_ALL"] = "C"  # stable, English error text we can recognise
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["GIT_OPTIONAL_LOCKS"] = "0"  # read-only: never take index.lock in a shared checkout
    try:
        done = subprocess.run(
            ["git", "--literal-pathspecs", *args],
            cwd=cwd,
            input=stdin,
            env=env,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        return GitRun(False, b"", "git is not installed", missing_git=True)
    except OSError as exc:  # e.g. cwd vanished
        return GitRun(False, b"", str(exc))
    return GitRun(done.returncode == 0, done.stdout, done.stderr.decode("utf-8", "replace"))


def existing_folder(path: Path) -> Path:
    """``path``, or its nearest existing parent (``--ref`` builds may name a folder
    that is not checked out)."""
    path = path.absolute()
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def dubious_problem(where: Path, run: GitRun, severity: Severity) -> Problem:
    root = where
    for line in run.err.splitlines():
        if "safe.directory" in line and line.strip().startswith("git config"):
            root = Path(line.strip().rsplit(" ", 1)[-1])
    return Problem(
        Location(str(where)),
        "git refuses to read this repository because it belongs to another user",
        hint=f"If you trust it, run: git config --global --add safe.directory {root}",
        severity=severity,
    )


def find_root(path: Path) -> tuple[Path | None, GitRun]:
    run = run_git(["rev-parse", "--show-toplevel"], existing_folder(path))
    text = os.fsdecode(run.out).strip() if run.ok else ""
    return (Path(text) if text else None), run


def repo_root(path: Path) -> Path | None:
    """The top folder of the git repository holding ``path``; None outside one."""
    return find_root(path)[0]


def resolve_commit(root: Path, ref: str) -> tuple[str | None, date | None]:
    """The full commit id and committer day (UTC) of ``ref``; (None, None) if unknown."""
    if not ref or ref.startswith("-"):
        return None, None
    verify = ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"]
    run = run_git(verify, root)
    if not run.ok:
        return None, None
    commit = run.out.decode("ascii", "replace").strip()
    shown = run_git(["show", "-s", "--no-show-signature", "--format=%ct", commit, "--"], root)
    if not shown.ok:
        return None, None
    try:
        stamp = int(shown.out.decode("ascii").strip())
    except ValueError:
        return commit, None
    return commit, datetime.fromtimestamp(stamp, tz=UTC).date()


def pathspec_of(data_dir: Path, root: Path) -> str:
    """``data_dir`` as a pathspec relative to the repository root ("." for the root)."""
    data = data_dir.absolute()
    for candidate in (data, data.resolve()):
        try:
            rel = candidate.relative_to(root)
        except ValueError:
            continue
        return rel.as_posix() if rel.parts else "."
    return "."


@dataclass(frozen=True)
class RawChange:
    """One file changed by one commit, as ``git log --raw`` tells it."""

    commit: str
    status: str  # M, A, D, R100, ...
    before: str  # the blob before (zeros when the file was added)
    after: str  # the blob after (zeros when it was deleted)
    path: str  # the path after the change (a move's new name)


def raw_changes(out: bytes, header_fields: int = 0) -> Iterator[RawChange]:
    """The file changes in ``git log --raw -z --no-abbrev`` output whose commit
    headers are ``\x1e<commit>`` and then ``header_fields`` more NUL-separated
    fields (a ``--format`` of ``%x1e%H%x00%ct%x00...``), which are skipped."""
    tokens = out.split(b"\0")
    commit = ""
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        i += 1
        if token.startswith(b"\x1e"):
            commit = token[1:].decode("ascii", "replace")
            i += header_fields
            continue
        if not token.startswith(b":"):
            continue
        fields = token[1:].split()
        status = fields[4].decode("ascii", "replace") if len(fields) > 4 else ""
        paths = 2 if status[:1] in ("R", "C") else 1
        names = [os.fsdecode(t) for t in tokens[i : i + paths]]
        i += paths
        if names and len(fields) > 3:
            yield RawChange(commit, status, fields[2].decode("ascii"),
                            fields[3].decode("ascii"), names[-1])

