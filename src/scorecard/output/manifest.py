"""The manifest: what a build made (``manifest.json``), and reading it back.

A manifest lists every document a build made, with its audience, provider,
period, format and the sha256 of its bytes; ``scorecard.output.publish`` writes
it (and, while it works, a manifest-shaped journal) and reads both back to
know which files are ours. Reading tolerates damage: a file that is not one
of ours, or is damaged, reads as no manifest (with a warning), and entries
with unsafe or malformed paths are dropped.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

from scorecard.data.problems import Location, Problem
from scorecard.data.provenance import Provenance

Audience = Literal["provider", "team", "portfolio"]
Format = Literal["html", "pdf", "json", "csv"]  # csv: evidence.csv (v1.2)
# v1.1: what kind of document an entry is; the renewal brief has audience "team".
DocumentKind = Literal["provider", "team", "portfolio", "renewal"]

MANIFEST = "manifest.json"
JOURNAL = ".scorecard-publish.json"
_RESERVED = {MANIFEST, JOURNAL}
_AUDIENCES: dict[str, Audience] = {a: a for a in get_args(Audience)}
_FORMATS: dict[str, Format] = {f: f for f in get_args(Format)}
_KINDS: dict[str, DocumentKind] = {k: k for k in get_args(DocumentKind)}


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class Document:
    """One rendered document, ready to publish."""

    path: str  # relative to the output folder, with "/" separators
    audience: Audience
    provider: str | None
    period: str | None  # a period label, e.g. "2026-Q3"
    format: Format
    content: bytes = field(repr=False)
    document: DocumentKind | None = None  # None: the same as the audience

    def entry(self) -> ManifestEntry:
        return ManifestEntry(
            self.path, self.audience, self.provider, self.period, self.format,
            sha256(self.content), self.document,
        )


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    audience: Audience
    provider: str | None
    period: str | None
    format: Format
    sha256: str
    document: DocumentKind | None = None  # None: the same as the audience (v1 manifests)
    # v1.2: the document's content (scorecard.documents.identity), the same for its
    # HTML and PDF, and the commit that last changed it; None in older manifests
    content: str | None = None
    commit: str | None = None

    @property
    def kind(self) -> DocumentKind:
        """The manifest's ``document``: provider, team, portfolio or renewal."""
        return self.document if self.document is not None else self.audience

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "audience": self.audience,
            "document": self.kind,
            "provider": self.provider,
            "period": self.period,
            "format": self.format,
            "sha256": self.sha256,
            **({"content": self.content} if self.content is not None else {}),
            **({"commit": self.commit} if self.commit is not None else {}),
        }


@dataclass(frozen=True)
class Manifest:
    """What a build made (``manifest.json``)."""

    as_of: date
    commit: str | None
    dirty: bool
    documents: tuple[ManifestEntry, ...]

    def to_bytes(self) -> bytes:
        """Stable JSON: fixed key order, documents sorted by path, a trailing newline."""
        data = {
            "as_of": self.as_of.isoformat(),
            "source": {"commit": self.commit, "dirty": self.dirty},
            "documents": [
                d.to_json() for d in sorted(self.documents, key=lambda d: (d.path, d.sha256))
            ],
        }
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def manifest_for(documents: Iterable[Document], *, as_of: date, source: Provenance) -> Manifest:
    entries = tuple(sorted((d.entry() for d in documents), key=lambda e: e.path))
    return Manifest(as_of=as_of, commit=source.commit, dirty=source.dirty, documents=entries)


def files_for(
    documents: Iterable[Document], extras: Mapping[str, bytes] | None = None
) -> dict[str, bytes]:
    """The bytes to publish: every document, plus unlisted extras (index.html, data.json)."""
    files = {d.path: d.content for d in documents}
    files.update(extras or {})
    return files


# --- paths ---------------------------------------------------------------------


def safe_path(path: object) -> bool:
    """A plain relative path inside the output folder: no "..", no absolute or
    Windows-style path, no empty or "." parts."""
    if not isinstance(path, str) or not path or "\\" in path or "\0" in path:
        return False
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return False
    parts = path.split("/")
    return all(p not in ("", ".", "..") for p in parts) and path not in _RESERVED


def regular_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file (not a link); None otherwise."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        return path.read_bytes()
    except OSError:
        return None


# --- reading a manifest -------------------------------------------------------


def _entry(raw: object) -> ManifestEntry | None:
    if not isinstance(raw, dict):
        return None
    path, audience, fmt = raw.get("path"), raw.get("audience"), raw.get("format")
    provider, period, digest = raw.get("provider"), raw.get("period"), raw.get("sha256")
    if not isinstance(path, str) or not safe_path(path):
        return None
    aud = _AUDIENCES.get(audience) if isinstance(audience, str) else None
    form = _FORMATS.get(fmt) if isinstance(fmt, str) else None
    if aud is None or form is None:
        return None
    if not (provider is None or isinstance(provider, str)):
        return None
    if not (period is None or isinstance(period, str)):
        return None
    if not isinstance(digest, str) or len(digest) != 64:
        return None
    kind = raw.get("document")
    document = _KINDS.get(kind) if isinstance(kind, str) else None
    if kind is not None and document is None:
        return None
    if document == "renewal" and aud != "team":
        return None  # a renewal brief is internal
    if document is not None and document != "renewal" and document != aud:
        return None  # a provider, team or portfolio document has that audience
    content, commit = raw.get("content"), raw.get("commit")
    return ManifestEntry(path, aud, provider, period, form, digest,
                         "renewal" if document == "renewal" else None,
                         content=content if _hex(content, 64) else None,
                         commit=commit if _hex(commit, 40) or _hex(commit, 64) else None)


def _hex(value: object, length: int) -> bool:
    return (isinstance(value, str) and len(value) == length
            and all(c in "0123456789abcdef" for c in value))


def _parse(data: bytes) -> tuple[Manifest | None, int]:
    """A manifest and the number of entries dropped as unsafe or malformed."""
    try:
        raw = json.loads(data.decode("utf-8"))
        source = raw["source"]
        as_of = date.fromisoformat(raw["as_of"])
        commit, dirty, documents = source["commit"], source["dirty"], raw["documents"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None, 0
    if not (commit is None or isinstance(commit, str)) or not isinstance(dirty, bool):
        return None, 0
    if not isinstance(documents, list):
        return None, 0
    entries = [_entry(d) for d in documents]
    kept = tuple(e for e in entries if e is not None)
    return Manifest(as_of, commit, dirty, kept), len(entries) - len(kept)


def _read(path: Path, what: str) -> tuple[Manifest | None, list[Problem]]:
    if not os.path.lexists(path):
        return None, []
    data = regular_bytes(path)
    manifest, dropped = _parse(data) if data is not None else (None, 0)
    if manifest is None:
        return None, [
            Problem(
                Location(str(path)),
                f"{what} is not one scorecard wrote, or is damaged; "
                "no file in the folder will be deleted",
                hint="Delete it if the folder holds only old reports, then build again.",
                severity="warning",
            )
        ]
    problems = []
    if dropped:
        problems.append(
            Problem(
                Location(str(path)),
                f"{what} lists {dropped} path(s) that are unsafe or malformed; "
                "they are ignored and never deleted",
                severity="warning",
            )
        )
    return manifest, problems


def read_manifest(out_dir: Path) -> tuple[Manifest | None, list[Problem]]:
    """The manifest of the last build in ``out_dir``; None (with a warning if the file
    is there but damaged) when there is none of ours. Unsafe paths are dropped."""
    return _read(out_dir / MANIFEST, MANIFEST)


def read_journal(root: Path) -> tuple[Manifest | None, list[Problem]]:
    """The journal a publish left behind when it stopped part way; None when
    there is none (with a warning if it is damaged)."""
    return _read(root / JOURNAL, JOURNAL)
