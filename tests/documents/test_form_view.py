"""A form's view: a value computed from a source file is shown, not asked (the model's
``Record.computed`` arrives with the evidence work; a stand-in record carries it here)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from datafolder import DataFolder
from scorecard.data.model import Record
from scorecard.documents.views.form import field_names, form_view


@dataclass(frozen=True)
class _Computed:
    value: float | None
    file: str


@dataclass(frozen=True)
class _WithComputed(Record):
    computed: Mapping[str, Any] = field(default_factory=dict)


def test_a_computed_value_is_shown_not_asked(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    dataset, _ = DataFolder(tmp_path).load()
    assert dataset is not None
    plain = dataset.records["acme"][-1]
    record = _WithComputed(**{f.name: getattr(plain, f.name) for f in dataclasses.fields(plain)},
                           computed={"availability": _Computed(99.93, "outages.csv")})
    provider = dataset.providers["acme"]
    lead = form_view(dataset, provider, record, "lead", "")
    assert "score.availability" not in field_names(lead)
    assert "score.p1-response" in field_names(lead)
    row = next(r for s in lead.sections for r in s.rows if r.title == "Availability")
    assert row.shown == "Computed from outages.csv: 99.93%. Nothing to type here."
    # the provider still gives its own figure for it
    assert "reported.availability" in field_names(form_view(dataset, provider, record,
                                                            "provider", ""))
