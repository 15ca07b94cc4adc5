"""``scorecard init [DIR]``: start a new evaluations repository."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path, PurePosixPath

import click

from scorecard.authoring import scaffold as scaffold_module
from scorecard.cli.common import DAY, EXIT_USAGE


@click.command("init")
@click.argument("directory", metavar="[DIR]", default=".", type=click.Path(file_okay=False))
@click.option(
    "--organisation",
    metavar="NAME",
    default=None,
    help="Whose programme this is (written into scorecard.yaml).",
)
@click.option(
    "--as-of",
    "as_of",
    type=DAY,
    default=None,
    help="The day to date the example evaluation from (default: today).",
)
def command(directory: str, organisation: str | None, as_of: date | None) -> None:
    """Start a new evaluations repository in DIR (default: here).

    Writes a programme with default categories and criteria, one example
    provider and evaluation, JSON Schemas for editors, CI for GitHub Actions
    and GitLab, a pre-commit hook and a README, and runs `git init` when DIR
    is not in a git repository yet. It never overwrites a file: it says what
    it wrote and what it left alone, so running it twice changes nothing.
    """
    from scorecard.authoring.files import WriteRefused, prepare_folder

    root = Path(directory)  # Click has refused a file already
    try:
        prepare_folder(root)
        _write(root, directory, organisation, as_of)
    except WriteRefused as refused:
        click.echo(f"init stopped: {refused}.", err=True)
        raise SystemExit(EXIT_USAGE) from None


def _write(root: Path, directory: str, organisation: str | None, as_of: date | None) -> None:
    """Write the scaffold into ``root`` (which exists), never over a file or link."""
    from scorecard.authoring import scaffold
    from scorecard.authoring.files import check_folders, make_folders, write_new

    files = scaffold.scaffold_files(
        as_of or date.today(),
        organisation=organisation or scaffold.DEFAULT_ORGANISATION,
        origin=_origin(),
    )
    data_dir = root / scaffold.DATA_DIR
    data_present = data_dir.is_dir() and any(data_dir.iterdir())
    decisions = scaffold.decide(files, lambda p: os.path.lexists(root / p), data_present)

    for d in decisions:  # refuse before writing anything, not half-way
        if d.write:
            check_folders(root, d.file.path.parent.parts)
    said = [_git_init(root)]
    # every file first, then what was done: a reader that stops reading (as
    # `scorecard init | head -1` does) cannot stop the writing half-way
    for d in decisions:
        shown = _shown(root, d.file.path)
        if d.skip_reason is not None:
            said.append(f"skipped {shown} ({d.skip_reason})")
            continue
        folder = make_folders(root, d.file.path.parent.parts)
        try:
            write_new(folder / d.file.path.name, d.file.content)  # never overwrites
        except FileExistsError:  # made since we looked
            said.append(f"skipped {shown} (exists)")
            continue
        said.append(f"wrote   {shown}: {d.file.description}")
    for line in filter(None, said):
        click.echo(line)

    if any(d.write for d in decisions):
        cd = f"cd {directory}, " if root != Path(".") else ""
        click.echo(f"\nNext: {cd}run `scorecard validate`, read README.md, and commit.")
    else:
        click.echo("\nNothing written: every file is there already or was skipped.")


def _origin() -> scaffold_module.Origin:
    """Where this scorecard was installed from, as pip recorded it."""
    from importlib import metadata

    from scorecard import __version__

    try:
        direct_url = metadata.distribution(scaffold_module.DISTRIBUTION).read_text(
            "direct_url.json")
    except metadata.PackageNotFoundError:  # run from a source tree
        direct_url = None
    return scaffold_module.origin_of(__version__, direct_url)


def _git_init(root: Path) -> str | None:
    """``git init`` unless ``root`` is already inside a git work tree; what it did."""
    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=root, capture_output=True, text=True, check=False,
        )
    except OSError as err:
        click.echo(f"could not run git ({err}); install git and run init again.", err=True)
        raise SystemExit(EXIT_USAGE) from None
    if inside.returncode == 0:
        top = Path(inside.stdout.strip())
        if top.resolve() != root.resolve():
            return (f"note: {root} is inside the git repository {top}; CI files only work"
                    " at a repository's root.")
        return "skipped git init (already a git repository)"
    done = subprocess.run(
        ["git", "init", "--quiet", "--initial-branch=main"],
        cwd=root, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:  # git older than 2.28 has no --initial-branch
        done = subprocess.run(["git", "init", "--quiet"], cwd=root, capture_output=True,
                              text=True, check=False)
    if done.returncode != 0:
        click.echo(f"could not run git init: {done.stderr.strip()}", err=True)
        raise SystemExit(EXIT_USAGE)
    return "ran     git init"


def _shown(root: Path, path: PurePosixPath) -> str:
    return str(root / path) if str(root) != "." else str(path)
