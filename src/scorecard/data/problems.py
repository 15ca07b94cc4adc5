"""Problems are data: a location, a message, and an optional hint.

Every stage (loading, validation, scoring, rendering) returns a list of these
instead of raising, so that a user sees every problem in one run.

Data is untrusted (it may come from anyone's pull request), so a value quoted
in a message goes through :func:`shown`: control characters, line and paragraph
separators and bidirectional controls are written visibly (``\\n``, ``\\x1b``,
``\\u2028``) and long values are cut. The formatters escape every part of a
problem once more (:func:`one_line`), so no output line can hold a raw line
break or start a GitHub workflow command (``::``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]

DEFAULT_RULE = "scorecard/problem"  # the rule id of a problem that names none

SHOWN_LENGTH = 60  # characters of a quoted value before it is cut with an ellipsis

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(char: str) -> str:
    """One character, escaped when it is a control, separator or format character."""
    if char in _NAMED:
        return _NAMED[char]
    if unicodedata.category(char) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


_UNSAFE = re.compile(r"[^ -~]")  # anything outside printable ASCII gets a closer look


def escape(text: str) -> str:
    """``text`` with every control, separator and format character written visibly."""
    if not _UNSAFE.search(text):
        return text
    return "".join(_visible(c) for c in text)


def shown(value: Any, limit: int = SHOWN_LENGTH) -> str:
    """A value from the data as it may appear in a message: escaped, and cut to
    ``limit`` characters with an ellipsis (never inside an escape)."""
    text = str(value)
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    parts: list[str] = []
    used = 0
    for char in text:
        part = _visible(char)
        if used + len(part) > limit - 1:
            break
        parts.append(part)
        used += len(part)
    return "".join(parts) + "…"


def one_line(text: str) -> str:
    """The last line of defence of every formatter: a message part as one safe line."""
    return escape(text)


_COMMAND_START = re.compile(r"^(\s*)::", re.MULTILINE)


def safe_lines(text: str) -> str:
    """Lines of output that hold data (already escaped, then wrapped): none may start
    a GitHub workflow command, so a leading ``::`` is written ``\\::``."""
    return _COMMAND_START.sub(r"\1\\::", text)


def json_text(value: Any) -> str:
    """JSON for machines: values as they are, but no raw line or paragraph separator
    (U+2028, U+2029), which some readers take as a line break."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


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
    misuse: bool = False  # the command was used wrongly (exit 2), not the data
    # the kind of problem, a stable id that machines group by (GitLab's check_name,
    # SARIF's ruleId): never built from the data. A new kind of problem names its
    # own (``"area/what-is-wrong"``); one that does not gets DEFAULT_RULE.
    rule: str = ""

    @property
    def rule_id(self) -> str:
        return self.rule or DEFAULT_RULE

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
        line = one_line(f"{p.location}: {prefix}{p.text()}")
        if line.lstrip().startswith("::"):  # a file named like a workflow command
            line = "./" + line.lstrip()
        lines.append(line)
    return "\n".join(lines)


def _github_escape(value: str, *, prop: bool = False) -> str:
    """GitHub's escaping of a workflow command's message (and, with ``prop``, of a
    property), after :func:`one_line` has made every control character visible."""
    value = one_line(value)
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
            "file": one_line(p.location.file),
            "line": p.location.line,
            "column": p.location.column,
            "severity": p.severity,
            "field": None if p.field is None else one_line(p.field),
            "message": one_line(p.message),
            "hint": None if p.hint is None else one_line(p.hint),
        }
        for p in sorted_problems(problems)
    ]
    return json_text(items)


def to_gitlab(problems: Iterable[Problem], base: str = "") -> str:
    """A GitLab Code Quality report: see :func:`scorecard.data.reports.to_gitlab`."""
    from scorecard.data.reports import to_gitlab as report

    return report(problems, base)
