"""Write a build's files into the output folder atomically, and delete only what we made.

The manifest it writes, and how it is read back, is ``scorecard.output.manifest``.

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
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from scorecard.data.problems import Location, Problem
from scorecard.output.manifest import (
    JOURNAL,
    MANIFEST,
    Manifest,
    ManifestEntry,
    read_journal,
    read_manifest,
    regular_bytes,
    safe_path,
    sha256,
)

# --- paths ---------------------------------------------------------------------


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
    journal, more = read_journal(root)
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
        moves = _stage(root, staging, files, manifest, problems)
        if any(p.severity == "error" for p in problems):
            return problems

        final, stale = _settle(root, files, manifest, owned, problems, replace_all=replace_all)
        (staging / MANIFEST).write_bytes(final.to_bytes())
        journal = Manifest(final.as_of, final.commit, final.dirty, (*owned, *final.documents))
        (staging / JOURNAL).write_bytes(journal.to_bytes())

        # 3. journal first, old manifest out, files in, new manifest last
        _move_in(root, staging, moves)

        # 4. remove what earlier builds made and this one does not
        _remove(root, stale)
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


def _stage(
    root: Path,
    staging: Path,
    files: Mapping[str, bytes],
    manifest: Manifest,
    problems: list[Problem],
) -> list[tuple[Path, Path]]:
    """Write every changed file into ``staging``: the moves (staged file,
    destination) still to make. Adds what it refuses to ``problems``."""
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
        if regular_bytes(dest) == content:
            continue  # unchanged: keep it, and its mtime
        staged = staging / f"{n}.part"
        staged.write_bytes(content)
        moves.append((staged, dest))
    for e in manifest.documents:
        if digests.get(e.path) != e.sha256:
            problems.append(
                _problem(root, f"the manifest's sha256 for {e.path!r} does not match its bytes")
            )
    return moves


def _settle(
    root: Path,
    files: Mapping[str, bytes],
    manifest: Manifest,
    owned: list[ManifestEntry],
    problems: list[Problem],
    *,
    replace_all: bool,
) -> tuple[Manifest, set[str]]:
    """Which earlier documents go, and which a narrowed build carries over: the
    final manifest and the paths to delete. Adds a warning to ``problems`` for
    each file of ours that was changed since, and so is kept."""
    made = set(files)
    on_disk: dict[str, str | None] = {}
    for e in owned:
        if e.path not in made and e.path not in on_disk:
            found = None if _through_link(root, e.path) else regular_bytes(root / e.path)
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
    return final, stale


def _move_in(root: Path, staging: Path, moves: list[tuple[Path, Path]]) -> None:
    """Journal first, old manifest out, the staged files in, the new manifest last."""
    root.mkdir(exist_ok=True)
    os.replace(staging / JOURNAL, root / JOURNAL)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(root / MANIFEST)
    for staged, dest in moves:
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, dest)
    os.replace(staging / MANIFEST, root / MANIFEST)


def _remove(root: Path, stale: set[str]) -> None:
    """Delete the files of earlier builds this one no longer makes, then the
    folders they leave empty."""
    for path in sorted(stale):
        if _through_link(root, path):
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(root / path)
        _prune(root, path)
