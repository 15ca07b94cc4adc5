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


def _square_and_pid(n: int) -> tuple[int, int]:
    import os

    return n * n, os.getpid()


def test_recycled_workers_keep_the_order() -> None:
    import os

    from scorecard.output.pool import ordered_map

    # one job, 5 items, a fresh worker after every 2: items run in 3 workers
    # (2 + 2 + 1), none in this process, and come back in order
    out = list(ordered_map(_square_and_pid, [1, 2, 3, 4, 5], 1, recycle=2))
    assert [square for square, _ in out] == [1, 4, 9, 16, 25]
    pids = [pid for _, pid in out]
    assert os.getpid() not in pids
    assert len(set(pids)) == 3
    # without recycling, one job runs here
    assert {pid for _, pid in ordered_map(_square_and_pid, [1, 2], 1)} == {os.getpid()}
