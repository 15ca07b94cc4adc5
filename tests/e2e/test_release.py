"""The release: a tag runs .github/workflows/release.yml, which tests, builds,
checks, publishes with PyPI's trusted publishing and creates the GitHub release
with the changelog's section; the Action's documented ref is the major tag the
workflow moves. (actionlint and zizmor check the workflow in test_ci_lint.py.)"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from scorecard import __version__

ROOT = Path(__file__).resolve().parents[2]
FLOW = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
JOBS: dict[str, Any] = FLOW["jobs"]


def runs(job: str) -> str:
    return "\n".join(s.get("run", "") for s in JOBS[job]["steps"])


def test_a_version_tag_starts_it_and_nothing_else() -> None:
    assert FLOW[True] == {"push": {"tags": ["v[0-9]+.[0-9]+.[0-9]+"]}}
    assert FLOW["permissions"] == {}
    assert all(job["timeout-minutes"] for job in JOBS.values())


def test_the_build_job_tests_builds_and_checks_with_no_write_access() -> None:
    build = JOBS["build"]
    assert build["permissions"] == {"contents": "read"}
    text = runs("build")
    assert "bash scripts/test.sh" in text
    assert "python -m build" in text and "twine check --strict dist/*" in text
    assert 'test "v$version" = "$GITHUB_REF_NAME"' in text  # the tag is the version
    assert "scripts/release_notes.py" in text


def test_only_the_pypi_job_may_mint_a_token_and_it_runs_no_code_of_ours() -> None:
    pypi = JOBS["pypi"]
    assert pypi["needs"] == "build"
    assert pypi["environment"]["name"] == "pypi"
    assert pypi["permissions"] == {"id-token": "write"}
    uses = [s["uses"] for s in pypi["steps"]]
    assert uses[-1] == "pypa/gh-action-pypi-publish@ed0c53931b1dc9bd32cbe73a98c7f6766f8a527e"
    assert not any("run" in s for s in pypi["steps"])  # no checkout, no script of ours
    for name, job in JOBS.items():
        if name != "pypi":
            assert "id-token" not in job.get("permissions", {}), name


def test_the_github_release_follows_pypi_with_the_changelogs_notes() -> None:
    release = JOBS["github-release"]
    assert release["needs"] == "pypi"
    assert release["permissions"] == {"contents": "write"}
    text = runs("github-release")
    assert 'gh release create "$GITHUB_REF_NAME" release/dist/* --verify-tag' in text
    assert "--notes-file release/release-notes.md" in text
    assert 'major="${GITHUB_REF_NAME%%.*}"' in text  # v0.1.0 -> v0


def test_the_changelog_has_this_version_and_an_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in text
    unreleased = text.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
    for issue in range(18, 25):
        assert f"issue {issue}" in unreleased, issue
    done = subprocess.run([sys.executable, str(ROOT / "scripts/release_notes.py"),
                           f"v{__version__}"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("### ") and "## [" not in done.stdout
    done = subprocess.run([sys.executable, str(ROOT / "scripts/release_notes.py"), "v99.0.0"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "no section" in done.stderr


def test_the_actions_documented_ref_is_the_major_tag_the_release_moves() -> None:
    major = f"v{__version__.split('.')[0]}"
    header = (ROOT / "action.yml").read_text()
    documented = set(re.findall(r"uses: provider-scorecard/scorecard@(\S+)", header))
    readme = (ROOT / "README.md").read_text()
    documented |= set(re.findall(r"uses: provider-scorecard/scorecard@(\S+)", readme))
    assert documented == {major}
