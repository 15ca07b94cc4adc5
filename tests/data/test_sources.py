"""The data is what git would commit, inside the data folder: links, pipes, devices and
submodules are errors naming the path (never what they point to), in the working tree
and with ``--ref`` alike; stray files are warned about the same way in both.

Every test runs ``scorecard validate`` on a real git repository, once on the working
tree and once with ``--ref HEAD``, and compares the two."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import scorecard
from conftest import ROOT, GitRepo, make_repo, run_cli

SECRET = "provider: hunter2-SECRET-TOKEN\npassword: hunter2-SECRET-TOKEN\n"
LINK_ERROR = ("this is a symbolic link; scorecard reads only regular files in the data "
              "folder, so it is not read")


def validate(repo: GitRepo, *args: str) -> tuple[int, str]:
    """``scorecard validate`` from the repository's root; exit code and all output."""
    cwd = os.getcwd()
    os.chdir(repo.root)
    try:
        result = run_cli("validate", *args)
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout + result.stderr


def both_modes(repo: GitRepo) -> list[tuple[int, str]]:
    """validate on the working tree and at HEAD (everything committed first)."""
    repo.commit("Data")
    return [validate(repo), validate(repo, "--ref", "HEAD")]


def lines(output: str) -> list[str]:
    """The problems, without validate's last line (the count, or what was read)."""
    return output.splitlines()[:-1]


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "small")


def test_a_linked_record_is_an_error_and_its_target_never_shown(
    repo: GitRepo, tmp_path: Path
) -> None:
    secret = tmp_path / "credentials.env"  # outside the repository
    secret.write_text(SECRET, encoding="utf-8")
    (repo.data / "records/acme/2026-Q4.yaml").symlink_to(secret)
    for code, output in both_modes(repo):
        assert code == 1
        assert "hunter2" not in output
        assert lines(output) == [f"evaluations/records/acme/2026-Q4.yaml: {LINK_ERROR}. Put the "
                                 "file itself here: git commits only the link, and what it "
                                 "points to can differ between machines."]
    for fmt in ("github", "json"):
        code, output = validate(repo, "--format", fmt)
        assert code == 1 and "hunter2" not in output
        assert "records/acme/2026-Q4.yaml" in output


def test_a_link_inside_the_repository_is_refused_too(repo: GitRepo) -> None:
    # even a link to another data file: two paths for one record would be two records
    (repo.data / "providers/acme2.yaml").symlink_to("acme.yaml")
    for code, output in both_modes(repo):
        assert code == 1
        assert lines(output) == [f"evaluations/providers/acme2.yaml: {LINK_ERROR}. Put the "
                                 "file itself here: git commits only the link, and what it "
                                 "points to can differ between machines."]


def test_a_link_to_a_device_that_blocks_never_hangs(repo: GitRepo) -> None:
    # reading /proc/kmsg waits for kernel messages; /dev/zero never ends
    (repo.data / "records/acme/2026-Q4.yaml").symlink_to("/proc/kmsg")
    (repo.data / "providers/zero.yaml").symlink_to("/dev/zero")
    repo.commit("Links")
    for extra in ((), ("--ref", "HEAD")):
        done = subprocess.run(
            [sys.executable, "-m", "scorecard", "validate", *extra], cwd=repo.root,
            capture_output=True, text=True, timeout=60, check=False,
            env={**os.environ, "PYTHONPATH": str(Path(scorecard.__file__).parents[1])},
        )
        assert done.returncode == 1
        assert done.stderr.splitlines()[:2] == [
            f"evaluations/providers/zero.yaml: {LINK_ERROR}. Put the file itself here: git "
            "commits only the link, and what it points to can differ between machines.",
            f"evaluations/records/acme/2026-Q4.yaml: {LINK_ERROR}. Put the file itself here: "
            "git commits only the link, and what it points to can differ between machines.",
        ]


def test_a_named_pipe_is_an_error_not_a_hang_nor_silence(repo: GitRepo) -> None:
    os.mkfifo(repo.data / "records/acme/2026-Q4.yaml")
    code, output = validate(repo)  # git cannot commit a pipe: the working tree only
    assert code == 1
    assert lines(output) == [
        "evaluations/records/acme/2026-Q4.yaml: this is not a regular file (a named pipe, "
        "device or socket); scorecard reads only regular files in the data folder, so it is "
        "not read. Keep the data as ordinary files committed in this repository."
    ]


def test_a_linked_provider_folder_is_an_error_naming_it(repo: GitRepo, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "2026-Q1.yaml").write_text(SECRET, encoding="utf-8")
    (repo.data / "records/initech").symlink_to(elsewhere, target_is_directory=True)
    for code, output in both_modes(repo):
        assert code == 1 and "hunter2" not in output
        assert lines(output)[0].startswith(f"evaluations/records/initech: {LINK_ERROR}")


def test_a_linked_data_folder_is_misuse_naming_it(repo: GitRepo) -> None:
    os.symlink("evaluations", repo.root / "linked")
    repo.git("add", "linked")
    repo.commit("A link to the data")
    for extra in ((), ("--ref", "HEAD")):
        code, output = validate(repo, "--data", "linked", *extra)
        assert code == 2
        assert lines(output)[0].startswith("linked: ")
        assert "symbolic link" in lines(output)[0]


def test_a_submodule_is_an_error_in_both_modes(repo: GitRepo) -> None:
    head = repo.git("rev-parse", "HEAD").strip()
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{head},evaluations/records/zeta")
    repo.git("commit", "-q", "--no-verify", "-m", "A submodule")
    code, output = validate(repo, "--ref", "HEAD")
    assert code == 1
    expected = ("evaluations/records/zeta: this is a git submodule (or another repository "
                "inside this one); scorecard reads only regular files in the data folder, so "
                "it is not read. Keep the data as ordinary files committed in this repository.")
    assert lines(output) == [expected]
    # checked out, a submodule is a folder holding .git
    (repo.data / "records/zeta").mkdir()
    (repo.data / "records/zeta/.git").write_text("gitdir: ../../.git/modules/zeta\n")
    (repo.data / "records/zeta/2026-Q1.yaml").write_text(SECRET, encoding="utf-8")
    code, output = validate(repo)
    assert (code, lines(output)) == (1, [expected])


def test_upper_case_yaml_and_stray_files_are_the_same_warning_in_both_modes(
    repo: GitRepo,
) -> None:
    (repo.data / "records/acme/2026-Q1.YAML").write_text("provider: acme\n", encoding="utf-8")
    (repo.data / "records/acme/old").mkdir()
    (repo.data / "records/acme/old/2025-Q4.yaml").write_text("x: 1\n", encoding="utf-8")
    (repo.data / "records/acme/notes.txt").write_text("call them\n", encoding="utf-8")
    (repo.data / "README.md").write_text("# our notes\n", encoding="utf-8")  # not data
    (code, output), (ref_code, ref_output) = both_modes(repo)
    assert (code, lines(output)) == (ref_code, lines(ref_output))
    assert code == 0
    assert output.splitlines()[-1] == "evaluations: 2 providers, 3 records, no errors, 3 warnings."
    assert lines(output) == [
        "evaluations/records/acme/2026-Q1.YAML: warning: scorecard reads only files ending "
        "in .yaml or .yml in lower case, so this .YAML file is ignored. Rename it to "
        "2026-Q1.yaml.",
        "evaluations/records/acme/notes.txt: warning: records/ holds only YAML files, so "
        "this file is ignored. Move it out of the data folder, or remove it.",
        "evaluations/records/acme/old/2025-Q4.yaml: warning: this YAML file is not where "
        "scorecard looks for data, so it is ignored. The programme is scorecard.yaml, "
        "providers are providers/<provider>.yaml and records are "
        "records/<provider>/<period>.yaml.",
    ]


def test_json_names_the_link_without_its_content(repo: GitRepo, tmp_path: Path) -> None:
    secret = tmp_path / "id_rsa"
    secret.write_text(SECRET, encoding="utf-8")
    (repo.data / "scorecard.yml").symlink_to(secret)
    code, output = validate(repo, "--format", "json")
    assert code == 1
    problems = json.loads(output[: output.rindex("]") + 1])
    assert [(p["file"], p["severity"]) for p in problems] == [
        ("evaluations/scorecard.yml", "error")
    ]
    assert "hunter2" not in output


def test_files_git_ignores_are_not_data_in_the_working_tree(repo: GitRepo) -> None:
    (repo.root / ".gitignore").write_text("*.draft.yaml\nevaluations/records/scratch/\n")
    repo.git("add", ".gitignore")
    (repo.data / "records/acme/2026-Q4.draft.yaml").write_text(SECRET, encoding="utf-8")
    (repo.data / "records/scratch").mkdir()
    (repo.data / "records/scratch/2026-Q1.yaml").write_text(SECRET, encoding="utf-8")
    (code, output), (ref_code, ref_output) = both_modes(repo)
    assert "hunter2" not in output
    assert (code, ref_code) == (0, 0)
    assert output.splitlines()[-1] == "evaluations: 2 providers, 3 records, no errors, 2 warnings."
    assert ref_output.splitlines()[-1] == (
        "evaluations at HEAD: 2 providers, 3 records, no problems.")
    assert lines(output) == [
        "evaluations/records/acme/2026-Q4.draft.yaml: warning: git ignores this file (see "
        ".gitignore), so scorecard does not read it either. If it is data, remove it from "
        ".gitignore or commit it with git add -f.",
        "evaluations/records/scratch/2026-Q1.yaml: warning: git ignores this file (see "
        ".gitignore), so scorecard does not read it either. If it is data, remove it from "
        ".gitignore or commit it with git add -f.",
    ]


def test_a_data_folder_linked_into_another_repository_is_not_read(
    repo: GitRepo, tmp_path: Path
) -> None:
    other = make_repo(tmp_path / "other", ROOT / "tests" / "fixtures" / "small")
    os.symlink(other.data, repo.root / "theirs")
    repo.git("add", "theirs")
    repo.commit("A link to another repository's data")
    for extra in ((), ("--ref", "HEAD")):
        code, output = validate(repo, "--data", "theirs", *extra)
        assert code == 2, output
        assert lines(output) == [line for line in lines(output) if line.startswith("theirs")]
        assert "providers" not in output


def test_a_build_of_a_commit_with_a_linked_record_fails_and_writes_nothing(
    repo: GitRepo, tmp_path: Path
) -> None:
    secret = tmp_path / "outside.yaml"  # could differ on every machine that builds
    secret.write_text(SECRET, encoding="utf-8")
    (repo.data / "records/acme/2026-Q4.yaml").symlink_to(secret)
    repo.commit("A linked record")
    for extra in ((), ("--ref", "HEAD")):
        result = repo.build("--no-pdf", *extra)
        assert result.exit_code == 1
        assert "hunter2" not in result.output
        assert result.stderr.splitlines()[0].startswith(  # named as --data was given
            f"{repo.data}/records/acme/2026-Q4.yaml: {LINK_ERROR}")
        assert not repo.reports.exists()
