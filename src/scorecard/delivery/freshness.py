"""Whether a build is of the data now committed, and the days of its commits.

outputs.md v1.2: ``scorecard send`` refuses a build whose data is older than the
data now committed: a corrected figure committed after the build would
otherwise never reach the provider, and nothing would say so. The build's
commit is the latest commit that changed the data folder
(``scorecard.data.datacommit``), so committing the sent log does not make a
build stale.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from scorecard.data.datacommit import data_commit_of
from scorecard.data.gitrun import find_root, resolve_commit
from scorecard.data.problems import Location, Problem
from scorecard.output.manifest import Manifest

__all__ = ["commit_days", "stale_build"]


def stale_build(manifest: Manifest, out_dir: Path, data_dir: Path) -> Problem | None:
    """An error when the build in ``out_dir`` was made from another commit of the
    data than the one now committed; None when it is current (or is a draft
    build, or git cannot tell: other refusals cover those)."""
    if manifest.commit is None or manifest.dirty:
        return None
    now = data_commit_of(data_dir)
    if now is None or now == manifest.commit:
        return None
    return Problem(
        Location(str(out_dir / "manifest.json")),
        f"{out_dir.name or out_dir}/ was built from {manifest.commit[:7]}; the data is now at "
        f"{now[:7]}: build again",
    )


def commit_days(data_dir: Path) -> Callable[[str], date | None]:
    """The committer day (UTC) of a commit of the data's repository, each asked once."""
    root, _ = find_root(data_dir)
    known: dict[str, date | None] = {}

    def day(commit: str) -> date | None:
        if root is None:
            return None
        if commit not in known:
            known[commit] = resolve_commit(root, commit)[1]
        return known[commit]

    return day
