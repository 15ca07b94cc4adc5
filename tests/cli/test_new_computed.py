"""`scorecard new` leaves a criterion computed from a source file out of the skeleton,
and says why (format.md v1.2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import yaml

from factories import category, measured, period, programme, rated
from scorecard.authoring.skeleton import record_skeleton
from scorecard.data.model import Provider


def test_a_computed_criterion_is_left_out_with_the_reason() -> None:
    availability = measured("availability", 99.9, floor=99.0, category="service")
    assert availability.measure is not None
    computed = replace(availability, measure=replace(availability.measure,
                                                     computed_from="outages"))
    prog = programme(category("service", 40, computed, rated("fix-quality", category="service")))
    acme = Provider(id="acme", name="Acme Ltd", lead="Priya Shah")
    text = record_skeleton(prog, acme, period("2026-Q3"), date(2026, 11, 26))
    assert yaml.safe_load(text)["scores"] == {"fix-quality": None}
    lines = text.splitlines()
    at = lines.index("  # availability: null")
    assert lines[at - 2] == ("  # Left out: computed from the source file "
                             "sources/acme/2026-Q3/outages.csv")
    assert lines[at - 1] == ("  # (or .xlsx). Commit that file; only without it, write the "
                             "value here:")
