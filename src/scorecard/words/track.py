"""A criterion's track record in words, beside its result: "Last time: 99.8%." and
"Missed in 7 of 7 quarters." (the second only from two misses on)."""

from __future__ import annotations

from scorecard.figures.track import Track
from scorecard.words.numbers import noun_form, value_text

__all__ = ["last_time_text", "misses_text"]


def last_time_text(t: Track, unit: str | None, scale_max: int) -> str:
    """"Last time: 99.8%" (measured) or "Last time: 3.5 out of 5" (rated); "" if none."""
    last = t.last
    if last is None:
        return ""
    if last.value is not None and unit is not None:
        return f"Last time: {value_text(last.value, unit)}"
    if last.mean_rating is not None:
        rating = last.mean_rating
        shown = str(int(rating)) if rating == int(rating) else f"{rating:.1f}"
        return f"Last time: {shown} out of {scale_max}"
    return ""


def misses_text(t: Track, noun: str) -> str:
    """"Missed in 7 of 7 quarters." from two misses on; "" otherwise."""
    if t.missed < 2:
        return ""
    return f"Missed in {t.missed} of {t.measured} {noun_form(t.measured, noun)}."
