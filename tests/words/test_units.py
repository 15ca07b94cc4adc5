"""Every unit of the demo and ``init`` programmes, in every sentence form:
met, missed, past the floor (or no floor), and not scored."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from factories import period, score
from scorecard.data.model import Criterion, Measure, Scale
from scorecard.figures.priorities import MissedTarget
from scorecard.figures.scoring import criterion_result
from scorecard.words.criteria import criterion_sentences
from scorecard.words.numbers import gap_text, value_text
from scorecard.words.priorities import fix_first_sentences
from scorecard.words.renewal import gap_words

ROOT = Path(__file__).resolve().parents[2]
PROGRAMMES = (
    ROOT / "evaluations" / "scorecard.yaml",
    ROOT / "src" / "scorecard" / "authoring" / "scaffold" / "evaluations" / "scorecard.yaml",
)
Q3 = period("2026-Q3")


def _measures() -> list[tuple[str, Measure]]:
    found: list[tuple[str, Measure]] = []
    for path in PROGRAMMES:
        # The init scaffold has placeholders such as @ORGANISATION@; they are not measures.
        text = re.sub(r"@[A-Z_]+@", "x", path.read_text(encoding="utf-8"))
        data: dict[str, Any] = yaml.safe_load(text)
        for cat in data["categories"]:
            for c in cat["criteria"]:
                m = c.get("measure")
                if m:
                    found.append((f"{path.parent.parent.name}:{c['id']}", Measure(
                        unit=m["unit"], target=float(m["target"]), better=m["better"],
                        floor=float(m["floor"]) if m.get("floor") is not None else None,
                    )))
    return found


MEASURES = _measures()


def _say(measure: Measure, value: float | None) -> list[str]:
    crit = Criterion("c", "Thing", "k", measure=measure)
    cr = criterion_result(crit, score(value), Scale())
    return criterion_sentences(cr, Scale(), Q3, internal=False)


def test_the_programmes_have_the_units_we_test_by_hand() -> None:
    units = {m.unit for _, m in MEASURES}
    assert units == {"%", "minutes", "days", "findings", "incidents", "% over budget"}


# Worked by hand: (unit, target, floor, better), value, what is said.
CASES = [
    # met
    (("%", 99.9, 99.0, "higher"), 99.95,
     ["Thing: 99.95% against a target of 99.9%.", "The target was met."]),
    (("% over budget", 0, 10, "lower"), 0,
     ["Thing: 0% over budget against a target of 0% over budget.", "The target was met."]),
    # missed, between the target and the floor
    (("%", 99.9, 99.0, "higher"), 99.2,
     ["Thing: 99.2% against a target of 99.9%.",
      "That is 0.7 percentage points short of the target."]),
    (("%", 0, 10, "lower"), 3,
     ["Thing: 3% against a target of 0%.", "That is 3 percentage points more than agreed."]),
    (("% over budget", 0, 10, "lower"), 2.5,
     ["Thing: 2.5% over budget against a target of 0% over budget.",
      "That is 2.5 percentage points more than agreed."]),
    (("% over budget", 0, 10, "lower"), 1,
     ["Thing: 1% over budget against a target of 0% over budget.",
      "That is 1 percentage point more than agreed."]),
    (("minutes", 15, 60, "lower"), 24,
     ["Thing: 24 minutes against a target of 15.", "That is 9 minutes slower than agreed."]),
    (("days", 14, 45, "lower"), 15,
     ["Thing: 15 days against a target of 14.", "That is 1 day slower than agreed."]),
    (("incidents", 0, 2, "lower"), 1,
     ["Thing: 1 incident against a target of 0.", "That is 1 incident more than agreed."]),
    # past the floor, or at it
    (("minutes", 30, 120, "lower"), 150,
     ["Thing: 150 minutes against a target of 30.", "That is 120 minutes slower than agreed.",
      "It is past the floor of 120, so it scores 0."]),
    (("days", 14, 45, "lower"), 45,
     ["Thing: 45 days against a target of 14.", "That is 31 days slower than agreed.",
      "It is at the floor of 45, so it scores 0."]),
    (("%", 95, 80, "higher"), 70,
     ["Thing: 70% against a target of 95%.", "That is 25 percentage points short of the target.",
      "It is past the floor of 80%, so it scores 0."]),
    (("% over budget", 0, 10, "lower"), 12.5,
     ["Thing: 12.5% over budget against a target of 0% over budget.",
      "That is 12.5 percentage points more than agreed.",
      "It is past the floor of 10% over budget, so it scores 0."]),
    (("incidents", 0, 2, "lower"), 3,
     ["Thing: 3 incidents against a target of 0.", "That is 3 incidents more than agreed.",
      "It is past the floor of 2, so it scores 0."]),
    # no floor: any miss scores 0
    (("findings", 0, None, "lower"), 1,
     ["Thing: 1 finding against a target of 0.", "That is 1 finding more than agreed.",
      "This target has no partial score: any miss scores 0."]),
    # not scored
    (("% over budget", 0, 10, "lower"), None, ["Thing: not scored this quarter."]),
    (("minutes", 15, 60, "lower"), None, ["Thing: not scored this quarter."]),
]


@pytest.mark.parametrize(("m", "value", "expected"), CASES)
def test_each_unit_and_form_by_hand(
    m: tuple[str, float, float | None, str], value: float | None, expected: list[str]
) -> None:
    unit, target, floor, better = m
    measure = Measure(unit=unit, target=target, better=better, floor=floor)  # type: ignore[arg-type]
    assert _say(measure, value) == expected


def _forms(m: Measure) -> dict[str, float]:
    """A value for each form: met, missed (between target and floor), past the floor."""
    step = 1.0 if m.better == "higher" else -1.0  # the way that is better
    far = m.floor if m.floor is not None else m.target - step * 10
    values = {"met": m.target, "past the floor": far - step * 5}
    if m.floor is not None:
        values["missed"] = (m.target + m.floor) / 2
    return values


@pytest.mark.parametrize(("name", "measure"), MEASURES, ids=[n for n, _ in MEASURES])
def test_every_programme_unit_in_every_form_reads_right(name: str, measure: Measure) -> None:
    unit = measure.unit
    for form, value in _forms(measure).items():
        words = _say(measure, value)
        text = " ".join(words)
        assert words[0].startswith(f"Thing: {value_text(value, unit)} against a target of"), text
        assert " %" not in text  # "2.5%", never "2.5 %"
        if unit.startswith("%"):  # a gap in percent is in points: not "2.5% over budget more"
            assert all(f"{unit} {w}" not in text for w in ("more", "short", "slower")), text
        if form == "met":
            assert words[1:] == ["The target was met."], text
        else:
            assert words[1].startswith("That is "), text
            gap = gap_text(value, measure.target, unit)
            assert gap in words[1], text
            if unit.startswith("%"):
                assert gap.endswith(("point", "points")), text
        if form == "past the floor":
            assert words[-1].endswith("scores 0."), text
        if form == "missed":
            assert len(words) == 2, text  # between target and floor: no floor sentence
    assert _say(measure, None) == ["Thing: not scored this quarter."]


@pytest.mark.parametrize(("gap", "unit", "expected"), [
    (2.5, "% over budget", "2.5 percentage points"),
    (1, "% over budget", "1 percentage point"),
    (0.06, "%", "0.06 percentage points"), (25, "minutes", "25 minutes"),
    (1, "incidents", "1 incident"),
])
def test_renewal_gaps_in_percent_units_are_points(gap: float, unit: str, expected: str) -> None:
    assert gap_words(gap, unit) == expected


@pytest.mark.parametrize(("name", "measure"), MEASURES, ids=[n for n, _ in MEASURES])
def test_every_programme_unit_on_page_one(name: str, measure: Measure) -> None:
    """The "What to fix first" form: the value, the gap, the floor when it matters."""
    unit = measure.unit
    for form, value in _forms(measure).items():
        if form == "met":
            continue
        crit = Criterion("c", "Thing", "k", measure=measure)
        cr = criterion_result(crit, score(value), Scale())
        (text,) = fix_first_sentences([MissedTarget(cr, 2.0)], internal=False)
        assert text.startswith(f"Thing: {value_text(value, unit)}. That is "), text
        assert gap_text(value, measure.target, unit) in text
        assert " %" not in text
        if unit.startswith("%"):
            assert all(f"{unit} {w}" not in text for w in ("more", "short", "slower")), text
        assert ("scores 0." in text) == (form == "past the floor"), text
        assert text.endswith("It cost your score 2 points."), text
