"""Finding and reading the data folder's files: from the working tree, or from git.

With a revision, files are read exactly as committed there, with three git
processes in all (``rev-parse``, ``ls-tree``, one ``cat-file --batch`` for
every blob); nothing is checked out and the working tree is never touched.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from scorecard.data.problems import Location, Problem
from scorecard.data.yaml.reader import MAX_BYTES

Kind = Literal["programme", "provider", "record"]
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class SourceFile:
    """One data file. ``rel`` is its path inside the data folder, as parts."""

    kind: Kind
    rel: tuple[str, ...]
    display: str  # shown to users: relative to the current directory
    repo_path: str  # inside the git repository ("" when there is none)
    data: bytes | None  # None when the file is over MAX_BYTES and was not read
    size: int

    @property
    def stem(self) -> str:
        name = self.rel[-1]
        return name.rsplit(".", 1)[0]


def is_yaml(name: str) -> bool:
    return name.endswith(YAML_SUFFIXES) and not name.startswith(".")


def classify(rel: tuple[str, ...]) -> Kind | Literal["misplaced"] | None:
    """Which kind of file ``rel`` is; None for files that are not data."""
    if not rel or not is_yaml(rel[-1]) or any(p.startswith(".") for p in rel):
        return None
    if len(rel) == 1:
        return "programme" if rel[0] in ("scorecard.yaml", "scorecard.yml") else "misplaced"
    if rel[0] == "providers":
        return "provider" if len(rel) == 2 else "misplaced"
    if rel[0] == "records":
        return "record" if len(rel) == 3 else "misplaced"
    return "misplaced"


def _misplaced(display: str) -> Problem:
    return Problem(
        Location(display),
        "this YAML file is not where scorecard looks for data, so it is ignored",
        hint="The programme is scorecard.yaml, providers are providers/<provider>.yaml and "
        "records are records/<provider>/<period>.yaml.",
        severity="warning",
    )


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, LC_ALL="C", GIT_OPTIONAL_LOCKS="0")
    return subprocess.run(
        ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False
    )


def _existing_ancestor(path: Path) -> Path:
    while not path.is_dir() and path != path.parent:
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
    if top is None:
        return ""
    try:
        return path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return ""


# --- the working tree -------------------------------------------------------


def _walk(data_dir: Path) -> Iterable[tuple[str, ...]]:
    """Paths of the files at the three places data lives (deeper folders are not read)."""

    def files(path: str) -> list[os.DirEntry[str]]:
        return sorted(os.scandir(path), key=lambda e: e.name)

    for entry in files(str(data_dir)):
        if entry.is_file():
            yield (entry.name,)
        elif entry.is_dir() and entry.name in ("providers", "records"):
            for sub in files(entry.path):
                if sub.is_file():
                    yield (entry.name, sub.name)
                elif sub.is_dir() and entry.name == "records":
                    for leaf in files(sub.path):
                        if leaf.is_file():
                            yield (entry.name, sub.name, leaf.name)


def read_worktree(data_dir: Path) -> tuple[list[SourceFile], list[Problem]]:
    """Every data file under ``data_dir`` as it is on disk now."""
    if not data_dir.is_dir():
        return [], [_no_folder(data_dir)]
    top = git_toplevel(data_dir)
    repo_base = _repo_rel(data_dir, top)
    files: list[SourceFile] = []
    problems: list[Problem] = []
    for rel in _walk(data_dir):
        kind = classify(rel)
        if kind is None:
            continue
        path = data_dir.joinpath(*rel)
        display = _display(path)
        if kind == "misplaced":
            problems.append(_misplaced(display))
            continue
        if top is None:
            repo_path = ""
        elif repo_base in ("", "."):
            repo_path = "/".join(rel)
        else:
            repo_path = "/".join((repo_base, *rel))
        try:
            size = path.stat().st_size
            data = path.read_bytes() if size <= MAX_BYTES else None
        except OSError as exc:
            problems.append(Problem(Location(display), f"cannot read this file: {exc.strerror}"))
            continue
        files.append(SourceFile(kind, rel, display, repo_path, data, size))
    return files, problems


def _no_folder(data_dir: Path) -> Problem:
    return Problem(
        Location(_display(data_dir)),
        "there is no such folder",
        hint="Run scorecard from the repository's root folder, or name the data folder "
        "with --data DIR.",
    )


# --- a git revision ---------------------------------------------------------


def read_git(data_dir: Path, ref: str) -> tuple[list[SourceFile], list[Problem]]:
    """Every data file under ``data_dir`` exactly as committed at ``ref``."""
    data_dir = Path(os.path.abspath(data_dir))
    shown = _display(data_dir)
    top = git_toplevel(data_dir)
    if top is None:
        return [], [Problem(
            Location(shown),
            "--ref needs a git repository, but this folder is not inside one",
            hint="Leave out --ref to read the files as they are, or run git init.",
        )]
    done = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top)
    if done.returncode != 0:
        return [], [Problem(
            Location(shown),
            f"git knows no revision called '{ref}'",
            hint="Use a branch, tag or commit that exists (git log --oneline lists commits).",
        )]
    commit = done.stdout.decode().strip()
    prefix = _repo_rel(_resolve_missing(data_dir), top)
    args = ["ls-tree", "-r", "-l", "-z", "--full-tree", commit]
    if prefix and prefix != ".":
        args += ["--", prefix + "/"]
    listing = _git(args, top)
    if listing.returncode != 0:
        message = listing.stderr.decode("utf-8", "replace").strip()
        return [], [Problem(Location(shown), f"git could not list the files: {message}")]
    base = "" if prefix in ("", ".") else prefix + "/"
    wanted, problems, seen_any = _listed_files(listing.stdout, base, data_dir)
    if not seen_any:
        return [], [Problem(
            Location(shown), f"this folder does not exist at revision '{ref}'",
            hint="Check --data and --ref: the folder must be committed at that revision.",
        )]
    blobs = _cat_blobs([sha for f, sha in wanted if f.size <= MAX_BYTES], top)
    files = [
        SourceFile(f.kind, f.rel, f.display, f.repo_path, blobs.get(sha), f.size)
        for f, sha in wanted
    ]
    return files, problems


def _listed_files(
    listing: bytes, base: str, data_dir: Path
) -> tuple[list[tuple[SourceFile, str]], list[Problem], bool]:
    """The data files in ``git ls-tree -r -l -z`` output (not read yet), each with its
    blob's id; the problems with the other entries; and whether anything was listed."""
    wanted: list[tuple[SourceFile, str]] = []
    problems: list[Problem] = []
    seen_any = False
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, otype, sha, size_text = meta.split()
        repo_path = raw_path.decode("utf-8", "surrogateescape")
        seen_any = True
        rel = tuple(repo_path[len(base):].split("/"))
        kind = classify(rel)
        if kind is None or otype != b"blob":
            continue
        display = _display(data_dir.joinpath(*rel))
        if kind == "misplaced":
            problems.append(_misplaced(display))
            continue
        if mode == b"120000":
            problems.append(Problem(Location(display), "this is a symbolic link, which is "
                                    "not read at a revision; it is ignored", severity="warning"))
            continue
        size = int(size_text)
        wanted.append((SourceFile(kind, rel, display, repo_path, None, size), sha.decode()))
    return wanted, problems, seen_any


def _resolve_missing(path: Path) -> Path:
    """``path`` with symlinks resolved as far as it exists (it may not at all)."""
    existing = _existing_ancestor(path)
    return existing.resolve() / path.relative_to(existing)


def _cat_blobs(shas: list[str], top: Path) -> dict[str, bytes]:
    """The content of every blob, read by one ``git cat-file --batch``."""
    if not shas:
        return {}
    done = _git(["cat-file", "--batch"], top, stdin="\n".join(shas).encode() + b"\n")
    out = done.stdout
    blobs: dict[str, bytes] = {}
    pos = 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) < 3:  # "<sha> missing"
            continue
        size = int(header[2])
        blobs[header[0].decode()] = out[pos: pos + size]
        pos += size + 1
    return blobs


def read_data(
    data_dir: str | Path, ref: str | None = None
) -> tuple[list[SourceFile], list[Problem]]:
    """The data files, from the working tree or (with ``ref``) from git."""
    path = Path(data_dir)
    if ref is not None:
        return read_git(path, ref)
    return read_worktree(path)
