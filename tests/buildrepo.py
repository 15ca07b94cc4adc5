"""A tiny evaluation repository for build tests (parallel, incremental, shards).

Two providers in one service area, short records, so a full build makes seven
small PDFs::

    alpha/2026-Q1/{provider,team}.pdf   alpha/2026-Q2/{provider,team}.pdf
    beta/2026-Q2/{provider,team}.pdf    portfolio.pdf
"""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from scorecard.pipeline.build import build
from scorecard.pipeline.options import BuildOptions, BuildReport

AS_OF = date(2026, 9, 15)
WHEN = "2026-09-15T12:00:00+00:00"

FILES = {
    "scorecard.yaml": """\
organisation: Northwind Freight
cadence: quarterly
grace_days: 30
categories:
  - id: service
    name: Service delivery
    weight: 60
    criteria:
      - id: availability
        name: Availability
        measure: {unit: "%", target: 99.9, floor: 99.0, better: higher}
      - id: fix-quality
        name: Quality of fixes
  - id: relationship
    name: Relationship
    weight: 40
    criteria:
      - id: communication
        name: Communication
""",
    "providers/alpha.yaml": """\
id: alpha
name: Alpha Managed IT Ltd
service_area: Infrastructure
lead: Priya Shah
""",
    "providers/beta.yaml": """\
id: beta
name: Beta Hosting BV
service_area: Infrastructure
lead: Tom Berg
""",
    "records/alpha/2026-Q1.yaml": """\
provider: alpha
period: 2026-Q1
evaluated: 2026-04-10
lead: Priya Shah
scores:
  availability: 99.5
  fix-quality: 3
  communication: 4
summary: A quiet quarter.
""",
    "records/alpha/2026-Q2.yaml": """\
provider: alpha
period: 2026-Q2
evaluated: 2026-07-10
lead: Priya Shah
scores:
  availability: 99.95
  fix-quality: 4
  communication: 4
summary: Better fixes.
""",
    "records/beta/2026-Q2.yaml": """\
provider: beta
period: 2026-Q2
evaluated: 2026-07-12
lead: Tom Berg
scores:
  availability: 99.2
  fix-quality: 2
  communication: 3
summary: Slow fixes.
""",
}

PDFS = (
    "alpha/2026-Q1/provider.pdf", "alpha/2026-Q1/team.pdf",
    "alpha/2026-Q2/provider.pdf", "alpha/2026-Q2/team.pdf",
    "beta/2026-Q2/provider.pdf", "beta/2026-Q2/team.pdf",
    "portfolio.pdf",
)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
        GIT_AUTHOR_NAME="Priya Shah", GIT_AUTHOR_EMAIL="priya@example.com",
        GIT_COMMITTER_NAME="Priya Shah", GIT_COMMITTER_EMAIL="priya@example.com",
        GIT_AUTHOR_DATE=WHEN, GIT_COMMITTER_DATE=WHEN,
    )
    return env


class Repo:
    """The tiny data set in ``root/evaluations``, committed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "evaluations"
        for rel, text in FILES.items():
            path = self.data / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        self.git("init", "-q", "-b", "main")
        self.commit("Evaluations")

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, env=_env(),
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def commit(self, message: str) -> str:
        self.git("add", "--all", ".")
        self.git("commit", "-q", "--no-verify", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, (rel, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    def build(self, out: Path, **options: object) -> BuildReport:
        settings: dict[str, object] = {"data_dir": self.data, "out_dir": out, "as_of": AS_OF}
        settings.update(options)
        report = build(BuildOptions(**settings), today=AS_OF)  # type: ignore[arg-type]
        assert report.ok, [p.text() for p in report.problems]
        return report


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def differences(left: Path, right: Path) -> list[str]:
    """The relative paths whose bytes differ, or that only one side has."""
    a, b = tree(left), tree(right)
    return sorted(p for p in a.keys() | b.keys() if a.get(p) != b.get(p))
