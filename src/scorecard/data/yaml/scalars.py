"""YAML's plain scalars: their tags, their values from text, and what they are in words.

Plain scalars are typed by YAML 1.2's core schema, as editors with
yaml-language-server read them: ``no``, ``on`` and ``yes`` are text, ``0755``
is 755 and ``1:30`` is text (YAML 1.1 made them false, true, 493 and 90). Only
``true``/``false``, ``null``/``~``, numbers as JSON writes them (and ``0o``/``0x``
integers) are not text; and, beyond the core schema, a date such as
``2026-11-26`` is a date (an editor checks it as text of that form).
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from scorecard.data.problems import shown

_TAG = "tag:yaml.org,2002:"
STR = _TAG + "str"
INT = _TAG + "int"
FLOAT = _TAG + "float"
BOOL = _TAG + "bool"
NULL = _TAG + "null"
TIMESTAMP = _TAG + "timestamp"
SEQ = _TAG + "seq"
MAP = _TAG + "map"
MERGE = _TAG + "merge"


# --- scalars -----------------------------------------------------------------

_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d*))?"
    r"(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?))?$"
)

# (tag, pattern, first characters): YAML 1.2's core schema, plus dates
IMPLICIT_RESOLVERS: tuple[tuple[str, re.Pattern[str], list[str | None]], ...] = (
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    (INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789")),
    (FLOAT, re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                       r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"), list("-+0123456789.")),
    (NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    (TIMESTAMP, re.compile(
        r"^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
        r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?)$"), list("0123456789")),
    (MERGE, re.compile(r"^<<$"), ["<"]),
)


class ScalarError(ValueError):
    """A scalar whose text cannot be the value its tag says."""


def _int(text: str) -> int:
    """A whole number by YAML 1.2's rules (``0755`` is 755; ``0o755`` is octal).
    An explicit ``!!int`` tag may still carry YAML 1.1's forms, read the same way."""
    t = text.replace("_", "")
    sign = 1
    if t[:1] in "+-":
        sign = -1 if t[0] == "-" else 1
        t = t[1:]
    if not t:
        raise ScalarError(text)
    for prefix, base in (("0b", 2), ("0o", 8), ("0x", 16)):
        if t.lower().startswith(prefix):
            return sign * int(t[2:], base)
    return sign * int(t)


def _float(text: str) -> float:
    t = text.replace("_", "").lower()
    sign = 1.0
    if t[:1] in "+-":
        sign = -1.0 if t[0] == "-" else 1.0
        t = t[1:]
    if t == ".inf":
        return sign * math.inf
    if t == ".nan":
        return math.nan
    return sign * float(t)


def _timestamp(text: str) -> date | datetime:
    match = _DATE_RE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            raise ScalarError(f"{shown(text)} is not a real day") from None
    match = _DATETIME_RE.match(text)
    if not match:
        raise ScalarError(f"{shown(text)} is not a date")
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction = match.group(7) or ""
    micro = int((fraction + "000000")[:6]) if fraction else 0
    tz: timezone | None = None
    zone = match.group(8)
    if zone:
        if zone == "Z":
            tz = UTC
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            hours = int(digits[:-2] or digits) if len(digits) > 2 else int(digits)
            minutes = int(digits[-2:]) if len(digits) > 2 else 0
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError:
        raise ScalarError(f"{shown(text)} is not a real date and time") from None


def _null(text: str) -> None:
    return None


def _bool(text: str) -> bool:
    return text.lower() == "true"


SCALARS: dict[str, Any] = {
    INT: _int,
    FLOAT: _float,
    BOOL: _bool,
    NULL: _null,
    TIMESTAMP: _timestamp,
}

KIND_WORDS = {INT: "a whole number", FLOAT: "a number", BOOL: "true or false",
               NULL: "null", TIMESTAMP: "a date"}


def short_tag(tag: str) -> str:
    if tag.startswith(_TAG):
        return "!!" + tag[len(_TAG):]
    return tag


def describe_scalar(raw: str, value: Any) -> str:
    """What YAML made of a plain scalar, in words: "the boolean false"."""
    if value is None:
        return "nothing (null)"
    if value is True or value is False:
        return f"the boolean {'true' if value else 'false'}"
    if isinstance(value, datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, float):
        return f"the number {value:g}" if math.isfinite(value) else f"the number {value}"
    return f"the number {value}"
