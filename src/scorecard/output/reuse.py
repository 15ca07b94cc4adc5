"""Reusing rendered documents whose inputs did not change (incremental builds).

Every output folder keeps ``.scorecard-inputs.json``: for each document it
made, a key that sums up everything the document was made from, and the
sha256 of the bytes. A later build computes the key of each document again;
when it is the same and the file still has those bytes, the file is reused
instead of rendered. Keys cover the document's full HTML (which holds every
figure, sentence and the provenance), the template files (fonts and styles
the PDF renderer may read), and the versions of scorecard and WeasyPrint: a
reused file is therefore byte-identical to what a full build would make.

A joined build (``--join``) looks in the folders of the shards as well, so
joining is an incremental build whose earlier outputs are the shards.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

INPUTS_FILE = ".scorecard-inputs.json"


@dataclass(frozen=True)
class Made:
    """What one document was made from (``input``) and what it came out as."""

    input: str
    sha256: str


def input_key(*parts: bytes | str) -> str:
    """A sha256 over the parts, each length-prefixed so they cannot run together."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def folder_key(folders: Iterable[Path]) -> str:
    """A key over every file in ``folders`` (names and bytes), in a stable order."""
    parts: list[bytes | str] = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            parts.append(path.relative_to(folder).as_posix())
            parts.append(path.read_bytes())
    return input_key(*parts)


def _safe(path: str) -> bool:
    pure = PurePosixPath(path)
    return bool(path) and not pure.is_absolute() and ".." not in pure.parts


def read_made(folder: Path) -> dict[str, Made]:
    """The inputs record of an output folder; empty when missing or unreadable."""
    try:
        raw = json.loads((folder / INPUTS_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    made: dict[str, Made] = {}
    for path, entry in raw.items():
        if (
            isinstance(path, str)
            and _safe(path)
            and isinstance(entry, dict)
            and isinstance(entry.get("input"), str)
            and isinstance(entry.get("sha256"), str)
        ):
            made[path] = Made(entry["input"], entry["sha256"])
    return made


def made_bytes(made: Mapping[str, Made]) -> bytes:
    """The inputs record as stable JSON."""
    data = {path: {"input": m.input, "sha256": m.sha256} for path, m in sorted(made.items())}
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")


class Reuse:
    """Earlier outputs to take documents from, in order of preference."""

    def __init__(self, folders: Sequence[Path]) -> None:
        self._sources = [(folder, read_made(folder)) for folder in folders]

    def find(self, path: str, key: str) -> bytes | None:
        """The bytes of ``path`` made from ``key`` by an earlier build, if intact."""
        for folder, made in self._sources:
            entry = made.get(path)
            if entry is None or entry.input != key:
                continue
            target = folder / path
            if target.is_symlink() or not target.is_file():
                continue
            try:
                content = target.read_bytes()
            except OSError:
                continue
            if hashlib.sha256(content).hexdigest() == entry.sha256:
                return content
        return None
