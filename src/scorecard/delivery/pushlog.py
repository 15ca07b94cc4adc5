"""Committing the sent log after a send, and pushing it even when the branch moved.

CI sends first and records after: by the time the log is pushed, someone may
have pushed to the branch. ``push_log`` commits the log (only the log), then
pushes; when the push is refused it fetches the branch, rebases the one commit
onto it and tries again, a few times with a growing pause. The log is
append-only, so a rebase over another run's lines keeps both sides' lines
(git's union merge, set for the log in this clone's ``info/attributes`` only).

When every try fails, the result says exactly which lines were not recorded,
so the run can print them and keep the file: the mail went out, and its record
must not be lost. Credentials in a remote URL are never printed.

May import: the standard library and ``scorecard.data`` (running git).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scorecard.data.gitrun import GitRun, run_git

IDENTITY = ("-c", "user.name=scorecard", "-c", "user.email=scorecard@users.noreply.github.com")
_CREDENTIALS = re.compile(r"(\w+://)[^/@\s]+@")


def redact(text: str) -> str:
    """``text`` with any ``user:password@`` of a URL written ``***@``."""
    return _CREDENTIALS.sub(r"\1***@", text)


@dataclass
class PushResult:
    """What happened: ``pushed`` (or nothing to record), the tries, the lines
    this run added to the log, and why the last try failed."""

    pushed: bool
    lines: list[str] = field(default_factory=list)
    tries: int = 0
    commit: str | None = None
    error: str = ""
    nothing: bool = False


def _git(repo: Path, *args: str) -> GitRun:
    return run_git([*IDENTITY, *args], repo)


def _new_lines(repo: Path, rel: str) -> list[str]:
    """The lines the staged log adds to the committed one."""
    diff = _git(repo, "diff", "--cached", "--no-color", "--unified=0", "--", rel)
    text = diff.out.decode("utf-8", "replace")
    return [line[1:] for line in text.splitlines()
            if line.startswith("+") and not line.startswith("+++")]


def _union_for(repo: Path, rel: str) -> None:
    """Let a rebase join both sides' appended lines of the log (this clone only)."""
    found = _git(repo, "rev-parse", "--git-path", "info/attributes")
    path = repo / found.out.decode().strip()
    line = f"/{rel} merge=union\n"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if line not in text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + line, encoding="utf-8")


def commit_log(repo: Path, log: Path, message: str) -> PushResult:
    """Commit the log alone; ``nothing`` when it has no change."""
    rel = Path(os.path.relpath(log.absolute(), repo.absolute())).as_posix()
    added = _git(repo, "add", "--", rel)
    if not added.ok:
        return PushResult(False, error=redact(added.err.strip()))
    lines = _new_lines(repo, rel)
    if _git(repo, "diff", "--cached", "--quiet", "--", rel).ok:
        return PushResult(True, nothing=True)
    done = _git(repo, "commit", "--quiet", "--no-verify", "-m", message, "--", rel)
    if not done.ok:
        return PushResult(False, lines, error=redact(done.err.strip()))
    _union_for(repo, rel)
    head = _git(repo, "rev-parse", "HEAD").out.decode().strip()
    return PushResult(False, lines, commit=head)


def push_log(
    repo: Path, log: Path, remote: str, branch: str, *, message: str, tries: int = 5,
    pause: float = 2.0, sleep: Callable[[float], None] = time.sleep,
    options: tuple[str, ...] = (),
) -> PushResult:
    """Commit the log and push it to ``remote``'s ``branch``, rebasing onto the
    branch and trying again (``tries`` in all) when the push is refused."""
    result = commit_log(repo, log, message)
    if result.nothing or result.commit is None:
        return result
    target = f"HEAD:refs/heads/{branch}"
    push = ["push", "--quiet", *(f"--push-option={o}" for o in options), remote, target]
    for attempt in range(1, tries + 1):
        result.tries = attempt
        pushed = _git(repo, *push)
        if pushed.ok:
            result.pushed = True
            result.commit = _git(repo, "rev-parse", "HEAD").out.decode().strip()
            return result
        result.error = redact(pushed.err.strip())
        if attempt == tries:
            break
        sleep(pause * attempt)
        fetched = _git(repo, "fetch", "--quiet", remote, f"refs/heads/{branch}")
        if not fetched.ok:
            result.error = redact(fetched.err.strip())
            continue
        rebased = _git(repo, "rebase", "--quiet", "FETCH_HEAD")
        if not rebased.ok:
            result.error = redact(rebased.err.strip() or rebased.out.decode().strip())
            _git(repo, "rebase", "--abort")
    return result
