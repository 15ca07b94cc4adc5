"""CLI manners: the data folder found from any subfolder, shell completion of
provider ids and periods, NO_COLOR and --color, a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GitRepo, git_env

ROOT = Path(__file__).resolve().parents[2]


def scorecard(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    e = {**git_env(), "PYTHONPATH": str(ROOT / "src"), **env}
    if "NO_COLOR" not in env:
        e.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "scorecard", *args], cwd=cwd, env=e,
                          capture_output=True, text=True, check=False)


# --- the data folder, found as git finds .git ----------------------------------

@pytest.mark.parametrize("sub", ["evaluations/records/northgate", "evaluations", "docs/notes"])
def test_validate_finds_the_data_from_a_subfolder(demo_repo: GitRepo, sub: str) -> None:
    here = demo_repo.root / sub
    here.mkdir(parents=True, exist_ok=True)
    done = scorecard("validate", cwd=here)
    assert done.returncode == 0, done.stderr
    shown = os.path.relpath(demo_repo.root / "evaluations", here)
    assert done.stdout == f"{shown}: 5 providers, 38 records, no problems.\n"


def test_problems_name_files_from_where_you_are(demo_repo: GitRepo) -> None:
    record = demo_repo.root / "evaluations/records/northgate/2026-Q3.yaml"
    record.write_text(record.read_text().replace("\nlead: ", "\nleed: ", 1))
    done = scorecard("validate", cwd=record.parent)
    assert done.returncode == 1
    assert done.stderr.startswith("2026-Q3.yaml:")  # it is right here
    assert (record.parent / done.stderr.split(":")[0]).resolve() == record


def test_the_search_stops_at_the_repository_root(demo_repo: GitRepo, tmp_path: Path) -> None:
    inner = demo_repo.root / "vendor/other"
    inner.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(inner)], check=True, env=git_env())
    done = scorecard("validate", cwd=inner)  # another repository: not our data
    assert done.returncode == 2  # no data folder there: the command was used wrongly
    assert "evaluations" in done.stderr and "../" not in done.stderr


def test_build_from_a_subfolder_writes_reports_beside_the_data(demo_repo: GitRepo) -> None:
    here = demo_repo.root / "evaluations/providers"
    done = scorecard("build", "--no-pdf", "--provider", "northgate", cwd=here)
    assert done.returncode == 0, done.stderr
    assert (demo_repo.root / "reports/manifest.json").is_file()
    assert not (here / "reports").exists()
    assert " in ../../reports as of " in done.stdout


# --- shell completion ------------------------------------------------------------

def complete(words: str, cwd: Path) -> list[str]:
    done = scorecard(cwd=cwd, _SCORECARD_COMPLETE="bash_complete", COMP_WORDS=words,
                     COMP_CWORD=str(len(words.split(" ")) - 1))
    assert done.returncode == 0, done.stderr
    return [line.split(",", 1)[1] for line in done.stdout.splitlines()]


def test_completion_of_commands_provider_ids_and_periods(demo_repo: GitRepo) -> None:
    root = demo_repo.root
    assert complete("scorecard va", root) == ["validate"]
    assert complete("scorecard new ", root) == [
        "castellan", "deskone", "helpwise", "northgate", "sentinel-bay"]
    assert complete("scorecard new s", root) == ["sentinel-bay"]
    periods = complete("scorecard new northgate 2026-", root)
    assert periods == sorted(p.stem for p in (root / "evaluations/records/northgate").glob(
        "2026-*.yaml"))
    assert "2026-Q3" in periods
    assert complete("scorecard build --provider north", root / "evaluations") == ["northgate"]


# --- colour ----------------------------------------------------------------------

BOLD = "\x1b[1m"


def test_due_is_plain_on_a_pipe_and_bold_with_color_always(demo_repo: GitRepo) -> None:
    plain = scorecard("due", "--as-of", "2026-11-26", cwd=demo_repo.root)
    assert plain.returncode == 0 and BOLD not in plain.stdout and plain.stdout
    forced = scorecard("--color", "always", "due", "--as-of", "2026-11-26",
                       cwd=demo_repo.root)
    assert BOLD in forced.stdout
    never = scorecard("--color", "never", "due", "--as-of", "2026-11-26", cwd=demo_repo.root)
    assert never.stdout == plain.stdout


def test_no_color_wins_over_auto_and_loses_to_always() -> None:
    from scorecard.cli import color_choice

    assert color_choice("auto", {}) is None  # Click's rule: colour on a terminal only
    assert color_choice("auto", {"NO_COLOR": "1"}) is False
    assert color_choice("auto", {"NO_COLOR": ""}) is None  # set but empty: not set
    assert color_choice("always", {"NO_COLOR": "1"}) is True
    assert color_choice("never", {}) is False


def test_no_color_on_a_terminal(demo_repo: GitRepo) -> None:
    import pty

    def on_terminal(**env: str) -> bytes:
        leader, follower = pty.openpty()
        e = {**git_env(), "PYTHONPATH": str(ROOT / "src"), **env}
        proc = subprocess.Popen([sys.executable, "-m", "scorecard", "due", "--as-of",
                                 "2026-11-26"], cwd=demo_repo.root, env=e, stdout=follower,
                                stderr=subprocess.DEVNULL)
        os.close(follower)
        out = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        proc.wait()
        os.close(leader)
        return out

    assert BOLD.encode() in on_terminal()
    assert BOLD.encode() not in on_terminal(NO_COLOR="1")


# --- a closed pipe -----------------------------------------------------------------

def test_init_writes_everything_even_when_its_reader_stops_at_once(tmp_path: Path) -> None:
    e = {**git_env(), "PYTHONPATH": str(ROOT / "src")}
    # `scorecard init repo | true`: the reader is gone before init prints a line
    reader_gone = subprocess.run(
        f'"{sys.executable}" -m scorecard init repo --as-of 2026-11-26 | true',
        shell=True, cwd=tmp_path, env=e, capture_output=True, text=True, check=False)
    assert "Traceback" not in reader_gone.stderr
    again = subprocess.run([sys.executable, "-m", "scorecard", "init", "repo", "--as-of",
                            "2026-11-26"], cwd=tmp_path, env=e, capture_output=True,
                           text=True, check=False)
    wrote = [line for line in again.stdout.splitlines() if line.startswith("wrote")]
    assert wrote == []  # the first run had written every file
    assert again.stdout.count(" (exists)") == 14  # every file init writes
