"""A reply is validated with the whole data folder before it is written: the
record as it would be, read with every other file as it is. Text that
``validate`` refuses (an emoji, a control character) is never written, so the
default branch's CI never fails on a reply that ``reply`` accepted."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from scorecard.data.load import read_drafts
from scorecard.data.problems import Problem, has_errors
from scorecard.data.sources import read_data
from scorecard.data.validation import validate

__all__ = ["problems_with"]


def problems_with(data_dir: Path, rel: tuple[str, ...], new: bytes,
                  today: date | None = None) -> list[Problem]:
    """The errors ``validate`` would give with the file at ``rel`` (inside the data
    folder) holding ``new``."""
    files, problems = read_data(data_dir)
    if has_errors(problems):
        return [p for p in problems if p.severity == "error"]
    swapped = [dataclasses.replace(f, data=new, size=len(new)) if f.rel == rel else f
               for f in files]
    drafts, found = read_drafts(swapped, data_dir)
    drafts.today = today or date.today()
    return [p for p in [*found, *validate(drafts)] if p.severity == "error"]
