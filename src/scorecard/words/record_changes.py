"""INTERNAL. A record's changes as the team scorecard lists them: a commit's subject
line, never its whole message."""

from __future__ import annotations

__all__ = ["SUBJECT_MAX", "subject_line"]

SUBJECT_MAX = 90


def subject_line(message: str) -> str:
    """The first line of a commit message (git's ``%s`` joins the first paragraph's lines:
    keep only the first), cut at a word with "…" past ``SUBJECT_MAX`` characters."""
    lines = [line.strip() for line in message.strip().splitlines()]
    first = lines[0] if lines else ""
    if ". " in first[:SUBJECT_MAX]:  # a message run into one line: its first sentence
        first = first.split(". ", 1)[0]
    if len(first) <= SUBJECT_MAX:
        return first
    cut = first[: SUBJECT_MAX - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + "…"
