"""Where the data came from: the commit a build reads, and a record's later changes.

``scorecard.data.gitinfo`` reads these from git; documents and outputs show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Provenance:
    """Which state of the data a build was made from."""

    commit: str | None  # full commit id; None outside a git repository
    dirty: bool  # the data folder has uncommitted changes (a draft)
    commit_day: date | None  # the committer's day of ``commit`` (UTC)


@dataclass(frozen=True)
class Amendment:
    """One change to a record's file after the commit that first added it."""

    day: date
    author: str
    subject: str
    commit: str
