"""The distribution as a team gets it: the wheel and sdist build, pass
``twine check``, and the wheel installed into a fresh virtual environment runs
``scorecard build`` on the demo data (PDFs too)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, check=False)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], out)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out


def test_wheel_and_sdist_pass_twine_check(dist: Path) -> None:
    files = sorted(p.name for p in dist.iterdir())
    assert files == ["provider_scorecard-0.1.0-py3-none-any.whl",
                     "provider_scorecard-0.1.0.tar.gz"]
    done = run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
               dist)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_wheel_carries_its_licences_and_the_name_of_its_own(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta = z.read("provider_scorecard-0.1.0.dist-info/METADATA").decode()
    assert "provider_scorecard-0.1.0.dist-info/licenses/LICENSE" in names
    assert "scorecard/templates/fonts/LICENSE-Inter.txt" in names  # beside the font
    assert "scorecard/templates/fonts/LICENSE-DroidSansFallback.txt" in names
    assert "scorecard/templates/fonts/DroidSansFallback.ttf" in names
    assert "scorecard/templates/fonts/Inter-Regular.otf" in names
    assert "scorecard/authoring/scaffold/github-workflow.yml" in names
    assert "scorecard/py.typed" in names
    assert "Name: provider-scorecard\n" in meta
    assert "License-Expression: MIT AND OFL-1.1 AND Apache-2.0\n" in meta
    assert "Version: 0.1.0\n" in meta
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as t:
        members = {m.name.split("/", 1)[1] for m in t.getmembers() if "/" in m.name}
    assert {"LICENSE", "action.yml", "pyproject.toml", "src/scorecard/__init__.py",
            "README.md", "CHANGELOG.md", "templates/fonts/LICENSE-Inter.txt"} <= members
    # README.md is anchored at the top: no README of tests/tools/node_modules or the like
    assert {m for m in members if m.endswith("README.md")} == {
        "README.md", "src/scorecard/authoring/scaffold/README.md"}
    assert not any(m.startswith(("tests/", "scripts/", "evaluations/")) for m in members)


def test_the_sdist_unpacked_builds_the_same_wheel_and_holds_no_tests(
    dist: Path, tmp_path: Path,
) -> None:
    [sdist] = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as t:  # the "data" filter: Python 3.11.4 and later
        if hasattr(tarfile, "data_filter"):
            t.extractall(tmp_path, filter="data")
        else:  # pragma: no cover - our own sdist, in our own temporary folder
            t.extractall(tmp_path)
    [tree] = tmp_path.iterdir()
    # its tests, as a packager would run them: there are none to run (pytest: exit 5)
    done = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], tree)
    assert done.returncode == 5, done.stdout + done.stderr  # 5: no tests were collected
    assert not (tree / "tests").exists()
    # and it is complete: the wheel built from it holds what the wheel from the tree holds
    out = tmp_path / "from-sdist"
    done = run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(tree)],
               tmp_path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [ours] = dist.glob("*.whl")
    [theirs] = out.glob("*.whl")
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())


def test_the_installed_wheel_builds_the_demo(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    done = run([sys.executable, "-m", "venv", str(venv)], tmp_path)
    assert done.returncode == 0, done.stderr
    [wheel] = dist.glob("*.whl")
    done = run([str(venv / "bin/python"), "-m", "pip", "install", "-q", str(wheel)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    done = run([str(venv / "bin/scorecard"), "--version"], tmp_path)
    assert done.stdout.strip() == "scorecard, version 0.1.0"
    repo = tmp_path / "demo"
    shutil.copytree(ROOT / "evaluations", repo / "evaluations")
    done = run([str(venv / "bin/scorecard"), "build", "--provider", "northgate", "--out",
                "reports"], repo)
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((repo / "reports/manifest.json").read_text())
    pdfs = [d["path"] for d in manifest["documents"] if d["format"] == "pdf"]
    assert pdfs and all((repo / "reports" / p).read_bytes().startswith(b"%PDF-") for p in pdfs)
