"""The README's "Forms: taking part without git", run as written on the demo data in a
new git repository: every shell block in order, with the real scorecard. The person
who fills each form in a PDF reader is stood in for by pypdf filling it as a viewer
does (tests/formfill.py): that step is in words in the README, not a command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from conftest import git_env, make_repo
from formfill import fill

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Forms: taking part without git"
RECORD = "evaluations/records/northgate/2026-Q3.yaml"


def blocks() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(SECTION)
    section = text[start:text.index("\n## ", start + len(SECTION))]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def _run(line: str, cwd: Path) -> str:
    env = {**git_env(), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, timeout=300)
    assert done.returncode == 0, (line, done.stdout, done.stderr)
    return done.stdout


def test_the_forms_walk_through_works_as_written(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo").root
    steps = blocks()
    assert len(steps) == 5
    out = [_run(line, repo) for line in steps[0].splitlines()]
    assert all(o.startswith("Wrote forms/") for o in out)
    # the evaluator's form
    _run(steps[1].strip(), repo)
    sanne = repo / "forms/northgate-2026-Q3-sanne-de-vries.pdf"
    fields = PdfReader(sanne).get_fields() or {}
    assert str(fields["rating.fix-quality"]["/V"]) == "3"  # her rating, already picked
    assert str(fields["rating.security-practice"].get("/V", "")) == ""
    fill(sanne, sanne, {"rating.security-practice": "3"})  # Sanne, in her PDF reader
    took, diff = (_run(line, repo) for line in steps[2].splitlines())
    assert "rating.security-practice" in took
    changed = [line for line in diff.splitlines() if line[:1] in "+-"
               and not line.startswith(("+++", "---"))]
    assert changed == [
        "-  security-practice: {Lukas Meier: 2, Pieter Bakker: 4}",
        "+  security-practice: {Lukas Meier: 2, Pieter Bakker: 4, Sanne de Vries: 3}",
    ]
    # the lead's form was made before Sanne's was taken, and still fits
    lead = repo / "forms/northgate-2026-Q3-lead.pdf"
    fill(lead, tmp_path / "lead.pdf", {"rating.proactivity": "2"})
    assert "Nothing to write" in _run(f"scorecard take {tmp_path / 'lead.pdf'}", repo)
    # the provider's form
    _run(steps[3].strip(), repo)
    fill(repo / "forms/sentinel-bay-2026-Q3-provider.pdf", repo / "sentinel-bay-view.pdf", {
        "reported.availability": "99.95", "self.communication": "4",
        "about_us.pay-on-time": "3", "reply": "Thank you. We will keep it up."})
    took, diff = (_run(line, repo) for line in steps[4].splitlines())
    for name in ("reported.availability", "self.communication", "about_us.pay-on-time",
                 "reply"):
        assert name in took
    added = [line for line in diff.splitlines() if line.startswith("+")
             and not line.startswith("+++")]
    # new fields go at the end of the record, in the order of the form's field names
    assert added == ["+about_us:", "+  pay-on-time: 3",
                     "+provider_response: Thank you. We will keep it up.",
                     "+reported:", "+  availability: 99.95",
                     "+self_assessment:", "+  communication: 4"]
    assert "no problems" in _run("scorecard validate", repo)
