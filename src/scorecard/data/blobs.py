"""Reading git blobs by id: many with one ``git cat-file --batch``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scorecard.data.gitrun import run_git

__all__ = ["ReadBlobs", "cat_blobs"]

# reads blobs by id: (ids, repository root) -> {id: content}
ReadBlobs = Callable[[list[str], Path], dict[str, bytes]]


def cat_blobs(shas: list[str], top: Path) -> dict[str, bytes]:
    """The content of every blob git has of ``shas``, read by one
    ``git cat-file --batch`` (none when git cannot answer)."""
    if not shas:
        return {}
    out = run_git(["cat-file", "--batch"], top, stdin="\n".join(shas).encode() + b"\n").out
    blobs: dict[str, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.find(b"\n", pos)
        if end < 0:
            break
        header = out[pos:end].split()
        pos = end + 1
        if len(header) < 3:  # "<sha> missing"
            continue
        size = int(header[2])
        blobs[header[0].decode()] = out[pos: pos + size]
        pos += size + 1
    return blobs
