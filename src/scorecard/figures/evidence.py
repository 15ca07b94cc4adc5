"""Where each computed figure came from, for data.json (outputs.md v1.2)."""

from __future__ import annotations

from typing import Any

from scorecard.data.model import Record

Json = dict[str, Any]


def with_sources(criteria: Json, record: Record) -> Json:
    """``criteria`` (data.json's, by id) with ``source`` for each value computed from a
    file: its name, sha256, data rows, rows counted and rows left out and why. Nothing
    else of the file: no cell reaches data.json."""
    for cid, computed in record.computed.items():
        if isinstance(criteria.get(cid), dict):
            criteria[cid] = {**criteria[cid], "source": computed.provenance()}
    return criteria
