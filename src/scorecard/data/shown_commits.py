"""Which commit last changed what a document shows of one data file.

A document's provenance names the latest commit that changed its content
(scoring.md v1.2). A document shows only part of some of the files it is made
from, so a commit that changes another part of them must not count:

- ``all``: every value of the file (its own records, the programme; comments
  and layout never count, see ``scorecard.data.sameness``);
- ``as_of``: a provider file as a document as of a day shows it: all of it but
  the actions raised after that day (they did not exist yet);
- ``peer_record``: a peer's record as a team scorecard shows it, through its
  rank and the peers' table: the period, the day, the status and the scores;
  not the peer's summary, notes or reply;
- ``peer_provider``: a peer's or an alternative's provider file as a team
  scorecard shows it: its name, short name and service area.

Each committed version of a file is parsed once per build, and the answer for
a file, projection and day is worked out once (:class:`ShownCommits`), so a
build costs the same per document however many peers a document names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from scorecard.data.parsed import FileVersions
from scorecard.data.versions import Versions

if TYPE_CHECKING:
    from scorecard.data.gitinfo import DataHistory

__all__ = ["Projection", "ShownCommits", "projected"]

Projection = Literal["all", "as_of", "peer_record", "peer_provider"]

_T = TypeVar("_T")
_PEER_RECORD = ("provider", "period", "evaluated", "status", "scores")
_PEER_PROVIDER = ("id", "name", "short_name", "service_area")


def _raised_after(action: Any, day: date) -> bool:
    raised = action.get("raised") if isinstance(action, dict) else None
    if isinstance(raised, str):
        try:
            raised = date.fromisoformat(raised)
        except ValueError:
            return False
    return isinstance(raised, date) and raised > day


def projected(value: Any, projection: Projection, day: date | None) -> str:
    """What a document shows of a parsed file ``value``, as stable text ("" when
    the file is not a mapping)."""
    if not isinstance(value, dict):
        return ""
    if projection == "peer_record":
        value = {k: v for k, v in value.items() if k in _PEER_RECORD}
    elif projection == "peer_provider":
        value = {k: v for k, v in value.items() if k in _PEER_PROVIDER}
    elif projection == "as_of" and day is not None:
        actions = value.get("actions")
        if isinstance(actions, list):
            # no actions and an empty list of them show the same
            value = {**value, "actions": [a for a in actions if not _raised_after(a, day)]}
        if not value.get("actions"):
            value = {k: v for k, v in value.items() if k != "actions"}
    return json.dumps(value, default=str, sort_keys=True)


class ShownCommits:
    """The latest commit that changed what a document shows of a file, each answer
    worked out once. Pure but for its caches."""

    def __init__(self, history: DataHistory, versions: Versions,
                 store: FileVersions | None = None) -> None:
        self._history = history
        self._versions = versions
        self._store = store or FileVersions()
        self._found: dict[tuple[str, Projection, date | None], str | None] = {}
        self._groups: dict[Hashable, Any] = {}

    def group(self, key: Hashable, work_out: Callable[[], _T]) -> _T:
        """``work_out()`` once for each ``key``: what many documents share (every
        provider's latest record, the files of a service area) is looked at once."""
        if key not in self._groups:
            self._groups[key] = work_out()
        found: _T = self._groups[key]
        return found

    def commit(self, path: str, projection: Projection, day: date | None = None) -> str | None:
        """The commit (None when git does not know the file)."""
        key = (path, projection, day if projection == "as_of" else None)
        if key not in self._found:
            self._found[key] = self._work_out(path, projection, key[2])
        return self._found[key]

    def _work_out(self, path: str, projection: Projection, day: date | None) -> str | None:
        found = self._history.last.get(path)
        listed = self._versions.get(path)
        if (projection == "all" or found is None or not listed or len(listed) == 1
                or listed[-1][0] != found.commit):
            return found.commit if found is not None else None
        previous: str | None = None
        changed = listed[0][0]
        for commit, content in listed:
            shown = projected(self._store.value(content), projection, day)
            if previous is not None and shown != previous:
                changed = commit
            previous = shown
        return changed
