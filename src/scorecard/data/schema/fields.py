"""The field kinds for single values, and the checker that collects problems.

``Spec`` is one kind of value: it says what it expects, checks a parsed value
(reporting plain-language problems to a ``Checker``) and describes itself as
JSON Schema. Here are the kinds that hold one value (text, ids, choices,
numbers; days and periods are in ``days``) and the words the messages share (``found``,
``did_you_mean``); ``compound`` has the kinds that hold other values.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from scorecard.data.problems import Problem, shown
from scorecard.data.schema.characters import LONGEST_TEXT, character_problem
from scorecard.data.yaml.document import INVALID, YamlDoc, field_name
from scorecard.data.yaml.scalars import describe_scalar

SLUG_RE = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
SLUG_WORDS = (
    "an id (lower-case letters, digits and -, starting with a letter, at most 64 characters)"
)


def did_you_mean(word: str, choices: Any, *, slugs: bool = False) -> str | None:
    """``did you mean 'patch-latency'?`` for the closest choice, if one is close.
    With ``slugs``, only valid ids are suggested (a malformed id is kept in the data
    so that other rules can run, but it is never a suggestion)."""
    options = [str(c) for c in choices if not slugs or SLUG_RE.match(str(c))]
    close = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    if not close:
        lowered = {o.lower(): o for o in options}
        if str(word).lower() in lowered:
            close = [lowered[str(word).lower()]]
    return f"did you mean '{shown(close[0])}'?" if close else None


def found(value: Any, raw: str | None = None) -> str:
    """A value as a person would describe it: ``"abc"``, ``7``, ``a list``."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        if raw is None or raw == word:
            return word
        return f"{shown(raw)} (which YAML reads as {word})"
    if value is None:
        if not raw:
            return "nothing (an empty value)"
        return f"{shown(raw)} (which YAML reads as nothing)"
    if isinstance(value, str):
        return f'"{shown(value)}"' if value else "empty text"
    if isinstance(value, int | float):
        return raw if raw is not None else f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, datetime):
        return f"a date and time ({raw or value.isoformat(sep=' ')})"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__  # pragma: no cover - YAML gives nothing else


def _number_text(value: float) -> str:
    return f"{value:g}"


class Checker:
    """Collects the problems of one file while its specs check it."""

    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def error(self, path: tuple[Any, ...], message: str, hint: str | None = None, *,
              key: bool = False, rule: str = "schema/invalid-value") -> None:
        loc = self.doc.key_at(path) if key else self.doc.at(path)
        self.problems.append(Problem(loc, message, field=field_name(path), hint=hint,
                                     rule=rule))

    def raw(self, path: tuple[Any, ...]) -> str | None:
        return self.doc.raw.get(path)

    def wrong(self, path: tuple[Any, ...], spec: Spec, value: Any) -> Any:
        """Report a value of the wrong kind; YAML re-typing gets its own message."""
        raw = self.raw(path)
        if spec.wants_text and not isinstance(value, str | list | dict):
            text = raw if raw is not None else _scalar_text(value)
            if text:  # an empty value has nothing to quote
                self.error(
                    path,
                    f"YAML read {shown(text)} as {describe_scalar(text, value)}; "
                    f"this field expects {spec.expect()}.",
                    f'Write it in quotes: "{shown(text)}".',
                    rule="schema/yaml-retyped",
                )
                return INVALID
        self.error(path, f"expected {spec.expect()}, found {found(value, raw)}",
                   rule="schema/wrong-kind")
        return INVALID


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


# --- specs -------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One kind of value. Subclasses say what they expect, check and describe it."""

    description: str = ""
    wants_text = False

    def expect(self) -> str:
        raise NotImplementedError

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        result = self.json()
        if self.description:
            result = {"description": self.description, **result}
        return result


@dataclass(frozen=True)
class Text(Spec):
    """Free text on one line or many. Markdown where the description says so."""

    allow_empty: bool = False
    wants_text = True

    def expect(self) -> str:
        return "text"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, str):
            return ctx.wrong(path, self, value)
        if not value.strip() and not self.allow_empty:
            ctx.error(path, "expected text, found empty text")
            return INVALID
        return value if text_fits(value, path, ctx) else INVALID

    def json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"type": "string", "maxLength": LONGEST_TEXT}
        return result if self.allow_empty else {**result, "minLength": 1}


def text_fits(text: str, path: tuple[Any, ...], ctx: Checker, *, key: bool = False) -> bool:
    """Whether the documents can show ``text``: not too long, every character drawable.
    Reports the problem when not."""
    if len(text) > LONGEST_TEXT:
        ctx.error(path, f"expected text of at most {LONGEST_TEXT:,} characters, found "
                  f"{len(text):,}", "Shorten it, or keep the long version elsewhere and "
                  "link to it.", key=key)
        return False
    problem = character_problem(text)
    if problem is not None:
        ctx.error(path, problem[0], problem[1], key=key)
        return False
    return True


def slugify(text: str) -> str:
    """The slug a person most likely meant: ``Patch Latency`` -> ``patch-latency``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:64]


@dataclass(frozen=True)
class Slug(Spec):
    """An identifier. A malformed id is reported but kept, to avoid knock-on errors."""

    wants_text = True

    def expect(self) -> str:
        return SLUG_WORDS

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, str):
            return ctx.wrong(path, self, value)
        if not SLUG_RE.match(value):
            suggestion = slugify(value)
            hint = (f"did you mean '{suggestion}'?"
                    if suggestion and SLUG_RE.match(suggestion) else None)
            ctx.error(path, f"expected {SLUG_WORDS}, found {found(value)}", hint)
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG_RE.pattern}


@dataclass(frozen=True)
class Choice(Spec):
    options: tuple[str, ...] = ()
    wants_text = True

    def expect(self) -> str:
        *first, last = self.options
        return f"one of {', '.join(first)} or {last}" if first else last

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, str):
            return ctx.wrong(path, self, value)
        if value not in self.options:
            ctx.error(path, f"expected {self.expect()}, found {found(value)}",
                      did_you_mean(value, self.options))
            return INVALID
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.options)}


LARGEST = 1_000_000_000_000
"""No number in the data may be larger than this (a million million), in either
direction: every figure stays exact in floating point and in the documents' words."""

MAGNITUDE_FIX = "Check for extra digits or a misplaced decimal point."


def limit_text(value: float) -> str:
    """A limit as people write it: ``3650``, ``1,000,000,000,000``, ``0.5``."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return _number_text(value)


def is_number(value: Any) -> bool:
    """A YAML number (not true or false), whole or with a point; NaN and infinity too."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def _reads_as_number(text: str) -> bool:
    """Whether Python would read ``text`` as a finite number that YAML 1.1 reads as text
    (``1e3``, ``1E-5``: no point, or no sign in the exponent)."""
    if "e" not in text.lower():
        return False
    try:
        return math.isfinite(float(text.strip()))
    except ValueError:
        return False


@dataclass(frozen=True)
class Number(Spec):
    """A number; ``whole`` for whole numbers only. Every number lies between
    -LARGEST and LARGEST unless ``minimum`` and ``maximum`` narrow it; ``fix``
    is the likely fix for a number outside its range."""

    whole: bool = False
    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None  # exclusive minimum
    fix: str | None = None

    @property
    def lowest(self) -> float:
        return self.minimum if self.minimum is not None else -LARGEST

    @property
    def highest(self) -> float:
        return self.maximum if self.maximum is not None else LARGEST

    def expect(self) -> str:
        noun = "a whole number" if self.whole else "a number"
        lo, hi = self.minimum, self.maximum
        if lo is not None and hi is not None:
            return f"{noun} from {limit_text(lo)} to {limit_text(hi)}"
        if lo is not None:
            return f"{noun} of {limit_text(lo)} or more"
        if self.above is not None:
            return f"{noun} above {limit_text(self.above)}"
        if hi is not None:
            return f"{noun} of {limit_text(hi)} or less"
        return noun

    def expect_range(self) -> str:
        """What is expected, with both limits: for a number outside them."""
        noun = "a whole number" if self.whole else "a number"
        if self.above is not None and self.minimum is None:
            return (f"{noun} above {limit_text(self.above)} and at most "
                    f"{limit_text(self.highest)}")
        return f"{noun} from {limit_text(self.lowest)} to {limit_text(self.highest)}"

    def is_kind(self, value: Any) -> bool:
        """A number of the right kind, whatever its size."""
        if not is_number(value):
            return False
        return not (isinstance(value, float) and (self.whole or not math.isfinite(value)))

    def in_range(self, value: float) -> bool:
        if value < self.lowest or value > self.highest:
            return False
        return not (self.above is not None and value <= self.above)

    def fits(self, value: Any) -> bool:
        return self.is_kind(value) and self.in_range(value)

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, str) and _reads_as_number(value):
            ctx.error(path, f"expected {self.expect()}, found {found(value)}",
                      f"YAML reads {value.strip()} as text, not a number: write it in digits, "
                      "or with a point and a signed exponent (1.0e+3 for 1e3).")
            return INVALID
        if not self.is_kind(value):
            return ctx.wrong(path, self, value)
        if not self.in_range(value):
            ctx.error(path, f"expected {self.expect_range()}, found {found(value, ctx.raw(path))}",
                      self.fix or MAGNITUDE_FIX)
            return INVALID
        return value

    def json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"type": "integer" if self.whole else "number",
                                  "minimum": self.lowest, "maximum": self.highest}
        if self.above is not None:
            result["exclusiveMinimum"] = self.above
            if self.minimum is None:
                del result["minimum"]
        return result


@dataclass(frozen=True)
class Boolean(Spec):
    def expect(self) -> str:
        return "true or false"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, bool):
            return ctx.wrong(path, self, value)
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


MARKDOWN = "Markdown"
