"""Which entries of a data folder are data: one rule for the working tree and for git.

Both ways of reading the data (``sources``) list the folder's entries, each with
a path inside the data folder and what it is (a regular file, a symbolic link,
something else), and ask :func:`judge` what to do with it. So the two agree:

- the data is regular files only. A symbolic link, a named pipe, a device, a
  socket or a git submodule where scorecard looks for data (a YAML file, or
  anything under ``providers/`` or ``records/``, those folders included) is an
  error naming the path; its target is never opened or shown;
- a YAML file that is not where data lives, a ``.YAML`` written in upper case,
  and any other file under ``providers/`` or ``records/`` get a warning naming
  the file (it is not read);
- hidden entries (a name starting with ``.``) and other files are ignored.
"""

from __future__ import annotations

from typing import Literal

from scorecard.data.problems import Location, Problem
from scorecard.data.yaml.reader import MAX_BYTES

Kind = Literal["programme", "provider", "record", "source"]
Entry = Literal["file", "link", "submodule", "special"]
YAML_SUFFIXES = (".yaml", ".yml")
DATA_FOLDERS = ("providers", "records", "sources")
MAX_SOURCE_BYTES = 512 * 1024 * 1024  # a source file over this is refused, not read
SOURCE_SUFFIXES = (".csv", ".xlsx")  # sources/<provider>/<period>/<name>.csv (format.md v1.2)


def is_yaml(name: str) -> bool:
    return name.endswith(YAML_SUFFIXES) and not name.startswith(".")


def _looks_like_yaml(name: str) -> bool:
    return name.lower().endswith(YAML_SUFFIXES)


def _hidden(rel: tuple[str, ...]) -> bool:
    return any(p.startswith(".") for p in rel)


def classify(rel: tuple[str, ...]) -> Kind | Literal["misplaced", "case", "stray"] | None:
    """Which kind of file ``rel`` is; None for files that are not data and not near it."""
    if not rel or _hidden(rel):
        return None
    name = rel[-1]
    if rel[0] == "sources" and not name.startswith("."):
        return "source" if len(rel) == 4 and name.endswith(SOURCE_SUFFIXES) else "stray"
    if not is_yaml(name):
        if _looks_like_yaml(name):
            return "case"
        return "stray" if len(rel) > 1 and rel[0] in DATA_FOLDERS else None
    if len(rel) == 1:
        return "programme" if name in ("scorecard.yaml", "scorecard.yml") else "misplaced"
    if rel[0] == "providers":
        return "provider" if len(rel) == 2 else "misplaced"
    if rel[0] == "records":
        return "record" if len(rel) == 3 else "misplaced"
    return "misplaced"


def watched(rel: tuple[str, ...]) -> bool:
    """Whether scorecard looks at ``rel`` at all (a link or special file there is an error)."""
    if not rel or _hidden(rel):
        return False
    return rel[0] in DATA_FOLDERS or classify(rel) is not None


_WHAT = {
    "link": "a symbolic link",
    "submodule": "a git submodule (or another repository inside this one)",
    "special": "not a regular file (a named pipe, device or socket)",
}


def not_regular(display: str, entry: Entry) -> Problem:
    """The error for a link, submodule or special file where data lives."""
    hint = ("Put the file itself here: git commits only the link, and what it points "
            "to can differ between machines." if entry == "link"
            else "Keep the data as ordinary files committed in this repository.")
    return Problem(
        Location(display),
        f"this is {_WHAT[entry]}; scorecard reads only regular files in the data "
        "folder, so it is not read",
        hint=hint,
    )


def _ignored(display: str, message: str, hint: str) -> Problem:
    return Problem(Location(display), message, hint=hint, severity="warning")


_WHERE = ("The programme is scorecard.yaml, providers are providers/<provider>.yaml and "
          "records are records/<provider>/<period>.yaml.")


def judge(rel: tuple[str, ...], entry: Entry, display: str) -> Kind | Problem | None:
    """What one entry of the data folder is: a data file's kind, a problem, or None
    (not data, say nothing). ``display`` names it in the problem."""
    if entry != "file":
        return not_regular(display, entry) if watched(rel) else None
    kind = classify(rel)
    if kind == "misplaced":
        return _ignored(display, "this YAML file is not where scorecard looks for data, "
                        "so it is ignored", _WHERE)
    if kind == "case":
        stem, _, suffix = rel[-1].rpartition(".")
        return _ignored(display, f"scorecard reads only files ending in .yaml or .yml in "
                        f"lower case, so this .{suffix} file is ignored",
                        f"Rename it to {stem}.{suffix.lower()}.")
    if kind == "stray" and rel[0] == "sources":
        return _ignored(display, "sources/ holds only <provider>/<period>/<name>.csv or .xlsx "
                        "files, so this file is ignored", "Move it to where sources live, "
                        "or remove it.")
    if kind == "stray":
        return _ignored(display, f"{rel[0]}/ holds only YAML files, so this file is ignored",
                        "Move it out of the data folder, or remove it.")
    return kind


def limit_for(kind: Kind) -> int:
    """The most bytes a file of ``kind`` may hold to be read at all."""
    return MAX_SOURCE_BYTES if kind == "source" else MAX_BYTES
