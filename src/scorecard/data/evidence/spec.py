"""The programme's ``calendars:``, ``sources:`` and every ``measure.from``, read
from the checked ``scorecard.yaml`` into plain objects, each with its location.

``read_spec`` never raises: what is unsound is left out, and ``rules`` reports
it (the field checks already reported wrong types).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from scorecard.data.evidence.presets import PRESETS
from scorecard.data.model import Source, YamlPath
from scorecard.data.problems import Location

SourceKind = Literal["tickets", "outages", "reported"]
KINDS: tuple[SourceKind, ...] = ("tickets", "outages", "reported")
DURATIONS = ("median", "mean", "p90", "max")
OPERATIONS = ("count", "share_within", *DURATIONS, "share_true", "availability")
DURATION_UNITS = {"minutes": 1.0, "hours": 60.0, "days": 1440.0}

# the fields each kind of source knows, and those it needs
FIELDS: dict[SourceKind, tuple[str, ...]] = {
    "tickets": ("id", "opened", "priority", "responded", "resolved", "paused", "service"),
    "outages": ("id", "start", "end", "service", "planned"),
    "reported": ("criterion", "value"),
}
REQUIRED: dict[SourceKind, tuple[str, ...]] = {
    "tickets": ("id", "opened"), "outages": ("start", "end"),
    "reported": ("criterion", "value"),
}
TIME_FIELDS = {"opened", "responded", "resolved", "start", "end"}

_LIMIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d)\s*$")


def limit_minutes(text: str) -> float | None:
    """``30m``, ``4h``, ``2d`` in minutes; None when it is not written so."""
    match = _LIMIT.match(text)
    if not match:
        return None
    return float(match.group(1)) * {"m": 1, "min": 1, "h": 60, "d": 1440}[match.group(2)]


@dataclass(frozen=True)
class CalendarSpec:
    name: str
    timezone: str
    hours: str
    holidays: str | None
    closed: tuple[date, ...]
    location: Location


@dataclass(frozen=True)
class SourceSpec:
    name: str
    kind: SourceKind
    columns: Mapping[str, str]  # field -> the column's name in the file (preset merged)
    timezone: str
    day_first: bool
    location: Location
    preset: str | None = None

    def column(self, name: str) -> str:
        """The file's column for a field, or the name itself (a column named directly)."""
        return self.columns.get(name, name)


@dataclass(frozen=True)
class FromSpec:
    """One criterion's ``measure.from``."""

    criterion: str
    source: str
    operation: str  # one of OPERATIONS; "" when none or several were written
    unit: str
    target: float
    better: str
    location: Location
    path: YamlPath
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    start: str = "opened"  # the ``from`` field of the duration
    end: str = "resolved"  # the ``to`` field
    limit: float | None = None  # minutes
    limit_text: str = ""
    calendar: str | None = None
    flag: str = ""  # share_true: the field or column


@dataclass(frozen=True)
class EvidenceSpec:
    calendars: Mapping[str, CalendarSpec] = field(default_factory=dict)
    sources: Mapping[str, SourceSpec] = field(default_factory=dict)
    computed: Mapping[str, FromSpec] = field(default_factory=dict)  # by criterion id


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any, default: str | None = None) -> str | None:
    return value if isinstance(value, str) else default


def _calendars(data: Mapping[str, Any], source: Source) -> dict[str, CalendarSpec]:
    result: dict[str, CalendarSpec] = {}
    for name, cal in _dict(data.get("calendars")).items():
        cal = _dict(cal)
        closed = cal.get("closed")
        result[str(name)] = CalendarSpec(
            str(name), _text(cal.get("timezone"), "UTC") or "UTC",
            _text(cal.get("hours"), "") or "", _text(cal.get("holidays")),
            tuple(d for d in closed if isinstance(d, date)) if isinstance(closed, list) else (),
            source.at(("calendars", name)),
        )
    return result


def _sources(data: Mapping[str, Any], source: Source) -> dict[str, SourceSpec]:
    result: dict[str, SourceSpec] = {}
    for name, src in _dict(data.get("sources")).items():
        src = _dict(src)
        kind = src.get("kind")
        if kind not in KINDS:
            continue
        preset = _text(src.get("preset"))
        columns = dict(PRESETS.get(preset or "", {}).get(kind, {}))
        columns.update({k: v for k, v in _dict(src.get("columns")).items()
                        if isinstance(v, str)})
        if kind == "reported":
            columns = {"criterion": "criterion", "value": "value", **columns}
        result[str(name)] = SourceSpec(
            str(name), kind, columns, _text(src.get("timezone"), "UTC") or "UTC",
            src.get("day_first") is True, source.at(("sources", name)), preset,
        )
    return result


def _operation(spec: Mapping[str, Any]) -> str:
    present = [op for op in OPERATIONS if op in spec and spec[op] is not False]
    return present[0] if len(present) == 1 else ""


def _from(cid: str, measure: Mapping[str, Any], source: Source, path: YamlPath) -> FromSpec:
    spec = _dict(measure.get("from"))
    op = _operation(spec)
    args = _dict(spec.get(op)) if op else {}
    where = {str(k): tuple(str(x) for x in (v if isinstance(v, list) else [v]))
             for k, v in _dict(spec.get("where")).items()}
    limit_text = _text(args.get("limit"), "") or ""
    target = measure.get("target")
    return FromSpec(
        cid, _text(spec.get("source"), "") or "", op,
        _text(measure.get("unit"), "") or "",
        float(target) if isinstance(target, int | float) else float("nan"),
        _text(measure.get("better"), "higher") or "higher",
        source.at((*path, "from")), (*path, "from"), where,
        start=_text(args.get("from"), "opened") or "opened",
        end=_text(args.get("to"), "resolved") or "resolved",
        limit=limit_minutes(limit_text) if limit_text else None, limit_text=limit_text,
        calendar=_text(args.get("calendar")),
        flag=_text(spec.get("share_true"), "") or "" if op == "share_true" else "",
    )


def read_spec(data: Any, source: Source) -> EvidenceSpec:
    """What the programme says about computed values."""
    data = _dict(data)
    computed: dict[str, FromSpec] = {}
    for i, cat in enumerate(data.get("categories") or []):
        for j, crit in enumerate(_dict(cat).get("criteria") or []):
            crit = _dict(crit)
            measure = _dict(crit.get("measure"))
            cid = crit.get("id")
            if isinstance(cid, str) and isinstance(measure.get("from"), dict):
                path: YamlPath = ("categories", i, "criteria", j, "measure")
                computed.setdefault(cid, _from(cid, measure, source, path))
    return EvidenceSpec(_calendars(data, source), _sources(data, source), computed)
