"""A dry run's outbox: each message as a standard ``.eml`` file, which any mail
program opens. The outbox holds internal documents; the ``.gitignore`` that
``init`` writes keeps it out of git.

The outbox follows the output folder's rules (:mod:`scorecard.output.folder`):

- **Only its own files.** ``.scorecard-outbox.json`` lists the files the last
  dry run wrote; only those are removed before the next one writes its own. A
  file of the user's is never removed, and one that stands where a message
  would go is a problem, before anything is written.
- **No write follows a symbolic link.** Each file is written under a new,
  random name with ``O_EXCL | O_NOFOLLOW`` and renamed into place, which
  replaces a link planted there instead of writing through it.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import stat
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

from scorecard.data.problems import Location, Problem
from scorecard.delivery.recipients import Parcel
from scorecard.output.folder import write_new

__all__ = ["MARKER", "eml_name", "parcel_eml_name", "write_outbox"]

MARKER = ".scorecard-outbox.json"
_NAME_MAX = 120  # characters before ".eml": far below any file system's limit


def eml_name(number: int, *parts: str) -> str:
    """``001-acme-2026-Q3-provider-dana.eml``: numbered in sending order, cut to a
    length every file system takes."""
    name = "-".join([f"{number:03d}", *(p for p in parts if p)])
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:_NAME_MAX].rstrip(".") + ".eml"


def parcel_eml_name(number: int, parcel: Parcel) -> str:
    return eml_name(number, parcel.provider or "portfolio", parcel.period or "",
                    parcel.audience if parcel.provider else "", parcel.to.address.split("@")[0])


def _ours(dir_fd: int) -> set[str]:
    """The files the last dry run wrote, from its marker (none when it is missing or
    not one of ours)."""
    try:
        fd = os.open(MARKER, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)
    except OSError:
        return set()
    with os.fdopen(fd, "rb") as f:
        try:
            names = json.loads(f.read(1 << 20))
        except ValueError:
            return set()
    if not isinstance(names, list):
        return set()
    return {n for n in names if isinstance(n, str) and n.endswith(".eml") and "/" not in n}


def _kind(dir_fd: int, name: str) -> int | None:
    try:
        return os.lstat(name, dir_fd=dir_fd).st_mode
    except FileNotFoundError:
        return None


def _in_the_way(outbox: Path, dir_fd: int, names: Sequence[str], ours: set[str]
                ) -> list[Problem]:
    problems = []
    for name in names:
        mode = _kind(dir_fd, name)
        if mode is not None and (name not in ours or stat.S_ISDIR(mode)):
            problems.append(Problem(
                Location(str(outbox / name)), "a file that scorecard did not write is where "
                "a message would go; it is left as it is and nothing was written",
                field="--outbox", hint="Move it away, or write the outbox elsewhere with "
                "--outbox DIR."))
    return problems


def _replace(dir_fd: int, name: str, content: bytes) -> None:
    tmp = f".{name}.{secrets.token_hex(8)}.tmp"
    write_new(dir_fd, tmp, content)
    try:
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise


def _write(dir_fd: int, messages: Sequence[tuple[str, EmailMessage]], ours: set[str]) -> None:
    names = {name for name, _ in messages}
    for old in sorted(ours - names):  # an earlier dry run's messages: ours to remove
        mode = _kind(dir_fd, old)
        if mode is not None and (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
            os.unlink(old, dir_fd=dir_fd)
    # the marker first, so that a dry run stopped half-way leaves only files it names
    _replace(dir_fd, MARKER, json.dumps(sorted(names), indent=0).encode() + b"\n")
    for name, msg in messages:
        _replace(dir_fd, name, msg.as_bytes())  # the message's own policy: CRLF, long lines


def write_outbox(outbox: Path, messages: Sequence[tuple[str, EmailMessage]]
                 ) -> tuple[list[Path], list[Problem]]:
    """Write the messages under their file names, after removing the ``.eml`` files an
    earlier dry run wrote; or the problems that stopped it (nothing written)."""
    root = outbox.absolute()
    try:
        if os.path.lexists(root) and not root.is_dir():
            raise NotADirectoryError(20, "it is a file, not a folder")
        root.mkdir(parents=True, exist_ok=True)
        dir_fd = os.open(root.resolve(), os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        return [], [Problem(Location(str(outbox)), "the outbox cannot be written: "
                            f"{exc.strerror or exc}", field="--outbox")]
    try:
        ours = _ours(dir_fd)
        problems = _in_the_way(outbox, dir_fd, [n for n, _ in messages], ours)
        if problems:
            return [], problems
        _write(dir_fd, messages, ours)
    except OSError as exc:
        return [], [Problem(Location(str(outbox)), "the outbox cannot be written: "
                            f"{exc.strerror or exc}", field="--outbox")]
    finally:
        os.close(dir_fd)
    return [outbox / name for name, _ in messages], []
