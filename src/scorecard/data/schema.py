"""What each kind of file may hold: one declarative spec, two uses.

The same field specs check a parsed file (collecting plain-language problems
and returning the parts that are sound) and produce the JSON Schema that
editors use for completion and hover help (``scorecard schema``).

Rules that need more than one value at a time (a floor on the wrong side of
its target, a score for a criterion that does not exist) live in
``validation.py``.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from scorecard.data.periods import CADENCES, guess_cadence
from scorecard.data.problems import Problem
from scorecard.data.yaml.document import INVALID, YamlDoc, field_name
from scorecard.data.yaml.scalars import describe_scalar

SLUG_RE = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
SLUG_WORDS = (
    "an id (lower-case letters, digits and -, starting with a letter, at most 64 characters)"
)
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def did_you_mean(word: str, choices: Any) -> str | None:
    """``did you mean 'patch-latency'?`` for the closest choice, if one is close."""
    options = [str(c) for c in choices]
    close = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    if not close:
        lowered = {o.lower(): o for o in options}
        if str(word).lower() in lowered:
            close = [lowered[str(word).lower()]]
    return f"did you mean '{close[0]}'?" if close else None


def found(value: Any, raw: str | None = None) -> str:
    """A value as a person would describe it: ``"abc"``, ``7``, ``a list``."""
    if isinstance(value, bool):
        word = "true" if value else "false"
        return word if raw is None or raw == word else f"{raw} (which YAML reads as {word})"
    if value is None:
        return "nothing (an empty value)" if not raw else f"{raw} (which YAML reads as nothing)"
    if isinstance(value, str):
        return f'"{value}"' if value else "empty text"
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
              key: bool = False) -> None:
        loc = self.doc.key_at(path) if key else self.doc.at(path)
        self.problems.append(Problem(loc, message, field=field_name(path), hint=hint))

    def raw(self, path: tuple[Any, ...]) -> str | None:
        return self.doc.raw.get(path)

    def wrong(self, path: tuple[Any, ...], spec: Spec, value: Any) -> Any:
        """Report a value of the wrong kind; YAML 1.1 re-typing gets its own message."""
        raw = self.raw(path)
        if spec.wants_text and not isinstance(value, str | list | dict):
            text = raw if raw is not None else _scalar_text(value)
            if text:  # an empty value has nothing to quote
                self.error(
                    path,
                    f"YAML read {text} as {describe_scalar(text, value)}; "
                    f"this field expects {spec.expect()}.",
                    f'Write it in quotes: "{text}".',
                )
                return INVALID
        self.error(path, f"expected {spec.expect()}, found {found(value, raw)}")
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
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string"} if self.allow_empty else {"type": "string", "minLength": 1}


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


@dataclass(frozen=True)
class Number(Spec):
    """A number; ``whole`` for whole numbers only."""

    whole: bool = False
    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None  # exclusive minimum

    def expect(self) -> str:
        noun = "a whole number" if self.whole else "a number"
        lo, hi = self.minimum, self.maximum
        if lo is not None and hi is not None:
            return f"{noun} from {_number_text(lo)} to {_number_text(hi)}"
        if lo is not None:
            return f"{noun} of {_number_text(lo)} or more"
        if self.above is not None:
            return f"{noun} above {_number_text(self.above)}"
        if hi is not None:
            return f"{noun} of {_number_text(hi)} or less"
        return noun

    def fits(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if isinstance(value, float) and (self.whole or not math.isfinite(value)):
            return False
        if self.minimum is not None and value < self.minimum:
            return False
        if self.maximum is not None and value > self.maximum:
            return False
        return not (self.above is not None and value <= self.above)

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not self.fits(value):
            return ctx.wrong(path, self, value)
        return value

    def json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"type": "integer" if self.whole else "number"}
        if self.minimum is not None:
            result["minimum"] = self.minimum
        if self.maximum is not None:
            result["maximum"] = self.maximum
        if self.above is not None:
            result["exclusiveMinimum"] = self.above
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


ISO_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Day(Spec):
    """A calendar day: a YAML date, or the same written in quotes."""

    def expect(self) -> str:
        return "a day written as YYYY-MM-DD"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, datetime):
            ctx.error(path, f"expected {self.expect()}, found {found(value, ctx.raw(path))}",
                      "Leave out the time of day.")
            return INVALID
        if isinstance(value, date):
            return value
        if isinstance(value, str) and ISO_DAY_RE.match(value.strip()):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                ctx.error(path, f"{value.strip()} is not a real day")
                return INVALID
        return ctx.wrong(path, self, value)

    def json(self) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": ISO_DAY_RE.pattern}


PERIOD_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$"


@dataclass(frozen=True)
class PeriodText(Spec):
    """A period label in any cadence's form; ``2026`` may be written as a number."""

    def expect(self) -> str:
        return "a period such as 2026-Q3, 2026-07, 2026-H2 or 2026"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2999:
            return str(value)
        if isinstance(value, str) and guess_cadence(value) is not None:
            return value
        if isinstance(value, str):
            ctx.error(path, f"expected {self.expect()}, found {found(value)}")
            return INVALID
        return ctx.wrong(path, self, value)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "pattern": PERIOD_PATTERN},
                          {"type": "integer", "minimum": 1900, "maximum": 2999}]}


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec = field(default_factory=Text)
    min_items: int = 0

    def expect(self) -> str:
        return "a list"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, list):
            return ctx.wrong(path, self, value)
        if len(value) < self.min_items:
            ctx.error(path, f"expected a list of at least {self.min_items}, found "
                      f"{'an empty list' if not value else len(value)}")
        # items that fail keep their place (as INVALID), so paths stay right
        return [self.item.check(v, (*path, i), ctx) if v is not INVALID else INVALID
                for i, v in enumerate(value)]

    def json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            result["minItems"] = self.min_items
        return result


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping whose keys are ids, names or whole numbers, all with one kind of value."""

    key: Spec = field(default_factory=Text)
    value: Spec = field(default_factory=Text)
    key_words: str = "a name"

    def expect(self) -> str:
        return f"a mapping from {self.key_words} to its value (name: value lines)"

    def check_key(self, key: Any, path: tuple[Any, ...], ctx: Checker) -> bool:
        typed = ctx.doc.key_raw.get(path)
        if isinstance(self.key, Number):
            if isinstance(key, int) and self.key.fits(key):
                return True
            text = typed[0] if typed else str(key)
            if isinstance(key, str) and key.isdigit() and self.key.fits(int(key)):
                return True
            ctx.error(path, f"expected {self.key_words}: {self.key.expect()}, found {text}",
                      key=True)
            return False
        if typed is not None:
            text, value = typed
            ctx.error(path, f"YAML read {text} as {describe_scalar(text, value)}; "
                      f"this key should be {self.key_words}.",
                      f'Write it in quotes: "{text}".', key=True)
            return False
        if isinstance(self.key, Slug) and not SLUG_RE.match(str(key)):
            suggestion = slugify(str(key))
            ctx.error(path, f"expected {self.key_words}: {SLUG_WORDS}, found {found(key)}",
                      f"did you mean '{suggestion}'?" if SLUG_RE.match(suggestion) else None,
                      key=True)
            return False
        return True

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, dict):
            return ctx.wrong(path, self, value)
        clean: dict[Any, Any] = {}
        for k, v in value.items():
            sub = (*path, k)
            if not self.check_key(k, sub, ctx):
                continue
            if isinstance(self.key, Number) and isinstance(k, str):
                k = int(k)
            clean[k] = self.value.check(v, sub, ctx) if v is not INVALID else INVALID
        return clean

    def json(self) -> dict[str, Any]:
        names: dict[str, Any]
        if isinstance(self.key, Number):
            names = {"pattern": r"^-?[0-9]+$"}
        elif isinstance(self.key, Slug):
            names = {"pattern": SLUG_RE.pattern}
        else:
            names = {"minLength": 1}
        return {"type": "object", "propertyNames": names,
                "additionalProperties": self.value.schema()}


@dataclass(frozen=True)
class ScoreValue(Spec):
    """A score: null, one number, or evaluator -> rating. Whether it fits its
    criterion (measured or rated, inside the scale) is checked in validation."""

    def expect(self) -> str:
        return "a number, or ratings by evaluator"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, dict):
            return RATINGS.check(value, path, ctx)
        if isinstance(value, list):
            ctx.error(path, f"expected {self.expect()} (Name: rating), found a list",
                      "Write one number, or a mapping such as {Priya Shah: 4, Tom Berg: 3}.")
            return INVALID
        return value  # scalars are judged against their criterion in validation

    def json(self) -> dict[str, Any]:
        return {"anyOf": [
            {"type": "null", "description": "not scored this period"},
            {"type": "number", "description": "a measured value, or the lead's rating"},
            RATINGS.schema(),
        ]}


@dataclass(frozen=True)
class Anything(Spec):
    """A rating inside RATINGS: its range depends on the programme's scale."""

    def expect(self) -> str:
        return "a whole number"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "integer"}


RATINGS = MapOf(
    description="Each evaluator's rating on the programme's scale (each must be in evaluators).",
    key=Text(), value=Anything(description="a whole number on the scale"),
    key_words="an evaluator's name",
)


@dataclass(frozen=True)
class Field:
    name: str
    spec: Spec
    required: bool = False
    description: str = ""
    example: str | None = None
    default: Any = None


@dataclass(frozen=True)
class Obj(Spec):
    """A mapping with named fields; unknown fields are errors."""

    fields: tuple[Field, ...] = ()
    title: str = ""

    def expect(self) -> str:
        return "a group of fields (name: value lines)"

    @property
    def by_name(self) -> Mapping[str, Field]:
        return {f.name: f for f in self.fields}

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, dict):
            if value is None and not path:
                ctx.error(path, "the file holds no fields")
                return INVALID
            return ctx.wrong(path, self, value)
        known = self.by_name
        clean: dict[str, Any] = {}
        for key, v in value.items():
            spec = known.get(key) if isinstance(key, str) else None
            sub = (*path, key)
            if spec is None or sub in ctx.doc.key_raw:
                hint = did_you_mean(key, known)
                if hint is None:
                    hint = f"The fields here are: {', '.join(known)}."
                ctx.error(sub, f"unknown field '{key}'", hint, key=True)
                continue
            if v is INVALID:
                clean[key] = INVALID
                continue
            clean[key] = spec.spec.check(v, sub, ctx)
        for f in self.fields:
            if f.required and f.name not in value:
                hint = f"Add it, e.g. {f.name}: {f.example}" if f.example else None
                ctx.error((*path, f.name), f"the required field '{f.name}' is missing", hint)
        return clean

    def json(self) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for f in self.fields:
            sub = f.spec.schema()
            if f.description:
                sub["description"] = f.description
            if f.default is not None:
                sub["default"] = f.default
            props[f.name] = sub
        result: dict[str, Any] = {"type": "object", "properties": props,
                                  "additionalProperties": False}
        required = [f.name for f in self.fields if f.required]
        if required:
            result["required"] = required
        if self.title:
            result["title"] = self.title
        return result


# --- the three kinds of file -------------------------------------------------

MARKDOWN = "Markdown"

MEASURE = Obj(
    description="Makes the criterion measured: the record gives one number in this unit.",
    fields=(
        Field("unit", Text(), True, "The unit of the number, e.g. % or minutes.", '"%"'),
        Field("target", Number(), True, "The value we contracted for.", "99.9"),
        Field("floor", Number(), False,
              "The worst acceptable value; on the far side of the target from better."),
        Field("better", Choice(options=("higher", "lower")), True,
              "Whether a higher or a lower number is better.", "higher"),
    ),
)

CRITERION = Obj(fields=(
    Field("id", Slug(), True, "Unique across the whole programme; records use it in scores.",
          "availability"),
    Field("name", Text(), True, "The criterion as reports name it.", "Availability"),
    Field("weight", Number(above=0), False, "Weight inside its category (above 0).", default=1),
    Field("explain", Text(), False, "A plain-language gloss shown beside the name."),
    Field("measure", MEASURE, False,
          "Present: a measured criterion. Absent: a rated one, judged on the scale."),
))

CATEGORY = Obj(fields=(
    Field("id", Slug(), True, "The category's id.", "service"),
    Field("name", Text(), True, "The category as reports name it.", "Service delivery"),
    Field("weight", Number(above=0), False,
          "Relative weight of the category (above 0).", default=1),
    Field("criteria", ListOf(item=CRITERION, min_items=1), True,
          "What is evaluated in this category (at least one).", "[...]"),
))

SCALE = Obj(
    description="The rating scale for judged criteria (default 1 to 5).",
    fields=(
        Field("min", Number(whole=True), False, "The lowest rating.", default=1),
        Field("max", Number(whole=True), False, "The highest rating.", default=5),
        Field("labels", MapOf(key=Number(whole=True), value=Text(), key_words="a rating"),
              False, "What each rating means, e.g. {1: Unacceptable, 5: Outstanding}."),
    ),
)

BAND = Obj(fields=(
    Field("name", Text(), True, "The status shown for scores in this band.", "Strong"),
    Field("min", Number(minimum=0, maximum=100), True,
          "The lowest overall score (0-100) in this band.", "80"),
))

CADENCE_SPEC = Choice(options=CADENCES)

PROGRAMME = Obj(
    title="scorecard.yaml: the programme",
    description="What we evaluate and how.",
    fields=(
        Field("organisation", Text(), True, "Whose programme this is.", "Northwind Freight"),
        Field("title", Text(), False, "The title of the reports.", default="Provider scorecards"),
        Field("cadence", CADENCE_SPEC, False, "How often providers are evaluated.",
              default="quarterly"),
        Field("grace_days", Number(whole=True, minimum=0), False,
              "An evaluation is due this many days after its period ends.", default=30),
        Field("min_coverage", Number(minimum=0, maximum=1), False,
              "Below this share of weight scored, no band is given (0 to 1).", default=0.5),
        Field("scale", SCALE, False, "The rating scale for judged criteria."),
        Field("bands", ListOf(item=BAND, min_items=1), False,
              "Overall score (0-100) to status; one band must start at 0."),
        Field("categories", ListOf(item=CATEGORY, min_items=1), True,
              "What is evaluated, grouped and weighted (at least one).", "[...]"),
    ),
)

SERVICE = Obj(fields=(
    Field("id", Slug(), True, "The service's id; records name it in services_used.",
          "service-desk"),
    Field("name", Text(), True, "The service as reports name it.", "Service desk"),
))

CONTRACT = Obj(
    description="INTERNAL: the contract's dates and value.",
    fields=(
        Field("start", Day(), False, "The day the contract started."),
        Field("end", Day(), False, "The day the contract ends."),
        Field("notice_days", Number(whole=True, minimum=0), False,
              "Days of notice needed before the end.", default=0),
        Field("auto_renew", Boolean(), False, "Whether it renews unless notice is given."),
        Field("annual_value", Number(minimum=0), False, "What it costs a year."),
        Field("currency", Text(), False, "The currency of annual_value, e.g. EUR."),
    ),
)

EXIT_PLAN = Obj(
    description="INTERNAL: how ready we are to leave this provider.",
    fields=(
        Field("status", Choice(options=("none", "drafted", "tested")), False,
              "none, drafted or tested.", default="none"),
        Field("reviewed", Day(), False, "The day the plan was last reviewed."),
        Field("alternatives", ListOf(item=Text()), False, "Provider ids or free names."),
        Field("budget", Number(minimum=0), False, "What leaving would cost."),
    ),
)

ACTION = Obj(fields=(
    Field("id", Slug(), True, "Unique among this provider's actions.", "a-7"),
    Field("kind", Choice(options=("deficiency", "idea")), True,
          "deficiency (something to fix) or idea (something to try).", "deficiency"),
    Field("title", Text(), True, "What it is about, in a few words.", "Weekend on-call cover"),
    Field("raised", Day(), True, "The day it was raised.", "2026-07-10"),
    Field("owner", Choice(options=("provider", "us")), False, "Who must act: provider or us."),
    Field("due", Day(), False, "When it must be done (required for deficiencies)."),
    Field("status", Choice(options=("open", "done", "dropped", "proposed", "adopted",
                                    "declined")), True,
          "deficiency: open, done or dropped; idea: proposed, adopted or declined.", "open"),
    Field("closed", Day(), False,
          "The day it was closed; required unless the status is open or proposed."),
    Field("note", Text(), False, f"{MARKDOWN}, shared with the provider."),
    Field("internal_note", Text(), False, f"{MARKDOWN}, INTERNAL."),
))

PROVIDER = Obj(
    title="providers/<provider>.yaml: a provider",
    description="A provider's profile, scope, contract, exit plan and actions.",
    fields=(
        Field("id", Slug(), True, "The provider's id; equals the file name.", "acme"),
        Field("name", Text(), True, "The provider's full name.", "Acme Managed IT Ltd"),
        Field("short_name", Text(), False,
              "How sentences name the provider, e.g. Acme (default: name)."),
        Field("service_area", Text(), False,
              "Providers in one area are compared head to head."),
        Field("cadence", CADENCE_SPEC, False, "Overrides the programme's cadence."),
        Field("lead", Text(), False, "Our team leader who owns this provider's evaluations."),
        Field("contact", Text(), False, "The provider's person who receives the scorecard."),
        Field("services", ListOf(item=SERVICE), False,
              "What the contract lets us use (the scope)."),
        Field("contract", CONTRACT, False, "INTERNAL: the contract."),
        Field("exit_plan", EXIT_PLAN, False, "INTERNAL: the exit plan."),
        Field("actions", ListOf(item=ACTION), False,
              "A running log of deficiencies and ideas."),
    ),
)

NOTES = MapOf(key=Slug(), value=Text(), key_words="a criterion id")

RECORD = Obj(
    title="records/<provider>/<period>.yaml: one evaluation",
    description="One provider's evaluation in one period.",
    fields=(
        Field("provider", Slug(), True, "The provider's id; equals the folder name.", "acme"),
        Field("period", PeriodText(), True,
              "Equals the file name; its form follows the cadence: 2026-07, 2026-Q3, "
              "2026-H2 or 2026.", "2026-Q3"),
        Field("evaluated", Day(), True, "The day the evaluation was completed.", "2026-10-06"),
        Field("lead", Text(), True, "The team leader who owns this evaluation.", "Priya Shah"),
        Field("evaluators", ListOf(item=Text()), False,
              "Who rated (default: the lead alone)."),
        Field("scores", MapOf(key=Slug(), value=ScoreValue(), key_words="a criterion id"),
              False, "Criterion id to result: a number (measured, or the lead's rating), "
              "evaluator to rating, or null for not scored."),
        Field("notes", NOTES, False, f"Criterion id to {MARKDOWN}, shared with the provider."),
        Field("internal_notes", NOTES, False, f"Criterion id to {MARKDOWN}, INTERNAL."),
        Field("summary", Text(), False, f"{MARKDOWN}, shared with the provider."),
        Field("internal", Text(), False, f"{MARKDOWN}, INTERNAL."),
        Field("services_used", ListOf(item=Slug()), False,
              "The contracted services we used this period."),
        Field("provider_response", Text(), False,
              f"{MARKDOWN}: the provider's reply, in its own words, shared."),
    ),
)

KINDS: dict[str, Obj] = {"programme": PROGRAMME, "provider": PROVIDER, "record": RECORD}
FILE_NAMES: dict[str, str] = {
    "programme": "scorecard.schema.json",
    "provider": "provider.schema.json",
    "record": "record.schema.json",
}


def check(kind: str, doc: YamlDoc) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Check a parsed file against its kind's spec: the sound parts and the problems."""
    if doc.value is None:
        return None, []
    ctx = Checker(doc)
    clean = KINDS[kind].check(doc.value, (), ctx)
    if clean is INVALID:
        return None, ctx.problems
    return clean, ctx.problems


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of file."""
    spec = KINDS[kind]
    return {"$schema": JSON_SCHEMA_DIALECT,
            "$id": f"https://scorecard.invalid/schema/{FILE_NAMES[kind]}",
            **spec.schema()}


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: json_schema(kind) for kind in KINDS}
