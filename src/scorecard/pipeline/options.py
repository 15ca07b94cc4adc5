"""What a build is asked to do (``BuildOptions``, ``Shard``) and what it reports
back (``BuildReport``, ``Progress``)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from scorecard.data.problems import Problem, has_errors
from scorecard.data.provenance import Provenance
from scorecard.figures.results import Portfolio

SUPPORTED_AUDIENCES = ("provider", "team", "portfolio")


@dataclass(frozen=True)
class Shard:
    """Build share ``index`` (1-based) of ``count`` shares."""

    index: int
    count: int

    def holds(self, stem: str) -> bool:
        digest = hashlib.sha256(stem.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


@dataclass(frozen=True)
class BuildOptions:
    data_dir: Path = Path("evaluations")
    out_dir: Path = Path("reports")
    ref: str | None = None
    as_of: date | None = None  # None: the commit's day (today for a draft)
    providers: frozenset[str] | None = None
    periods: frozenset[str] | None = None
    audiences: frozenset[str] | None = None
    pdf: bool = True
    templates: Path | None = None  # the user's templates, tried before ours
    page_size: str = "A4"
    jobs: int = 1
    force: bool = False  # render everything, reuse nothing
    shard: Shard | None = None
    join: tuple[Path, ...] = ()  # shard outputs to take documents from
    lock_wait: float = 600.0  # seconds to wait for another build into the same folder

    @property
    def narrowed(self) -> bool:
        return (
            self.providers is not None
            or self.periods is not None
            or self.audiences is not None
            or self.shard is not None
        )


@dataclass
class BuildReport:
    problems: list[Problem] = field(default_factory=list)
    portfolio: Portfolio | None = None
    provenance: Provenance | None = None
    documents: int = 0  # files listed in the manifest
    rendered: int = 0  # PDFs rendered by this build
    reused: int = 0  # PDFs taken from an earlier output
    untouched: bool = True  # the output folder was left as it was

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


# Progress: called after each document with (done, total, path).
Progress = Callable[[int, int, str], None]
