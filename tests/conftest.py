"""Shared fixtures: a data folder copied into a fresh git repository and committed
with fixed dates, and a way to run ``scorecard`` against it in this process."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mailroom import MailServer

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "evaluations"
SMALL = Path(__file__).resolve().parent / "fixtures" / "small"
# A record the small fixture lacks: committed, it makes a second build differ from the first.
GLOBEX_AUGUST = """\
provider: globex
period: 2026-08
evaluated: "2026-09-04"
lead: Tom Berg
scores:
  availability: 99.5
  communication: 3
services_used: [network]
"""

# The demo data's stories are told "as of 2026-11-26", so the first commit is made then.
COMMIT_DAY = "2026-11-26"
COMMIT_TIME = f"{COMMIT_DAY}T12:00:00+00:00"


@pytest.fixture(autouse=True, scope="session")
def _reuse_key_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds keep their reuse key in the user's cache folder: in tests, a fresh one
    (subprocesses inherit it), never the real home's."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("SCORECARD_REUSE_KEY", None)
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


def git_env() -> dict[str, str]:
    """The environment for git in tests: no GIT_* from outside, a fixed identity."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Sanne de Vries",
        GIT_AUTHOR_EMAIL="sanne@example.com",
        GIT_COMMITTER_NAME="Sanne de Vries",
        GIT_COMMITTER_EMAIL="sanne@example.com",
    )
    return env


@dataclass
class GitRepo:
    """A git repository in tmp_path whose ``data`` folder holds a copy of a data set."""

    root: Path
    data_name: str = "evaluations"

    @property
    def data(self) -> Path:
        return self.root / self.data_name

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=git_env(), capture_output=True, text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def commit(self, message: str, when: str = COMMIT_TIME) -> str:
        """Commit everything under the data folder with author and committer date
        ``when``; the new commit's full id."""
        self.git("add", "--all", "--", self.data_name)
        env_when = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
        done = subprocess.run(
            ["git", "commit", "--quiet", "--no-verify", "-m", message],
            cwd=self.root, env={**git_env(), **env_when}, capture_output=True, text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace ``old`` (which must occur exactly once) in data file ``rel``."""
        path = self.data / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def build(self, *args: str, out: Path | None = None) -> Result:
        """``scorecard build --data DATA --out OUT ARGS`` in this process."""
        return run_cli(
            "build", "--data", str(self.data), "--out", str(out or self.reports), *args
        )


def make_repo(root: Path, source: Path = DEMO, *, when: str = COMMIT_TIME) -> GitRepo:
    """Copy ``source`` to ``root/evaluations`` in a new git repository and commit it."""
    root.mkdir(parents=True, exist_ok=True)
    repo = GitRepo(root)
    shutil.copytree(source, repo.data, ignore=shutil.ignore_patterns("__pycache__"))
    repo.git("init", "--quiet", "--initial-branch=main")
    repo.commit("Demo data", when)
    return repo


def run_cli(*args: str) -> Result:
    from scorecard.cli import cli

    return CliRunner().invoke(cli, list(args), prog_name="scorecard", catch_exceptions=False)


@pytest.fixture
def demo_repo(tmp_path: Path) -> GitRepo:
    """The demo data, committed on 2026-11-26 in a new repository."""
    return make_repo(tmp_path / "repo")


@pytest.fixture
def small_repo(tmp_path: Path) -> GitRepo:
    """The small fixture (two providers, three records), committed on 2026-11-26."""
    return make_repo(tmp_path / "repo", SMALL)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }



@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 and a free port; its ``inbox``
    holds every message it accepted."""
    server = MailServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
def running_in_group(pgid: int) -> list[int]:
    """The processes of a process group that are still alive (not zombies)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(entry.name))
    return alive


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    """In CI (``CI=true``) a test that skips itself for want of a tool fails instead:
    CI installs every tool, so a skip there would hide a missing install step."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every tool is installed: {report.longrepr}"
