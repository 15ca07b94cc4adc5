"""Using a command wrongly exits 2 with one clear line, never a traceback: a folder,
revision or provider that does not exist; a folder that cannot be written; a link
on the way. Paths read as they were given. Hints only ever suggest valid ids."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result

from conftest import SMALL, GitRepo, make_repo, run_cli


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return make_repo(tmp_path / "repo", SMALL)


@pytest.fixture
def in_repo(repo: GitRepo) -> Iterator[GitRepo]:
    """The small repository, as the current directory."""
    before = os.getcwd()
    os.chdir(repo.root)
    try:
        yield repo
    finally:
        os.chdir(before)


def problems(result: Result) -> list[str]:
    return result.stderr.splitlines()


# --- no such folder, revision or provider ----------------------------------------


@pytest.mark.parametrize("command", [
    ("validate",), ("due", "--as-of", "2026-11-26"), ("build", "--no-pdf", "--out", "out"),
])
def test_a_data_folder_that_does_not_exist_exits_2_named_as_given(
    in_repo: GitRepo, command: tuple[str, ...]
) -> None:
    for given in ("/nonexistent", "../nonexistent", "nonexistent"):
        result = run_cli(*command, "--data", given)
        assert result.exit_code == 2, result.stderr
        assert problems(result)[0] == (
            f"{given}: there is no such folder. Run scorecard from the repository's root "
            "folder, or name the data folder with --data DIR."
        )
    assert not (in_repo.root / "out").exists()


@pytest.mark.parametrize("command", [
    ("validate",), ("due", "--as-of", "2026-11-26"), ("build", "--no-pdf", "--out", "out"),
])
def test_a_revision_that_does_not_exist_exits_2(
    in_repo: GitRepo, command: tuple[str, ...]
) -> None:
    result = run_cli(*command, "--ref", "nosuchref")
    assert result.exit_code == 2, result.stderr
    assert "git knows no revision called 'nosuchref'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_provider_that_does_not_exist_exits_2(in_repo: GitRepo) -> None:
    result = run_cli("build", "--no-pdf", "--out", "out", "--provider", "nosuch")
    assert result.exit_code == 2
    assert "there is no provider 'nosuch'" in result.stderr
    result = run_cli("new", "nosuch", "--as-of", "2026-11-26")
    assert result.exit_code == 2
    assert "There is no provider 'nosuch'." in result.stderr


def test_the_data_with_errors_still_exits_1(in_repo: GitRepo) -> None:
    in_repo.edit("records/acme/2026-Q3.yaml", "communication: 4", "communication: 9")
    assert run_cli("validate").exit_code == 1
    assert run_cli("validate", "--ref", "HEAD").exit_code == 0  # committed data is sound


# --- hints suggest valid ids only --------------------------------------------------


def test_hints_never_suggest_an_id_that_is_not_valid(in_repo: GitRepo) -> None:
    data = in_repo.data
    (data / "providers/globex.yaml").rename(data / "providers/Globex.yaml")
    in_repo.edit("providers/Globex.yaml", "id: globex", "id: Globex")
    result = run_cli("validate")
    assert result.exit_code == 1
    assert "'Globex'?" not in result.stderr  # not a valid id: never a suggestion
    assert ("evaluations/records/globex/2026-07.yaml:1:11: provider: there is no provider "
            "file for 'globex' (providers/globex.yaml). Add providers/globex.yaml, or correct "
            "the provider.") in problems(result)
    in_repo.edit("providers/Globex.yaml", "id: Globex", "id: Globex_Co")
    result = run_cli("validate")
    assert ("evaluations/providers/Globex.yaml:1:5: id: the id is 'Globex_Co' but the file "
            "is named Globex.yaml. Name the file and the id alike, e.g. globex-co.") in (
        problems(result))


# --- init, new and schema --out: refused writes are one line, links never followed ---


def test_init_into_a_dangling_link_or_unwritable_folder_is_one_line(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone", tmp_path / "dangling")
    result = run_cli("init", str(tmp_path / "dangling"), "--as-of", "2026-11-26")
    assert result.exit_code == 2
    assert problems(result) == [f"init stopped: cannot write {tmp_path / 'dangling'}: it is a "
                                "symbolic link, which scorecard does not write through."]
    assert not (tmp_path / "gone").exists()
    result = run_cli("init", "/sys/scorecard-init-test", "--as-of", "2026-11-26")
    assert result.exit_code == 2
    (line,) = problems(result)  # the system's reason varies: permission, not permitted
    assert line.startswith("init stopped: cannot write /sys/scorecard-init-test: ")


def test_init_never_writes_through_a_link_on_the_way(tmp_path: Path) -> None:
    root, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    (root / ".github").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("init", str(root), "--as-of", "2026-11-26")
    assert result.exit_code == 2
    assert problems(result)[-1] == (f"init stopped: cannot write {root / '.github'}: it is a "
                                    "symbolic link, which scorecard does not write through.")
    assert list(elsewhere.iterdir()) == []
    assert sorted(p.name for p in root.iterdir()) == [".github"]  # refused before writing
    os.symlink(tmp_path / "nowhere", root / "evaluations")  # dangling, inside the new repo
    (root / ".github").unlink()
    result = run_cli("init", str(root), "--as-of", "2026-11-26")
    assert result.exit_code == 2
    assert problems(result)[-1].startswith(f"init stopped: cannot write {root / 'evaluations'}")
    assert not (tmp_path / "nowhere").exists()


def test_new_with_a_dangling_link_on_the_way_writes_nothing(in_repo: GitRepo) -> None:
    (in_repo.data / "providers/initech.yaml").write_text(
        "id: initech\nname: Initech\nlead: Priya Shah\n", encoding="utf-8")
    os.symlink(in_repo.root / "gone", in_repo.data / "records/initech")
    result = run_cli("new", "initech", "2026-Q3", "--as-of", "2026-11-26")
    assert result.exit_code == 1  # the data folder holds a link: an error in the data
    assert problems(result)[0].startswith("evaluations/records/initech: this is a symbolic link")
    assert not (in_repo.root / "gone").exists()


def test_schema_out_refuses_unwritable_folders_and_replaces_links(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run_cli("schema", "--out", str(tmp_path / "file" / "schemas"))
    assert result.exit_code == 2
    assert problems(result) == [f"schema stopped: cannot write {tmp_path / 'file'}: it is "
                                "not a folder."]
    result = run_cli("schema", "--out", "/sys/scorecard-schema-test")
    assert (result.exit_code, len(problems(result))) == (2, 1)
    out, victim = tmp_path / "schemas", tmp_path / "victim.txt"
    out.mkdir()
    victim.write_text("precious", encoding="utf-8")
    (out / "record.schema.json").symlink_to(victim)
    result = run_cli("schema", "record", "--out", str(out))
    assert result.exit_code == 0
    assert victim.read_text(encoding="utf-8") == "precious"  # never written through
    assert not (out / "record.schema.json").is_symlink()
    assert '"$schema"' in (out / "record.schema.json").read_text(encoding="utf-8")
