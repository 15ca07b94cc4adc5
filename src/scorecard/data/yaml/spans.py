"""Where a top-level field is written in a YAML text, as character offsets, so that
a tool can change that one value and leave every other byte as it was (the
comments and layout people wrote). Pure: reads the text, never writes.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

__all__ = ["Span", "top_level_span"]


@dataclass(frozen=True)
class Span:
    """A ``key: value`` entry of the top-level mapping."""

    key_start: int  # the offset of the key's first character
    value_start: int  # the offset of the value's first character (``|`` for a block)
    value_end: int  # the offset just after the value's last character
    block: bool  # a literal (|) or folded (>) block scalar


def top_level_span(text: str, key: str) -> tuple[Span | None, bool]:
    """``(span, readable)``: where ``key`` is written in the top-level mapping (None when
    it is not there), and whether the text is one YAML mapping at all.

    The pure-Python composer is used: its offsets count characters of ``text``.
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None, False
    if not isinstance(node, yaml.MappingNode):
        return None, False
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            block = isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">")
            end = value_node.end_mark.index
            if block:  # a block scalar ends after its line breaks: back up to its last word
                while end > value_node.start_mark.index and text[end - 1] in " \t\r\n":
                    end -= 1
            return Span(key_node.start_mark.index, value_node.start_mark.index, end, block), True
    return None, True
