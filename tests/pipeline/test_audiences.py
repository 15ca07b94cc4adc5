"""``scorecard split``: each audience's folder holds its documents only, with its
own index.html and manifest.json; a build folder that was tampered with is
refused and nothing is written."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import GitRepo, run_cli


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_each_audience_gets_its_documents_an_index_and_a_manifest(
    small_repo: GitRepo, tmp_path: Path,
) -> None:
    done = small_repo.build("--no-pdf", "--as-of", "2026-11-26")
    assert done.exit_code == 0, done.output
    out = tmp_path / "by-audience"
    done = run_cli("split", "--reports", str(small_repo.reports), "--out", str(out))
    assert done.exit_code == 0, done.output
    build = json.loads((small_repo.reports / "manifest.json").read_text())
    for audience in ("provider", "team", "portfolio"):
        folder = out / audience
        mine = [d for d in build["documents"] if d["audience"] == audience]
        assert mine, audience
        assert files_in(folder) == {d["path"] for d in mine} | {"index.html", "manifest.json"}
        share = json.loads((folder / "manifest.json").read_text())
        assert share["documents"] == mine
        assert share["as_of"] == build["as_of"] and share["source"] == build["source"]
        for d in mine:  # the very bytes the build made
            assert (folder / d["path"]).read_bytes() == (
                small_repo.reports / d["path"]).read_bytes()
        index = (folder / "index.html").read_text()
        links = set(re.findall(r'href="([^"#]+)"', index))
        assert links == {d["path"] for d in mine}, audience  # every document, nothing else
    provider_index = (out / "provider/index.html").read_text()
    # nothing internal: no score, band or overdue line of the build's own index
    assert "out of 100" not in provider_index and "Overdue" not in provider_index
    assert "Internal" not in provider_index
    assert not (out / "provider/data.json").exists()
    # again, as the next CI run would into a restored folder: the same files
    again = run_cli("split", "--reports", str(small_repo.reports), "--out", str(out))
    assert again.exit_code == 0, again.output
    assert files_in(out / "team") == {d["path"] for d in build["documents"]
                                      if d["audience"] == "team"} | {"index.html",
                                                                     "manifest.json"}


def test_a_changed_document_is_refused_and_nothing_is_written(
    small_repo: GitRepo, tmp_path: Path,
) -> None:
    assert small_repo.build("--no-pdf", "--as-of", "2026-11-26").exit_code == 0
    build = json.loads((small_repo.reports / "manifest.json").read_text())
    [team] = [d for d in build["documents"] if d["audience"] == "team"][:1]
    (small_repo.reports / team["path"]).write_text("<p>edited after the build</p>")
    out = tmp_path / "by-audience"
    done = run_cli("split", "--reports", str(small_repo.reports), "--out", str(out))
    assert done.exit_code == 1
    assert "not the one manifest.json lists" in done.output
    assert not out.exists()


def test_a_folder_without_a_build_is_a_usage_error(tmp_path: Path) -> None:
    done = run_cli("split", "--reports", str(tmp_path / "nothing"), "--out",
                   str(tmp_path / "out"))
    assert done.exit_code == 2
    assert "scorecard build" in done.output
