"""The output folder under attack and under bad luck, through real builds in real
git repositories: a folder scorecard did not make, a second build at the same
time, a mount point, links planted at the names a build writes, a build
killed or stopped, a PDF swapped with its hash edited, a shallow clone; and
the closing lines and links of what a build makes.

(Killing builds at random moments, many times over, is ``test_faults.py``.)"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

import scorecard
from buildrepo import AS_OF, Repo
from conftest import GitRepo, git_env, run_cli, running_in_group, tree_bytes
from scorecard.output.folder import STAGING, open_folder
from scorecard.pipeline.build import build
from scorecard.pipeline.options import BuildOptions

SRC = Path(scorecard.__file__).resolve().parents[1]  # the scorecard these tests import


def env() -> dict[str, str]:
    e = git_env()
    e["PYTHONPATH"] = os.pathsep.join([str(SRC), e.get("PYTHONPATH", "")])
    e.pop("CI", None)
    return e


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """``python -m scorecard ARGS`` in its own process group, output on pipes."""
    return subprocess.Popen(
        [sys.executable, "-m", "scorecard", *args], cwd=cwd, env=env(), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def whole(out: Path) -> list[str]:
    """The documents manifest.json lists whose file is missing or has other bytes."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return [
        d["path"] for d in manifest["documents"]
        if not (out / d["path"]).is_file()
        or hashlib.sha256((out / d["path"]).read_bytes()).hexdigest() != d["sha256"]
    ]


def wait_for(condition: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


# --- class 3: only folders of ours, one build at a time, same file system -------


def test_a_folder_of_the_users_is_refused_with_exit_2_naming_its_files(
    small_repo: GitRepo, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    (site / "acme/2026-Q3").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Our intranet</h1>\n")
    (site / "data.json").write_text('{"budget": 1}\n')
    (site / "manifest.json").write_text('{"name": "intranet", "start_url": "/"}\n')
    (site / "acme/2026-Q3/provider.html").write_text("<p>the signed copy</p>\n")
    before = tree_bytes(site)
    result = small_repo.build("--no-pdf", out=site)
    assert result.exit_code == 2
    assert (
        f"{site}: --out: the output folder holds files scorecard did not make, which this "
        "build would overwrite: acme/2026-Q3/provider.html, data.json, index.html, "
        "manifest.json; scorecard writes only into an empty folder or one it built before"
    ) in result.stderr
    assert result.stderr.endswith(f"Build failed: 1 error; nothing in {site} was changed.\n")
    assert tree_bytes(site) == before  # not even a staging folder


def test_a_folder_with_its_own_manifest_is_built_again_and_a_stranger_refused(
    small_repo: GitRepo, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    assert small_repo.build("--no-pdf", out=out).exit_code == 0
    assert small_repo.build("--no-pdf", out=out).exit_code == 0  # ours: fine
    (out / "notes").mkdir()
    (out / "notes/todo.txt").write_text("mine\n")  # a file of the user's own: kept
    assert small_repo.build("--no-pdf", out=out).exit_code == 0
    assert (out / "notes/todo.txt").read_text() == "mine\n"
    assert whole(out) == []


def test_a_second_build_waits_for_the_first_and_never_interleaves(
    small_repo: GitRepo, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    held, problems = open_folder(out)  # "another build" holds the folder
    assert held is not None and problems == []
    try:
        waiting = start("build", "--no-pdf", "--data", str(small_repo.data), "--out", str(out),
                        cwd=small_repo.root)
        time.sleep(3.0)  # far longer than the whole build takes
        assert waiting.poll() is None, waiting.communicate()
        assert not (out / "manifest.json").exists()
    finally:
        held.close()
    _, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, stderr
    assert whole(out) == []


def test_a_build_held_up_too_long_refuses(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    out = tmp_path / "out"
    held, _ = open_folder(out)
    assert held is not None
    try:
        report = build(BuildOptions(data_dir=repo.data, out_dir=out, pdf=False, as_of=AS_OF,
                                    lock_wait=0.3), today=AS_OF)
        assert sorted(os.listdir(out)) == [STAGING]  # the holder's, and nothing else
        assert sorted(os.listdir(out / STAGING)) == [".gitignore", "lock"]
    finally:
        held.close()
    assert [(p.field, p.message) for p in report.problems] == [
        ("--out", "another build is still writing into this folder after 0.3 seconds")
    ]
    assert not out.exists()  # the holder made it, wrote nothing, and removed it


def test_out_on_a_mount_point_builds(small_repo: GitRepo, tmp_path: Path) -> None:
    """A Docker volume or tmpfs at --out: renaming from next to it would cross file
    systems (EXDEV). Mounted in a private mount namespace, so nothing leaks."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare")
    out = small_repo.root / "reports"
    out.mkdir()
    script = (
        f"mount -t tmpfs scorecard-test {out} && "
        f"{sys.executable} -m scorecard build --no-pdf --data {small_repo.data} --out {out} && "
        f"{sys.executable} -c 'import json,hashlib,pathlib; o=pathlib.Path(\"{out}\"); "
        "m=json.loads((o/\"manifest.json\").read_text()); "
        "print(all(hashlib.sha256((o/d[\"path\"]).read_bytes()).hexdigest()==d[\"sha256\"] "
        "for d in m[\"documents\"]), len(m[\"documents\"]))'"
    )
    probe = subprocess.run(["unshare", "--mount", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("cannot make a mount namespace here")
    done = subprocess.run(["unshare", "--mount", "sh", "-c", script], cwd=small_repo.root,
                          env=env(), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "True 7"
    # nothing was written beside the mount point (the repository root)
    assert sorted(p.name for p in small_repo.root.iterdir()) == [".git", "evaluations",
                                                                   "reports"]


def test_links_planted_at_the_names_a_build_writes_are_never_written_through(
    small_repo: GitRepo, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    assert small_repo.build("--no-pdf", out=out).exit_code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # the temporary name a narrowed build used for index.html, the staging area,
    # and the index itself
    (out / ".index.html.part").symlink_to(victim)
    shutil.rmtree(out / STAGING)
    (out / STAGING).symlink_to(elsewhere, target_is_directory=True)
    (out / "index.html").unlink()
    (out / "index.html").symlink_to(victim)
    result = small_repo.build("--no-pdf", "--provider", "acme", out=out)
    assert result.exit_code == 0, result.stderr
    assert victim.read_text() == "precious\n"
    assert list(elsewhere.iterdir()) == []
    assert not (out / "index.html").is_symlink()
    assert "acme/2026-Q3/team.html" in (out / "index.html").read_text()
    assert (out / STAGING).is_dir() and not (out / STAGING).is_symlink()


# --- class 4: killed and stopped builds --------------------------------------------


def scratch_folders(out: Path) -> list[str]:
    staging = out / STAGING
    return sorted(p.name for p in staging.iterdir() if p.name not in (".gitignore", "lock")) \
        if staging.is_dir() else []


def test_a_killed_build_leaves_its_scratch_only_where_git_ignores_it_and_the_next_build_looks(
    small_repo: GitRepo,
) -> None:
    out = small_repo.root / "reports"
    build_ = start("build", "--jobs", "2", cwd=small_repo.root)  # with PDFs: seconds
    wait_for(lambda: any((out / STAGING / s / "acme").exists() for s in scratch_folders(out)))
    os.killpg(build_.pid, signal.SIGKILL)
    build_.wait()
    left = scratch_folders(out)
    assert len(left) == 1 and left[0].startswith("build-")
    # nothing beside the output folder, and git offers nothing of the scratch space
    assert sorted(p.name for p in small_repo.root.iterdir()) == [".git", "evaluations",
                                                                   "reports"]
    untracked = small_repo.git("status", "--porcelain", "--untracked-files=all").splitlines()
    assert untracked == [] or all(STAGING not in line for line in untracked), untracked
    assert all(".scorecard-staging" not in line for line in untracked)
    # the next build removes it
    assert small_repo.build("--no-pdf", out=out).exit_code == 0
    assert scratch_folders(out) == []


def test_the_next_build_removes_the_scratch_folders_older_versions_left_beside_it(
    small_repo: GitRepo,
) -> None:
    old = small_repo.root / ".reports.rendering-k2j4x9_q"
    (old / "acme/2026-Q3").mkdir(parents=True)
    (old / "acme/2026-Q3/team.html").write_text("<p>internal</p>\n")
    unrelated = small_repo.root / ".reports.rendering-notours"  # not a name we made
    unrelated.mkdir()
    assert small_repo.build("--no-pdf").exit_code == 0
    assert not old.exists()
    assert unrelated.is_dir()


def test_sigterm_stops_a_build_with_143_no_traceback_and_no_scratch(
    small_repo: GitRepo,
) -> None:
    out = small_repo.root / "reports"
    build_ = start("build", "--jobs", "2", cwd=small_repo.root)
    wait_for(lambda: any((out / STAGING / s / "acme").exists() for s in scratch_folders(out)))
    build_.send_signal(signal.SIGTERM)
    _, stderr = build_.communicate(timeout=60)
    assert build_.returncode == 143
    assert "Traceback" not in stderr
    assert stderr.startswith("Build stopped (SIGTERM).")
    assert scratch_folders(out) == []
    assert not (out / "manifest.json").exists()
    # the workers are gone with it (a zombie no init process reaped yet does not count)
    time.sleep(0.5)
    assert running_in_group(build_.pid) == []


# --- class 7: reuse proves the PDF ---------------------------------------------------


def test_a_swapped_pdf_with_its_hash_edited_is_rendered_again(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    out = tmp_path / "out"
    one = {"providers": frozenset({"alpha"}), "periods": frozenset({"2026-Q2"}),
           "audiences": frozenset({"provider"})}
    first = repo.build(out, **one)
    assert (first.rendered, first.reused) == (1, 0)
    pdf = out / "alpha/2026-Q2/provider.pdf"
    genuine = pdf.read_bytes()
    assert repo.build(out, **one).reused == 1  # untouched: reused

    forged = genuine + b"%doctored\n"  # a doctored copy: readers ignore what follows %%EOF
    assert forged != genuine
    pdf.write_bytes(forged)
    inputs = json.loads((out / ".scorecard-inputs.json").read_text())
    inputs["alpha/2026-Q2/provider.pdf"]["sha256"] = hashlib.sha256(forged).hexdigest()
    (out / ".scorecard-inputs.json").write_text(json.dumps(inputs))
    manifest = json.loads((out / "manifest.json").read_text())
    for d in manifest["documents"]:
        if d["path"] == "alpha/2026-Q2/provider.pdf":
            d["sha256"] = hashlib.sha256(forged).hexdigest()
    (out / "manifest.json").write_text(json.dumps(manifest))

    again = repo.build(out, **one)
    assert (again.rendered, again.reused) == (1, 0)
    assert pdf.read_bytes() == genuine
    assert whole(out) == []


# --- class 8: shallow clones -------------------------------------------------------


def test_a_shallow_clone_is_refused_saying_how_to_fix_ci(small_repo: GitRepo,
                                                         tmp_path: Path) -> None:
    record = small_repo.data / "records/acme/2026-Q3.yaml"  # amended in a second commit
    record.write_text(record.read_text(encoding="utf-8") + "# checked again\n",
                      encoding="utf-8")
    small_repo.commit("Acme Q3: checked again", "2026-11-27T12:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{small_repo.root}",
                    str(clone)], env=git_env(), check=True, capture_output=True)
    result = run_cli("build", "--no-pdf", "--data", str(clone / "evaluations"),
                     "--out", str(clone / "reports"))
    assert result.exit_code == 1
    assert "this repository is a shallow clone" in result.stderr
    assert "fetch-depth: 0" in result.stderr and "GIT_DEPTH: 0" in result.stderr
    assert "git fetch --unshallow" in result.stderr
    assert not (clone / "reports").exists()
    # a full clone of the same commit builds
    full = tmp_path / "full"
    subprocess.run(["git", "clone", "-q", f"file://{small_repo.root}", str(full)],
                   env=git_env(), check=True, capture_output=True)
    ok = run_cli("build", "--no-pdf", "--data", str(full / "evaluations"),
                 "--out", str(full / "reports"))
    assert ok.exit_code == 0, ok.stderr


# --- everything else ---------------------------------------------------------------


def test_outside_git_the_closing_line_says_uncommitted_data(tmp_path: Path) -> None:
    data = tmp_path / "evaluations"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures/small", data)
    result = run_cli("build", "--no-pdf", "--data", str(data), "--out", str(tmp_path / "out"),
                     "--as-of", "2026-11-26")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"Built 7 documents in {tmp_path / 'out'} as of 2026-11-26 from uncommitted data "
        "(draft): 0 PDFs rendered, 0 reused.\n"
    )


def test_build_failed_counts_the_errors_it_prints(small_repo: GitRepo, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    # one mistake in a template every provider scorecard uses: one problem, printed once
    (templates / "provider.html").write_text('{% extends "base.html" %}\n'
                                             "{% block content %}{{ no_such_thing }}"
                                             "{% endblock %}\n")
    result = small_repo.build("--no-pdf", "--templates", str(templates))
    assert result.exit_code == 1
    printed = [line for line in result.stderr.splitlines()
               if not line.startswith("Build failed")]
    assert len(printed) == 1 and "no_such_thing" in printed[0]
    assert result.stderr.splitlines()[-1].startswith("Build failed: 1 error;")


def test_the_portfolio_pdf_links_relative_to_the_output_folder(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    out = tmp_path / "out"
    repo.build(out, audiences=frozenset({"portfolio", "team"}), jobs=2)
    reader = PdfReader(out / "portfolio.pdf")
    uris = [
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert sorted(set(uris)) == ["alpha/2026-Q2/team.html", "beta/2026-Q2/team.html"]
    for uri in uris:
        assert (out / uri).is_file()


def test_a_portfolio_only_build_links_the_team_documents_in_the_folder(
    small_repo: GitRepo, tmp_path: Path
) -> None:
    out = tmp_path / "reports"
    assert small_repo.build("--no-pdf", out=out).exit_code == 0
    full = (out / "portfolio.html").read_text()
    links = ['href="acme/2026-Q3/team.html"', 'href="globex/2026-07/team.html"']
    assert all(link in full for link in links)
    (out / "portfolio.html").unlink()
    assert small_repo.build("--no-pdf", "--audience", "portfolio", out=out).exit_code == 0
    assert (out / "portfolio.html").read_text() == full
    # into an empty folder, the same build has no team documents to link
    alone = tmp_path / "alone"
    assert small_repo.build("--no-pdf", "--audience", "portfolio", out=alone).exit_code == 0
    assert not any(link in (alone / "portfolio.html").read_text() for link in links)
