"""The output folder, opened for one build: locked, with a staging area inside it,
and checked to be one scorecard may write into.

What this module promises (the README's "What scorecard promises about the
output folder"):

- **Only our own folders.** A build writes into a folder that is missing,
  empty (but for our own hidden files), or holds a ``manifest.json`` that
  scorecard wrote. Any other folder is refused before anything is rendered,
  naming the files in the way (:func:`ownership_problems`). In a folder of
  ours, a file at a path the build writes that no earlier build made (a
  user's own document of the same name) is refused too.
- **One build at a time.** ``.scorecard-staging/lock`` is held with
  ``flock`` from the start of rendering to the end of publishing. A second
  build into the same folder waits for it (up to ``wait`` seconds), then
  refuses. The lock file is never deleted while in use, so two builds can
  never hold "the" lock on two different files.
- **Scratch space where the next build finds it.** ``.scorecard-staging/``
  (hidden, with a ``.gitignore`` of ``*`` so git never offers it for a
  commit) holds each build's scratch folder, on the same file system as the
  documents, so moving a file into place is a rename and a mount point
  (a Docker volume, tmpfs, NFS) never fails with EXDEV. A build killed
  half-way leaves its scratch folder there; the next build, once it holds
  the lock, removes every scratch folder it finds (they can only be
  leftovers), and the ``.<name>.rendering-*`` / ``.<name>.publishing-*``
  folders older versions left next to the output folder.
- **No write follows a symbolic link.** Every file is created with
  ``O_EXCL | O_NOFOLLOW`` in a folder opened with ``O_NOFOLLOW``, then
  renamed into place, which replaces a link planted at the destination
  instead of writing through it (``scorecard.output.publish``).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scorecard.data.problems import Location, Problem

STAGING = ".scorecard-staging"
LOCK = "lock"
GITIGNORE = ".gitignore"
SCRATCH_PREFIX = "build-"
# Hidden files of ours that do not make a folder "not empty".
INTERNAL = frozenset({STAGING, ".scorecard-publish.json", ".scorecard-inputs.json"})
# Files every build writes that the manifest does not list: ours in a folder of ours.
UNLISTED = frozenset({"index.html", "data.json", ".scorecard-inputs.json"})
_IGNORE_ALL = b"# scorecard's scratch space: git ignores all of it\n*\n"
_NAMED = 8  # files named in a refusal; the rest are counted

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def _problem(where: Path, message: str, hint: str | None = None) -> Problem:
    return Problem(Location(str(where)), message, field="--out", hint=hint)


def write_new(dir_fd: int, name: str, content: bytes) -> None:
    """Create ``name`` in the folder ``dir_fd`` with ``content``; never through a
    link, never over an existing file."""
    fd = os.open(name, _NEW_FILE, 0o644, dir_fd=dir_fd)
    try:
        view = memoryview(content)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def open_dir(root_fd: int, parts: Iterable[str], *, create: bool) -> int:
    """A descriptor of the folder ``parts`` below ``root_fd``, each step opened
    with ``O_NOFOLLOW`` (a link on the way raises OSError); missing folders are
    made when ``create``. The caller closes it."""
    fd = os.dup(root_fd)
    try:
        for part in parts:
            try:
                nxt = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                os.mkdir(part, 0o755, dir_fd=fd)
                nxt = os.open(part, _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = nxt
    except BaseException:
        os.close(fd)
        raise
    return fd


# The folders this process holds, so that a forked worker lets go of their
# locks (:func:`_in_child`) and a process stopped by SIGTERM removes their
# scratch space on the way out (:func:`abandon`).
_HELD: list[OutputFolder] = []


@dataclass
class OutputFolder:
    """An output folder held by this build (see the module text)."""

    root: Path  # the real folder (``--out`` may be a link to it)
    fd: int
    staging_fd: int
    lock_fd: int
    created: bool  # made by this build
    made_staging: bool  # the staging area too
    published: bool = False
    scratches: list[Path] = field(default_factory=list)

    @property
    def staging(self) -> Path:
        return self.root / STAGING

    def scratch(self, prefix: str = SCRATCH_PREFIX) -> Path:
        """A new, empty scratch folder in the staging area."""
        # through the descriptor, so a link planted at the staging folder's name
        # since it was opened is not followed (on Linux; elsewhere by its path)
        base = f"/proc/self/fd/{self.staging_fd}"
        where = base if os.path.isdir(base) else str(self.staging)
        path = Path(tempfile.mkdtemp(prefix=prefix, dir=where))
        real = self.staging / path.name
        self.scratches.append(real)
        return real

    def close(self) -> None:
        """Remove this build's scratch folders and let go of the lock. A folder this
        build made and never published into is removed again."""
        if self in _HELD:
            _HELD.remove(self)
        for scratch in self.scratches:
            _remove_tree(self.staging_fd, scratch.name)
        self.scratches.clear()
        if self.made_staging and not self.published:
            # nothing was written: leave the folder as it was found (another
            # build waiting for this lock file sees it go, and makes a new one)
            for name in (GITIGNORE, LOCK):
                with contextlib.suppress(OSError):
                    os.unlink(name, dir_fd=self.staging_fd)
            with contextlib.suppress(OSError):
                os.rmdir(STAGING, dir_fd=self.fd)
            if self.created:
                with contextlib.suppress(OSError):
                    os.rmdir(self.root)
        for fd in (self.lock_fd, self.staging_fd, self.fd):
            with contextlib.suppress(OSError):
                os.close(fd)


def abandon() -> None:
    """For a process about to end at once (stopped by SIGTERM): remove the scratch
    folders of every folder it holds. The documents are left as they are: a
    publish is never under way here (it holds SIGTERM back)."""
    for folder in list(_HELD):
        for scratch in folder.scratches:
            _remove_tree(folder.staging_fd, scratch.name)


def _in_child() -> None:
    """In a forked process (a rendering worker): close the copies of the lock files.
    A lock belongs to the open file, so a worker outliving its build would
    otherwise hold the folder locked."""
    for folder in _HELD:
        with contextlib.suppress(OSError):
            os.close(folder.lock_fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_in_child)


def _remove_tree(dir_fd: int, name: str) -> None:
    """Remove ``name`` in ``dir_fd``: a folder with all it holds (links are
    removed, never followed), or a file or link."""
    try:
        mode = os.lstat(name, dir_fd=dir_fd).st_mode
    except OSError:
        return
    if not stat.S_ISDIR(mode):
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=dir_fd)
        return
    with contextlib.suppress(OSError):
        shutil.rmtree(name, dir_fd=dir_fd)


def open_folder(out_dir: Path, *, wait: float = 600.0) -> tuple[OutputFolder | None, list[Problem]]:
    """Make (if missing) and lock ``out_dir``, and clear what killed builds left.

    None and a problem when it is not a folder, cannot be made, or another
    build still holds it after ``wait`` seconds."""
    out = Path(out_dir).absolute()
    deadline = time.monotonic() + wait
    while True:
        if os.path.lexists(out) and not out.is_dir():
            return None, [_problem(out, "the output folder is a file, not a folder")]
        try:
            folder = _open(out, deadline)
        except FileNotFoundError:
            # the build we waited for made the folder, failed, and removed it again
            if time.monotonic() < deadline:
                continue
            folder = None
        except OSError as error:
            return None, [_problem(out, "cannot prepare the output folder: "
                                   f"{error.strerror or error}")]
        if folder is None:
            return None, [
                _problem(
                    out,
                    f"another build is still writing into this folder after {wait:g} seconds",
                    hint="Wait for it to finish, or build into another folder with --out.",
                )
            ]
        _clear_leftovers(folder)
        _HELD.append(folder)
        return folder, []


def _open(out: Path, deadline: float) -> OutputFolder | None:
    """One try of :func:`open_folder`; None when the lock was not had by ``deadline``."""
    root = out.resolve()
    created = not root.exists()
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root, _DIR_FLAGS & ~os.O_NOFOLLOW)
    try:
        made_staging = not os.path.lexists(root / STAGING)
        staging_fd = _staging(fd)
    except BaseException:
        os.close(fd)
        raise
    try:
        lock_fd = _lock(staging_fd, deadline)
    except BaseException:
        os.close(staging_fd)
        os.close(fd)
        raise
    if lock_fd is None:
        os.close(staging_fd)
        os.close(fd)
        return None
    return OutputFolder(root, fd, staging_fd, lock_fd, created, made_staging)


def _staging(root_fd: int) -> int:
    """Open ``.scorecard-staging`` (made if missing, with its ``.gitignore``). A link
    or file planted under that name is removed, not followed."""
    try:
        mode = os.lstat(STAGING, dir_fd=root_fd).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISDIR(mode):
        os.unlink(STAGING, dir_fd=root_fd)
        mode = None
    if mode is None:
        with contextlib.suppress(FileExistsError):
            os.mkdir(STAGING, 0o755, dir_fd=root_fd)
    staging_fd = os.open(STAGING, _DIR_FLAGS, dir_fd=root_fd)
    try:
        if not _is_file(staging_fd, GITIGNORE):
            _remove_tree(staging_fd, GITIGNORE)
            with contextlib.suppress(FileExistsError):
                write_new(staging_fd, GITIGNORE, _IGNORE_ALL)
    except BaseException:
        os.close(staging_fd)
        raise
    return staging_fd


def _is_file(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(name, dir_fd=dir_fd).st_mode)
    except OSError:
        return False


def _lock(staging_fd: int, deadline: float) -> int | None:
    """Hold ``lock`` exclusively; None when another build still holds it at
    ``deadline``. Checks after locking that the file is still the one named
    ``lock`` (a build that made the folder removes it again when it fails)."""
    while True:
        if not _is_file(staging_fd, LOCK):
            _remove_tree(staging_fd, LOCK)
        fd = os.open(LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644,
                     dir_fd=staging_fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            if time.monotonic() >= deadline:
                return None
            time.sleep(0.05)
            continue
        try:
            same = os.fstat(fd).st_ino == os.lstat(LOCK, dir_fd=staging_fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)


def _clear_leftovers(folder: OutputFolder) -> None:
    """Remove every scratch folder in the staging area (with the lock held, they
    are all left by builds that were killed), and the scratch folders older
    versions made next to the output folder."""
    for name in os.listdir(folder.staging_fd):
        if name not in (LOCK, GITIGNORE):
            _remove_tree(folder.staging_fd, name)
    old = re.compile(rf"\.{re.escape(folder.root.name)}\.(rendering|publishing)-[A-Za-z0-9_]{{8}}")
    parent = folder.root.parent
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            if old.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)


# --- whose folder is it ---------------------------------------------------------


def _listing(names: Iterable[str], more: int) -> str:
    shown = ", ".join(names)
    return f"{shown} (and {more} more)" if more > 0 else shown


def ownership_problems(
    root: Path, paths: Iterable[str], owned: set[str] | None
) -> list[Problem]:
    """Whether a build may write ``paths`` (relative) into ``root``.

    ``owned``: the paths earlier builds of ours made (from the manifest and a
    leftover journal), or None when the folder holds no manifest of ours.
    A folder of ours: a path that exists but was never ours, with other bytes
    than we would write, is in the way. Not ours: the folder must be empty
    but for our hidden files; the files we would overwrite are named first.
    """
    wanted = sorted({*paths, "manifest.json"})
    if owned is not None:
        foreign = [p for p in wanted if p not in owned and p not in UNLISTED
                   and p != "manifest.json" and os.path.lexists(root / p)]
        if not foreign:
            return []
        return [
            _problem(
                root,
                "refusing to overwrite files no earlier build made: "
                + _listing(foreign[:_NAMED], len(foreign) - _NAMED),
                hint="Move them out of the folder, or build into another folder with --out.",
            )
        ]
    try:
        present = sorted(n for n in os.listdir(root) if n not in INTERNAL)
    except FileNotFoundError:
        return []
    if not present:
        return []
    in_way = [p for p in wanted if os.path.lexists(root / p)]
    if in_way:
        message = ("the output folder holds files scorecard did not make, which this build "
                   "would overwrite: " + _listing(in_way[:_NAMED], len(in_way) - _NAMED))
    else:
        message = ("the output folder is not empty and holds no manifest.json of scorecard's: "
                   + _listing(present[:_NAMED], len(present) - _NAMED))
    return [
        _problem(
            root,
            message,
            hint="scorecard writes only into an empty folder or one it built before: "
            "choose another folder with --out, or empty this one.",
        )
    ]
