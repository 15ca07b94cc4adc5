"""Reading one YAML file safely: compose the node tree, then walk it into values.

The walk records every value's and key's position, refuses tags other than the
plain ones, keys written twice, loops and too many alias expansions.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml

from scorecard.data.model import Source, YamlPath
from scorecard.data.problems import Location, Problem, shown
from scorecard.data.yaml.document import INVALID, YamlDoc, field_name
from scorecard.data.yaml.scalars import (
    IMPLICIT_RESOLVERS,
    KIND_WORDS,
    MAP,
    MERGE,
    SCALARS,
    SEQ,
    STR,
    ScalarError,
    short_tag,
)

try:  # libyaml's composer is several times faster than the pure-Python one
    _Base: type[Any] = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader


def yaml_1_2(base: type[Any]) -> type[Any]:
    """``base`` (a PyYAML loader) typing plain scalars by YAML 1.2's rules, as
    editors read them (see ``scalars``)."""

    class Loader(base):  # type: ignore[misc]
        yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, Any]]]] = {}

    for tag, pattern, first in IMPLICIT_RESOLVERS:
        Loader.add_implicit_resolver(tag, pattern, first)
    return Loader


_Loader = yaml_1_2(_Base)

MAX_BYTES = 2 * 1024 * 1024  # files over this are refused before parsing
MAX_NODES = 100_000  # values built from one file, counting each alias expansion
MAX_DEPTH = 64  # nesting of lists and mappings


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
                hint: str | None = None, rule: str = "yaml/unsupported") -> None:
        mark = node.start_mark
        self.doc.problems.append(Problem(
            Location(self.doc.display, mark.line + 1, mark.column + 1),
            message, field=field_name(path), hint=hint, rule=rule,
        ))

    def scalar(self, node: yaml.ScalarNode, path: YamlPath) -> Any:
        tag = node.tag
        if tag == STR:
            return node.value
        make = SCALARS.get(tag)
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
            if isinstance(exc, ScalarError) and str(exc).startswith(shown(text) + " is not"):
                self.problem(node, str(exc), path)
            else:
                self.problem(node, f"{shown(text)} cannot be read as {KIND_WORDS[tag]}", path,
                             "Remove the tag or fix the value.")
            return INVALID
        return value

    def disallowed(self, node: yaml.Node, path: YamlPath) -> None:
        self.problem(
            node,
            f"the tag {short_tag(node.tag)} is not allowed; only plain YAML values "
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
                self.problem(key_node, f"{shown(text)} appears twice in this mapping "
                             f"(first on line {first})", (*path, part),
                             "Remove one of them or merge them.", "yaml/duplicate-key")
                continue
            seen[typed] = line
            sub = (*path, part)
            if key.__class__ is not str:
                self.key_raw[sub] = (text, key)
            self.key_marks[sub] = (line, key_node.start_mark.column + 1)
            result[part] = self.build(value_node, sub)
        return result


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
            return Problem(loc, "YAML syntax error: a tab character", rule="yaml/syntax",
                           hint="YAML indents with spaces only; replace tabs with spaces.")
    context = (exc.context or "").strip()
    for known, words, hint in _PLAIN_SYNTAX:
        if problem.startswith(known) or context.startswith(known):
            return Problem(loc, f"YAML syntax error: {words}", hint=hint, rule="yaml/syntax")
    return Problem(loc, f"YAML syntax error: {problem}{' ' + context if context else ''}",
                   hint="Check the indentation and quoting on this line and the one before.",
                   rule="yaml/syntax")


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
            hint="Save the file with UTF-8 encoding.", rule="yaml/not-utf8",
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
            "are refused", hint="Split it, or remove large pasted content.", rule="yaml/too-big",
        ))
        return doc
    text, problem = decode(data, display)
    if problem is not None or text is None:
        doc.problems.append(problem or Problem(Location(display), "unreadable"))
        return doc
    node, problem = _compose(text, display)
    if problem is not None:
        doc.problems.append(problem)
        return doc
    if node is None:
        doc.problems.append(Problem(
            Location(display, 1, 1), "the file is empty",
            hint="Write the fields this kind of file needs (see format.md).",
            rule="yaml/empty-file",
        ))
        return doc
    _build(doc, marks, node)
    return doc


def _compose(text: str, display: str) -> tuple[yaml.Node | None, Problem | None]:
    """The node tree of ``text`` (None when it holds no document), or why it has none."""
    try:
        return yaml.compose(text, Loader=_Loader), None
    except yaml.MarkedYAMLError as exc:
        return None, _syntax_problem(exc, display, text)
    except yaml.reader.ReaderError as exc:
        line, column = _position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, Problem(
            Location(display, line, column),
            f"this file holds a control character (U+{code:04X}) "
            "that YAML does not allow", hint="Delete it; it is often invisible.",
            rule="yaml/control-character",
        )
    except (yaml.YAMLError, RecursionError) as exc:
        return None, Problem(Location(display), f"YAML cannot read this file: {exc}",
                             rule="yaml/syntax")


def _build(doc: YamlDoc, marks: dict[YamlPath, tuple[int, int]], node: yaml.Node) -> None:
    """Set ``doc.value`` from ``node``, or None (and a problem) when the walk gives up."""
    display = doc.display
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
            hint="Write the values out instead of repeating aliases.", rule="yaml/too-many-values",
        ))
        doc.value = None
    except RecursionError:
        doc.problems.append(Problem(Location(display, 1, 1), "the data is nested too deeply",
                                    rule="yaml/too-deep"))
        doc.value = None


def parse_text(text: str, display: str = "<text>") -> YamlDoc:
    """Parse YAML given as text (handy in tests and tools)."""
    return parse(text.encode("utf-8"), Source(display, display))
