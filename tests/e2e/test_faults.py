"""Real builds killed at random moments (SIGKILL and SIGTERM), many times over.

Two commits of one repository make two different outputs, A and B (B has a
record A lacks, and a changed score). Each run builds the commit the folder
does not hold (``--ref``), into the same folder, and is killed after a random
delay somewhere between its start and its end (some runs finish first).
After each kill the folder must be:

- **whole**: ``manifest.json`` is there and every file it lists exists with
  the sha256 it names, and every file in the folder is byte for byte A's or
  B's (no half-written file, nothing of a third kind);
- **the old one or the new one**: every file exactly as in the reference
  build of A, or of B. The one exception is a SIGKILL inside the few
  milliseconds in which files are renamed into place (SIGTERM is held back
  there, so it never lands inside): then the journal is left, the manifest
  lists only files that are whole, and the next build finishes the job. The
  test counts that case and checks it, it does not hide it;
- **without scratch left where the next build would miss it**: nothing new
  beside the folder or in the repository, scratch only in
  ``.scorecard-staging/``, and a last build, not killed, leaves none.

SIGTERM must end the build with exit code 143 and no traceback (from the
build or its workers); a SIGTERM before Python has started scorecard ends it
by the signal, as any program. Most runs are ``--no-pdf`` to stay fast; one in six renders
PDFs with two workers, so workers are killed too. The number of kills is
fixed, not the time they take (about a minute here): a loaded machine makes
the test slower, never red.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import scorecard
from conftest import GLOBEX_AUGUST, SMALL, GitRepo, git_env, make_repo, running_in_group
from scorecard.output.folder import STAGING
from scorecard.output.manifest import JOURNAL

SRC = Path(scorecard.__file__).resolve().parents[1]
KILLS = 18
INTERNAL = (STAGING, JOURNAL)


def env() -> dict[str, str]:
    e = git_env()
    e["PYTHONPATH"] = str(SRC)
    e.pop("CI", None)
    return e


def command(repo: GitRepo, ref: str, out: Path, pdf: bool) -> list[str]:
    args = [sys.executable, "-m", "scorecard", "build", "--data", str(repo.data),
            "--ref", ref, "--out", str(out), "--as-of", "2026-11-26", "--jobs", "2"]
    return args if pdf else [*args, "--no-pdf"]


def files(out: Path) -> dict[str, bytes]:
    """Every file of the folder but our hidden internals, by path, with its bytes."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.relative_to(out).parts[0] not in INTERNAL
    }


def broken(out: Path) -> list[str]:
    manifest = json.loads((out / "manifest.json").read_bytes())
    return [
        d["path"] for d in manifest["documents"]
        if not (out / d["path"]).is_file()
        or hashlib.sha256((out / d["path"]).read_bytes()).hexdigest() != d["sha256"]
    ]


def scratch(out: Path) -> set[str]:
    staging = out / STAGING
    if not staging.is_dir():
        return set()
    return {p.name for p in staging.iterdir()} - {".gitignore", "lock"}


Known = dict[tuple[str, bool], dict[str, bytes]]


def references(repo: GitRepo, refs: dict[str, str], tmp: Path) -> tuple[Known, dict[bool, float]]:
    """The output of an undisturbed build of each commit, with and without PDFs,
    and how long the longest build of each kind took (on this machine, now)."""
    found: Known = {}
    took = {False: 0.0, True: 0.0}
    for name, ref in refs.items():
        for pdf in (False, True):
            out = tmp / f"ref-{name}-{pdf}"
            began = time.monotonic()
            done = subprocess.run(command(repo, ref, out, pdf), env=env(), capture_output=True,
                                  text=True, check=False)
            took[pdf] = max(took[pdf], time.monotonic() - began)
            assert done.returncode == 0, done.stderr
            found[(name, pdf)] = files(out)
    return found, took


def test_builds_killed_at_random_moments_leave_the_old_or_the_new_output_whole(
    tmp_path: Path,
) -> None:
    repo = make_repo(tmp_path / "repo", SMALL)
    refs = {"A": repo.git("rev-parse", "HEAD").strip()}
    (repo.data / "records/globex/2026-08.yaml").write_text(GLOBEX_AUGUST, encoding="utf-8")
    repo.edit("records/globex/2026-07.yaml", "communication: 5", "communication: 4")
    refs["B"] = repo.commit("Globex: August, and July corrected", "2026-11-26T13:00:00+00:00")
    known, took = references(repo, refs, tmp_path)
    # the test means something only if the outputs differ in changed, added and
    # removed files
    a, b = known[("A", False)], known[("B", False)]
    assert set(b) - set(a) == {"globex/2026-08/provider.html", "globex/2026-08/team.html"}
    assert {p for p in a if a[p] != b.get(p)} >= {"globex/2026-07/team.html", "manifest.json",
                                                  "portfolio.html", "data.json"}
    out = repo.root / "reports"
    # the folder starts with A's output (with PDFs, so later runs reuse or replace them)
    first = subprocess.run(command(repo, refs["A"], out, True), env=env(), capture_output=True,
                           text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert files(out) == known[("A", True)]
    holds, pdf_in_folder = "A", True
    beside = sorted(p.name for p in repo.root.iterdir())

    seed = int(time.time())
    rng = random.Random(seed)
    tally = {"old": 0, "new": 0, "finishing": 0}
    kills = 0
    while kills < KILLS:
        target = "B" if holds == "A" else "A"
        pdf = kills % 6 == 5  # one run in six renders PDFs (two workers)
        how = rng.choice([signal.SIGKILL, signal.SIGTERM])
        group = rng.random() < 0.5  # the whole process group, or the build alone
        # anywhere in the build half the time, else near its end, where it publishes
        span = took[pdf]
        delay = rng.uniform(0.0, span) if rng.random() < 0.5 else rng.uniform(0.75 * span,
                                                                               1.1 * span)
        note = f"seed {seed}, kill {kills}: {how.name} after {delay:.2f}s, pdf={pdf}"
        process = subprocess.Popen(command(repo, refs[target], out, pdf), env=env(),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        time.sleep(delay)
        if process.poll() is None:
            (os.killpg if group else os.kill)(process.pid, how)
        _, stderr = process.communicate(timeout=300)  # a hang guard, not a speed test
        kills += 1
        wait_until_group_gone(process.pid)
        if how == signal.SIGTERM:
            # 143 from our handler; -15 (143 to a shell) when it came before Python
            # had even started scorecard, and so before anything was written
            assert process.returncode in (0, 143, -signal.SIGTERM), (note, process.returncode,
                                                                    stderr)
            assert "Traceback" not in stderr, (note, stderr)
        else:
            assert process.returncode in (0, -signal.SIGKILL), (note, stderr)

        state = classify(out, known, (holds, pdf_in_folder), (target, pdf), note)
        tally[state] += 1
        if state == "new":
            holds, pdf_in_folder = target, pdf
        elif state == "finishing":
            # the next build finishes the job: run it undisturbed, it is the new one
            done = subprocess.run(command(repo, refs[target], out, pdf), env=env(),
                                  capture_output=True, text=True, check=False)
            assert done.returncode == 0, (note, done.stderr)
            assert files(out) == known[(target, pdf)], note
            holds, pdf_in_folder = target, pdf
        # scratch only in the staging area: nothing beside the folder
        assert sorted(p.name for p in repo.root.iterdir()) == beside, note
        assert all(name.startswith(("build-", "publish-", "put-")) for name in scratch(out)), (
            note, scratch(out))
        offered = repo.git("status", "--porcelain", "--untracked-files=all")
        assert STAGING not in offered, (note, offered)

    # a build that is not killed removes every scratch folder killed builds left
    target = "B" if holds == "A" else "A"
    done = subprocess.run(command(repo, refs[target], out, False), env=env(),
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert scratch(out) == set()
    assert not (out / JOURNAL).exists()
    assert files(out) == known[(target, False)]
    assert broken(out) == []
    print(f"seed {seed}: {kills} kills, {tally}")


def wait_until_group_gone(pgid: int) -> None:
    """Wait until no process of the killed build's group is alive (its workers: they
    die with the build, even when only the build was sent SIGKILL). A zombie that
    no init process has reaped yet does not count."""
    deadline = time.monotonic() + 60  # a hang guard, not a speed test
    while time.monotonic() < deadline:
        if not running_in_group(pgid):
            return
        time.sleep(0.02)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)
    raise AssertionError("workers of a killed build were still running after 60 s")


def classify(
    out: Path,
    known: Known,
    old: tuple[str, bool],
    new: tuple[str, bool],
    note: str,
) -> str:
    """Which state the folder is in after a kill: "old", "new" or "finishing"
    (a SIGKILL while files were renamed into place); fails on anything else."""
    now = files(out)
    assert (out / "manifest.json").is_file(), note
    assert broken(out) == [], (note, broken(out))
    if now == known[old] and not (out / JOURNAL).exists():
        return "old"
    if now == known[new] and not (out / JOURNAL).exists():
        return "new"
    # only a kill between the journal and the last rename gets here
    assert (out / JOURNAL).exists(), (note, sorted(set(now) ^ set(known[new])))
    for path, content in now.items():
        if path == "manifest.json":
            # while the files move, the manifest is the one publish writes between
            # the old and the new: it lists only the old documents this build leaves
            # alone, and they are whole (``broken`` above); it is neither A's nor B's
            continue
        assert content in (known[old].get(path), known[new].get(path)), (note, path)
    listed = {d["path"] for d in json.loads(now["manifest.json"])["documents"]}
    assert listed <= set(known[old]) | set(known[new]), (note, listed)
    return "finishing"
