"""What each kind of file may hold: one declarative spec, two uses.

The same field specs check a parsed file (collecting plain-language problems
and returning the parts that are sound) and produce the JSON Schema that
editors use for completion and hover help (``scorecard schema``).

- ``fields``: the checker, the base ``Spec`` and the kinds of single value
  (text, ids, choices, numbers, days, periods), and the words messages share
  (``found``, ``did_you_mean``);
- ``compound``: the kinds that hold other values (``ListOf``, ``MapOf``, ``Obj``);
- ``programme``, ``provider``, ``record``: the spec of each kind of file;
- ``kinds``: the three specs by kind, and ``check`` of a parsed file;
- ``jsonschema``: the JSON Schema of each kind, and its file name.

Rules that need more than one value at a time (a floor on the wrong side of
its target, a score for a criterion that does not exist) live in
``scorecard.data.validation``.

May import: the standard library and other modules of ``scorecard.data`` only.
The names below are re-exported for ``from scorecard.data import schema``.
"""

from __future__ import annotations

from scorecard.data.schema.jsonschema import FILE_NAMES, all_schemas, json_schema
from scorecard.data.schema.kinds import KINDS, check

__all__ = ["FILE_NAMES", "KINDS", "all_schemas", "check", "json_schema"]
