"""SIGTERM that strikes while the build is importing a module, writing a line, or
moving its files in.

CI caught it once at random (``test_faults``): the signal came while the build
was importing ``multiprocessing.pool`` to start its workers; the handler
imported from that half-imported module, failed, and the build ended with a
traceback and exit 1 instead of 143 and its line. Here the signal is sent at
exactly that moment, every time, by an import hook in a real build of a real
repository: the module is in ``sys.modules`` and none of its code has run.

The same hook can instead write a line to stderr through a stream whose file
sends the signal in the middle of the write, as a progress line would be cut:
the handler's own line must not trip over the half-done write.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import scorecard
from conftest import GLOBEX_AUGUST, SMALL, git_env, make_repo
from scorecard.output.folder import STAGING

SRC = Path(scorecard.__file__).resolve().parents[1]

CHILD = """
import importlib.abc, importlib.machinery, io, os, signal, sys

MOMENT = sys.argv[1]  # read now: the build's own argv replaces it below

class Killing(io.FileIO):
    def write(self, data):
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs here, mid-write
        return super().write(data)

def strike():
    if MOMENT == "import":
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs here, module half imported
    else:
        sys.stderr = io.TextIOWrapper(io.BufferedWriter(Killing(2, "w", closefd=False)),
                                      line_buffering=True)
        sys.stderr.write("Rendering: 10%\\n")

class Loader(importlib.abc.Loader):
    def __init__(self, real):
        self.real = real
    def create_module(self, spec):
        return self.real.create_module(spec)
    def exec_module(self, module):
        strike()
        os.write(2, b"the build went on past SIGTERM\\n")
        self.real.exec_module(module)

class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "multiprocessing.pool":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        spec.loader = Loader(spec.loader)
        return spec

assert "multiprocessing.pool" not in sys.modules
sys.meta_path.insert(0, Finder())
from scorecard.cli import main
sys.argv = ["scorecard", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize("moment", ["import", "write"])
def test_sigterm_while_a_module_is_half_imported_or_a_line_half_written_ends_with_143(
        tmp_path: Path, moment: str) -> None:
    repo = make_repo(tmp_path / "repo", SMALL)
    out = tmp_path / "reports"
    env = git_env()
    env["PYTHONPATH"] = str(SRC)
    env.pop("CI", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, moment, "build", "--data", str(repo.data), "--out", str(out),
         "--as-of", "2026-11-26", "--no-pdf", "--jobs", "2"],
        env=env, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 143, done.stderr
    assert "Traceback" not in done.stderr
    assert "went on past SIGTERM" not in done.stderr
    assert "Build stopped (SIGTERM)" in done.stderr
    # nothing published, and no scratch left behind in the folder's staging space
    staging = out / STAGING
    left = {p.name for p in staging.iterdir()} if staging.is_dir() else set()
    assert left <= {".gitignore", "lock"}
    assert not (out / "manifest.json").exists()


# --- SIGTERM while the files move in ----------------------------------------------

MOVING = """
import os, signal, sys, threading, time

# a thread of a library's own, as polars keeps a pool of: it does not block SIGTERM,
# so the kernel may hand it the signal the build's own thread holds back
threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
import scorecard.output.publish as publish

real, calls = publish.move, []

def striking(*args):
    calls.append(args)
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.2)  # time for any handler to run here, were it to
        os.write(2, b"moved on\\n")
    return real(*args)

publish.move = striking
from scorecard.cli import main
sys.argv = ["scorecard", *sys.argv[1:]]
main()
"""


def test_sigterm_while_the_files_move_in_waits_until_they_are_in(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", SMALL)
    env = git_env()
    env["PYTHONPATH"] = str(SRC)
    env.pop("CI", None)
    out, reference = tmp_path / "reports", tmp_path / "reference"

    def build(target: Path, script: str | None = None) -> subprocess.CompletedProcess[str]:
        args = ["build", "--data", str(repo.data), "--out", str(target), "--as-of",
                "2026-11-26", "--no-pdf", "--jobs", "1"]
        head = [sys.executable, "-c", script] if script else [sys.executable, "-m",
                                                             "scorecard"]
        return subprocess.run([*head, *args], env=env, capture_output=True, text=True,
                              check=False, timeout=300)

    assert build(out).returncode == 0
    (repo.data / "records" / "globex").mkdir(exist_ok=True)
    (repo.data / "records" / "globex" / "2026-08.yaml").write_text(GLOBEX_AUGUST, encoding="utf-8")
    repo.commit("Globex for August")
    assert build(reference).returncode == 0

    done = build(out, MOVING)
    assert done.returncode == 143, done.stderr
    assert "Traceback" not in done.stderr
    # the handler waited: the moves went on, and the new documents are all in
    assert "moved on" in done.stderr
    assert "Build stopped (SIGTERM)" in done.stderr
    assert (out / "manifest.json").read_bytes() == (reference / "manifest.json").read_bytes()
    for entry in json.loads((reference / "manifest.json").read_bytes())["documents"]:
        assert (out / entry["path"]).read_bytes() == (reference / entry["path"]).read_bytes()
