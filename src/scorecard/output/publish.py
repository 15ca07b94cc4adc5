"""Write a build's files into the output folder atomically, and delete only what we made.

How a publish goes (``publish``):

1. Check the paths (relative, inside the folder, no ``..``) and that the
   manifest's sha256 values match the bytes given. On any problem: stop,
   nothing touched.
2. Stage every changed file in a temporary folder created NEXT TO the output
   folder (same filesystem, so ``os.replace`` is a rename). Files whose bytes
   are already in place are skipped, which keeps their mtime. If anything
   fails here (a render raising while its bytes are produced, a full disk), the
   output folder has not been touched.
3. Write a journal (``.scorecard-publish.json``, manifest-shaped) listing every
   document we own, old and new; remove the old ``manifest.json``; move the
   staged files into place one ``os.replace`` at a time; write the new
   ``manifest.json`` LAST. So a reader never sees a manifest that lists a
   missing or stale file, and a crash leaves the journal behind: the next
   publish reads it and still knows which files are ours.
4. Delete documents of earlier builds that this build no longer makes, then
   the folders they leave empty, then the journal.

What counts as "ours": a path listed in the previous manifest (or a leftover
journal) whose file still has the bytes we wrote (its sha256). A file someone
edited since, a file of the user's own, and anything outside the folder (``..``,
absolute paths, paths through a symbolic link) is never deleted; a folder
without a scorecard manifest loses nothing. ``index.html`` and ``data.json``
are written but not listed, as outputs.md allows, so they are never deleted.

A narrowed build (``replace_all=False``, for ``--provider/--period/--audience``)
deletes nothing: documents of earlier builds that it did not make are carried
over into the new manifest while their files are intact.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, Literal, get_args

from scorecard.data.problems import Location, Problem
from scorecard.data.provenance import Provenance

Audience = Literal["provider", "team", "portfolio"]
Format = Literal["html", "pdf", "json"]

MANIFEST = "manifest.json"
JOURNAL = ".scorecard-publish.json"
_RESERVED = {MANIFEST, JOURNAL}
_AUDIENCES: dict[str, Audience] = {a: a for a in get_args(Audience)}
_FORMATS: dict[str, Format] = {f: f for f in get_args(Format)}


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

    def entry(self) -> ManifestEntry:
        return ManifestEntry(
            self.path, self.audience, self.provider, self.period, self.format, sha256(self.content)
        )


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    audience: Audience
    provider: str | None
    period: str | None
    format: Format
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "audience": self.audience,
            "provider": self.provider,
            "period": self.period,
            "format": self.format,
            "sha256": self.sha256,
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


def _through_link(root: Path, rel: str) -> bool:
    """Whether any existing folder between ``root`` and ``root/rel`` is a symbolic
    link (or not a folder): writing or deleting there could leave ``root``."""
    current = root
    for part in PurePosixPath(rel).parts[:-1]:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return False
        if not stat.S_ISDIR(mode):
            return True
    return False


def _regular_bytes(path: Path) -> bytes | None:
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
    return ManifestEntry(path, aud, provider, period, form, digest)


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
    data = _regular_bytes(path)
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


# --- publishing ---------------------------------------------------------------


def _problem(out_dir: Path, message: str, hint: str | None = None) -> Problem:
    return Problem(Location(str(out_dir)), message, hint=hint)


def _check(files: Mapping[str, bytes], manifest: Manifest, out_dir: Path) -> list[Problem]:
    problems = []
    for path in sorted(files):
        if not safe_path(path):
            problems.append(
                _problem(
                    out_dir,
                    f"refusing to write {path!r}: not a plain path inside the output folder",
                )
            )
    seen: set[str] = set()
    for e in manifest.documents:
        if e.path in seen:
            problems.append(_problem(out_dir, f"the manifest lists {e.path!r} twice"))
        seen.add(e.path)
        if e.path not in files:
            problems.append(
                _problem(out_dir, f"the manifest lists {e.path!r}, which this build did not make")
            )
    return problems


def _owned(root: Path) -> tuple[list[ManifestEntry], list[Problem]]:
    """Documents earlier builds made: the previous manifest's and a crashed build's journal's."""
    previous, problems = read_manifest(root)
    journal, more = _read(root / JOURNAL, JOURNAL)
    owned = [*(previous.documents if previous else ()), *(journal.documents if journal else ())]
    return owned, problems + more


def _prune(root: Path, rel: str) -> None:
    """Remove the folders above ``root/rel`` that are now empty (stopping at ``root``)."""
    parent = PurePosixPath(rel).parent
    while parent.parts:
        try:
            os.rmdir(root / parent)
        except OSError:
            return
        parent = parent.parent


def publish(
    out_dir: Path,
    files: Mapping[str, bytes],
    manifest: Manifest,
    *,
    replace_all: bool = True,
) -> list[Problem]:
    """Put ``files`` into ``out_dir`` and write ``manifest`` (see the module text).

    ``files`` holds every file to write, by relative path: the documents the
    manifest lists (their sha256 must match) plus unlisted extras such as
    ``index.html``. Returns problems; errors mean nothing was changed.
    """
    out_dir = Path(out_dir).absolute()
    problems = _check(files, manifest, out_dir)
    if problems:
        return problems
    if os.path.lexists(out_dir) and not out_dir.is_dir():
        return [_problem(out_dir, "the output folder is a file, not a folder")]
    root = out_dir.resolve()  # --out may itself be a link to a folder: write into its target
    root.parent.mkdir(parents=True, exist_ok=True)

    owned, problems = _owned(root) if root.is_dir() else ([], [])
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{root.name}.publishing-", dir=root.parent))
    except OSError as exc:
        return [*problems, _problem(root, f"cannot write next to the output folder: {exc}")]
    try:
        # 2. stage; nothing in root changes until every file is in hand
        moves: list[tuple[Path, Path]] = []
        digests: dict[str, str] = {}
        for n, path in enumerate(sorted(files)):
            content = files[path]
            digests[path] = sha256(content)
            if _through_link(root, path):
                problems.append(
                    _problem(
                        root,
                        f"refusing to write {path!r}: a folder on its way is a "
                        "symbolic link or a file",
                    )
                )
                continue
            dest = root / path
            if os.path.isdir(dest):
                problems.append(
                    _problem(root, f"refusing to write {path!r}: a folder is in the way")
                )
                continue
            if _regular_bytes(dest) == content:
                continue  # unchanged: keep it, and its mtime
            staged = staging / f"{n}.part"
            staged.write_bytes(content)
            moves.append((staged, dest))
        for e in manifest.documents:
            if digests.get(e.path) != e.sha256:
                problems.append(
                    _problem(root, f"the manifest's sha256 for {e.path!r} does not match its bytes")
                )
        if any(p.severity == "error" for p in problems):
            return problems

        # which earlier documents go, and which a narrowed build carries over
        made = set(files)
        on_disk: dict[str, str | None] = {}
        for e in owned:
            if e.path not in made and e.path not in on_disk:
                found = None if _through_link(root, e.path) else _regular_bytes(root / e.path)
                on_disk[e.path] = None if found is None else sha256(found)
        carried: dict[str, ManifestEntry] = {}
        stale: set[str] = set()
        for e in owned:
            if e.path in made or on_disk.get(e.path) != e.sha256:
                continue
            if replace_all:
                stale.add(e.path)
            else:
                carried.setdefault(e.path, e)
        if replace_all:
            for path, digest in sorted(on_disk.items()):
                if digest is not None and path not in stale:
                    problems.append(
                        Problem(
                            Location(str(root / path)),
                            "kept: this file was made by an earlier build but has changed since",
                            hint="Delete it yourself if it is no longer needed.",
                            severity="warning",
                        )
                    )
        final = Manifest(
            manifest.as_of,
            manifest.commit,
            manifest.dirty,
            tuple(sorted([*manifest.documents, *carried.values()], key=lambda e: e.path)),
        )
        (staging / MANIFEST).write_bytes(final.to_bytes())
        journal = Manifest(final.as_of, final.commit, final.dirty, (*owned, *final.documents))
        (staging / JOURNAL).write_bytes(journal.to_bytes())

        # 3. journal first, old manifest out, files in, new manifest last
        root.mkdir(exist_ok=True)
        os.replace(staging / JOURNAL, root / JOURNAL)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(root / MANIFEST)
        for staged, dest in moves:
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, dest)
        os.replace(staging / MANIFEST, root / MANIFEST)

        # 4. remove what earlier builds made and this one does not
        for path in sorted(stale):
            if _through_link(root, path):
                continue
            with contextlib.suppress(FileNotFoundError):
                os.unlink(root / path)
            _prune(root, path)
        os.unlink(root / JOURNAL)
    except OSError as exc:
        problems.append(
            _problem(
                root,
                f"publishing stopped part way: {exc}",
                hint="Fix the cause and build again; the next build finishes the job.",
            )
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return problems
