"""A form's view: a value computed from a source file is shown, not asked."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.evidence.figures import Computed
from scorecard.documents.views.form import field_names, form_view


def test_a_computed_value_is_shown_not_asked(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dataset, _ = DataFolder(tmp_path).load()
    assert dataset is not None
    plain = dataset.records["acme"][-1]
    computed = Computed("availability", 99.93, "availability", "outages.csv",
                        "sources/acme/2026-Q3/outages.csv", "0" * 64, rows=4, counted=4,
                        noun="outages")
    record = dataclasses.replace(plain, computed={"availability": computed})
    provider = dataset.providers["acme"]
    lead = form_view(dataset, provider, record, "lead", "")
    assert "score.availability" not in field_names(lead)
    assert "score.p1-response" in field_names(lead)
    row = next(r for s in lead.sections for r in s.rows if r.title == "Availability")
    assert row.shown == "Computed from outages.csv: 99.93%. Nothing to type here."
    # the provider still gives its own figure for it
    assert "reported.availability" in field_names(form_view(dataset, provider, record,
                                                            "provider", ""))
