"""--shard K/N builds a deterministic share of the documents; --join puts the
shares together into the output a single full build makes."""

from __future__ import annotations

import json
from pathlib import Path

from buildrepo import PDFS, Repo, differences, tree
from scorecard.pipeline.options import Shard


def test_three_shares_joined_equal_one_full_build(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    shares = [tmp_path / f"share-{k}" for k in (1, 2, 3)]
    rendered = 0
    for k, folder in enumerate(shares, start=1):
        report = repo.build(folder, shard=Shard(k, 3), jobs=1)
        assert report.reused == 0
        rendered += report.rendered

    # Every provider and team document is in exactly one share; the portfolio,
    # index and data.json are made by the join, not by a share.
    documents = [p for p in PDFS if p != "portfolio.pdf"]
    held = [sorted(p for p in tree(f) if p.endswith(".pdf")) for f in shares]
    assert sorted(p for share in held for p in share) == sorted(documents)
    assert rendered == 6
    for folder in shares:
        files = tree(folder)
        assert "portfolio.pdf" not in files and "index.html" not in files
        assert "data.json" not in files
        # each share's own manifest lists exactly the documents it holds
        manifest = json.loads(files["manifest.json"])
        listed = sorted(d["path"] for d in manifest["documents"])
        assert listed == sorted(p for p in files if p.endswith((".pdf", ".html")))
        for pdf in (p for p in files if p.endswith(".pdf")):
            assert pdf.replace(".pdf", ".html") in files

    # The same documents land in the same share on every machine: a hash of the path.
    for share, folder in zip(held, shares, strict=True):
        index = shares.index(folder) + 1
        assert all(Shard(index, 3).holds(p.removesuffix(".pdf")) for p in share)

    joined = tmp_path / "joined"
    report = repo.build(joined, join=tuple(shares), jobs=1)
    assert (report.rendered, report.reused) == (1, 6)  # only the portfolio is rendered

    full = tmp_path / "full"
    report = repo.build(full, force=True, jobs=2)
    assert (report.rendered, report.reused) == (7, 0)
    assert differences(joined, full) == []
