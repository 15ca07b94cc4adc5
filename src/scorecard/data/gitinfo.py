"""What git knows about the data: which commit a build is made from, and how records changed.

Every function here runs ``git`` as a subprocess, reads its output and returns
plain values. Nothing raises for a missing repository, an unknown revision or a
missing ``git`` program: those come back as ``Problem``s (or as "no commit").

Decisions worth knowing:

- **Safe directories.** When git refuses a repository owned by another user
  ("dubious ownership"), we do NOT override it with ``-c safe.directory``: that
  check stops a repository's own config (hooks, fsmonitor) from running code
  as us. We report a ``Problem`` whose hint is the one-line fix. CI checkouts
  made by ``actions/checkout`` already mark themselves safe.
- **Amendments come from one ``git log``** over the data folder, bucketed by
  file, so thousands of records cost one process.
- **Renames continue a record's history.** ``git log -M`` pairs a moved file
  with its old path; the move itself counts as an amendment (a record's file
  name is its provider and period, so moving it changes what it says). A move
  that also rewrites more than half the file (git's default similarity), or a
  file deleted and added again later, starts over.
- **Comments and layout are not amendments.** A commit that changes a record's
  file but not its parsed data (a comment, a schema line, indentation) is left
  out of its history, so it neither says "revised" nor moves provenance; see
  ``scorecard.data.sameness`` (one ``git cat-file --batch`` for the log).
- **Per-document provenance** (see ``scorecard.pipeline.stamps``) uses the same log:
  :func:`data_history` gives each file's latest commit and the commits in
  topological order, and :func:`changed_files` the files with uncommitted
  changes (one ``git status``), so each document can name the commit its own
  data was last changed in, and be a draft only when that data is.
- **Shallow clones are refused** for builds (:func:`shallow_problem`): with
  the history cut off, records lose their amendments and documents name
  other commits than a full clone's, so two builds of one commit would
  differ without saying so. The message says how to fetch the history.
- **Days are the committer's day in UTC**, for provenance and amendments alike:
  the day a change entered the history, the same on every machine.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from scorecard.data.datacommit import data_commit
from scorecard.data.gitrun import (
    DUBIOUS,
    dubious_problem,
    existing_folder,
    find_root,
    pathspec_of,
    resolve_commit,
    run_git,
)
from scorecard.data.parsed import FileVersions
from scorecard.data.problems import Location, Problem, shown
from scorecard.data.provenance import Amendment, Provenance
from scorecard.data.sameness import layout_only
from scorecard.data.shown import last_shown_change


def _is_dirty(root: Path, rel: str) -> bool | None:
    """Whether tracked or untracked (not ignored) files under ``rel`` differ from HEAD."""
    run = run_git(["status", "--porcelain", "-z", "--untracked-files=normal", "--", rel], root)
    if not run.ok:
        return None
    return bool(run.out.strip(b"\0"))


def provenance(data_dir: Path, ref: str | None) -> tuple[Provenance | None, list[Problem]]:
    """Which commit a build of ``data_dir`` at ``ref`` (None: the working tree) comes from.

    Outside a repository, or in one with no commits yet, the build is a draft:
    ``Provenance(None, True, None)``. A ``ref`` that names no commit is an error
    (and ``None`` comes back).
    """
    draft = Provenance(commit=None, dirty=True, commit_day=None)
    where = Location(str(data_dir))
    root, run = find_root(data_dir)
    if root is None:
        if run.missing_git:
            if ref is not None:
                return None, [Problem(where, "--ref needs git, and git is not installed",
                                      misuse=True)]
            return draft, []
        if DUBIOUS in run.err:
            problem = dubious_problem(existing_folder(data_dir), run, "error" if ref else "warning")
            return (None if ref is not None else draft), [problem]
        if ref is not None:
            message = (f"cannot read revision '{shown(ref)}': {shown(data_dir, 200)} is not "
                       "inside a git repository")
            return None, [Problem(where, message, misuse=True)]
        return draft, []

    if ref is None:
        commit, day = resolve_commit(root, "HEAD")
        if commit is None:  # no commits yet
            return draft, []
        dirty = _is_dirty(root, pathspec_of(data_dir, root))
        commit, day = _of_data(root, commit, day, data_dir)
        return Provenance(commit=commit, dirty=True if dirty is None else dirty, commit_day=day), []

    commit, day = resolve_commit(root, ref)
    if commit is None:
        return None, [
            Problem(
                where,
                f"git knows no commit called '{shown(ref)}'",
                hint="Give a branch, tag or commit id, e.g. --ref main or --ref v1.2.",
                misuse=True,
            )
        ]
    commit, day = _of_data(root, commit, day, data_dir)
    return Provenance(commit=commit, dirty=False, commit_day=day), []


def _of_data(root: Path, commit: str, day: date | None, data_dir: Path) -> tuple[str, date | None]:
    """The latest commit up to ``commit`` that changed the data folder, and its day
    (``scorecard.data.datacommit``); ``commit`` itself when none did."""
    found = data_commit(root, commit, pathspec_of(data_dir, root))
    return found if found is not None else (commit, day)


def shallow_problem(data_dir: Path) -> Problem | None:
    """An error when ``data_dir`` is in a shallow clone (``git clone --depth``): the
    history that amendments, "revised on" and per-document commits come from is
    cut off. None in a full clone, or outside git."""
    root, _ = find_root(data_dir)
    if root is None:
        return None
    run = run_git(["rev-parse", "--is-shallow-repository"], root)
    if not run.ok or run.out.strip() != b"true":
        return None
    return Problem(
        Location(str(data_dir)),
        "this repository is a shallow clone: its history is cut off, so the documents "
        "would lose the changes made to records (the amendments and \"revised on\") and "
        "name other commits than a full clone would",
        hint="Fetch the whole history: run git fetch --unshallow. In CI, give "
        "actions/checkout the option fetch-depth: 0 (GitHub), or set the variable "
        "GIT_DEPTH: 0 (GitLab).",
    )


def default_as_of(prov: Provenance, today: date) -> date:
    """The as-of day when none is given: the commit's day for a clean build (so CI
    rebuilds of one commit agree), otherwise today."""
    if prov.dirty or prov.commit is None or prov.commit_day is None:
        return today
    return prov.commit_day


@dataclass
class _Commit:
    commit: str
    day: date
    author: str
    subject: str

    def amendment(self) -> Amendment:
        return Amendment(day=self.day, author=self.author, subject=self.subject, commit=self.commit)


def _parse_log_ordered(
    out: bytes, skip: frozenset[tuple[str, str]] = frozenset()
) -> tuple[dict[str, list[Amendment]], dict[str, Amendment], dict[str, int]]:
    """Bucket ``git log --name-status -z`` output by file, oldest commit first.

    Each file's bucket holds the commits after the one that added it; the
    second mapping gives each file's latest commit, adding included. Output
    shape per commit: ``\\x1eHASH\\0TIME\\0AUTHOR\\0SUBJECT\\0`` then, for each
    change, ``STATUS\\0PATH\\0`` (renames: ``Rnnn\\0OLD\\0NEW\\0``). The third
    mapping gives each commit its position in the log (``--topo-order
    --reverse``: a commit comes after every commit it descends from).
    With ``--raw``, a change is ``:MODES BLOBS STATUS\0PATH\0`` instead; the
    (commit, path) pairs in ``skip`` (changes of layout only) are left out.
    """
    history: dict[str, list[Amendment]] = {}
    last: dict[str, Amendment] = {}
    order: dict[str, int] = {}
    tokens = out.split(b"\0")
    i = 0
    current: _Commit | None = None
    while i < len(tokens):
        token = tokens[i].lstrip(b"\n")
        i += 1
        if not token:
            continue
        if token.startswith(b"\x1e"):
            if i + 3 > len(tokens):
                break
            current = _commit_header(token, tokens[i : i + 3])
            i += 3
            if current is not None:
                order.setdefault(current.commit, len(order))
            continue
        if current is None:
            continue
        if token.startswith(b":"):  # --raw: the status is the fifth field
            fields = token[1:].split()
            token = fields[4] if len(fields) > 4 else b"?"
        status = chr(token[0])
        if status in "RC":
            old, new = (os.fsdecode(t) for t in tokens[i : i + 2])
            i += 2
            before = history.pop(old, []) if status == "R" else list(history.get(old, []))
            history[new] = [*before, current.amendment()]
            last[new] = current.amendment()
            if status == "R":
                last.pop(old, None)
            continue
        path = os.fsdecode(tokens[i]) if i < len(tokens) else ""
        i += 1
        if (current.commit, path) not in skip:
            _file_changed(history, last, current, status, path)
    return history, last, order


def _commit_header(token: bytes, fields: list[bytes]) -> _Commit | None:
    """The commit a ``\\x1eHASH`` token starts, from its TIME, AUTHOR and SUBJECT
    fields; None when TIME is not a number (its changes are then skipped)."""
    commit = token[1:].decode("ascii", "replace")
    stamp, author, subject = fields
    try:
        day = datetime.fromtimestamp(int(stamp), tz=UTC).date()
    except ValueError:
        return None
    return _Commit(
        commit, day, author.decode("utf-8", "replace"), subject.decode("utf-8", "replace")
    )


def _file_changed(
    history: dict[str, list[Amendment]],
    last: dict[str, Amendment],
    current: _Commit,
    status: str,
    path: str,
) -> None:
    """Bucket one change other than a rename or copy (``status`` A, M, D, T...)."""
    if status == "D":
        last.pop(path, None)
    else:
        last[path] = current.amendment()
    if status == "A":
        history[path] = []  # added (or added again after a delete): history starts here
    elif status == "D":
        history.pop(path, None)
    elif path in history:
        history[path].append(current.amendment())
    else:  # changed, but its adding commit was not shown: start from here
        history[path] = []


def amendments(
    data_dir: Path, repo_paths: Sequence[str], ref: str | None
) -> dict[str, tuple[Amendment, ...]]:
    """For each record file (path relative to the repository root), the commits that
    changed it after the commit that first added it, oldest first, up to ``ref``
    (None: HEAD). Uncommitted changes are not amendments. Outside a repository,
    or when git cannot answer, every record has none (``provenance`` reports why).
    """
    history, _ = file_history(data_dir, ref)
    return {p: tuple(history.get(p, ())) for p in repo_paths}


def file_history(
    data_dir: Path, ref: str | None
) -> tuple[dict[str, list[Amendment]], dict[str, Amendment]]:
    """Every file of the data folder (path relative to the repository root): its
    amendments (see :func:`amendments`), and the latest commit that added or
    changed it, up to ``ref``. One ``git log`` for the whole folder; both empty
    outside a repository or when git cannot answer.
    """
    found = data_history(data_dir, ref)
    return found.amendments, found.last


@dataclass(frozen=True)
class DataHistory:
    """What one ``git log`` over the data folder tells (paths relative to the
    repository root): each file's amendments, each file's latest commit (adding
    included), and each commit's position in a topological order, oldest
    first, so that "the latest of these commits" is the one with the highest
    position (no later commit is an ancestor of an earlier one)."""

    amendments: dict[str, list[Amendment]]
    last: dict[str, Amendment]
    order: dict[str, int]
    days: dict[str, date] = field(default_factory=dict)  # each commit's day (UTC)

    def latest(self, paths: Sequence[str]) -> str | None:
        """The latest commit that added or changed any of ``paths``; None when git
        knows none of them."""
        best: tuple[int, str] | None = None
        for path in paths:
            found = self.last.get(path)
            if found is None:
                continue
            candidate = (self.order.get(found.commit, -1), found.commit)
            if best is None or candidate > best:
                best = candidate
        return best[1] if best is not None else None


def data_history(data_dir: Path, ref: str | None,
                 versions: FileVersions | None = None) -> DataHistory:
    """:func:`file_history` plus the order of commits; empty outside a repository.
    ``versions``: the build's store of file versions (read and parsed once each)."""
    empty = DataHistory({}, {}, {})
    root, _ = find_root(data_dir)
    if root is None:
        return empty
    commit, _ = resolve_commit(root, ref or "HEAD")
    if commit is None:
        return empty
    run = run_git(
        [
            "-c",
            "log.showRoot=true",
            "log",
            "--no-show-signature",
            "--no-color",
            "--no-relative",
            "--format=%x1e%H%x00%ct%x00%aN%x00%s%x00",
            "--raw",
            "--no-abbrev",
            "-M",
            "-z",
            "--topo-order",
            "--reverse",
            commit,
            "--",
            pathspec_of(data_dir, root),
        ],
        root,
    )
    if not run.ok:
        return empty
    spec = pathspec_of(data_dir, root)
    records = "records/" if spec in ("", ".") else f"{spec.rstrip('/')}/records/"
    same = layout_only(run.out, root, records, versions)
    history, last, order = _parse_log_ordered(run.out, same)
    programme = "scorecard.yaml" if spec == "." else f"{spec}/scorecard.yaml"
    commits = _commits(run.out)
    if programme in last:  # a commit that changed only `distribution` shows in no document
        last[programme] = last_shown_change(run.out, root, programme, last[programme],
                                            commits, versions)
    return DataHistory(history, last, order, {c: a.day for c, a in commits.items()})


def _commits(out: bytes) -> dict[str, Amendment]:
    """Each commit in ``git log`` output of the shape :func:`_parse_log_ordered` reads."""
    tokens = [t.lstrip(b"\n") for t in out.split(b"\0")]
    found = (_commit_header(t, tokens[i + 1 : i + 4]) for i, t in enumerate(tokens)
             if t.startswith(b"\x1e") and i + 4 <= len(tokens))
    return {c.commit: c.amendment() for c in found if c is not None}


def changed_files(data_dir: Path) -> frozenset[str] | None:
    """The files under ``data_dir`` (paths relative to the repository root) whose
    working copy differs from HEAD: changed, added, deleted, renamed (both
    names) or untracked (not ignored). One ``git status``. None when git cannot
    tell (outside a repository, no commits yet): treat everything as changed.
    """
    root, _ = find_root(data_dir)
    if root is None:
        return None
    run = run_git(
        ["status", "--porcelain", "-z", "--untracked-files=all", "--", pathspec_of(data_dir, root)],
        root,
    )
    if not run.ok:
        return None
    changed: set[str] = set()
    tokens = run.out.split(b"\0")
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if len(token) < 4:
            continue
        # "XY PATH"; a rename or copy is followed by its old path as the next token
        changed.add(os.fsdecode(token[3:]))
        if token[:1] in (b"R", b"C") or token[1:2] in (b"R", b"C"):
            if i < len(tokens) and tokens[i]:
                changed.add(os.fsdecode(tokens[i]))
            i += 1
    return frozenset(changed)


def revised_on(changes: Sequence[Amendment]) -> date | None:
    """The day of a record's latest amendment ("revised on DAY"); None if never amended."""
    return max((a.day for a in changes), default=None)
