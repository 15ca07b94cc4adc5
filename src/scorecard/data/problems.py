"""Problems are data: a location, a message, and an optional hint.

Every stage (loading, validation, scoring, rendering) returns a list of these
instead of raising, so that a user sees every problem in one run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file. ``line`` and ``column`` are 1-based; 0 means unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, with where it is and how to fix it."""

    location: Location
    message: str
    field: str | None = None
    hint: str | None = None
    severity: Severity = "error"

    def text(self) -> str:
        """The message with its hint, as one line of prose."""
        where = f"{self.field}: " if self.field else ""
        if not self.hint:
            return f"{where}{self.message}"
        if self.message.endswith((".", "?", "!", ":", ";")):
            joint = " "
        elif self.hint[:1].islower():
            joint = "; "
        else:
            joint = ". "
        return f"{where}{self.message}{joint}{self.hint}"

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.file, loc.line, loc.column, self.message)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in file, line, column order, without exact duplicates."""
    unique = {(p.location, p.message, p.field, p.hint, p.severity): p for p in problems}
    return sorted(unique.values(), key=Problem.sort_key)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def format_text(problems: Iterable[Problem]) -> str:
    """``FILE:LINE:COL: message`` lines, the format compilers and editors understand."""
    lines = []
    for p in sorted_problems(problems):
        prefix = "warning: " if p.severity == "warning" else ""
        lines.append(f"{p.location}: {prefix}{p.text()}")
    return "\n".join(lines)


def _github_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(problems: Iterable[Problem]) -> str:
    """GitHub Actions workflow commands, shown as annotations on the changed lines."""
    lines = []
    for p in sorted_problems(problems):
        loc = p.location
        props = [f"file={_github_escape(loc.file, prop=True)}"]
        if loc.line:
            props.append(f"line={loc.line}")
            props.append(f"col={loc.column or 1}")
        title = f"scorecard: {p.field}" if p.field else "scorecard"
        props.append(f"title={_github_escape(title, prop=True)}")
        lines.append(f"::{p.severity} {','.join(props)}::{_github_escape(p.text())}")
    return "\n".join(lines)


def to_json(problems: Iterable[Problem]) -> str:
    """A JSON list of objects, one per problem."""
    items = [
        {
            "file": p.location.file,
            "line": p.location.line,
            "column": p.location.column,
            "severity": p.severity,
            "field": p.field,
            "message": p.message,
            "hint": p.hint,
        }
        for p in sorted_problems(problems)
    ]
    return json.dumps(items, indent=2, ensure_ascii=False)


def to_gitlab(problems: Iterable[Problem]) -> str:
    """A GitLab Code Quality report (a JSON list), so that merge requests show
    each problem beside its line. The fingerprint is stable across runs for
    the same problem at the same place."""
    items = []
    for p in sorted_problems(problems):
        key = f"{p.location.file}:{p.location.line}:{p.location.column}:{p.message}"
        items.append({
            "description": p.text(),
            "check_name": f"scorecard-{p.field or 'file'}",
            "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
            "severity": "major" if p.severity == "error" else "minor",
            "location": {"path": p.location.file, "lines": {"begin": max(p.location.line, 1)}},
        })
    return json.dumps(items, indent=2, ensure_ascii=False)
