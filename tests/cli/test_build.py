"""``scorecard build`` as people and CI run it: the README's quick start in a
folder holding a committed ``evaluations/``, what it prints on a pipe, a terminal
and in CI, and how it refuses bad options."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import COMMIT_DAY, GitRepo, git_env, run_cli, tree_bytes

OPTIONS = (
    "--data", "--ref", "--out", "--as-of", "--provider", "--period", "--audience", "--no-pdf",
    "--templates", "--paper", "--jobs", "--force", "--shard", "--join", "--summary",
)  # fmt: skip


def env(ci: str | None) -> dict[str, str]:
    e = git_env()
    e.pop("CI", None)
    if ci is not None:
        e["CI"] = ci
    return e


def scorecard(
    *args: str, cwd: Path, ci: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m scorecard ARGS`` with standard output and error on pipes."""
    return subprocess.run(
        [sys.executable, "-m", "scorecard", *args], cwd=cwd, env=env(ci),
        capture_output=True, text=True, check=False,
    )


def test_quick_start_on_a_pipe_prints_one_line(demo_repo: GitRepo) -> None:
    done = scorecard("build", "--no-pdf", cwd=demo_repo.root)
    assert done.returncode == 0, done.stderr
    head = demo_repo.git("rev-parse", "HEAD").strip()
    # 38 records x 2 audiences + the portfolio + northgate's renewal brief = 78 (test_build.py)
    assert done.stdout == (
        f"Built 78 documents in reports as of {COMMIT_DAY} from {head[:7]}: "
        "0 PDFs rendered, 0 reused.\n"
    )
    assert done.stderr == ""  # no progress bar on a pipe, and nothing to warn about
    assert (demo_repo.root / "reports/manifest.json").is_file()
    assert (demo_repo.root / "reports/index.html").is_file()


def test_quick_start_with_a_pdf_in_ci(demo_repo: GitRepo) -> None:
    done = scorecard(
        "build", "--provider", "northgate", "--period", "2026-Q3", "--audience", "provider",
        cwd=demo_repo.root, ci="true",
    )
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(
        rf"Built 2 documents in reports as of {COMMIT_DAY} from [0-9a-f]{{7}}: "
        r"1 PDF rendered, 0 reused\.\n",
        done.stdout,
    )
    assert done.stderr == ""
    pdf = demo_repo.root / "reports/northgate/2026-Q3/provider.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")


def on_a_terminal(repo: GitRepo, ci: str | None) -> tuple[str, str]:
    """Run a --no-pdf build with standard error on a pseudo-terminal; (stdout, what the
    terminal showed)."""
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "scorecard", "build", "--no-pdf"], cwd=repo.root,
            env=env(ci), stdout=subprocess.PIPE, stderr=follower,
        )
        os.close(follower)
        assert process.stdout is not None
        stdout = process.stdout.read().decode("utf-8")
        assert process.wait(timeout=120) == 0
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once the process is gone
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    return stdout, shown.decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_outside_ci(small_repo: GitRepo) -> None:
    summary = re.compile(r"Built 7 documents in reports as of .*: 0 PDFs rendered, 0 reused\.\n")
    stdout, shown = on_a_terminal(small_repo, ci=None)
    assert summary.fullmatch(stdout)
    assert "Rendering" in shown and "100%" in shown

    stdout, shown = on_a_terminal(small_repo, ci="true")
    assert summary.fullmatch(stdout)
    assert shown == ""

    stdout, shown = on_a_terminal(small_repo, ci="false")  # CI=false is not CI
    assert summary.fullmatch(stdout)
    assert "100%" in shown


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--shard", "5/3"], "Invalid value for '--shard': K must be between 1 and N; got 5/3."),
        (["--shard", "0/2"], "Invalid value for '--shard': K must be between 1 and N; got 0/2."),
        (["--shard", "half"], "Invalid value for '--shard': 'half' is not a share; write it "
                              "as K/N"),
        (["--as-of", "2026-13-01"], "Invalid value for '--as-of': '2026-13-01' is not a day; "
                                    "write it as YYYY-MM-DD"),
        (["--period", "2026-Q9"], "Invalid value for '--period': '2026-Q9' is not a period"),
        (["--audience", "board"], "Invalid value for '--audience'"),
        (["--paper", "A5"], "Invalid value for '--paper'"),
        (["--jobs", "0"], "Invalid value for '--jobs'"),
        (["--summary", "/no-such-folder/summary.md"],
         "Invalid value for '--summary': '/no-such-folder' is not a folder; make it first."),
    ],
)
def test_misuse_exits_2_with_a_clear_message(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_cli("build", "--data", str(tmp_path), "--out", str(tmp_path / "out"), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()


def test_unknown_provider_exits_2_with_a_suggestion(small_repo: GitRepo) -> None:
    close = small_repo.build("--no-pdf", "--provider", "acmee")
    assert close.exit_code == 2  # the command was used wrongly, the data is sound
    assert "there is no provider 'acmee'" in close.stderr
    assert "Did you mean 'acme'?" in close.stderr
    far = small_repo.build("--no-pdf", "--provider", "initech")
    assert far.exit_code == 2
    assert "Known providers: acme, globex." in far.stderr
    assert not small_repo.reports.exists()


def test_unknown_provider_in_the_demo_data(demo_repo: GitRepo) -> None:
    result = demo_repo.build("--no-pdf", "--provider", "acme")
    assert result.exit_code == 2
    assert "there is no provider 'acme'" in result.stderr
    assert "Known providers: castellan, deskone, helpwise, northgate, sentinel-bay." in (
        result.stderr
    )
    near = demo_repo.build("--no-pdf", "--provider", "nortgate")
    assert near.exit_code == 2 and "Did you mean 'northgate'?" in near.stderr


def test_help(tmp_path: Path) -> None:
    done = scorecard("build", "--help", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("Usage: scorecard build [OPTIONS]")
    for option in OPTIONS:
        assert option in done.stdout, option


def test_shards_split_the_documents_and_join_again(small_repo: GitRepo, tmp_path: Path) -> None:
    full = small_repo.build("--no-pdf", out=tmp_path / "full")
    one = small_repo.build("--no-pdf", "--shard", "1/2", out=tmp_path / "one")
    two = small_repo.build("--no-pdf", "--shard", "2/2", out=tmp_path / "two")
    assert full.exit_code == one.exit_code == two.exit_code == 0
    listed = {
        name: {d["path"] for d in json.loads((tmp_path / name / "manifest.json").read_text())[
            "documents"]}
        for name in ("full", "one", "two")
    }
    # 3 records x 2 audiences + the portfolio = 7; the shares split the six provider
    # and team documents between them (the portfolio may be left to the join)
    assert len(listed["full"]) == 7
    assert listed["full"] - {"portfolio.html"} <= listed["one"] | listed["two"] <= listed["full"]
    assert not listed["one"] & listed["two"] and listed["one"] and listed["two"]
    joined = small_repo.build(
        "--no-pdf", "--join", str(tmp_path / "one"), "--join", str(tmp_path / "two"),
        out=tmp_path / "joined",
    )
    assert joined.exit_code == 0
    assert tree_bytes(tmp_path / "joined") == tree_bytes(tmp_path / "full")


def test_an_output_folder_that_is_a_file_is_refused(small_repo: GitRepo, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("not a folder\n")
    for out in (tmp_path / "taken", tmp_path / "taken" / "reports"):
        result = small_repo.build("--no-pdf", out=out)
        assert result.exit_code == 2
        assert f"Invalid value for '--out': '{tmp_path / 'taken'}' is not a folder." in (
            result.stderr
        )
    assert (tmp_path / "taken").read_text() == "not a folder\n"


def test_a_long_build_logs_a_line_at_each_tenth() -> None:
    from scorecard.cli.build import TenthsLog

    now = [0.0]
    lines: list[str] = []
    log = TenthsLog(after=10.0, clock=lambda: now[0], echo=lines.append)
    for done in range(1, 41):  # 40 PDFs, one every half second: 20 s in all
        now[0] += 0.5
        log(done, 40, f"doc{done}.pdf")
    # silent for the first 10 s (20 PDFs, half of the build), then every tenth
    assert lines == [f"Rendering: {p}% ({n} of 40 PDFs)" for p, n in
                     [(50, 20), (60, 24), (70, 28), (80, 32), (90, 36), (100, 40)]]


def test_a_short_build_logs_nothing() -> None:
    from scorecard.cli.build import TenthsLog

    now = [0.0]
    lines: list[str] = []
    log = TenthsLog(after=0.0, clock=lambda: now[0], echo=lines.append)
    for done in range(1, 10):  # nine PDFs: no tenths to speak of
        now[0] += 100
        log(done, 9, "x.pdf")
    assert lines == []
