"""Building what the provider says about itself and about us (format.md v1.2):
the programme's ``about_us`` questions and a record's ``self_assessment`` and
``about_us`` ratings, from values that passed their checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scorecard.data.model import Question, Source

__all__ = ["questions", "ratings"]


def questions(data: Mapping[str, Any], source: Source) -> tuple[Question, ...]:
    """The ``about_us`` questions as written; one without a readable id is left out."""
    found = data.get("about_us")
    if not isinstance(found, list):
        return ()
    return tuple(
        Question(q["id"], q["name"] if isinstance(q.get("name"), str) else q["id"],
                 source=source, path=("about_us", i))
        for i, q in enumerate(found)
        if isinstance(q, dict) and isinstance(q.get("id"), str)
    )


def ratings(data: Mapping[str, Any], name: str) -> dict[str, int]:
    """``self_assessment`` or ``about_us`` of a record: id -> whole-number rating."""
    found = data.get(name)
    if not isinstance(found, dict):
        return {}
    return {k: int(v) for k, v in found.items()
            if isinstance(v, int) and not isinstance(v, bool)}
