"""Moving staged files into the output folder and putting them back, without
ever following a symbolic link: every folder on the way is opened with
``O_NOFOLLOW``, every file is created with ``O_EXCL`` in the staging area and
renamed into place (a rename over a link replaces the link). The order of a
publish is ``scorecard.output.publish``'s.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from scorecard.data.problems import Location, Problem
from scorecard.output.folder import OutputFolder, open_dir, write_new
from scorecard.output.manifest import MANIFEST, safe_path


def split(rel: str) -> tuple[tuple[str, ...], str]:
    parts = PurePosixPath(rel).parts
    return parts[:-1], parts[-1]


@dataclass
class Moved:
    path: str
    aside: str | None  # where the file it replaced was put, in "aside/"
    folders: tuple[str, ...]  # folders made for it, outermost first


def why(error: OSError) -> str:
    where = f": {error.filename}" if error.filename else ""
    return f"{error.strerror or error}{where}"


def exists(dir_fd: int, name: str) -> bool:
    try:
        os.lstat(name, dir_fd=dir_fd)
    except FileNotFoundError:
        return False
    return True


def move(root_fd: int, stage_fd: int, aside_fd: int, staged: str, path: str, n: int) -> Moved:
    """Move one staged file to ``path``; the file it replaces (or a link planted
    there: renaming over it replaces the link, never writes through it) is
    kept aside first. A failure leaves ``path`` as it was, and raises."""
    parents, name = split(path)
    made: list[str] = []
    fd = os.dup(root_fd)
    aside, moved_aside = None, False
    try:
        for i, part in enumerate(parents):
            if not exists(fd, part):
                made.append("/".join(parents[: i + 1]))
            nxt = open_dir(fd, (part,), create=True)
            os.close(fd)
            fd = nxt
        if exists(fd, name):
            aside = f"{n}.old"
            try:
                os.link(name, aside, src_dir_fd=fd, dst_dir_fd=aside_fd, follow_symlinks=False)
            except OSError:
                os.replace(name, aside, src_dir_fd=fd, dst_dir_fd=aside_fd)
                moved_aside = True
        os.replace(staged, name, src_dir_fd=stage_fd, dst_dir_fd=fd)
    except OSError:
        with contextlib.suppress(OSError):
            if moved_aside:
                os.replace(aside, name, src_dir_fd=aside_fd, dst_dir_fd=fd)  # type: ignore[arg-type]
            for folder in reversed(made):
                os.rmdir(folder, dir_fd=root_fd)
        raise
    finally:
        os.close(fd)
    return Moved(path, aside, tuple(made))


def put_back(root_fd: int, aside_fd: int, moved: Moved) -> None:
    parents, name = split(moved.path)
    fd = open_dir(root_fd, parents, create=False)
    try:
        if moved.aside is not None:
            os.replace(moved.aside, name, src_dir_fd=aside_fd, dst_dir_fd=fd)
        else:
            os.unlink(name, dir_fd=fd)
    finally:
        os.close(fd)
    for made in reversed(moved.folders):
        os.rmdir(made, dir_fd=root_fd)


def restore_manifest(root_fd: int, stage_fd: int, old: bytes | None) -> None:
    if old is None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(MANIFEST, dir_fd=root_fd)
        return
    with contextlib.suppress(FileNotFoundError):
        os.unlink("restore.json", dir_fd=stage_fd)
    write_new(stage_fd, "restore.json", old)
    os.replace("restore.json", MANIFEST, src_dir_fd=stage_fd, dst_dir_fd=root_fd)


def remove_stale(root: Path, root_fd: int, stale: set[str]) -> list[Problem]:
    """Delete the files of earlier builds this one no longer makes, then the
    folders they leave empty. Warnings for what could not be deleted."""
    problems = []
    for path in sorted(stale):
        parents, name = split(path)
        try:
            fd = open_dir(root_fd, parents, create=False)
        except OSError:
            continue  # gone, or a link on the way: never delete through it
        try:
            os.unlink(name, dir_fd=fd)
        except FileNotFoundError:
            pass
        except OSError as exc:
            problems.append(
                Problem(Location(str(root / path)),
                        f"could not delete this old document: {why(exc)}", severity="warning")
            )
        finally:
            os.close(fd)
        for i in range(len(parents), 0, -1):
            try:
                os.rmdir("/".join(parents[:i]), dir_fd=root_fd)
            except OSError:
                break
    return problems


def put_file(folder: OutputFolder, path: str, content: bytes) -> None:
    """Write one file (e.g. ``index.html``) into the locked folder: staged, then
    renamed into place, never through a link. Raises OSError."""
    if not safe_path(path):
        raise ValueError(f"not a plain path inside the output folder: {path!r}")
    staging = folder.scratch("put-")
    stage_fd = os.open(staging, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        write_new(stage_fd, "file", content)
        parents, name = split(path)
        fd = open_dir(folder.fd, parents, create=True)
        try:
            os.replace("file", name, src_dir_fd=stage_fd, dst_dir_fd=fd)
        finally:
            os.close(fd)
    finally:
        os.close(stage_fd)
