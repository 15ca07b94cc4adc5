"""Writing the files ``init``, ``new`` and ``schema --out`` make, without following links.

Every folder scorecard makes or enters below the folder it was given is checked
with ``lstat``: a symbolic link there is refused, never followed. New files are
made with ``O_CREAT | O_EXCL | O_NOFOLLOW`` (so an existing file or link, even a
dangling one, is never written through); a file that is rewritten is written
beside it and renamed over it, which replaces a link rather than its target.
Anything the system refuses (a read-only folder, a file where a folder should
be) comes back as :class:`WriteRefused`, one sentence, never a traceback.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from scorecard.data.problems import shown

_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_NEW |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class WriteRefused(Exception):
    """A file or folder scorecard will not or cannot write; ``str()`` says why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {shown(path, 200)}: {reason}")
        self.path = path
        self.reason = reason


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _check_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (False: it does not exist); a link or a file
    there is refused."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as error:
        raise WriteRefused(path, _reason(error)) from None
    if stat.S_ISLNK(mode):
        raise WriteRefused(path, "it is a symbolic link, which scorecard does not write through")
    if not stat.S_ISDIR(mode):
        raise WriteRefused(path, "it is a file, not a folder")
    return True


def _mkdir(path: Path) -> None:
    try:
        os.mkdir(path)
    except OSError as error:
        raise WriteRefused(path, _reason(error)) from None


def prepare_folder(folder: Path) -> None:
    """Make ``folder`` and the folders missing above it. ``folder`` itself must not
    be a link; above it, existing folders are taken as they are."""
    folder = Path(os.path.abspath(folder))
    missing: list[Path] = []
    path = folder
    while not os.path.lexists(path) and path != path.parent:
        missing.append(path)
        path = path.parent
    if path == folder:
        _check_folder(folder)
        return
    if not path.is_dir():  # the nearest existing part is a file or a dangling link
        what = "a dangling symbolic link" if path.is_symlink() else "not a folder"
        raise WriteRefused(path, f"it is {what}")
    for part in reversed(missing):
        _mkdir(part)


def check_folders(root: Path, parts: Iterable[str]) -> None:
    """Refuse now what :func:`make_folders` would refuse later (a link or a file on
    the way), so that nothing is written when something would be refused."""
    path = root
    for part in parts:
        path = path / part
        if not _check_folder(path):
            return


def make_folders(root: Path, parts: Iterable[str]) -> Path:
    """``root/parts...``, each folder made if missing; a link on the way is refused."""
    path = root
    for part in parts:
        path = path / part
        if not _check_folder(path):
            _mkdir(path)
    return path


def write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet (``FileExistsError`` if it does, even as
    a dangling link); never follows a link."""
    try:
        fd = os.open(path, _NEW, 0o666)
    except FileExistsError:
        raise
    except OSError as error:
        raise WriteRefused(path, _reason(error)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as error:
        raise WriteRefused(path, _reason(error)) from None


def write_over(path: Path, data: bytes) -> None:
    """Write ``path``, replacing what is there: written beside it, then renamed over
    it, so a link at ``path`` is replaced, never written through."""
    if os.path.isdir(path) and not os.path.islink(path):
        raise WriteRefused(path, "it is a folder")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write_new(temporary, data)
        os.replace(temporary, path)
    except FileExistsError:
        raise WriteRefused(temporary, "a file of that name is in the way") from None
    except OSError as error:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise WriteRefused(path, _reason(error)) from None
