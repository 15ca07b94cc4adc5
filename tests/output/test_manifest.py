"""manifest.json's v1.1 ``document`` key: written for every entry, read back, checked."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from scorecard.data.provenance import Provenance
from scorecard.output.manifest import MANIFEST, Document, manifest_for, read_manifest

SOURCE = Provenance(commit="ab" * 20, dirty=False, commit_day=date(2026, 11, 26))


def _docs() -> list[Document]:
    return [
        Document("acme/2026-Q3/provider.pdf", "provider", "acme", "2026-Q3", "pdf", b"p"),
        Document("acme/2026-Q3/team.pdf", "team", "acme", "2026-Q3", "pdf", b"t"),
        Document("acme/renewal.pdf", "team", "acme", None, "pdf", b"r", document="renewal"),
        Document("portfolio.pdf", "portfolio", None, None, "pdf", b"f"),
    ]


def test_every_entry_says_what_document_it_is(tmp_path: Path) -> None:
    manifest = manifest_for(_docs(), as_of=date(2026, 11, 26), source=SOURCE)
    data = json.loads(manifest.to_bytes())
    kinds = {d["path"]: (d["audience"], d["document"]) for d in data["documents"]}
    assert kinds == {
        "acme/2026-Q3/provider.pdf": ("provider", "provider"),
        "acme/2026-Q3/team.pdf": ("team", "team"),
        "acme/renewal.pdf": ("team", "renewal"),  # the brief is internal
        "portfolio.pdf": ("portfolio", "portfolio"),
    }
    (tmp_path / MANIFEST).write_bytes(manifest.to_bytes())
    read, problems = read_manifest(tmp_path)
    assert problems == [] and read == manifest


def test_a_renewal_brief_listed_for_a_provider_is_dropped(tmp_path: Path) -> None:
    manifest = manifest_for(_docs(), as_of=date(2026, 11, 26), source=SOURCE)
    data = json.loads(manifest.to_bytes())
    for d in data["documents"]:
        if d["document"] == "renewal":
            d["audience"] = "provider"
    data["documents"][0]["document"] = "nonsense"
    (tmp_path / MANIFEST).write_text(json.dumps(data))
    read, problems = read_manifest(tmp_path)
    assert read is not None
    assert [e.path for e in read.documents] == ["acme/2026-Q3/team.pdf", "portfolio.pdf"]
    assert "2 path(s)" in problems[0].message


def test_a_v1_manifest_without_document_reads_as_its_audience(tmp_path: Path) -> None:
    manifest = manifest_for(_docs()[:2], as_of=date(2026, 11, 26), source=SOURCE)
    data = json.loads(manifest.to_bytes())
    for d in data["documents"]:
        del d["document"]
    (tmp_path / MANIFEST).write_text(json.dumps(data))
    read, _ = read_manifest(tmp_path)
    assert read is not None and [e.kind for e in read.documents] == ["provider", "team"]
