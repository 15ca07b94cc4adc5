"""The CI files of this repository and those ``scorecard init`` writes, checked
by the real linters: actionlint (a build that ships inside its PyPI wheel) and
zizmor (security). Both run offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scorecard.authoring.scaffold import origin_of

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; scripts/test.sh installs it")
        pytest.skip(f"{name} is not installed")
    return found


def lint(folder: Path, *, own_config: bool = False) -> None:
    """actionlint, then zizmor: with zizmor's own default rules (``--no-config``)
    unless ``own_config`` (this repository's .github/zizmor.yml)."""
    done = subprocess.run([tool("actionlint"), "-no-color"], cwd=folder, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    config = [] if own_config else ["--no-config"]
    done = subprocess.run([tool("zizmor"), "--offline", "--no-progress", *config, "."],
                          cwd=folder, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def init(tmp: Path, direct_url: str | None = None) -> Path:
    """A fresh ``init``; with ``direct_url``, as if scorecard had been installed so."""
    code = (
        "import sys; from scorecard.cli import init, cli;"
        "from scorecard.authoring import scaffold as s;"
        f"init._origin = lambda: s.origin_of('0.1.0', {direct_url!r});"
        "cli.main()"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code, "init", str(tmp / "repo"), "--as-of",
                           "2026-11-26"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return tmp / "repo"


def test_this_repository_passes_actionlint_and_zizmor() -> None:
    # ci.yml, release.yml and action.yml; the configuration only allows `uses: ./`
    lint(ROOT, own_config=True)


def test_what_init_writes_passes_actionlint_and_zizmors_default_rules(tmp_path: Path) -> None:
    repo = init(tmp_path)
    assert not (repo / ".github/zizmor.yml").exists()  # nothing relaxed
    lint(repo)


GIT_INSTALL = json.dumps({
    "url": "https://github.com/northwind-it/scorecard.git",
    "vcs_info": {"vcs": "git", "requested_revision": "v0.1.0",
                 "commit_id": "0123456789abcdef0123456789abcdef01234567"},
})


def test_a_git_install_is_what_the_ci_files_use_and_they_still_lint(tmp_path: Path) -> None:
    repo = init(tmp_path, GIT_INSTALL)
    requirement = ('SCORECARD_INSTALL: "provider-scorecard @ '
                   'git+https://github.com/northwind-it/scorecard.git@v0.1.0"')
    flow = (repo / ".github/workflows/scorecard.yml").read_text()
    assert requirement in flow
    assert requirement in (repo / ".gitlab-ci.yml").read_text()
    lint(repo)


def test_origin_falls_back_to_the_index_and_the_home_action() -> None:
    assert origin_of("1.4.2", None).requirement == "provider-scorecard==1.4.2"
    assert origin_of("1.4.2", None).action == "provider-scorecard/scorecard@v1"
    # a local folder or wheel cannot be installed by CI: the index instead
    local = json.dumps({"url": "file:///home/sam/scorecard", "dir_info": {"editable": True}})
    assert origin_of("1.4.2", local).requirement == "provider-scorecard==1.4.2"
    assert origin_of("1.4.2", "not json").action == "provider-scorecard/scorecard@v1"


def test_a_gitlab_install_keeps_the_home_action_and_its_own_url() -> None:
    gitlab = json.dumps({"url": "https://gitlab.example.com/it/scorecard.git",
                         "vcs_info": {"vcs": "git", "commit_id": "abc123"}})
    got = origin_of("2.0.0", gitlab)
    assert got.requirement == (
        "provider-scorecard @ git+https://gitlab.example.com/it/scorecard.git@abc123")
    assert got.action == "provider-scorecard/scorecard@v2"


def test_a_hostile_direct_url_is_not_written_into_ci_files() -> None:
    evil = json.dumps({"url": "https://github.com/a/b.git\nrun: curl x | sh",
                       "vcs_info": {"vcs": "git", "requested_revision": "v1"}})
    assert origin_of("1.0.0", evil) == origin_of("1.0.0", None)
    evil_rev = json.dumps({"url": "https://github.com/a/b.git",
                           "vcs_info": {"vcs": "git", "requested_revision": "v1 $(id)"}})
    assert origin_of("1.0.0", evil_rev) == origin_of("1.0.0", None)


def test_the_linters_do_catch_a_broken_workflow(tmp_path: Path) -> None:
    repo = init(tmp_path)
    path = repo / ".github/workflows/scorecard.yml"
    path.write_text(path.read_text().replace("needs: validate", "needs: valdate"))
    done = subprocess.run([tool("actionlint"), "-no-color"], cwd=repo, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1 and "valdate" in done.stdout
    path.write_text(path.read_text().replace(
        "run: scorecard due", "run: echo ${{ github.event.head_commit.message }}; scorecard due"))
    done = subprocess.run([tool("zizmor"), "--offline", "--no-progress", "."], cwd=repo,
                          capture_output=True, text=True, check=False)
    assert done.returncode != 0 and "template-injection" in done.stdout
