"""The sent log, ``sent.jsonl`` beside the data folder: one JSON object a line,
appended, committed like any other change (format.md, "The sent log").

A line is a message sent, or (``"baseline": true``, no ``message_id``) a
document the first send recorded as already known instead of sending it
(outputs.md: only each provider's latest period goes out on a first send).
``decide`` turns the log and the parcels of a build into what to send.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from scorecard.data.problems import Location, Problem
from scorecard.delivery.issued import CommitDay, match
from scorecard.delivery.logfile import (
    BAD_LINE_HINT,
    CUT_SHORT,
    CUT_SHORT_HINT,
    LogFileError,
    append_lines,
    cut_short,
    read_text,
)
from scorecard.delivery.recipients import Parcel

__all__ = ["Decision", "LogEntry", "State", "append", "decide", "read_log", "state_of"]

State = Literal["new", "revised", "sent", "baseline"]


@dataclass(frozen=True)
class LogEntry:
    sent: str  # UTC, 2026-12-01T10:22:05Z
    to: str  # the address (no name)
    audience: str
    provider: str | None
    period: str | None
    documents: tuple[tuple[str, str], ...]  # (path, sha256)
    message_id: str | None
    revised: bool = False
    baseline: bool = False
    # v1.2: the document's kind and content (scorecard.delivery.issued); None in
    # lines written before
    document: str | None = None
    content: str | None = None
    unconfirmed: bool = False  # handed over, but the server never answered (SMTP cannot know)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sent": self.sent, "to": self.to, "audience": self.audience,
            "provider": self.provider, "period": self.period,
            "documents": [{"path": p, "sha256": h} for p, h in self.documents],
            "message_id": self.message_id, "revised": self.revised,
        }
        if self.baseline:
            data["baseline"] = True
        if self.document is not None:
            data["document"] = self.document
        if self.content is not None:
            data["content"] = self.content
        if self.unconfirmed:
            data["unconfirmed"] = True
        return data


def now_stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_for(parcel: Parcel, *, message_id: str | None, revised: bool, baseline: bool = False,
              now: datetime | None = None, unconfirmed: bool = False) -> LogEntry:
    doc = parcel.document
    return LogEntry(now_stamp(now), parcel.to.address, parcel.audience, parcel.provider,
                    parcel.period, ((doc.path, doc.sha256),), message_id, revised, baseline,
                    document=doc.document or doc.audience, content=doc.content,
                    unconfirmed=unconfirmed)


def _parse_line(raw: Any) -> LogEntry | None:
    if not isinstance(raw, dict):
        return None
    docs = raw.get("documents")
    if not isinstance(docs, list) or not all(
        isinstance(d, dict) and isinstance(d.get("path"), str) and isinstance(d.get("sha256"), str)
        for d in docs
    ):
        return None
    texts = [raw.get(k) for k in ("sent", "to", "audience")]
    if not all(isinstance(t, str) for t in texts):
        return None
    return LogEntry(
        str(raw["sent"]), str(raw["to"]), str(raw["audience"]),
        raw.get("provider") if isinstance(raw.get("provider"), str) else None,
        raw.get("period") if isinstance(raw.get("period"), str) else None,
        tuple((d["path"], d["sha256"]) for d in docs),
        raw.get("message_id") if isinstance(raw.get("message_id"), str) else None,
        raw.get("revised") is True, raw.get("baseline") is True,
        document=raw.get("document") if isinstance(raw.get("document"), str) else None,
        content=raw.get("content") if isinstance(raw.get("content"), str) else None,
        unconfirmed=raw.get("unconfirmed") is True,
    )


def read_log(path: Path) -> tuple[list[LogEntry] | None, list[Problem]]:
    """The log's entries (None when there is no log yet: a first send), and a problem
    for each line that cannot be read (an error: sending on a log we cannot read
    could send something twice), but for lines cut short by an append that was
    stopped (:mod:`scorecard.delivery.logfile`), which are warnings."""
    if not path.exists():
        return None, []
    try:
        text = read_text(path)
    except LogFileError as exc:
        return None, [Problem(Location(str(path)), str(exc))]
    entries: list[LogEntry] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        entry, problem = _read_line(path, number, line)
        if entry is not None:
            entries.append(entry)
        if problem is not None:
            problems.append(problem)
    return entries, problems


def _read_line(path: Path, number: int, line: str) -> tuple[LogEntry | None, Problem | None]:
    where = Location(str(path), number, 1)
    try:
        entry = _parse_line(json.loads(line))
    except ValueError as exc:
        if cut_short(line, exc):
            return None, Problem(where, CUT_SHORT, severity="warning", hint=CUT_SHORT_HINT)
        entry = None
    except RecursionError:
        entry = None
    if entry is None:
        return None, Problem(where, "this line of the sent log is not one scorecard wrote",
                             hint=BAD_LINE_HINT)
    return entry, None


def append(path: Path, entries: Iterable[LogEntry]) -> None:
    """Append lines and make sure they are on disk before going on (OSError when they
    cannot be: a full disk, a folder that is not writable)."""
    text = "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in entries)
    if text:
        append_lines(path, text)


def state_of(parcel: Parcel, log: Iterable[LogEntry],
             commit_day: CommitDay | None = None) -> tuple[State, LogEntry | None]:
    """What the log holds of this document for this recipient: this version (``sent``),
    an older version that was sent (``revised``, with the last such entry), only a
    baseline line (``baseline``), or nothing (``new``). A document is matched by its
    identity and its content, not its file (``scorecard.delivery.issued``).

    A document the first send recorded as baseline stays baseline when it changes:
    it was never sent, so there is nothing to revise, and re-stamped old
    scorecards must not flood a provider (``--all`` sends them)."""
    found, entry = match(parcel, log, commit_day)
    if found == "this":
        return "sent", entry
    if found == "older":
        return "revised", entry
    return ("baseline", None) if found == "baseline" else ("new", None)


@dataclass(frozen=True)
class Decision:
    parcel: Parcel
    state: State  # new or revised: to send; sent: already sent; baseline: recorded only
    previous: LogEntry | None = None  # for revised: what was sent before


def _latest_periods(parcels: Iterable[Parcel]) -> dict[str, str]:
    latest: dict[str, str] = {}
    for p in parcels:
        if p.provider is not None and p.period is not None:
            latest[p.provider] = max(latest.get(p.provider, p.period), p.period)
    return latest


def decide(parcels: list[Parcel], log: list[LogEntry] | None, *,
           send_all: bool = False, commit_day: CommitDay | None = None) -> list[Decision]:
    """What to do with each parcel. With no log yet (a first send), parcels for
    periods older than each provider's latest become the baseline; ``send_all``
    sends them (and, later, what the log holds only as baseline)."""
    if log is None:
        latest = _latest_periods(parcels)
        return [
            Decision(p, "baseline" if (not send_all and p.provider is not None
                                       and p.period != latest.get(p.provider)) else "new")
            for p in parcels
        ]
    decisions = []
    for p in parcels:
        state, previous = state_of(p, log, commit_day)
        if state == "baseline" and send_all:
            state = "new"
        decisions.append(Decision(p, state, previous))
    return decisions
