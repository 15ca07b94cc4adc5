"""What the sent log holds of a document: matched by its identity and its content.

outputs.md v1.2, "Issued documents and delivery": the sent log records each
message against the document's identity (kind, audience, provider, period) and
content (``scorecard.documents.identity``), so a rebuild with a new
stylesheet, a new version of the tool, or a PDF where only HTML was built
before, sends nothing again. A document is revised for a recipient only when
its content differs from the content last sent to them.

Older lines (before v1.2) name a file and its sha256 and no content. Such a
line still counts, so that upgrading does not send everything again:

- its identity comes from its audience, provider and period, and the kind from
  its file's name (``acme/2026-Q3/team.pdf`` is a team scorecard);
- when the file it names has the same bytes as the build's, it is this version;
- otherwise, when the commit that last changed the document's content (the
  manifest's ``commit``) was made on or before the day the line was sent, the
  version sent already had this content (a send follows a build of committed
  data): this version too. A later commit means the content changed since: revised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from scorecard.delivery.recipients import Parcel
    from scorecard.delivery.sentlog import LogEntry

__all__ = ["Found", "match"]

Found = Literal["this", "older", "baseline", None]
CommitDay = Callable[[str], "date | None"]


def _kind_of_path(path: str) -> str:
    return PurePosixPath(path).stem


def _identity(parcel: Parcel) -> tuple[str, str, str | None, str | None]:
    kind = parcel.document.document or parcel.document.audience
    return kind, parcel.audience, parcel.provider, parcel.period


def _entry_identity(entry: LogEntry) -> tuple[str, str, str | None, str | None] | None:
    kind = entry.document
    if kind is None:
        kinds = {_kind_of_path(p) for p, _ in entry.documents}
        if len(kinds) != 1:
            return None
        kind = kinds.pop()
    return kind, entry.audience, entry.provider, entry.period


def same_version(parcel: Parcel, entry: LogEntry, commit_day: CommitDay | None) -> bool:
    """Whether ``entry`` (of the same document, for the same recipient) sent the
    content the build now holds."""
    doc = parcel.document
    if entry.content is not None and doc.content is not None:
        return entry.content == doc.content
    if any(digest == doc.sha256 for _, digest in entry.documents):
        return True
    if entry.content is not None or doc.content is None or doc.commit is None:
        return False  # a v1.2 line against an older build: the bytes decide
    changed = commit_day(doc.commit) if commit_day is not None else None
    return changed is not None and changed.isoformat() <= entry.sent[:10]


def match(parcel: Parcel, log: Iterable[LogEntry],
          commit_day: CommitDay | None = None) -> tuple[Found, LogEntry | None]:
    """What the log holds of this document for this recipient: this version
    (``this``), only an older one that was sent (``older``, with the last such
    line), only a baseline line (``baseline``), or nothing (None)."""
    recipient = parcel.to.key
    wanted = _identity(parcel)
    older: LogEntry | None = None
    baseline = False
    for entry in log:
        if entry.to.lower() != recipient or _entry_identity(entry) != wanted:
            continue
        if entry.baseline:
            baseline = True
        elif same_version(parcel, entry, commit_day):
            return "this", entry
        else:
            older = entry
    if older is not None:
        return "older", older
    return ("baseline", None) if baseline else (None, None)
