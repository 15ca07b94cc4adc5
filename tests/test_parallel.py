"""Rendering in worker processes changes nothing: --jobs 1 and --jobs 2 make the
same bytes, PDFs included."""

from __future__ import annotations

from pathlib import Path

from buildrepo import PDFS, Repo, differences, tree


def test_jobs_1_and_2_make_byte_identical_output(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    one = repo.build(tmp_path / "one", jobs=1)
    two = repo.build(tmp_path / "two", jobs=2)
    # 3 records x (provider + team) + the portfolio = 7 PDFs, all rendered afresh
    assert (one.rendered, one.reused) == (7, 0)
    assert (two.rendered, two.reused) == (7, 0)
    files = tree(tmp_path / "one")
    assert set(PDFS) <= set(files)
    assert all(files[p].startswith(b"%PDF-") for p in PDFS)
    assert differences(tmp_path / "one", tmp_path / "two") == []
