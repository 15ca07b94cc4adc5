"""Every committed version of the provider and record files: what a document as
issued needs to tell which commit changed what it shows.

A provider file is a running log: an action raised after an evaluation changes the
file, but not the documents of that evaluation, which show the actions raised on
or before its day. :func:`listed_versions` lists, with one ``git log``, each
file's versions, oldest first, each with the commit that made it;
:func:`data_versions` reads them, with one ``git cat-file``.
"""

from __future__ import annotations

from pathlib import Path

from scorecard.data.gitrun import find_root, pathspec_of, raw_changes, resolve_commit, run_git
from scorecard.data.parsed import FileVersions

__all__ = ["Listed", "Versions", "data_versions", "listed_versions", "several"]

Versions = dict[str, list[tuple[str, bytes]]]  # repo path -> [(commit, content)], oldest first


def _parse_raw_log(out: bytes) -> dict[str, list[tuple[str, str]]]:
    """``git log --raw -z --no-abbrev`` output: each path's (commit, blob) in order."""
    found: dict[str, list[tuple[str, str]]] = {}
    for change in raw_changes(out):
        if not change.status.startswith("D"):
            found.setdefault(change.path, []).append((change.commit, change.after))
    return found


Listed = tuple[dict[str, list[tuple[str, str]]], Path | None]  # path -> [(commit, blob)], root


def listed_versions(data_dir: Path, ref: str | None,
                    folders: tuple[str, ...] = ("providers/", "records/")) -> Listed:
    """Each committed version of the files in ``folders`` of the data folder, up to
    ``ref`` (None: HEAD), oldest first, as (commit, blob id), with one ``git log``;
    and the repository's root (None, and nothing listed, outside a repository or
    when git cannot answer)."""
    root, _ = find_root(data_dir)
    if root is None:
        return {}, None
    commit, _ = resolve_commit(root, ref or "HEAD")
    if commit is None:
        return {}, None
    spec = pathspec_of(data_dir, root)
    prefix = "" if spec in ("", ".") else f"{spec.rstrip('/')}/"
    run = run_git(
        ["log", "--no-show-signature", "--no-color", "--format=%x1e%H", "--raw", "-z",
         "--no-abbrev", "-M", "--topo-order", "--reverse", commit, "--",
         *(prefix + folder for folder in folders)],
        root,
    )
    return (_parse_raw_log(run.out), root) if run.ok else ({}, None)


def several(listed: Listed) -> frozenset[str]:
    """The files with more than one version."""
    return frozenset(path for path, found in listed[0].items() if len(found) > 1)


def data_versions(data_dir: Path, ref: str | None,
                  folders: tuple[str, ...] = ("providers/", "records/"),
                  versions: FileVersions | None = None, listed: Listed | None = None) -> Versions:
    """Each committed version of the files in ``folders`` of the data folder, up to
    ``ref`` (None: HEAD), oldest first; each version read once (one ``git log``,
    none when ``listed`` gives its answer, and one ``git cat-file``, none for what
    ``versions``, the build's store, has read already), and not at all for a file
    with one version (its content is then ``b""``). Empty outside a repository or
    when git cannot answer."""
    found_all, root = listed if listed is not None else listed_versions(data_dir, ref, folders)
    if root is None:
        return {}
    # a file with one version changed nothing since it was added: its content is not
    # needed to tell which commit changed what a document shows of it
    store = versions or FileVersions()
    blobs = store.read(sorted({sha for found in found_all.values() if len(found) > 1
                               for _, sha in found}), root)
    return {
        path: ([(c, blobs[sha]) for c, sha in found if sha in blobs] if len(found) > 1
               else [(c, b"") for c, _ in found])
        for path, found in found_all.items()
    }
