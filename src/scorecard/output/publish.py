"""Write a build's files into the output folder, and delete only what we made.

The manifest it writes, and how it is read back, is ``scorecard.output.manifest``;
the folder itself (its lock, its staging area, whose it is) is
``scorecard.output.folder``.

How a publish goes (``publish``), with the folder's lock held:

1. Check the paths (relative, inside the folder, no ``..``), that the
   manifest's sha256 values match the bytes given, and that the folder is
   ours to write (empty, or holding our manifest; no file of someone else's
   in the way). On any problem: stop, nothing touched.
2. Stage every changed file in a scratch folder inside the output folder's
   ``.scorecard-staging/`` (same file system: moving is a rename). Files
   whose bytes are already in place are skipped, which keeps their mtime.
   A failure here (a render raising while its bytes are produced, a full
   disk) leaves the output folder as it was.
3. Commit, with SIGTERM and SIGINT held back until it is done: write a
   journal (``.scorecard-publish.json``, manifest-shaped) listing every
   document we own, old and new; replace ``manifest.json`` by one that lists
   only the old documents this build leaves alone; move each staged file in
   (the file it replaces is kept aside first); write the new
   ``manifest.json``. So at every moment ``manifest.json`` lists only files
   that are in place with the bytes it names. If a move fails, every file
   moved so far is put back and the old manifest restored: the folder is as
   it was, and the message says so; if even that fails, the message says the
   folder holds a mix, and the next build finishes the job (the journal tells
   it which files are ours). A build killed (SIGKILL) during the moves leaves
   the journal too.
4. Delete documents of earlier builds that this build no longer makes, then
   the folders they leave empty, then the journal.

What counts as "ours": a path listed in the previous manifest (or a leftover
journal) whose file still has the bytes we wrote (its sha256). A file someone
edited since, a file of the user's own, and anything outside the folder (``..``,
absolute paths, paths through a symbolic link) is never deleted.
``index.html``, ``data.json`` and ``.scorecard-inputs.json`` are written but
not listed, as outputs.md allows.

A narrowed build (``replace_all=False``, for ``--provider/--period/--audience``)
deletes nothing: documents of earlier builds that it did not make are carried
over into the new manifest while their files are intact.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from scorecard.data.problems import Location, Problem, has_errors
from scorecard.output.folder import OutputFolder, open_folder, ownership_problems, write_new
from scorecard.output.held import signals_held
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
from scorecard.output.moves import (
    exists,
    move,
    put_back,
    remove_stale,
    restore_manifest,
    why,
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


@dataclass
class _Before:
    """What the folder held before this publish: the documents of ours (previous
    manifest and a leftover journal), the manifest itself, and its bytes."""

    owned: list[ManifestEntry]
    manifest: Manifest | None
    manifest_bytes: bytes | None
    ours: bool  # a manifest or journal of ours is there (or the folder is new)
    problems: list[Problem] = field(default_factory=list)


def _before(root: Path) -> _Before:
    previous, problems = read_manifest(root)
    journal, more = read_journal(root)
    owned = [*(previous.documents if previous else ()), *(journal.documents if journal else ())]
    # a foreign or damaged manifest is refused by the ownership check, which names it
    kept = [p for p in problems + more if "not one scorecard wrote" not in p.message]
    return _Before(owned, previous, regular_bytes(root / MANIFEST) if previous else None,
                   previous is not None or journal is not None, kept)


def owned_paths(root: Path) -> set[str] | None:
    """The paths earlier builds made in ``root``; None when it holds no manifest
    (or journal) of ours."""
    before = _before(root)
    return {e.path for e in before.owned} if before.ours else None


def publish(
    out_dir: Path,
    files: Mapping[str, bytes],
    manifest: Manifest,
    *,
    replace_all: bool = True,
    folder: OutputFolder | None = None,
) -> list[Problem]:
    """Put ``files`` into ``out_dir`` and write ``manifest`` (see the module text).

    ``files`` holds every file to write, by relative path: the documents the
    manifest lists (their sha256 must match) plus unlisted extras such as
    ``index.html``. ``folder``: the output folder, already opened and locked
    by the build; without it, publish opens and locks it itself. Returns
    problems; when there are errors, each says whether the folder changed.
    """
    out_dir = Path(out_dir).absolute()
    problems = _check(files, manifest, out_dir)
    if problems:
        return problems
    if folder is not None:
        return _publish(folder, files, manifest, replace_all=replace_all)
    opened, problems = open_folder(out_dir)
    if opened is None:
        return problems
    try:
        return _publish(opened, files, manifest, replace_all=replace_all)
    finally:
        opened.close()


def _publish(
    folder: OutputFolder, files: Mapping[str, bytes], manifest: Manifest, *, replace_all: bool
) -> list[Problem]:
    root = folder.root
    before = _before(root)
    problems = list(before.problems)
    refused = ownership_problems(
        root, files, {e.path for e in before.owned} if before.ours else None
    )
    if refused:
        return problems + refused
    staging = folder.scratch("publish-")
    stage_fd = os.open(staging, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        # 2. stage; nothing in root changes until every file is in hand
        try:
            staged = _prepare(root, stage_fd, files, manifest, before, problems,
                              replace_all=replace_all)
        except OSError as exc:
            problems.append(_problem(root, "could not prepare the files to publish: "
                                     f"{why(exc)}; the output folder was not changed"))
            return problems
        if staged is None:
            return problems
        moves, stale = staged
        # 3. commit
        with signals_held():
            failure = _commit(folder, stage_fd, moves, before)
            if failure is None:
                folder.published = True  # before a held-back SIGTERM can strike
    finally:
        os.close(stage_fd)
    if failure is not None:
        problems.append(failure)
        return problems
    # 4. remove what earlier builds made and this one does not
    problems += remove_stale(root, folder.fd, stale)
    with contextlib.suppress(OSError):  # left behind, the next build removes it
        os.unlink(JOURNAL, dir_fd=folder.fd)
    return problems


def _prepare(
    root: Path,
    stage_fd: int,
    files: Mapping[str, bytes],
    manifest: Manifest,
    before: _Before,
    problems: list[Problem],
    *,
    replace_all: bool,
) -> tuple[list[tuple[str, str]], set[str]] | None:
    """Stage the files, the new manifest, the journal and the narrowed old
    manifest: the moves to make and the paths to delete; None when a problem
    stops the publish. Raises OSError (nothing in ``root`` is changed)."""
    moves = _stage(root, stage_fd, files, manifest, problems)
    if has_errors(problems):
        return None
    final, stale = _settle(root, files, manifest, before.owned, problems,
                           replace_all=replace_all)
    moving = {rel for _, rel in moves} | stale
    write_new(stage_fd, MANIFEST, final.to_bytes())
    journal = Manifest(final.as_of, final.commit, final.dirty,
                       (*before.owned, *final.documents))
    write_new(stage_fd, JOURNAL, journal.to_bytes())
    if before.manifest is not None:
        left = tuple(e for e in before.manifest.documents if e.path not in moving)
        if left != before.manifest.documents:
            m = before.manifest
            write_new(stage_fd, "transition.json",
                      Manifest(m.as_of, m.commit, m.dirty, left).to_bytes())
    os.mkdir("aside", dir_fd=stage_fd)
    return moves, stale


def _stage(
    root: Path,
    stage_fd: int,
    files: Mapping[str, bytes],
    manifest: Manifest,
    problems: list[Problem],
) -> list[tuple[str, str]]:
    """Write every changed file into the staging folder: the moves (staged name,
    destination path) still to make. Adds what it refuses to ``problems``."""
    moves: list[tuple[str, str]] = []
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
        if os.path.isdir(dest) and not os.path.islink(dest):
            problems.append(
                _problem(root, f"refusing to write {path!r}: a folder is in the way")
            )
            continue
        if regular_bytes(dest) == content:
            continue  # unchanged: keep it, and its mtime
        staged = f"{n}.part"
        write_new(stage_fd, staged, content)
        moves.append((staged, path))
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


def _commit(
    folder: OutputFolder, stage_fd: int, moves: list[tuple[str, str]], before: _Before
) -> Problem | None:
    """Journal in, old manifest narrowed, files in, new manifest last. On a
    failure, put everything back: None, or the problem saying what happened."""
    root_fd, done = folder.fd, []
    aside_fd = os.open("aside", os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=stage_fd)
    try:
        os.replace(JOURNAL, JOURNAL, src_dir_fd=stage_fd, dst_dir_fd=root_fd)
        if exists(stage_fd, "transition.json"):
            os.replace("transition.json", MANIFEST, src_dir_fd=stage_fd, dst_dir_fd=root_fd)
        for n, (staged, path) in enumerate(moves):
            done.append(move(root_fd, stage_fd, aside_fd, staged, path, n))
        os.replace(MANIFEST, MANIFEST, src_dir_fd=stage_fd, dst_dir_fd=root_fd)
        return None
    except OSError as exc:
        error = exc
    try:
        for moved in reversed(done):
            put_back(root_fd, aside_fd, moved)
        restore_manifest(root_fd, stage_fd, before.manifest_bytes)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(JOURNAL, dir_fd=root_fd)
    except OSError as again:
        folder.published = True  # the folder changed
        return _problem(
            folder.root,
            f"publishing stopped part way ({why(error)}), and the old files could not all "
            f"be put back ({why(again)}): the folder holds some new files and some old; "
            "manifest.json lists only those that are whole",
            hint="Fix the cause and build again: the next build finishes the job.",
        )
    finally:
        os.close(aside_fd)
    return _problem(
        folder.root,
        f"publishing failed ({why(error)}); the previous reports were put back as they were",
        hint="Fix the cause and build again.",
    )


