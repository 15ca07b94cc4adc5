"""INTERNAL. What changed since the last portfolio, one sentence a provider:
"Northgate: down 17 points, from 63 to 46. Its status went from Adequate to At risk."
The change is worked from the printed scores (figures.change)."""

from __future__ import annotations

from scorecard.data.model import display_name
from scorecard.figures.rounding import display
from scorecard.figures.since import Since
from scorecard.words.change import change_from_to

__all__ = ["since_sentences"]


def _one(s: Since) -> str:
    name = display_name(s.result.provider)
    assert s.now.overall is not None
    now = display(s.now.overall)
    if s.before is None or s.before.overall is None:
        return f"{name}: first score, {now}, for {s.now.period.describe()}."
    text = f"{name}: {change_from_to(display(s.before.overall), now, capital=False)}."
    old = s.before.band.name if s.before.band else None
    new = s.now.band.name if s.now.band else None
    if old != new:
        text += f" Its status went from {old or 'none'} to {new or 'none'}."
    return text


def since_sentences(changes: tuple[Since, ...]) -> list[str]:
    """One sentence per provider with a newer score; biggest falls first."""
    def key(s: Since) -> tuple[int, str]:
        before = s.before.overall if s.before is not None else None
        assert s.now.overall is not None
        fall = display(s.now.overall) - display(before) if before is not None else 0
        return (fall, s.result.provider.id)
    return [_one(s) for s in sorted(changes, key=key)]
