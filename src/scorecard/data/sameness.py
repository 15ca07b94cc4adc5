"""Which commits changed a record's file but not its data: only comments or layout.

A commit that adds a comment, re-indents, reorders keys or adds a schema line
for editors leaves the parsed YAML as it was. It is not an amendment ("revised
on ...") and does not move the provenance of the documents made from the
record. :func:`layout_only` finds such commits in the one ``git log --raw``
that :mod:`scorecard.data.gitinfo` reads, and compares the versions' parsed
data, read with one ``git cat-file --batch`` and parsed as ``validate`` reads
them. A version that does not parse cleanly is never taken as equal to
another, and a move (rename) still counts, since a record's file name says
which provider and period it is.
"""

from __future__ import annotations

from pathlib import Path

from scorecard.data.gitrun import raw_changes
from scorecard.data.parsed import FileVersions

__all__ = ["layout_only"]

Change = tuple[str, str, str, str]  # commit, path, blob before, blob after


def _modifications(out: bytes, prefix: str) -> list[Change]:
    """Each in-place change (status M) of a YAML file under ``prefix`` in ``git log
    --format=%x1e%H%x00%ct%x00%aN%x00%s%x00 --raw -z --no-abbrev`` output."""
    return [
        (c.commit, c.path, c.before, c.after)
        for c in raw_changes(out, header_fields=3)  # time, author, subject
        if c.status == "M" and c.path.startswith(prefix) and c.path.endswith((".yaml", ".yml"))
    ]


def _data(blob: bytes | None, versions: FileVersions) -> object:
    """What a version of the file says, as ``validate`` reads it; None when it does
    not parse cleanly (then it is equal to nothing)."""
    if blob is None:
        return None
    doc = versions.parsed(blob)
    if doc.problems or doc.value is None:
        return None
    return (doc.value, doc.raw, doc.key_raw)


def layout_only(out: bytes, root: Path, prefix: str,
                versions: FileVersions | None = None) -> frozenset[tuple[str, str]]:
    """The (commit, path) of every change to a YAML file under ``prefix`` (a
    repository path ending in ``/``) that leaves its parsed data as it was, from
    ``git log --raw`` output ``out``. One ``git cat-file --batch`` for them all;
    ``versions``: the build's store, so that no version is read or parsed twice."""
    changes = _modifications(out, prefix)
    if not changes:
        return frozenset()
    versions = versions or FileVersions()
    blobs = versions.read(sorted({sha for c in changes for sha in c[2:]}), root)
    parsed: dict[str, object] = {}
    same: set[tuple[str, str]] = set()
    for commit, path, before, after in changes:
        for sha in (before, after):
            if sha not in parsed:
                parsed[sha] = _data(blobs.get(sha), versions)
        if parsed[before] is not None and parsed[before] == parsed[after]:
            same.add((commit, path))
    return frozenset(same)
