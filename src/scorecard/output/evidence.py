"""``<provider>/<period>/evidence.csv``: the rows behind each computed figure that
missed its target (outputs.md v1.2), for the provider.

Columns: criterion, row id, from, to, duration, limit, and nothing else of the
row. The file is listed in the manifest (audience provider, format csv) and
``send`` attaches it to the provider's message. A cell that a spreadsheet would
run as a formula (``=``, ``+``, ``-``, ``@`` first) is written with a leading
``'``; control characters are written visibly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from scorecard.data.model import Record
from scorecard.data.problems import escape
from scorecard.figures.results import Portfolio
from scorecard.output.manifest import ManifestEntry, sha256

HEADER = ("criterion", "row id", "from", "to", "duration", "limit")
NAME = "evidence.csv"


def _cell(text: str) -> str:
    text = escape(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def evidence_csv(record: Record) -> bytes | None:
    """The rows behind every computed figure of ``record`` that missed; None when none did."""
    rows = [m for cid in sorted(record.computed) for m in record.computed[cid].misses]
    if not rows:
        return None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for m in rows:
        writer.writerow([_cell(x) for x in (m.criterion, m.row_id, m.start, m.end, m.duration,
                                            m.limit)])
    return out.getvalue().encode("utf-8")


def evidence_files(records: Iterable[Record]) -> dict[str, bytes]:
    """``<provider>/<period>/evidence.csv`` for each record with a missed computed figure."""
    files: dict[str, bytes] = {}
    for record in records:
        content = evidence_csv(record)
        if content is not None:
            files[f"{record.provider}/{record.period.label}/{NAME}"] = content
    return files


def planned_evidence(portfolio: Portfolio, planned: Iterable[Any]) -> dict[str, bytes]:
    """The evidence files of the evaluations whose provider scorecard is ``planned``."""
    wanted = {(d.provider, d.period) for d in planned if d.audience == "provider"}
    return evidence_files(
        e.record for r in portfolio.providers for e in r.evaluations
        if (r.provider.id, e.period.label) in wanted)


def evidence_entries(files: Mapping[str, bytes]) -> list[ManifestEntry]:
    """The manifest entries of the evidence files among ``files``."""
    entries = []
    for path, content in files.items():
        parts = path.split("/")
        if len(parts) == 3 and parts[2] == NAME:
            entries.append(ManifestEntry(path, "provider", parts[0], parts[1], "csv",
                                         sha256(content)))
    return entries
