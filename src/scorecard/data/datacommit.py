"""The commit a build's data comes from: the latest commit that changed the data folder.

A build names the commit of its data (outputs.md, "Documents people can trust"),
and its as-of day defaults to that commit's day. Were that the repository's
HEAD, a commit that touches nothing in the data folder (the sent log that
``scorecard send`` asks you to commit beside it, a README, the CI files) would
give the portfolio and ``data.json`` a new commit and a new as-of day, and the
portfolio would go to the executives again as "revised" with the same figures.
So the build's commit is the latest commit, at HEAD or ``--ref``, that changed
something under the data folder (scoring.md v1.2: a document's provenance names
the latest commit that changed its content). ``scorecard send`` compares a
build with the same commit to refuse a build older than the data now committed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from scorecard.data.gitrun import find_root, pathspec_of, resolve_commit, run_git

__all__ = ["data_commit", "data_commit_of"]


def data_commit(root: Path, commit: str, spec: str) -> tuple[str, date | None] | None:
    """The latest commit at or before ``commit`` that changed ``spec`` (a pathspec
    relative to ``root``), with its committer day (UTC); None when none did or git
    cannot tell."""
    run = run_git(["log", "-1", "--no-show-signature", "--format=%H%x00%ct", commit, "--",
                   spec], root)
    text = run.out.decode("ascii", "replace").strip() if run.ok else ""
    found, _, stamp = text.partition("\0")
    if not found or not stamp.isdigit():
        return None
    return found, datetime.fromtimestamp(int(stamp), tz=UTC).date()


def data_commit_of(data_dir: Path, ref: str | None = None) -> str | None:
    """The commit a clean build of ``data_dir`` at ``ref`` (None: HEAD) names; None
    outside a repository or before the data's first commit."""
    root, _ = find_root(data_dir)
    if root is None:
        return None
    commit, _ = resolve_commit(root, ref or "HEAD")
    if commit is None:
        return None
    found = data_commit(root, commit, pathspec_of(data_dir, root))
    return found[0] if found is not None else None
