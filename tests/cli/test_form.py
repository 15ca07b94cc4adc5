"""``scorecard form``: which fields each role's form holds, what is refused in one
line, and that the form is written like every output: never through a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_cli
from datafolder import DataFolder
from formfill import fields


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def test_criteria_that_do_not_apply_or_are_not_in_force_have_no_field(data: DataFolder) -> None:
    data.edit("providers/acme.yaml", "lead: Priya Shah\n",
              "lead: Priya Shah\nnot_applicable: [communication]\n")
    # fix-quality ends before 2026-Q3 starts: not in force for it
    data.edit("scorecard.yaml", "        name: Quality of fixes\n",
              "        name: Quality of fixes\n        until: 2026-06-30\n")
    data.edit("records/acme/2026-Q3.yaml", "  fix-quality: {Priya Shah: 4, Tom Berg: 3}\n", "")
    data.edit("records/acme/2026-Q3.yaml", "  communication: 4\n", "")
    data.edit("records/acme/2026-Q3.yaml", "internal_notes:\n  fix-quality: Root-cause "
              "reports look copied.\n", "")
    assert run_cli("form", "acme", "--for", "lead").exit_code == 0
    lead = fields(Path("forms/acme-2026-Q3-lead.pdf"))
    assert set(lead) == {"identity", "score.availability", "score.p1-response",
                         "note.availability", "note.p1-response", "internal_note.availability",
                         "internal_note.p1-response", "summary", "internal"}
    assert run_cli("form", "acme", "--for", "provider").exit_code == 0
    assert set(fields(Path("forms/acme-2026-Q3-provider.pdf"))) == {
        "identity", "reported.availability", "reported.p1-response", "reply"}


def test_the_period_defaults_to_the_latest_record(data: DataFolder) -> None:
    result = run_cli("form", "acme", "--for", "provider")
    assert result.exit_code == 0
    assert result.stdout.startswith("Wrote forms/acme-2026-Q3-provider.pdf: ")
    assert "by 20 October 2026" in result.stdout  # evaluated 2026-10-06 + 14 days


@pytest.mark.parametrize(("args", "says"), [
    (("acmee", "--for", "lead"), "there is no provider 'acmee'"),
    (("acme", "2026-Q1", "--for", "lead"), "acme has no record for 2026-Q1 (it has: "
                                           "2026-Q2, 2026-Q3)"),
    (("acme", "--for", "Eve Smith"), "Eve Smith is not an evaluator of this record"),
])
def test_what_cannot_be_made_is_one_line(data: DataFolder, args: tuple[str, ...],
                                         says: str) -> None:
    result = run_cli("form", *args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and says in result.stderr
    assert not Path("forms").exists()


def test_the_form_is_never_written_through_a_link(data: DataFolder, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, "forms")
    result = run_cli("form", "acme", "--for", "lead")
    assert result.exit_code == 1 and "cannot write" in result.stderr
    assert list(elsewhere.iterdir()) == []
    os.unlink("forms")
    Path("forms").mkdir()
    target = tmp_path / "target.pdf"
    target.write_bytes(b"keep me")
    os.symlink(target, "forms/acme-2026-Q3-lead.pdf")
    assert run_cli("form", "acme", "--for", "lead").exit_code == 0
    assert target.read_bytes() == b"keep me"  # the link was replaced, not written through
    assert not Path("forms/acme-2026-Q3-lead.pdf").is_symlink()
    assert Path("forms/acme-2026-Q3-lead.pdf").read_bytes().startswith(b"%PDF-")
    assert [p.name for p in Path("forms").iterdir()] == ["acme-2026-Q3-lead.pdf"]


def test_a_broken_form_template_is_a_problem_not_a_traceback(data: DataFolder,
                                                             tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "forms"
    mine.mkdir(parents=True)
    (mine / "form.html").write_text("{{ form.no_such_thing }}\n", encoding="utf-8")
    result = run_cli("form", "acme", "--for", "lead", "--templates", str(mine.parent))
    assert result.exit_code == 1
    assert "form.html" in result.stderr and "no_such_thing" in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path("forms").exists()
