"""The demo's records carry the editors' schema line; adding it changed no document.

The demo is copied into a fresh repository with its records as they were before
the line (the line taken off), committed, built; then the line is put back in a
commit of its own and the demo built again. A commit of a comment is no
amendment: no document says "revised" because of it, and every provider and
team document is byte-identical. What names the build's own commit (the
portfolio, index, renewal briefs, data.json, manifest) differs in that only.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from buildrepo import _env, tree
from scorecard.pipeline.build import build
from scorecard.pipeline.options import BuildOptions

DEMO = Path(__file__).resolve().parents[2] / "evaluations"
LINE = b"# yaml-language-server: $schema=../../../.schemas/record.schema.json\n"
AS_OF = date(2026, 11, 26)


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, env=_env(), capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


def _build(data: Path, out: Path) -> None:
    report = build(BuildOptions(data_dir=data, out_dir=out, as_of=AS_OF, pdf=False), today=AS_OF)
    assert report.ok, [p.text() for p in report.problems]


def test_every_demo_record_starts_with_the_schema_line() -> None:
    records = sorted((DEMO / "records").rglob("*.yaml"))
    assert len(records) > 30
    assert [r.name for r in records if not r.read_bytes().startswith(LINE)] == []


def test_the_schema_line_commit_changes_no_provider_or_team_document(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    data = root / "evaluations"
    shutil.copytree(DEMO, data)
    records = sorted((data / "records").rglob("*.yaml"))
    for record in records:
        record.write_bytes(record.read_bytes().removeprefix(LINE))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "--no-verify", "-m", "Demo")
    _build(data, tmp_path / "before")
    for record in records:
        record.write_bytes(LINE + record.read_bytes())
    _git(root, "commit", "-q", "--no-verify", "-am", "Schema line for editors")
    commits = (_git(root, "rev-parse", "HEAD~"), _git(root, "rev-parse", "HEAD"))
    _build(data, tmp_path / "after")

    old, new = tree(tmp_path / "before"), tree(tmp_path / "after")
    assert old.keys() == new.keys()
    documents = [p for p in new if p.endswith(("/provider.html", "/team.html"))]
    assert len(documents) > 30
    assert [p for p in documents if old[p] != new[p]] == []
    for path in (p for p in new if old[p] != new[p]):
        left = [line for line in old[path].splitlines() if commits[0][:7].encode() not in line]
        right = [line for line in new[path].splitlines() if commits[1][:7].encode() not in line]
        if path == ".scorecard-inputs.json" or path == "manifest.json":
            continue  # hashes of the input files, whose bytes did change
        assert left == right, path
