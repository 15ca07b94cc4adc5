"""Checks that every change of a score said in words equals the difference of the
scores printed beside it (issue 23: "Up 1 point" beside 87 -> 89 must not happen).

Used by tests/e2e/test_figures_agree.py (the demo, built) and
tests/documents/test_changes_agree.py (generated data, rendered in process).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["change_faults", "page_text"]

_SIGN = {"up": 1, "down": -1}
# "Down 18 points, from 64 to 46" (headline box, portfolio rows)
_FROM_TO = re.compile(r"\b(up|down) (\d+) points?, from (\d+) to (\d+)", re.I)
# "scored 46 out of 100 this quarter, down 18 points from 64 last quarter"
_SCORED = re.compile(r"scored (\d+) out of 100 [^.]*?, (up|down) (\d+) points? from (\d+)", re.I)
# "Their score went from 64 to 46: down 18 points over the term."
_WENT = re.compile(r"from (\d+) to (\d+)(?: out of 100)?: (up|down) (\d+) points?", re.I)
_FELL = re.compile(r"fell from (\d+) to (\d+)", re.I)
_ANY = re.compile(r"\b(up|down) (\d+) points?\b", re.I)
_SAME = re.compile(r"about the same: (\d+) both times", re.I)


def page_text(document: str) -> str:
    """The visible text of an HTML document (no styles, no SVG), whitespace folded."""
    body = re.sub(r"(?s)<(style|svg|script)\b.*?</\1>", " ", document)
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).split())


class _HistoryRows(HTMLParser):
    """The team scorecard's history table: (score cell, change cell) per row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_table = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table" and ("class", "history-table") in attrs:
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append([])
        elif self._in_table and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_table = False
        elif self._in_table and tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _history_faults(document: str) -> tuple[list[str], int]:
    parser = _HistoryRows()
    parser.feed(document)
    faults: list[str] = []
    checked = 0
    previous: int | None = None
    for row in parser.rows:
        if len(row) < 5 or row[0] == "Period":
            continue
        score = int(row[2]) if row[2].isdigit() else None
        said = _ANY.search(row[4])
        if said and score is not None:
            checked += 1
            want = _SIGN[said.group(1).lower()] * int(said.group(2))
            if previous is None or score - previous != want:
                faults.append(f"history row {row[0]}: {row[4]!r} after {previous}, now {score}")
        elif row[4].lower().startswith("about the same") and score is not None:
            checked += 1
            if previous != score:
                faults.append(f"history row {row[0]}: 'about the same' after {previous}, "
                              f"now {score}")
        if score is not None:
            previous = score
    return faults, checked


def change_faults(document: str) -> tuple[list[str], int]:
    """(every disagreement found, how many changes were checked) in one HTML document."""
    without_history = re.sub(r'(?s)<table class="history-table">.*?</table>', " ", document)
    text = page_text(without_history)
    faults, checked = _history_faults(document)
    covered: list[tuple[int, int]] = []

    def check(m: re.Match[str], before: int, after: int, direction: str, n: int) -> None:
        nonlocal checked
        checked += 1
        covered.append(m.span())
        if after - before != _SIGN[direction.lower()] * n:
            faults.append(f"{m.group(0)!r}: {after} - {before} is {after - before}")

    for m in _FROM_TO.finditer(text):
        check(m, int(m.group(3)), int(m.group(4)), m.group(1), int(m.group(2)))
    for m in _SCORED.finditer(text):
        check(m, int(m.group(4)), int(m.group(1)), m.group(2), int(m.group(3)))
    for m in _WENT.finditer(text):
        check(m, int(m.group(1)), int(m.group(2)), m.group(3), int(m.group(4)))
    for m in _FELL.finditer(text):
        checked += 1
        if int(m.group(2)) >= int(m.group(1)):
            faults.append(f"{m.group(0)!r} is no fall")
    for m in _ANY.finditer(text):
        if not any(a <= m.start() < b for a, b in covered):
            faults.append(f"a change with no printed scores to check it by: "
                          f"{text[max(0, m.start() - 80):m.end() + 40]!r}")
    checked += len(_SAME.findall(text))
    return faults, checked
