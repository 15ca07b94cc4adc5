"""What ``calendars:``, ``sources:`` and a measure's ``from`` may hold (format.md v1.2)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scorecard.data.evidence.presets import PRESETS
from scorecard.data.evidence.spec import KINDS
from scorecard.data.schema.compound import Field, ListOf, MapOf, Obj, OneOrList
from scorecard.data.schema.days import Day
from scorecard.data.schema.fields import Boolean, Checker, Choice, Slug, Spec, Text, is_number


@dataclass(frozen=True)
class Cell(Spec):
    """A value to compare with a cell of a source file: text, or a number written bare."""

    def expect(self) -> str:
        return "a value as the file has it (text or a number)"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, str) or is_number(value):
            return str(value)
        return ctx.wrong(path, self, value)

    def json(self) -> dict[str, Any]:
        return {"type": ["string", "number"]}


CALENDAR = Obj(
    description="Business hours: when the clock runs for durations and availability.",
    fields=(
        Field("timezone", Text(), True, "An IANA time zone.", "Europe/Amsterdam"),
        Field("hours", Text(), True, "When the clock runs; several ranges with commas.",
              '"Mon-Fri 08:00-18:00"'),
        Field("holidays", Text(), False,
              "A country (ISO 3166, e.g. NL or DE-BY): its public holidays are closed all day."),
        Field("closed", ListOf(item=Day()), False, "More days closed all day."),
    ),
)

SOURCE = Obj(
    description="A kind of source file: sources/<provider>/<period>/<name>.csv or .xlsx.",
    fields=(
        Field("kind", Choice(options=KINDS), True,
              "tickets, outages, or reported (the provider's own figures).", "tickets"),
        Field("preset", Choice(options=tuple(PRESETS)), False,
              "The column names of a known export (see the README)."),
        Field("columns", MapOf(key=Text(), value=Text(), key_words="a field"), False,
              "Field -> the column's name in the file; overrides the preset."),
        Field("timezone", Text(), False, "The zone of timestamps that carry none.",
              default="UTC"),
        Field("day_first", Boolean(), False, "03/10/2026 is 3 October.", default=False),
    ),
)

_SPAN = (
    Field("from", Text(), False, "The field the duration starts at.", default="opened"),
    Field("to", Text(), False, "The field the duration ends at.", default="resolved"),
    Field("calendar", Slug(), False, "Count only business hours of this calendar."),
)
_DURATION = Obj(description="A duration, in the criterion's unit.", fields=_SPAN)

FROM = Obj(
    description="Computed from a source file; exactly one computation key.",
    fields=(
        Field("source", Slug(), True, "The source, as named under sources:.", "tickets"),
        Field("where", MapOf(key=Text(), value=OneOrList(item=Cell()),
                             key_words="a field or column"), False,
              "Only rows whose field has one of these values."),
        Field("count", Boolean(), False, "The number of rows."),
        Field("share_within", Obj(fields=(
            *_SPAN, Field("limit", Text(), True, "The limit, e.g. 30m or 4h.", '"4h"'))),
            False, "Per cent of rows whose duration is within the limit."),
        Field("median", _DURATION, False, "The middle duration."),
        Field("mean", _DURATION, False, "The mean duration."),
        Field("p90", _DURATION, False, "The duration at rank ceil(0.9 n)."),
        Field("max", _DURATION, False, "The longest duration."),
        Field("share_true", Text(), False, "Per cent of rows where this field is yes."),
        Field("availability", Obj(fields=(_SPAN[2],)), False,
              "Availability from an outages source."),
    ),
)

CALENDARS = MapOf(key=Slug(), value=CALENDAR, key_words="a calendar's name")
SOURCES = MapOf(key=Slug(), value=SOURCE, key_words="a source's name")
