"""Where a computed figure came from, in words (outputs.md v1.2): "From 412 tickets
in tickets.csv, opened in September 2026; 3 still open were left out."

Only counts, the file's name and the period: no cell of the file.
"""

from __future__ import annotations

from collections.abc import Mapping

from scorecard.data.evidence.figures import Computed
from scorecard.data.model import Record
from scorecard.data.periods import Period
from scorecard.words.numbers import noun_form

__all__ = ["source_sentences"]

_WHY = {"still open": ("still open", "was", "were")}


def _left_out(c: Computed) -> str:
    parts = []
    for why, n in c.left_out.items():
        words, one, many = _WHY.get(why, (why, "was", "were"))
        parts.append(f"{n} {words} {one if n == 1 else many} left out")
    return "; " + " and ".join(parts) if parts else ""


def source_sentence(c: Computed, period: Period) -> str:
    """The provenance of one computed figure, as a sentence; for a figure that missed
    its target, where the rows behind the miss are listed."""
    return _from(c, period) + (
        f" The {'outages' if c.noun == 'outages' else 'tickets'} behind the miss are listed "
        "in evidence.csv." if c.behind is not None else "")


def _from(c: Computed, period: Period) -> str:
    when = period.describe()
    noun = "outage" if c.noun == "outages" else "ticket"
    matching = "matching " if c.filtered else ""
    if c.counted == 0:
        return (f"Worked out from {c.file}: no {noun}s of {when} to count, so not scored"
                f"{_left_out(c)}.")
    if noun == "outage":
        return (f"From {c.counted:,} {matching}{noun_form(c.counted, noun)} in {c.file}, "
                f"in {when}{_left_out(c)}.")
    return (f"From {c.counted:,} {matching}{noun_form(c.counted, noun)} in {c.file}, "
            f"opened in {when}{_left_out(c)}.")


def source_sentences(record: Record) -> Mapping[str, str]:
    """criterion id -> where its figure came from, for each computed figure of ``record``."""
    return {cid: source_sentence(c, record.period) for cid, c in record.computed.items()}
