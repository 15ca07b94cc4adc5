"""Issue 18: "each file version is read and parsed once per build", for files with
several committed versions too.

A real repository (``buildrepo``'s) where beta's 2026-Q1 record is added as a
draft, made final, given a comment (a layout-only change) and a new summary,
and alpha's provider file gains an action: four versions of one file, two of
another. A real build watches every call of the YAML reader and of
``git cat-file --batch`` (wherever a module holds them) and finds each blob parsed
once and read once. Before the shared store, the loader, the layout-only check,
the draft check and the provenance check each parsed the latest version again
(and two ``cat-file`` runs read the same versions).
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from buildrepo import Repo
from scorecard.data.blobs import cat_blobs
from scorecard.data.yaml.reader import parse

RECORD = "evaluations/records/beta/2026-Q1.yaml"
PROVIDER = "evaluations/providers/alpha.yaml"


def blob_id(content: bytes) -> str:
    """git's id of a blob (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def _spy_everywhere(monkeypatch: pytest.MonkeyPatch, original: Callable[..., Any],
                    spy: Callable[..., Any]) -> int:
    """Replace ``original`` by ``spy`` in every scorecard module that holds it."""
    bound = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("scorecard") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if value is original:
                monkeypatch.setattr(module, attr, spy)
                bound += 1
    return bound


def _history(repo: Repo) -> None:
    record = repo.data / "records" / "beta" / "2026-Q1.yaml"
    record.write_text("provider: beta\nperiod: 2026-Q1\nstatus: draft\nevaluated: 2026-04-15\n"
                      "lead: Tom Berg\nscores:\n  availability: 99.4\n  fix-quality: 3\n"
                      "  communication: 3\nsummary: Steady.\n", encoding="utf-8")
    repo.commit("Beta Q1: draft")
    repo.edit(RECORD, "status: draft\n", "")
    repo.commit("Beta Q1: final")
    repo.edit(RECORD, "lead: Tom Berg\n", "lead: Tom Berg  # moved from Rotterdam\n")
    repo.commit("Beta Q1: a comment")
    repo.edit(RECORD, "summary: Steady.", "summary: Steady work.")
    repo.commit("Beta Q1: summary")
    repo.edit(PROVIDER, "lead: Priya Shah\n",
              "lead: Priya Shah\nactions:\n  - id: a-1\n    kind: deficiency\n"
              "    title: Patch the edge routers\n    raised: 2026-08-01\n    owner: provider\n"
              "    due: 2026-10-01\n    status: open\n")
    repo.commit("Alpha: an action")


def test_each_file_version_is_read_and_parsed_once_per_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = Repo(tmp_path / "repo")
    _history(repo)
    record_versions = {repo.git("rev-parse", f"HEAD~{n}:{RECORD}").strip() for n in range(1, 5)}
    provider_versions = {repo.git("rev-parse", f"HEAD~{n}:{PROVIDER}").strip() for n in (0, 1)}
    assert len(record_versions) == 4 and len(provider_versions) == 2

    parsed: Counter[str] = Counter()
    read: Counter[str] = Counter()

    def parse_spy(data: bytes | None, *args: Any, **kwargs: Any) -> Any:
        if data is not None:
            parsed[blob_id(data)] += 1
        return parse(data, *args, **kwargs)

    def cat_spy(shas: list[str], top: Path) -> dict[str, bytes]:
        read.update(shas)
        return cat_blobs(shas, top)

    assert _spy_everywhere(monkeypatch, parse, parse_spy) >= 2
    assert _spy_everywhere(monkeypatch, cat_blobs, cat_spy) >= 1
    report = repo.build(repo.root / "reports", pdf=False)
    assert report.documents > 0

    # every version of both files was looked at (the checks need them) ...
    assert record_versions <= set(parsed), record_versions - set(parsed)
    assert provider_versions <= set(parsed), provider_versions - set(parsed)
    assert record_versions | provider_versions <= set(read) | {
        repo.git("rev-parse", f"HEAD:{p}").strip() for p in (RECORD, PROVIDER)}
    # ... and none twice
    assert [b for b, n in parsed.items() if n > 1] == []
    assert [b for b, n in read.items() if n > 1] == []


def test_a_build_at_a_revision_reads_each_version_once_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = Repo(tmp_path / "repo")
    _history(repo)
    read: Counter[str] = Counter()

    def cat_spy(shas: list[str], top: Path) -> dict[str, bytes]:
        read.update(shas)
        return cat_blobs(shas, top)

    assert _spy_everywhere(monkeypatch, cat_blobs, cat_spy) >= 1
    repo.build(repo.root / "reports", pdf=False, ref="HEAD")
    head_record = repo.git("rev-parse", f"HEAD:{RECORD}").strip()
    assert read[head_record] == 1  # read for the loader, not again for the checks
    assert [b for b, n in read.items() if n > 1] == []
