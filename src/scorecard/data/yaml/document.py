"""A parsed YAML file: its value, where each part was written, and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scorecard.data.model import Source, YamlPath
from scorecard.data.problems import Location, Problem, shown


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


def field_name(path: YamlPath) -> str | None:
    """The dotted name of a field, leaving out list positions: ``actions.closed``.
    Each name is a key from the data, so it is escaped and cut (``problems.shown``)."""
    names = [shown(p) for p in path if isinstance(p, str)]
    return ".".join(names) if names else None
