"""Building the typed ``Programme`` from a checked ``scorecard.yaml``."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from scorecard.data import raw
from scorecard.data.evidence.apply import from_source
from scorecard.data.model import (
    DEFAULT_BANDS,
    DEFAULT_SCALE_LABELS,
    Band,
    Category,
    Change,
    Criterion,
    Distribution,
    Measure,
    Programme,
    Scale,
    Source,
    YamlPath,
)
from scorecard.data.voice import questions
from scorecard.data.yaml.document import INVALID

__all__ = ["build_programme"]


def build_programme(data: Mapping[str, Any], source: Source) -> Programme:
    categories: list[Category] = []
    for i, cat in raw.items(data, "categories"):
        cat_path: YamlPath = ("categories", i)
        cat_id = raw.get(cat, "id", "")
        criteria: list[Criterion] = []
        for j, crit in raw.items(cat, "criteria"):
            crit_path: YamlPath = (*cat_path, "criteria", j)
            crit_id = raw.get(crit, "id")
            if not crit_id:
                continue
            criteria.append(Criterion(
                crit_id, raw.get(crit, "name", crit_id), cat_id,
                weight=raw.as_float(raw.get(crit, "weight"), 1.0),
                explain=raw.get(crit, "explain"),
                measure=_measure(crit.get("measure"), source, (*crit_path, "measure")),
                from_day=raw.get(crit, "from"), until=raw.get(crit, "until"),
                changes=_changes(crit, source, crit_path),
                source=source, path=crit_path,
            ))
        categories.append(Category(
            cat_id, raw.get(cat, "name", cat_id), raw.as_float(raw.get(cat, "weight"), 1.0),
            tuple(criteria), changes=_changes(cat, source, cat_path),
            source=source, path=cat_path,
        ))
    bands = [
        Band(raw.get(b, "name", ""), float(b["min"]), source=source, path=("bands", k))
        for k, b in raw.items(data, "bands")
        if isinstance(raw.get(b, "min"), int | float)
    ]
    if "bands" not in data:
        bands = [Band(name, low, source=source, path=("bands",)) for name, low in DEFAULT_BANDS]
    bands.sort(key=lambda b: -b.min)
    return Programme(
        raw.get(data, "organisation", ""),
        tuple(categories),
        title=raw.get(data, "title", "Provider scorecards"),
        cadence=raw.get(data, "cadence", "quarterly"),
        grace_days=raw.get(data, "grace_days", 30),
        min_coverage=raw.as_float(raw.get(data, "min_coverage"), 0.5),
        concentration_share=raw.as_float(raw.get(data, "concentration_share"), 0.5),
        scale=_scale(data.get("scale"), source),
        bands=tuple(bands),
        distribution=_distribution(data.get("distribution"), source),
        about_us=questions(data, source),
        source=source,
    )


def _distribution(data: Any, source: Source) -> Distribution | None:
    if not isinstance(data, dict):
        return None
    people = raw.get(data, "people", {})
    return Distribution(
        sender=raw.get(data, "from"),
        internal_domains=raw.texts(raw.get(data, "internal_domains")),
        people={k: v for k, v in people.items() if isinstance(v, str)},
        executives=raw.texts(raw.get(data, "executives")),
        reply_days=raw.get(data, "reply_days", 14),
        source=source, path=("distribution",),
    )


def _changes(data: Mapping[str, Any], source: Source, path: YamlPath) -> tuple[Change, ...]:
    """The changes as written; one without a readable ``from`` is reported and left out."""
    return tuple(
        Change(
            ch["from"], target=raw.number(ch, "target"), floor=raw.number(ch, "floor"),
            weight=raw.number(ch, "weight"), source=source, path=(*path, "changes", k),
        )
        for k, ch in raw.items(data, "changes")
        if raw.get(ch, "from") is not None
    )


def _measure(data: Any, source: Source, path: YamlPath) -> Measure | None:
    if data is None:
        return None
    if not isinstance(data, dict):  # written but unreadable: still a measured criterion
        data = {}
    floor = raw.get(data, "floor")
    return Measure(
        raw.get(data, "unit", ""),
        raw.as_float(raw.get(data, "target"), math.nan),
        raw.get(data, "better", "higher"),
        floor=float(floor) if isinstance(floor, int | float) else None,
        min=raw.number(data, "min"), max=raw.number(data, "max"),
        tolerance=raw.as_float(raw.get(data, "tolerance"), 0.0),
        computed_from=from_source(data), source=source, path=path,
    )


def _scale(data: Any, source: Source) -> Scale:
    if not isinstance(data, dict):
        return Scale(labels=DEFAULT_SCALE_LABELS, source=source, path=("scale",))
    low, high = raw.get(data, "min", 1), raw.get(data, "max", 5)
    labels = raw.get(data, "labels")
    if labels is None:
        labels = DEFAULT_SCALE_LABELS if (low, high) == (1, 5) else {}
    labels = {k: v for k, v in labels.items() if v is not INVALID}
    return Scale(low, high, labels, source=source, path=("scale",))
