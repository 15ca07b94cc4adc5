"""A form's text into record values: numbers for figures, whole numbers for ratings,
cleaned text for notes, summaries and the reply; each mistake named by its field."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["NUMBER_FIELDS", "RATING_FIELDS", "parse_value", "same"]

NUMBER_FIELDS = ("score.", "reported.")
RATING_FIELDS = ("rating.", "self.", "about_us.")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 and C1 controls


def _number(name: str, text: str) -> float | int:
    bare = text.replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.fullmatch(bare):
        raise ValueError(f"{name}: expected a number (digits, with a point for decimals), "
                         f"found {text!r}")
    value = float(bare.replace(",", "."))
    if abs(value) > 1e12:
        raise ValueError(f"{name}: {text!r} is too large to be a figure")
    return int(value) if value.is_integer() and not re.search(r"[.,]", bare) else value


def _rating(name: str, text: str) -> int:
    head = text.split(" ", 1)[0]  # a viewer may give the option's words: "4 - Good"
    if not re.fullmatch(r"[+-]?\d{1,4}", head):
        raise ValueError(f"{name}: expected a rating (a whole number on the scale), "
                         f"found {text!r}")
    return int(head)


def _words(text: str) -> str:
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    if len(lines) == 1:
        return lines[0].strip()
    return "\n".join(lines) + "\n"


def parse_value(name: str, text: str) -> Any:
    """The value the field ``name`` holds, or None when it was left empty."""
    if not text.strip():
        return None
    if name.startswith(NUMBER_FIELDS):
        return _number(name, text.strip())
    if name.startswith(RATING_FIELDS):
        return _rating(name, text.strip())
    return _words(text)


def same(current: Any, new: Any) -> bool:
    """Whether the record already holds ``new``."""
    if isinstance(current, bool):
        return False
    if isinstance(current, int | float) and isinstance(new, int | float):
        return float(current) == float(new)
    if isinstance(current, str) and isinstance(new, str):
        return current.rstrip("\n") == new.rstrip("\n")
    return bool(current == new)
