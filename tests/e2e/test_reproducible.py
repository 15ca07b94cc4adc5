"""Building the same commit with the same as-of day gives byte-identical files,
whichever the number of worker processes: every HTML document, data.json and the
manifest of a full build, and real PDFs of one provider's period and the portfolio."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from conftest import GitRepo, tree_bytes

NARROW = ("--provider", "northgate", "--period", "2026-Q3")


def test_html_builds_are_byte_identical(demo_repo: GitRepo, tmp_path: Path) -> None:
    one = demo_repo.build("--no-pdf", "--jobs", "1", out=tmp_path / "one")
    two = demo_repo.build("--no-pdf", "--jobs", "2", out=tmp_path / "two")
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    first, second = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "two")
    assert len(first) > 77  # 77 documents plus index, data.json, manifest
    assert first.keys() == second.keys()
    different = [path for path in first if first[path] != second[path]]
    assert different == []


def pdf_build(repo: GitRepo, out: Path, jobs: str) -> None:
    for narrowing in (NARROW, ("--audience", "portfolio")):
        result = repo.build(*narrowing, "--jobs", jobs, out=out)
        assert result.exit_code == 0, result.output


def test_pdf_builds_are_byte_identical(demo_repo: GitRepo, tmp_path: Path) -> None:
    pdf_build(demo_repo, tmp_path / "one", "2")
    pdf_build(demo_repo, tmp_path / "two", "1")
    first, second = tree_bytes(tmp_path / "one"), tree_bytes(tmp_path / "two")
    pdfs = sorted(p for p in first if p.endswith(".pdf"))
    assert pdfs == [
        "northgate/2026-Q3/provider.pdf", "northgate/2026-Q3/team.pdf", "portfolio.pdf",
    ]
    assert first.keys() == second.keys()
    different = [path for path in first if first[path] != second[path]]
    assert different == []
    for pdf in pdfs:
        assert len(PdfReader(tmp_path / "one" / pdf).pages) >= 1

    # building again into the same folder reuses the PDFs and changes no byte
    again = demo_repo.build(*NARROW, out=tmp_path / "one")
    assert again.exit_code == 0
    assert "0 PDFs rendered, 2 reused" in again.stdout
    assert tree_bytes(tmp_path / "one") == first


def test_a_draft_build_is_reproducible_for_a_fixed_day(
    small_repo: GitRepo, tmp_path: Path,
) -> None:
    small_repo.edit("records/acme/2026-Q3.yaml", "p1-response: 42", "p1-response: 41")
    outs = [tmp_path / "a", tmp_path / "b"]
    for out, jobs in zip(outs, ("1", "2"), strict=True):
        result = small_repo.build("--no-pdf", "--as-of", "2026-12-01", "--jobs", jobs, out=out)
        assert result.exit_code == 0, result.output
        assert "(draft: uncommitted changes)" in result.stdout
    assert tree_bytes(outs[0]) == tree_bytes(outs[1])
