"""The record skeleton ``scorecard new`` writes for a provider's next period.

Pure: it picks the period and writes the YAML text from the validated data;
``scorecard.cli.new`` reads the data and writes the file. The skeleton lists
every criterion with ``null`` (not scored), so it is a valid record as written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

import yaml

from scorecard.data.model import Criterion, Dataset, Programme, Provider, Record
from scorecard.data.periods import EXAMPLES, Cadence, Period, guess_cadence, parse_period, period_of
from scorecard.data.problems import Location, Problem, shown
from scorecard.data.schema.fields import did_you_mean
from scorecard.figures.rules import Rules, rules_in_force
from scorecard.words.numbers import number_text


@dataclass(frozen=True)
class NewRecord:
    """What ``new`` will write: whose record, for which period, and where."""

    provider: Provider
    period: Period
    path: PurePosixPath  # relative to the data folder: records/PROVIDER/PERIOD.yaml


def next_period(cadence: Cadence, records: Sequence[Record], as_of: date) -> Period:
    """The period whose evaluation is due next.

    The first period after the latest record; with no record, the last period
    that ended before the one holding ``as_of``.
    """
    if records:
        return max(r.period for r in records).next()
    return period_of(as_of, cadence).previous()


def plan(
    dataset: Dataset,
    provider_id: str,
    period_text: str | None,
    as_of: date,
    *,
    data_display: str = "evaluations",
) -> tuple[NewRecord | None, list[Problem]]:
    """Which record to write, or the problems that stop it.

    ``data_display`` is the data folder as the user wrote it, for messages.
    """
    provider = dataset.providers.get(provider_id)
    if provider is None:
        return None, [_unknown_provider(dataset, provider_id, data_display)]
    cadence = dataset.cadence_of(provider)
    records = dataset.records.get(provider_id, ())
    start = provider.evaluated_from  # v1.2: nothing before it is evaluated with this tool
    if period_text is None:
        period = next_period(cadence, records, as_of)
        period = start if start is not None and period < start else period
    else:
        parsed = parse_period(period_text, cadence)
        if parsed is None:
            return None, [_wrong_period(provider, cadence, period_text, data_display)]
        period = parsed
    if start is not None and period < start:
        return None, [_before_adoption(provider, period, start, data_display)]
    path = PurePosixPath("records", provider_id, f"{period.label}.yaml")
    if any(r.period == period for r in records):
        problem = Problem(
            Location(f"{data_display}/{path}"),
            f"{provider.name} already has a record for {period.label}; "
            "`new` never overwrites one.",
            hint="Edit that file, or name another period.",
        )
        return None, [problem]
    return NewRecord(provider, period, path), []


def _unknown_provider(dataset: Dataset, provider_id: str, data_display: str) -> Problem:
    close = did_you_mean(provider_id, dataset.providers)
    if close:
        hint = close[0].upper() + close[1:]
    elif dataset.providers:
        hint = "The providers are: " + ", ".join(dataset.providers) + "."
    else:
        hint = f"Add a provider file in {data_display}/providers/ first."
    return Problem(
        Location(f"{data_display}/providers/{shown(provider_id)}.yaml"),
        f"There is no provider '{shown(provider_id)}'.",
        hint=hint,
        misuse=True,
    )


def _wrong_period(provider: Provider, cadence: Cadence, text: str, data_display: str) -> Problem:
    guessed = guess_cadence(text)
    found = f" (that is the {guessed} form)" if guessed else ""
    return Problem(
        Location(f"{data_display}/providers/{provider.id}.yaml"),
        f"'{shown(text)}' is not a {cadence} period{found}; {provider.name} is evaluated "
        f"{cadence}.",
        hint=f"Write it like {EXAMPLES[cadence]}.",
        misuse=True,
    )


def _before_adoption(provider: Provider, period: Period, start: Period,
                     data_display: str) -> Problem:
    return Problem(
        Location(f"{data_display}/providers/{provider.id}.yaml"),
        f"{period.label} is before {start.label}, the first period {provider.name} is "
        "evaluated with this tool (evaluated_from).",
        hint=f"Name a period from {start.label} on, or move evaluated_from back.",
        misuse=True,
    )


# --- the YAML text ------------------------------------------------------------


def record_skeleton(
    programme: Programme,
    provider: Provider,
    period: Period,
    as_of: date,
    *,
    lead: str | None = None,
    schema_ref: str | None = None,
) -> str:
    """The YAML text of an unfilled record.

    ``lead`` defaults to the provider's; without either, the lead and
    evaluators lines are comments to fill in (the loader then reports the
    missing lead, so the record cannot be committed without one).
    ``schema_ref`` is the path or URL of the record JSON Schema, for editors.
    """
    lead = lead or provider.lead
    out: list[str] = []
    if schema_ref:
        out.append(f"# yaml-language-server: $schema={schema_ref}")
    out += [
        f"# Evaluation of {_line(provider.name)} for {period.describe()}"
        f" ({period.start.isoformat()} to {period.end.isoformat()}).",
        f"# Written by `scorecard new` on {as_of.isoformat()}. Fill in the scores; leave null",
        "# what you did not score. Then run `scorecard validate` and commit.",
        "# A draft is not an evaluation yet: when it is done, change status to final.",
        "status: draft",
        f"provider: {scalar(provider.id)}",
        f"period: {scalar(period.label)}",
        f"evaluated: {as_of.isoformat()}   # the day the evaluation was completed",
    ]
    if lead:
        out += [
            f"lead: {scalar(lead)}   # the team leader who owns this evaluation",
            f"evaluators: [{scalar(lead)}]   # everyone who gives ratings: add names",
        ]
    else:
        out += [
            "# lead: YOUR NAME   # required: the team leader who owns this evaluation",
            "# evaluators: [YOUR NAME]   # everyone who gives ratings",
        ]
    rules = rules_in_force(programme, provider, period)
    here = f"sources/{provider.id}/{period.label}/"  # where a computed figure's file goes
    out += ["", "scores:", *(x.replace(SOURCES, here) for x in _scores(programme, rules)), ""]
    out += _services(provider)
    out += [
        "",
        "# notes:              # shared with the provider: criterion id -> Markdown",
        "#   criterion-id: What the figure does not say.",
        "# internal_notes:     # INTERNAL, never shown to the provider: criterion id -> Markdown",
        "#   criterion-id: What only our team should read.",
        "# summary: |          # shared with the provider (Markdown)",
        "#   The period in a few sentences.",
        "# internal: |         # INTERNAL (Markdown)",
        "#   What only our team should read.",
        "# provider_response: |   # the provider's reply, in its own words (Markdown)",
        "#   ...",
    ]
    return "\n".join(out) + "\n"


def _scores(programme: Programme, rules: Rules) -> list[str]:
    """Every criterion in force for the period that applies to the provider, with
    the target (or scale) in force."""
    scale = programme.scale
    labels = ", ".join(f"{n} {_line(scale.labels[n])}" for n in sorted(scale.labels))
    rating = f"Rated {scale.min} to {scale.max}" + (f": {labels}." if labels else ".")
    lines = [
        "  # A measured criterion takes a number. A rated one takes one rating (the",
        "  # lead's), or one per evaluator: {Ann Lee: 4, Ben Roy: 3}.",
    ]
    for category in rules.categories:
        if not category.criteria:
            continue
        lines += ["", f"  # --- {_line(category.name)} (weight {number_text(category.weight)}) ---"]
        for criterion in category.criteria:
            lines.append(f"  # {_title(criterion)}")
            lines += _computed(criterion) or [
                f"  # {_measure(criterion) or rating}", f"  {criterion.id}: null"]
    return lines


SOURCES = "sources/<provider>/<period>/"


def _computed(criterion: Criterion) -> list[str]:
    """A criterion computed from a source file is left out, saying why (format.md v1.2)."""
    m = criterion.measure
    if m is None or not m.computed_from:
        return []
    name = _line(m.computed_from)
    return [
        f"  # Left out: computed from the source file {SOURCES}{name}.csv",
        "  # (or .xlsx). Commit that file; only without it, write the value here:",
        f"  # {criterion.id}: null",
    ]


def _title(criterion: Criterion) -> str:
    weight = f" (weight {number_text(criterion.weight)})" if criterion.weight != 1 else ""
    explain = f": {_line(criterion.explain)}" if criterion.explain else ""
    return f"{_line(criterion.name)}{weight}{explain}"


def _measure(criterion: Criterion) -> str | None:
    m = criterion.measure
    if m is None:
        return None
    floor = f", floor {number_text(m.floor)}" if m.floor is not None else ""
    target = number_text(m.target)
    return f"Measured in {_line(m.unit)}, {m.better} is better: target {target}{floor}."


def _services(provider: Provider) -> list[str]:
    if not provider.services:
        return ["# services_used: []   # the provider file lists no services"]
    lines = ["services_used:   # the contracted services we used this period: delete the others"]
    for s in provider.services:
        lines.append(f"  - {scalar(s.id)}   # {_line(s.name)}")
    return lines


def scalar(text: str) -> str:
    """``text`` as a YAML scalar that reads back as the same string.

    Plain when YAML would read it back unchanged (``Priya Shah``), else
    double-quoted (``"2026"``, ``"yes"``, ``"a: b"``).
    """
    if text and text.strip() == text and "\n" not in text and "#" not in text:
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _line(text: str) -> str:
    """Text for a one-line comment."""
    return " ".join(text.split())
