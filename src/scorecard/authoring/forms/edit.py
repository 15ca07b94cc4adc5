"""Values from a form into a record's YAML text, by position: each value replaces the
characters of the one it stands for, or is added as a new entry after the last of
its mapping, so that every other byte (comments, layout, quoting, line ends) stays
as it was. The result is read back and compared with what was meant before it is
returned; what cannot be written that way is refused, never approximated."""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from typing import Any

import yaml

from scorecard.authoring.forms.read import FormError
from scorecard.data.yaml.reader import parse_text

__all__ = ["Edit", "apply_edits", "set_in"]

Path = tuple[str, ...]
Edit = tuple[Path, Any]  # where, and the value (a number or a text)


def _quoted_ok(rendered: str, value: Any) -> bool:
    doc = parse_text(f"k: {rendered}\n")
    return not doc.problems and isinstance(doc.value, dict) and doc.value.get("k") == value


def _inline(value: Any) -> str:
    """One value on one line, as YAML reads it back (quoted when it must be)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise FormError(f"cannot write {value!r}")
    if isinstance(value, int | float):
        return str(value) if isinstance(value, int) else repr(value)
    if "\n" not in value and value.strip() == value and value:
        plain = yaml.safe_dump(value, allow_unicode=True, width=10**9).strip()
        plain = plain.removesuffix("...").strip()
        if "\n" not in plain and _quoted_ok(plain, value):
            return plain
    return json.dumps(value, ensure_ascii=False)


def _block(value: Any, indent: int, nl: str) -> str:
    """A value after ``key: ``; several lines of text as a literal block."""
    if not isinstance(value, str) or "\n" not in value.rstrip("\n"):
        return _inline(value.rstrip("\n") if isinstance(value, str) and
                       value.count("\n") == 1 and value.endswith("\n") else value)
    lines = value.rstrip("\n").split("\n")
    head = "|2" if lines[0][:1] in (" ", "\t") else "|"
    pad = " " * (indent + 2)
    return head + nl + nl.join(pad + line if line else "" for line in lines)


def _flow(path: Path, value: Any) -> str:
    if not path:
        return _inline(value)
    return "{" + f"{_inline(path[0])}: {_flow(path[1:], value)}" + "}"


def _entry(path: Path, value: Any, indent: int, nl: str) -> str:
    pad = " " * indent
    if len(path) == 1:
        return f"{pad}{_inline(path[0])}: {_block(value, indent, nl)}"
    return f"{pad}{_inline(path[0])}:{nl}{_entry(path[1:], value, indent + 2, nl)}"


def _content_end(text: str, node: yaml.Node) -> int:
    end = node.end_mark.index
    while end > node.start_mark.index and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _insert(text: str, mapping: yaml.MappingNode, path: Path, value: Any, nl: str) -> str:
    if mapping.flow_style or not mapping.value:
        close = text.rfind("}", 0, mapping.end_mark.index)
        before = text[:close].rstrip()
        joint = "" if before.endswith("{") else ", "
        return before + joint + f"{_inline(path[0])}: {_flow(path[1:], value)}" + text[close:]
    indent = mapping.value[0][0].start_mark.column
    end = _content_end(text, mapping.value[-1][1])
    line_end = text.find("\n", end)
    if line_end < 0:
        return text + nl + _entry(path, value, indent, nl) + nl
    if line_end > 0 and text[line_end - 1] == "\r":
        line_end -= 1
    return text[:line_end] + nl + _entry(path, value, indent, nl) + text[line_end:]


def _replace(text: str, node: yaml.ScalarNode, key: yaml.Node, new: str) -> str:
    start, end = node.start_mark.index, _content_end(text, node)
    if start >= end:  # an empty value (``key:`` alone): write after the colon
        colon = text.index(":", key.end_mark.index)
        return text[:colon + 1] + " " + new + text[colon + 1:]
    return text[:start] + new + text[end:]


def _set_one(text: str, path: Path, value: Any, lead: str, nl: str) -> str:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise FormError("the record cannot be read as YAML; fix it first") from None
    key: yaml.Node | None = None
    for depth, part in enumerate(path):
        if isinstance(node, yaml.MappingNode):
            found = [(k, v) for k, v in node.value
                     if isinstance(k, yaml.ScalarNode) and k.value == part]
            if not found:
                return _insert(text, node, path[depth:], value, nl)
            key, node = found[0]
            continue
        if isinstance(node, yaml.ScalarNode) and key is not None:
            rest = path[depth:]
            flow = _flow(rest, value)
            if depth == 2 and path[0] == "scores" and node.value and node.tag != \
                    "tag:yaml.org,2002:null" and node.value not in ("null", "~") and part != lead:
                flow = "{" + f"{_inline(lead)}: {node.value}, " + flow[1:]
            return _replace(text, node, key, flow)
        raise FormError(f"{'.'.join(path[:depth])} is not written as a mapping; add the "
                        "value by hand")
    if not isinstance(node, yaml.ScalarNode) or key is None:
        raise FormError(f"{'.'.join(path)} holds a list or mapping; change it by hand")
    return _replace(text, node, key, _block(value, key.start_mark.column, nl))


def set_in(data: Any, path: Path, value: Any, lead: str) -> Any:
    """``data`` (a parsed record) with ``value`` at ``path``: what the text should read as."""
    node = data
    for depth, part in enumerate(path[:-1]):
        child = node.get(part)
        if not isinstance(child, dict):
            keep = depth == 1 and path[0] == "scores" and child is not None and path[-1] != lead
            child = {lead: child} if keep else {}
            node[part] = child
        node = child
    node[path[-1]] = value
    return data


def apply_edits(text: str, edits: Sequence[Edit], lead: str) -> str:
    """``text`` with each edit made and nothing else changed, checked by reading it back."""
    nl = "\r\n" if "\r\n" in text else "\n"
    before = parse_text(text)
    if before.problems or not isinstance(before.value, dict):
        raise FormError("the record cannot be read as YAML; fix it first (scorecard validate)")
    expected = copy.deepcopy(before.value)
    new = text
    for path, value in edits:
        new = _set_one(new, path, value, lead, nl)
        expected = set_in(expected, path, _as_read(value), lead)
    after = parse_text(new)
    if after.problems or after.value != expected:
        raise FormError("the form's values could not be written without changing the rest "
                        "of the record; add them by hand")
    return new


def _as_read(value: Any) -> Any:
    """How a written value reads back: several lines end with one line break."""
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        return value.rstrip("\n") + "\n"
    return value.rstrip("\n") if isinstance(value, str) else value
