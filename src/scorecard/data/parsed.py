"""Each version of a data file read and parsed once per build.

A build looks at the committed versions of a data file in several places: the
loader (the version it builds from), the layout-only check
(:mod:`scorecard.data.sameness`), the draft check of a record's first issue
(:mod:`scorecard.data.issue`) and the provenance of what a document shows
(:mod:`scorecard.data.shown_commits`). One :class:`FileVersions`, made by the
build and handed to each, reads every blob at most once (by its git id, one
``git cat-file --batch`` for each set asked for) and parses every distinct
content at most once (keyed by its git blob id, worked out for a file of the
working tree as git does), so a file's latest version is parsed once, not once
by the loader and again by each check.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scorecard.data.blobs import cat_blobs
from scorecard.data.model import Source
from scorecard.data.yaml.document import YamlDoc
from scorecard.data.yaml.reader import parse

__all__ = ["FileVersions", "blob_id", "parse_file"]

_ANY = Source("<version>", "")


def blob_id(content: bytes) -> str:
    """The id git gives a blob of ``content`` (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()


class FileVersions:
    """Blobs read and YAML parsed once each, for one build. Pure but for its caches."""

    def __init__(self, several: frozenset[str] | None = None) -> None:
        self._blobs: dict[str, bytes] = {}
        self._docs: dict[str, YamlDoc] = {}
        # the files (repository paths) with more than one committed version: only
        # theirs are parsed again by the checks, so only theirs are kept from the
        # loader (None: keep every one)
        self._several = several

    def read(self, shas: Iterable[str], root: Path) -> dict[str, bytes]:
        """The content of each blob git has of ``shas``; those not read before in one
        ``git cat-file --batch``."""
        wanted = list(dict.fromkeys(shas))
        missing = [sha for sha in wanted if sha not in self._blobs]
        if missing:
            self._blobs.update(cat_blobs(missing, root))
        return {sha: self._blobs[sha] for sha in wanted if sha in self._blobs}

    def doc(self, content: bytes | None, source: Source, *, size: int | None = None) -> YamlDoc:
        """``content`` parsed as ``validate`` reads it, its problems and marks naming
        ``source``; parsed again only when it was parsed for another file's name."""
        if content is None:
            return parse(None, source, size=size)
        key = blob_id(content)
        found = self._docs.get(key)
        if found is not None and (found.source.display, found.source.repo_path) == (
            source.display, source.repo_path
        ):
            return found
        doc = parse(content, source, size=size)
        if self._several is None or source.repo_path in self._several:
            self._docs[key] = doc
        return doc

    def parsed(self, content: bytes) -> YamlDoc:
        """``content`` parsed, under whichever file name it was parsed first: for
        what it says (value, problems or not), not where."""
        key = blob_id(content)
        found = self._docs.get(key)
        if found is None:
            found = self._docs[key] = parse(content, _ANY)
        return found

    def value(self, content: bytes) -> Any:
        """What ``content`` says (None when it does not parse)."""
        return self.parsed(content).value


def parse_file(versions: FileVersions | None, content: bytes | None, source: Source,
               *, size: int | None = None) -> YamlDoc:
    """``content`` parsed through ``versions`` when a build shares one."""
    if versions is None:
        return parse(content, source, size=size)
    return versions.doc(content, source, size=size)
