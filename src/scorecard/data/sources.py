"""Finding and reading the data folder's files: from the working tree, or from git.

With a revision, files are read exactly as committed there, with three git
processes in all (``rev-parse``, ``ls-tree``, one ``cat-file --batch`` for
every blob); nothing is checked out and the working tree is never touched.

Both ways list the folder's entries and let ``entries.judge`` say what each is,
so they agree about links, special files and files in the wrong place. In the
working tree nothing is opened before ``lstat`` says it is a regular file, and
then only with ``O_NOFOLLOW | O_NONBLOCK``: a link is never followed, and a
named pipe or device never blocks a run.
"""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scorecard.data.blobs import ReadBlobs, cat_blobs
from scorecard.data.entries import Entry, Kind, judge, limit_for, watched
from scorecard.data.problems import Location, Problem, shown

__all__ = ["Kind", "ReadBlobs", "SourceFile", "git_toplevel", "read_data", "read_git",
           "read_worktree"]


@dataclass(frozen=True)
class SourceFile:
    """One data file. ``rel`` is its path inside the data folder, as parts."""

    kind: Kind
    rel: tuple[str, ...]
    display: str  # shown to users: relative to the current directory
    repo_path: str  # inside the git repository ("" when there is none)
    data: bytes | None  # None when the file is over its limit (entries.limit_for): not read
    size: int

    @property
    def stem(self) -> str:
        name = self.rel[-1]
        return name.rsplit(".", 1)[0]


def _display(given: str, rel: tuple[str, ...] = ()) -> str:
    """A path in the data folder as the user wrote the folder: ``evaluations/x.yaml``
    for ``--data evaluations``, absolute for an absolute ``--data``. A relative path
    is said from the current folder, the shortest way (``2026-Q3.yaml`` from inside
    ``records/northgate`` when the data folder was found as ``../..``)."""
    base = os.path.normpath(given)
    joined = os.path.join(*rel) if base == "." and rel else os.path.join(base, *rel)
    if os.path.isabs(joined):
        return joined
    try:
        return os.path.relpath(joined)
    except (ValueError, OSError):  # another drive on Windows; the current folder is gone
        return joined


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, LC_ALL="C", GIT_OPTIONAL_LOCKS="0")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env, check=False)


def _existing_ancestor(path: Path) -> Path:
    """``path`` or the nearest folder above it that exists; a link is not taken as
    a folder (a linked data folder must not lead git into another repository)."""
    while (path.is_symlink() or not path.is_dir()) and path != path.parent:
        path = path.parent
    return path


def git_toplevel(path: Path) -> Path | None:
    """The root of the git work tree that holds ``path``, if any."""
    try:
        done = _git(["rev-parse", "--show-toplevel"], _existing_ancestor(path))
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode("utf-8", "surrogateescape").strip())


def _repo_rel(path: Path, top: Path | None) -> str:
    """``path`` inside the repository at ``top``: its folders resolved, its own name
    not (a data folder that is a link is reported, never followed)."""
    if top is None:
        return ""
    path = Path(os.path.abspath(path))
    parent = _existing_ancestor(path.parent)
    full = parent.resolve() / path.relative_to(parent)
    try:
        return full.relative_to(top.resolve()).as_posix()
    except ValueError:
        return ""


def _misuse(where: str, message: str, hint: str) -> Problem:
    """A problem with the command rather than the data (it exits 2)."""
    return Problem(Location(where), message, hint=hint, misuse=True)


# --- the working tree -------------------------------------------------------


def _kind_of(entry: os.DirEntry[str]) -> Entry | None:
    """What a listed entry is, without following a link; None for a folder. Uses the
    type the listing gave (no extra system call) where the file system gives one."""
    if entry.is_symlink():
        return "link"
    if entry.is_dir(follow_symlinks=False):
        return None
    if entry.is_file(follow_symlinks=False):
        return "file"
    return "special"  # a pipe, device or socket


def _walk(folder: str, rel: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Entry | None]]:
    """Every entry under ``folder`` but folders and hidden ones, sorted, links not
    followed; a folder that holds ``.git`` is a repository of its own (a submodule).
    A folder that cannot be listed comes as ``(its path, None)``."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError:
        yield rel, None
        return
    for entry in entries:
        sub = (*rel, entry.name)
        if entry.name.startswith("."):
            continue
        try:
            kind = _kind_of(entry)
        except OSError:  # gone since it was listed
            continue
        if kind is not None:
            yield sub, kind
        elif os.path.lexists(os.path.join(entry.path, ".git")):
            yield sub, "submodule"
        else:
            yield from _walk(entry.path, sub)


def _read_regular(path: Path, limit: int) -> tuple[bytes | None, int]:
    """The bytes of a regular file (None when over ``limit``) and its size; never
    follows a link and never waits on a pipe or device (OSError instead)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped since it was listed
            raise OSError(0, "it is not a regular file any more")
        if info.st_size > limit:
            return None, info.st_size
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, limit + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
        return (data if total <= limit else None), max(total, info.st_size)
    finally:
        os.close(fd)


def _folder_problem(data_dir: Path, given: str) -> Problem | None:
    """Why ``data_dir`` cannot be read as the data folder, if it cannot."""
    try:
        mode = os.lstat(data_dir).st_mode
    except OSError:
        return _no_folder(given)
    if stat.S_ISLNK(mode):
        return _misuse(given, "the data folder is a symbolic link, which scorecard does "
                       "not follow", "Name the folder it points to with --data DIR.")
    if not stat.S_ISDIR(mode):
        return _misuse(given, "this is not a folder",
                       "Name the folder that holds scorecard.yaml with --data DIR.")
    return None


def read_worktree(
    data_dir: Path, given: str | None = None
) -> tuple[list[SourceFile], list[Problem]]:
    """Every data file under ``data_dir`` as it is on disk now (what git would commit:
    files git ignores are not read)."""
    given = str(data_dir) if given is None else given
    problem = _folder_problem(data_dir, given)
    if problem is not None:
        return [], [problem]
    top = git_toplevel(data_dir)
    repo_base = _repo_rel(data_dir, top)
    ignored = _Ignored.of(top, repo_base)
    files: list[SourceFile] = []
    problems: list[Problem] = []
    for rel, entry in _walk(str(data_dir)):
        path = data_dir.joinpath(*rel)
        display = _display(given, rel)
        repo_path = "" if top is None else "/".join(
            rel if repo_base in ("", ".") else (repo_base, *rel))
        if entry is None:
            problems.append(Problem(Location(display), "cannot list the files in this folder"))
            continue
        if repo_path and ignored.covers(repo_path):
            if watched(rel):
                problems.append(_git_ignores(display))
            continue
        kind = judge(rel, entry, display)
        if isinstance(kind, Problem):
            problems.append(kind)
            continue
        if kind is None:
            continue
        try:
            data, size = _read_regular(path, limit_for(kind))
        except OSError as exc:
            problems.append(Problem(Location(display), "cannot read this file: "
                                    f"{exc.strerror or 'unknown error'}"))
            continue
        files.append(SourceFile(kind, rel, display, repo_path, data, size))
    return files, problems


@dataclass(frozen=True)
class _Ignored:
    """The untracked files and folders git ignores under the data folder (paths
    inside the repository; folders end in ``/``), from one ``git ls-files``."""

    paths: frozenset[str]

    @classmethod
    def of(cls, top: Path | None, repo_base: str) -> _Ignored:
        if top is None:
            return cls(frozenset())
        args = ["--literal-pathspecs", "ls-files", "-z", "--others", "--ignored",
                "--exclude-standard", "--directory", "--", repo_base or "."]
        try:
            done = _git(args, top)
        except OSError:
            return cls(frozenset())
        if done.returncode != 0:  # e.g. a repository git refuses: read everything
            return cls(frozenset())
        listed = done.stdout.decode("utf-8", "surrogateescape").split("\0")
        return cls(frozenset(p for p in listed if p))

    def covers(self, repo_path: str) -> bool:
        if not self.paths:
            return False
        if repo_path in self.paths:
            return True
        parts = repo_path.split("/")
        return any("/".join(parts[:i]) + "/" in self.paths for i in range(1, len(parts)))


def _git_ignores(display: str) -> Problem:
    return Problem(
        Location(display),
        "git ignores this file (see .gitignore), so scorecard does not read it either",
        hint="If it is data, remove it from .gitignore or commit it with git add -f.",
        severity="warning",
    )


def _no_folder(given: str) -> Problem:
    return _misuse(
        given,
        "there is no such folder",
        "Run scorecard from the repository's root folder, or name the data folder "
        "with --data DIR.",
    )


# --- a git revision ---------------------------------------------------------


def read_git(
    data_dir: Path, ref: str, given: str | None = None, read: ReadBlobs | None = None
) -> tuple[list[SourceFile], list[Problem]]:
    """Every data file under ``data_dir`` exactly as committed at ``ref``; ``read``:
    how to read blobs (default :func:`cat_blobs`)."""
    given = str(data_dir) if given is None else given
    data_dir = Path(os.path.abspath(data_dir))
    top = git_toplevel(data_dir)
    if top is None:
        return [], [_misuse(
            given, "--ref needs a git repository, but this folder is not inside one",
            "Leave out --ref to read the files as they are, or run git init.",
        )]
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top)
    if done.returncode != 0:
        return [], [_misuse(
            given, f"git knows no revision called '{shown(ref)}'",
            "Use a branch, tag or commit that exists (git log --oneline lists commits).",
        )]
    commit = done.stdout.decode().strip()
    prefix = _repo_rel(data_dir, top)
    args = ["ls-tree", "-r", "-l", "-z", "--full-tree", commit]
    if prefix and prefix != ".":
        args += ["--", prefix]
    listing = _git(args, top)
    if listing.returncode != 0:
        message = listing.stderr.decode("utf-8", "replace").strip()
        return [], [Problem(Location(given), f"git could not list the files: {message}")]
    base = "" if prefix in ("", ".") else prefix + "/"
    wanted, problems, seen_any = _listed_files(listing.stdout, base, given)
    if not seen_any:
        return [], [_misuse(
            given, f"this folder does not exist at revision '{shown(ref)}'",
            "Check --data and --ref: the folder must be committed at that revision.",
        )]
    blobs = (read or cat_blobs)([sha for f, sha in wanted if f.size <= limit_for(f.kind)], top)
    files = [
        SourceFile(f.kind, f.rel, f.display, f.repo_path, blobs.get(sha), f.size)
        for f, sha in wanted
    ]
    return files, problems


def _git_entry(mode: bytes, otype: bytes) -> Entry:
    """What a ``git ls-tree`` entry is: git records a link as mode 120000 and a
    submodule as a commit (mode 160000)."""
    if mode == b"120000":
        return "link"
    if otype == b"commit":
        return "submodule"
    return "file" if otype == b"blob" else "special"


def _listed_files(
    listing: bytes, base: str, given: str
) -> tuple[list[tuple[SourceFile, str]], list[Problem], bool]:
    """The data files in ``git ls-tree -r -l -z`` output (not read yet), each with its
    blob's id; the problems with the other entries; and whether anything was listed
    under the data folder."""
    wanted: list[tuple[SourceFile, str]] = []
    problems: list[Problem] = []
    seen_any = False
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, _, raw_path = item.partition(b"\t")
        mode, otype, sha, size_text = meta.split()
        repo_path = raw_path.decode("utf-8", "surrogateescape")
        entry = _git_entry(mode, otype)
        seen_any = True
        if base and repo_path == base[:-1]:  # the data folder itself is not a folder
            problems.append(_misuse(
                _display(given), "at this revision the data folder is not a folder "
                "(a symbolic link, a file or a submodule)",
                "Name the folder that holds scorecard.yaml with --data DIR.",
            ))
            continue
        rel = tuple(repo_path[len(base):].split("/"))
        display = _display(given, rel)
        kind = judge(rel, entry, display)
        if isinstance(kind, Problem):
            problems.append(kind)
        elif kind is not None:
            size = int(size_text)
            wanted.append((SourceFile(kind, rel, display, repo_path, None, size), sha.decode()))
    return wanted, problems, seen_any


def read_data(
    data_dir: str | Path, ref: str | None = None, read: ReadBlobs | None = None
) -> tuple[list[SourceFile], list[Problem]]:
    """The data files, from the working tree or (with ``ref``) from git. Problems
    about the folder itself name it as it was given."""
    given = os.fspath(data_dir)
    path = Path(data_dir)
    if ref is not None:
        return read_git(path, ref, given, read)
    return read_worktree(path, given)
