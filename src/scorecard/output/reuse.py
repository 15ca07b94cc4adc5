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

The output folder is untrusted: whoever can edit its files could put another
PDF in place and write its sha256 into ``.scorecard-inputs.json``. So every
entry carries a keyed hash (HMAC-SHA256 over the path, the input key and the
sha256) whose key the output folder does not hold (:func:`reuse_key`): the
variable ``SCORECARD_REUSE_KEY`` when set (a CI secret, shared by the shares
of a matrix and their join, and never given to pull requests from forks), and
otherwise a random key in the user's cache folder
(``$XDG_CACHE_HOME/scorecard/reuse.key``, made on first use, readable only by
the user). An entry whose HMAC does not match is ignored: the PDF is
rendered again. Without a key (the cache folder cannot be written), nothing
is reused. docs/scaling.md has the reasoning.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

INPUTS_FILE = ".scorecard-inputs.json"
KEY_VARIABLE = "SCORECARD_REUSE_KEY"
_KEY_BYTES = 32


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


def reuse_key() -> bytes | None:
    """The key of the keyed hashes (see the module text); None when there is none
    and none can be made."""
    given = os.environ.get(KEY_VARIABLE, "")
    if given:
        return hashlib.sha256(b"scorecard reuse key\0" + given.encode("utf-8")).digest()
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(cache) / "scorecard"
    path = folder / "reuse.key"
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        try:
            os.write(fd, secrets.token_bytes(_KEY_BYTES))
        finally:
            os.close(fd)
    except FileExistsError:
        pass  # another build made it at the same moment
    except OSError:
        return None
    try:
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        key = os.read(fd, _KEY_BYTES + 1)
    finally:
        os.close(fd)
    return key if len(key) == _KEY_BYTES else None


def _mac(key: bytes, path: str, made: Made) -> str:
    return hmac.new(key, input_key(path, made.input, made.sha256).encode("ascii"),
                    hashlib.sha256).hexdigest()


def read_made(folder: Path, key: bytes | None) -> dict[str, Made]:
    """The entries of an output folder's inputs record whose keyed hash ``key``
    proves; empty when missing, unreadable, or there is no key."""
    if key is None:
        return {}
    try:
        raw = json.loads((folder / INPUTS_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    made: dict[str, Made] = {}
    for path, entry in raw.items():
        if not (isinstance(path, str) and _safe(path) and isinstance(entry, dict)):
            continue
        found, digest, mac = entry.get("input"), entry.get("sha256"), entry.get("hmac")
        if not (isinstance(found, str) and isinstance(digest, str) and isinstance(mac, str)):
            continue
        candidate = Made(found, digest)
        if hmac.compare_digest(mac, _mac(key, path, candidate)):
            made[path] = candidate
    return made


def made_bytes(made: Mapping[str, Made], key: bytes | None) -> bytes:
    """The inputs record as stable JSON, each entry with its keyed hash (none
    without a key: such a record proves nothing, and nothing is reused from it)."""
    data = {
        path: {"input": m.input, "sha256": m.sha256, "hmac": _mac(key, path, m) if key else ""}
        for path, m in sorted(made.items())
    }
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")


class Reuse:
    """Earlier outputs to take documents from, in order of preference."""

    def __init__(self, folders: Sequence[Path], key: bytes | None) -> None:
        self._sources = [(folder, read_made(folder, key)) for folder in folders]

    def find(self, path: str, key: str) -> bytes | None:
        """The bytes of ``path`` made from ``key`` by an earlier build (its keyed
        hash proved), if the file still has those bytes."""
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
