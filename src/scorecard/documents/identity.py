"""A document's identity and its content (scoring.md v1.2, "Documents issued once,
revised only when their content changes").

A document's identity is its kind, audience, provider and period: the HTML and
the PDF of one scorecard are one document. Its content is what it shows of the
data: every figure and text the template receives, and the day it is as of;
not the stylesheet, the templates, the fonts or the version of scorecard,
WeasyPrint or Pango, which change its bytes and nothing a reader is told.

:func:`content_of` is a sha256 over the document's view model (what the
template receives) written canonically, leaving out what is look or provenance:
the page size and language, the commit it names and its draft mark (provenance
of the content, not content), and the charts' SVG (drawn from figures the view
already holds). Because it is taken over the whole view model, a figure or text
that a later feature adds to a view is covered without more work. The manifest
lists it for every file of the document, and the sent log records it, so
``scorecard send`` tells a revised document from a re-rendered one.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

__all__ = ["LOOK", "content_of", "identity_of"]

# What the template receives that is look or provenance, not content.
LOOK = frozenset({"page_size", "lang", "commit", "commit_day", "dirty", "short_commit"})


def identity_of(kind: str, audience: str, provider: str | None,
                period: str | None) -> tuple[str, str, str | None, str | None]:
    """(kind, audience, provider, period): one document, whatever its formats."""
    return kind, audience, provider, period


def _is_chart(value: str) -> bool:
    return value.lstrip().startswith("<svg")


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind)
                                      if f.name not in LOOK)
    return found


def _canonical(value: Any, done: dict[int, Any]) -> Any:
    """``value`` as plain JSON values, in a stable order, without look. ``done``: the
    objects already written in this document (a view shares parts with another)."""
    if isinstance(value, str):
        return None if _is_chart(value) else str(value)  # Markup too, as its text
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return repr(value)
    key = id(value)
    if key in done:
        return done[key]
    found: Any
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = {name: _canonical(getattr(value, name), done) for name in _fields(type(value))}
    elif isinstance(value, Mapping):
        found = {str(k): _canonical(v, done)
                 for k, v in sorted(value.items(), key=lambda i: str(i[0]))
                 if str(k) not in LOOK}
    elif isinstance(value, (list, tuple)):
        found = [_canonical(v, done) for v in value]
    elif isinstance(value, (set, frozenset)):
        found = sorted((_canonical(v, done) for v in value), key=json.dumps)
    elif isinstance(value, (date, datetime)):
        found = value.isoformat()
    elif isinstance(value, enum.Enum):
        found = _canonical(value.value, done)
    else:
        found = f"{type(value).__name__}:{value!s}"
    done[key] = found
    return found


def content_of(context: Mapping[str, Any]) -> str:
    """The content fingerprint of a document whose template receives ``context``."""
    text = json.dumps(_canonical(context, {}), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
