"""The programme's commits that no document shows: changes to ``distribution`` only.

``scorecard.yaml`` feeds every document, so each provider and team document
names the programme's latest commit when it is the newest of its sources.
The ``distribution`` block (addresses, for ``scorecard send``) is shown in no
document; were a commit that only adds an address to count, every document
would get a new commit stamp, new bytes, and go out again as "revised" to
every provider. So the programme's latest commit is the latest one that
changed it apart from its ``distribution`` block.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from scorecard.data.gitrun import run_git
from scorecard.data.provenance import Amendment
from scorecard.data.yaml.spans import top_level_span

__all__ = ["last_shown_change"]

MAX_STEPS = 100  # distribution-only commits looked through before giving up


def _without_distribution(root: Path, commit: str, path: str) -> str | None:
    run = run_git(["show", f"{commit}:{path}"], root)
    if not run.ok:
        return None
    text = run.out.decode("utf-8", "replace")
    span, _ = top_level_span(text, "distribution")
    return text if span is None else text[: span.key_start] + text[span.value_end:]


def _previous_touch(root: Path, commit: str, path: str) -> str | None:
    run = run_git(["log", "-1", "--format=%H", f"{commit}^", "--", path], root)
    text = run.out.decode("ascii", "replace").strip() if run.ok else ""
    return text or None


def _amendment(root: Path, commit: str) -> Amendment | None:
    run = run_git(["show", "-s", "--no-show-signature", "--format=%ct%x00%aN%x00%s",
                   commit, "--"], root)
    parts = run.out.decode("utf-8", "replace").strip().split("\0") if run.ok else []
    if len(parts) != 3 or not parts[0].isdigit():
        return None
    day = datetime.fromtimestamp(int(parts[0]), tz=UTC).date()
    return Amendment(day, parts[1], parts[2], commit)


def last_shown_change(root: Path, path: str, last: Amendment) -> Amendment:
    """``last`` (the programme file's latest commit), or the latest commit before it
    that changed more than the ``distribution`` block; ``last`` when git cannot tell."""
    commit, now = last.commit, None
    for _ in range(MAX_STEPS):
        previous = _previous_touch(root, commit, path)
        if previous is None:
            break
        if now is None:
            now = _without_distribution(root, commit, path)
        before = _without_distribution(root, previous, path)  # each version read once
        if now is None or now != before:
            break
        commit, now = previous, before
    if commit == last.commit:
        return last
    return _amendment(root, commit) or last
