"""What ``records/<provider>/<period>.yaml``, one evaluation, may hold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scorecard.data.schema.compound import Field, ListOf, MapOf, Obj
from scorecard.data.schema.days import Day, PeriodText
from scorecard.data.schema.fields import MARKDOWN, Checker, Choice, Number, Slug, Spec, Text
from scorecard.data.yaml.document import INVALID


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


NOTES = MapOf(key=Slug(), value=Text(), key_words="a criterion id")

REPORTED = MapOf(
    description="Measured criterion id to the provider's own figure, in the criterion's unit.",
    key=Slug(), value=Number(description="the provider's figure, in the criterion's unit"),
    key_words="a criterion id",
)

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
        Field("reported", REPORTED, False,
              "The provider's own figures for this period, as it reported them: measured "
              "criterion id to a number in the criterion's unit. Scoring uses our value; "
              "with none, the reported one."),
        Field("services_used", ListOf(item=Slug()), False,
              "The contracted services we used this period."),
        Field("provider_response", Text(), False,
              f"{MARKDOWN}: the provider's reply, in its own words, shared."),
        Field("status", Choice(options=("draft", "final")), False,
              "draft (not yet an evaluation: no figures, no documents) or final.",
              default="final"),
    ),
)
