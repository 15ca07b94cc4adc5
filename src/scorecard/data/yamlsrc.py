"""Safe YAML reading that remembers where every value was written.

PyYAML composes the node tree (with libyaml when it is there); we construct the
values ourselves by walking the nodes, so that:

- only YAML's plain types are ever built (text, whole numbers, numbers,
  true/false, null, dates, lists, mappings); any other tag is a problem;
- a key written twice in one mapping is a problem;
- aliases cannot blow up memory or loop forever (a node budget and a check for
  cycles);
- every value, item and key gets its 1-based line and column;
- the original text of every plain scalar that YAML 1.1 turned into something
  other than text is kept, so that messages can say "YAML read no as the
  boolean false".

Nothing here raises for bad input: problems are collected in ``YamlDoc.problems``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import yaml

from scorecard.data.model import Source, YamlPath
from scorecard.data.problems import Location, Problem

try:  # libyaml's composer is several times faster than the pure-Python one
    _Loader: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_BYTES = 2 * 1024 * 1024  # files over this are refused before parsing
MAX_NODES = 100_000  # values built from one file, counting each alias expansion
MAX_DEPTH = 64  # nesting of lists and mappings

_TAG = "tag:yaml.org,2002:"
STR = _TAG + "str"
INT = _TAG + "int"
FLOAT = _TAG + "float"
BOOL = _TAG + "bool"
NULL = _TAG + "null"
TIMESTAMP = _TAG + "timestamp"
SEQ = _TAG + "seq"
MAP = _TAG + "map"
MERGE = _TAG + "merge"


class _Invalid:
    """A value that could not be built; its problem is already reported."""

    _instance: _Invalid | None = None

    def __new__(cls) -> _Invalid:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()


@dataclass
class YamlDoc:
    """One parsed file: its value, the positions of its parts, and its problems.

    ``value`` is None when the file could not be read at all. ``raw`` maps the
    path of a plain scalar that YAML typed as something other than text (and
    whose text differs from how Python would print it) to the text as written.
    Mapping keys are always ``str`` or ``int`` in ``value``; a key YAML read as
    true/false, null, a float or a date is kept as its written text, and
    ``key_raw`` maps its path to ``(text, what YAML made of it)``; whole-number
    keys are kept as ``int`` and also listed in ``key_raw``.
    """

    source: Source
    value: Any = None
    key_marks: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    raw: dict[YamlPath, str] = field(default_factory=dict)
    key_raw: dict[YamlPath, tuple[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def display(self) -> str:
        return self.source.display

    def at(self, path: YamlPath = ()) -> Location:
        """Where the value at ``path`` was written (or its nearest ancestor)."""
        return self.source.at(path)

    def key_at(self, path: YamlPath) -> Location:
        """Where the key of the entry at ``path`` was written."""
        mark = self.key_marks.get(path)
        if mark is not None:
            return Location(self.source.display, mark[0], mark[1])
        return self.source.at(path)


# --- scalars -----------------------------------------------------------------

_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d*))?"
    r"(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?))?$"
)
_BOOL_TRUE = frozenset({"yes", "true", "on", "y"})


class _ScalarError(ValueError):
    """A scalar whose text cannot be the value its tag says."""


def _int(text: str) -> int:
    t = text.replace("_", "")
    sign = 1
    if t[:1] in "+-":
        sign = -1 if t[0] == "-" else 1
        t = t[1:]
    if not t:
        raise _ScalarError(text)
    if t.startswith(("0b", "0B")):
        return sign * int(t[2:], 2)
    if t.startswith(("0x", "0X")):
        return sign * int(t[2:], 16)
    if ":" in t:  # base 60, as in 12:30 -> 750
        total = 0
        for part in t.split(":"):
            total = total * 60 + int(part)
        return sign * total
    if t != "0" and t.startswith("0"):  # YAML 1.1 octal, as in 0755 -> 493
        return sign * int(t, 8)
    return sign * int(t)


def _float(text: str) -> float:
    t = text.replace("_", "").lower()
    sign = 1.0
    if t[:1] in "+-":
        sign = -1.0 if t[0] == "-" else 1.0
        t = t[1:]
    if t == ".inf":
        return sign * math.inf
    if t == ".nan":
        return math.nan
    if ":" in t:
        total = 0.0
        for part in t.split(":"):
            total = total * 60 + float(part)
        return sign * total
    return sign * float(t)


def _timestamp(text: str) -> date | datetime:
    match = _DATE_RE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise _ScalarError(f"{text} is not a real day") from None
    match = _DATETIME_RE.match(text)
    if not match:
        raise _ScalarError(f"{text} is not a date")
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction = match.group(7) or ""
    micro = int((fraction + "000000")[:6]) if fraction else 0
    tz: timezone | None = None
    zone = match.group(8)
    if zone:
        if zone == "Z":
            tz = UTC
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            hours = int(digits[:-2] or digits) if len(digits) > 2 else int(digits)
            minutes = int(digits[-2:]) if len(digits) > 2 else 0
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError:
        raise _ScalarError(f"{text} is not a real date and time") from None


def _null(text: str) -> None:
    return None


def _bool(text: str) -> bool:
    return text.lower() in _BOOL_TRUE


_SCALARS: dict[str, Any] = {
    INT: _int,
    FLOAT: _float,
    BOOL: _bool,
    NULL: _null,
    TIMESTAMP: _timestamp,
}

_KIND_WORDS = {INT: "a whole number", FLOAT: "a number", BOOL: "true or false",
               NULL: "null", TIMESTAMP: "a date"}


def _short_tag(tag: str) -> str:
    if tag.startswith(_TAG):
        return "!!" + tag[len(_TAG):]
    return tag


# --- the walk ----------------------------------------------------------------


class _TooMany(Exception):
    """The alias budget ran out."""


class _Builder:
    def __init__(self, doc: YamlDoc, marks: dict[YamlPath, tuple[int, int]]) -> None:
        self.doc = doc
        self.marks = marks
        self.key_marks = doc.key_marks
        self.raw = doc.raw
        self.key_raw = doc.key_raw
        self.budget = MAX_NODES
        self.active: set[int] = set()

    def problem(self, node: yaml.Node, message: str, path: YamlPath,
                hint: str | None = None) -> None:
        mark = node.start_mark
        self.doc.problems.append(Problem(
            Location(self.doc.display, mark.line + 1, mark.column + 1),
            message, field=field_name(path), hint=hint,
        ))

    def scalar(self, node: yaml.ScalarNode, path: YamlPath) -> Any:
        tag = node.tag
        if tag == STR:
            return node.value
        make = _SCALARS.get(tag)
        if make is None:
            if tag == MERGE:
                self.problem(node, "merge keys (<<) are not supported",
                             path, "Write the fields out in full.")
            else:
                self.disallowed(node, path)
            return INVALID
        text = node.value
        try:
            value = make(text)
        except (ValueError, OverflowError) as exc:
            if isinstance(exc, _ScalarError) and str(exc).startswith(text + " is not"):
                self.problem(node, str(exc), path)
            else:
                self.problem(node, f"{text} cannot be read as {_KIND_WORDS[tag]}", path,
                             "Remove the tag or fix the value.")
            return INVALID
        return value

    def disallowed(self, node: yaml.Node, path: YamlPath) -> None:
        self.problem(
            node,
            f"the tag {_short_tag(node.tag)} is not allowed; only plain YAML values "
            "(text, numbers, true/false, dates, lists and mappings) are read",
            path, "Remove the tag.",
        )

    def build(self, node: yaml.Node, path: YamlPath) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _TooMany
        mark = node.start_mark
        self.marks[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node, path)
            if node.tag != STR and value is not INVALID and (
                value is None or value is True or value is False or str(value) != node.value
            ):
                self.raw[path] = node.value
            return value
        if len(path) >= MAX_DEPTH:
            self.problem(node, f"the data is nested more than {MAX_DEPTH} levels deep", path)
            return INVALID
        key = id(node)
        if key in self.active:
            self.problem(node, "an alias here refers to a value that contains it; "
                         "such loops are refused", path, "Remove the alias (*name).")
            return INVALID
        self.active.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != SEQ:
                    self.disallowed(node, path)
                    return INVALID
                build = self.build
                return [build(item, (*path, i)) for i, item in enumerate(node.value)]
            if isinstance(node, yaml.MappingNode):
                if node.tag != MAP:
                    self.disallowed(node, path)
                    return INVALID
                return self.mapping(node, path)
        finally:
            self.active.discard(key)
        return INVALID  # pragma: no cover - PyYAML has only three node kinds

    def mapping(self, node: yaml.MappingNode, path: YamlPath) -> dict[str | int, Any]:
        result: dict[str | int, Any] = {}
        seen: dict[tuple[type, Any], int] = {}
        for key_node, value_node in node.value:
            self.budget -= 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "a key must be a single word or value, "
                             "not a list or mapping", path)
                continue
            key = self.scalar(key_node, path)
            if key is INVALID:
                continue
            text = key_node.value
            part: str | int = key if key.__class__ is str or key.__class__ is int else text
            line = key_node.start_mark.line + 1
            typed = (key.__class__, key)
            first = seen.get(typed)
            if first is not None:
                self.problem(key_node, f"{text} appears twice in this mapping "
                             f"(first on line {first})", (*path, part),
                             "Remove one of them or merge them.")
                continue
            seen[typed] = line
            sub = (*path, part)
            if key.__class__ is not str:
                self.key_raw[sub] = (text, key)
            self.key_marks[sub] = (line, key_node.start_mark.column + 1)
            result[part] = self.build(value_node, sub)
        return result


def field_name(path: YamlPath) -> str | None:
    """The dotted name of a field, leaving out list positions: ``actions.closed``."""
    names = [str(p) for p in path if isinstance(p, str)]
    return ".".join(names) if names else None


# --- reading -----------------------------------------------------------------

_PLAIN_SYNTAX: tuple[tuple[str, str, str | None], ...] = (
    ("mapping values are not allowed",
     "a colon (:) where YAML did not expect one",
     "If the text contains ': ', put the whole value in quotes."),
    ("did not find expected key",
     "a line that does not line up with the fields around it",
     "Check the indentation: fields of one mapping start in the same column."),
    ("could not find expected ':'",
     "a line that is not a 'key: value' pair",
     "Check the indentation, and that each field has a colon after its name."),
    ("expected a single document in the stream",
     "more than one YAML document (a second ---)",
     "Keep one document per file."),
    ("found undefined alias",
     "an alias (*name) with no matching anchor (&name)",
     None),
    ("found duplicate anchor",
     "the same anchor (&name) twice",
     None),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, display: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    loc = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
    problem = (exc.problem or "").strip()
    if mark is not None and "cannot start any token" in problem:
        lines = text.splitlines()
        line = lines[mark.line] if mark.line < len(lines) else ""
        if line[mark.column: mark.column + 1] == "\t":
            return Problem(loc, "YAML syntax error: a tab character",
                           hint="YAML indents with spaces only; replace tabs with spaces.")
    context = (exc.context or "").strip()
    for known, words, hint in _PLAIN_SYNTAX:
        if problem.startswith(known) or context.startswith(known):
            return Problem(loc, f"YAML syntax error: {words}", hint=hint)
    return Problem(loc, f"YAML syntax error: {problem}{' ' + context if context else ''}",
                   hint="Check the indentation and quoting on this line and the one before.")


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def decode(data: bytes, display: str) -> tuple[str | None, Problem | None]:
    """The file as text (UTF-8, an optional BOM removed), or the problem with it."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        line, column = _position(good, len(good))
        byte = data[exc.start]
        return None, Problem(
            Location(display, line, column),
            f"this file is not UTF-8 text: the byte 0x{byte:02X} cannot be read",
            hint="Save the file with UTF-8 encoding.",
        )


def parse(data: bytes | None, source: Source, *, size: int | None = None) -> YamlDoc:
    """Read one YAML file safely; ``data`` None means it was too big to read."""
    marks: dict[YamlPath, tuple[int, int]] = {}
    source = Source(source.display, source.repo_path, marks)
    doc = YamlDoc(source)
    display = source.display
    length = len(data) if data is not None else (size or 0)
    if data is None or length > MAX_BYTES:
        mib = length / (1024 * 1024)
        doc.problems.append(Problem(
            Location(display),
            f"the file is {mib:.1f} MiB; files over {MAX_BYTES // (1024 * 1024)} MiB "
            "are refused", hint="Split it, or remove large pasted content.",
        ))
        return doc
    text, problem = decode(data, display)
    if problem is not None or text is None:
        doc.problems.append(problem or Problem(Location(display), "unreadable"))
        return doc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(_syntax_problem(exc, display, text))
        return doc
    except yaml.reader.ReaderError as exc:
        line, column = _position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        doc.problems.append(Problem(
            Location(display, line, column),
            f"this file holds a control character (U+{code:04X}) "
            "that YAML does not allow", hint="Delete it; it is often invisible.",
        ))
        return doc
    except (yaml.YAMLError, RecursionError) as exc:
        doc.problems.append(Problem(Location(display), f"YAML cannot read this file: {exc}"))
        return doc
    if node is None:
        doc.problems.append(Problem(
            Location(display, 1, 1), "the file is empty",
            hint="Write the fields this kind of file needs (see format.md).",
        ))
        return doc
    builder = _Builder(doc, marks)
    try:
        doc.value = builder.build(node, ())
    except _TooMany:
        marks.clear()
        doc.key_marks.clear()
        doc.raw.clear()
        doc.key_raw.clear()
        doc.problems.append(Problem(
            Location(display, 1, 1),
            f"this file expands to more than {MAX_NODES:,} values through aliases "
            "(&anchor and *alias); it is refused",
            hint="Write the values out instead of repeating aliases.",
        ))
        doc.value = None
    except RecursionError:
        doc.problems.append(Problem(Location(display, 1, 1), "the data is nested too deeply"))
        doc.value = None
    return doc


def parse_text(text: str, display: str = "<text>") -> YamlDoc:
    """Parse YAML given as text (handy in tests and tools)."""
    return parse(text.encode("utf-8"), Source(display, display))


def describe_scalar(raw: str, value: Any) -> str:
    """What YAML 1.1 made of a plain scalar, in words: "the boolean false"."""
    if value is None:
        return "nothing (null)"
    if value is True or value is False:
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, float):
        return f"the number {value:g}" if math.isfinite(value) else f"the number {value}"
    return f"the number {value}"
