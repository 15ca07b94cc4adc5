"""Reading values out of a checked YAML mapping: what failed its check (``INVALID``)
reads as absent. Shared by the builders of each file kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scorecard.data.yaml.document import INVALID

__all__ = ["as_float", "get", "items", "number", "texts"]


def get(data: Mapping[str, Any], name: str, default: Any = None) -> Any:
    value = data.get(name, default)
    return default if value is INVALID else value


def items(data: Mapping[str, Any], name: str) -> list[tuple[int, dict[str, Any]]]:
    value = get(data, name, [])
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)]


def as_float(value: Any, default: float) -> float:
    return float(value) if isinstance(value, int | float) else default


def texts(value: Any) -> tuple[str, ...]:
    """One text or a list of them, as a tuple; what failed its check is left out."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(v for v in value if isinstance(v, str))
    return ()


def number(data: Mapping[str, Any], name: str) -> float | None:
    value = get(data, name)
    return float(value) if isinstance(value, int | float) else None
