"""Documents stay as issued (outputs.md and scoring.md v1.1).

A real git repository (tests/buildrepo.py): built at one commit, then a later
record and a new action raised after the evaluations are committed, and built
again. Every earlier period's provider and team documents come out byte for
byte as they were, provenance line included; the new record adds documents and
the portfolio changes. A draft record leaves its period overdue.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from buildrepo import Repo, tree
from scorecard.pipeline.build import build
from scorecard.pipeline.options import BuildOptions

SRC = Path(__file__).resolve().parents[2] / "src"
FIRST_DAY = date(2026, 9, 15)
LATER = date(2026, 10, 20)
MUCH_LATER = date(2026, 11, 30)

BETA_Q3 = """\
provider: beta
period: 2026-Q3
evaluated: 2026-10-12
lead: Tom Berg
scores:
  availability: 99.95
  fix-quality: 4
  communication: 4
summary: Much better.
"""

ALPHA_ACTION = """\
actions:
  - id: a-1
    kind: deficiency
    title: Weekend on-call cover
    raised: 2026-10-14
    owner: provider
    due: 2026-11-30
    status: open
"""


def _build(repo: Repo, out: Path, day: date) -> None:
    report = build(BuildOptions(data_dir=repo.data, out_dir=out, as_of=day, pdf=False),
                   today=day)
    assert report.ok, [p.text() for p in report.problems]


def _documents(files: dict[str, bytes]) -> dict[str, bytes]:
    return {p: b for p, b in files.items() if p.endswith(("/provider.html", "/team.html"))}


def test_a_later_record_and_action_leave_earlier_documents_byte_identical(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "repo")
    first_commit = repo.git("rev-parse", "HEAD").strip()
    _build(repo, tmp_path / "first", FIRST_DAY)
    before = tree(tmp_path / "first")
    issued = _documents(before)
    assert sorted(issued) == [
        "alpha/2026-Q1/provider.html", "alpha/2026-Q1/team.html",
        "alpha/2026-Q2/provider.html", "alpha/2026-Q2/team.html",
        "beta/2026-Q2/provider.html", "beta/2026-Q2/team.html",
    ]

    (repo.data / "records/beta/2026-Q3.yaml").write_text(BETA_Q3, encoding="utf-8")
    alpha = repo.data / "providers/alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8") + ALPHA_ACTION, encoding="utf-8")
    second_commit = repo.commit("Beta Q3 evaluated; weekend cover raised with Alpha")
    _build(repo, tmp_path / "second", LATER)
    after = tree(tmp_path / "second")

    for path, content in issued.items():
        assert after[path] == content, path  # as issued, provenance line included
        assert first_commit[:12] in content.decode("utf-8"), path
    # the new record adds its documents, which name the new commit
    assert second_commit[:12] in after["beta/2026-Q3/provider.html"].decode("utf-8")
    assert set(_documents(after)) == set(issued) | {
        "beta/2026-Q3/provider.html", "beta/2026-Q3/team.html"}
    # the portfolio and data.json are as of the build's day: they change
    assert after["portfolio.html"] != before["portfolio.html"]
    data = json.loads(after["data.json"])
    alpha_figures = next(p for p in data["providers"] if p["id"] == "alpha")
    assert alpha_figures["actions"]["open"] == 1  # raised 2026-10-14, open on 2026-10-20

    # rebuilding the same commit later gives the same provider and team documents
    _build(repo, tmp_path / "again", MUCH_LATER)
    assert _documents(tree(tmp_path / "again")) == _documents(after)


def test_a_committed_draft_leaves_its_period_overdue(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    draft = BETA_Q3.replace("provider: beta\n", "status: draft\nprovider: beta\n")
    (repo.data / "records/beta/2026-Q3.yaml").write_text(draft, encoding="utf-8")
    repo.commit("Beta Q3 started")
    # 2026-Q3 ends 2026-09-30 and is due 30 days later, 2026-10-30; as of 2026-11-05
    _build(repo, tmp_path / "out", date(2026, 11, 5))
    files = tree(tmp_path / "out")
    assert not any(p.startswith("beta/2026-Q3/") for p in files)  # a draft makes none
    data = json.loads(files["data.json"])
    beta = next(p for p in data["providers"] if p["id"] == "beta")
    assert beta["schedule"]["overdue"] == ["2026-Q3"]
    assert [e["period"] for e in beta["evaluations"]] == ["2026-Q2"]
    assert "2026-Q3" in files["portfolio.html"].decode("utf-8")
    # and `scorecard due` lists it as overdue
    done = subprocess.run(
        [sys.executable, "-m", "scorecard", "due", "--data", str(repo.data), "--as-of",
         "2026-11-05", "--strict"],
        cwd=repo.root, capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert done.returncode == 1, done.stderr  # --strict: something is overdue
    assert "We have not scored Beta Hosting BV for the third quarter of 2026 yet." in done.stdout


def test_earlier_pdfs_stay_byte_identical_too(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    first = build(BuildOptions(data_dir=repo.data, out_dir=tmp_path / "first",
                               as_of=FIRST_DAY, jobs=2), today=FIRST_DAY)
    assert first.ok, [p.text() for p in first.problems]
    (repo.data / "records/beta/2026-Q3.yaml").write_text(BETA_Q3, encoding="utf-8")
    alpha = repo.data / "providers/alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8") + ALPHA_ACTION, encoding="utf-8")
    repo.commit("Beta Q3 evaluated; weekend cover raised with Alpha")
    # a fresh folder: every PDF is rendered again, none reused
    second = build(BuildOptions(data_dir=repo.data, out_dir=tmp_path / "second",
                                as_of=LATER, jobs=2), today=LATER)
    assert second.ok, [p.text() for p in second.problems]
    before, after = tree(tmp_path / "first"), tree(tmp_path / "second")
    pdfs = [p for p in before if p.endswith(("/provider.pdf", "/team.pdf"))]
    assert len(pdfs) == 6
    for path in pdfs:
        assert after[path] == before[path], path
    assert after["portfolio.pdf"] != before["portfolio.pdf"]
