"""The sent log matched by a document's identity and content (outputs.md v1.2), and
lines written before v1.2 (a file and its sha256, no content) still understood."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from scorecard.data.addresses import Mailbox
from scorecard.delivery.recipients import Parcel
from scorecard.delivery.sentlog import append, decide, entry_for, read_log
from scorecard.output.manifest import ManifestEntry

C1, C2 = "1" * 64, "2" * 64  # two contents
COMMIT = "c" * 40


def parcel(fmt: str = "pdf", digest: str = "a" * 64, content: str | None = C1,
           audience: str = "provider", to: str = "dana@alpha.example") -> Parcel:
    path = f"alpha/2026-Q2/{audience}.{fmt}"
    entry = ManifestEntry(path, audience, "alpha", "2026-Q2", fmt, digest,  # type: ignore[arg-type]
                          content=content, commit=COMMIT)
    return Parcel(audience, "alpha", "2026-Q2", Mailbox("", to), entry)  # type: ignore[arg-type]


def logged(tmp_path: Path, *parcels: Parcel) -> list:  # type: ignore[type-arg]
    path = tmp_path / "sent.jsonl"
    append(path, [entry_for(p, message_id=f"<{i}@n>", revised=False)
                  for i, p in enumerate(parcels)])
    log, problems = read_log(path)
    assert problems == [] and log is not None
    return log


def test_a_line_records_the_documents_kind_and_content(tmp_path: Path) -> None:
    logged(tmp_path, parcel())
    [line] = (tmp_path / "sent.jsonl").read_text().splitlines()
    data = json.loads(line)
    assert data["document"] == "provider" and data["content"] == C1
    assert data["documents"] == [{"path": "alpha/2026-Q2/provider.pdf", "sha256": "a" * 64}]


def test_the_same_content_in_another_file_or_format_is_sent(tmp_path: Path) -> None:
    log = logged(tmp_path, parcel(fmt="html", digest="a" * 64))
    # the PDF of the same document, and a re-rendered one with new bytes: sent already
    assert [d.state for d in decide([parcel(fmt="pdf", digest="b" * 64)], log)] == ["sent"]
    # new content: revised; another document (the team scorecard) for them: new
    assert [d.state for d in decide([parcel(content=C2)], log)] == ["revised"]
    assert [d.state for d in decide([parcel(audience="team")], log)] == ["new"]


def _old_line(tmp_path: Path, sent: str, digest: str) -> list:  # type: ignore[type-arg]
    """A line as scorecard wrote it before v1.2: no kind, no content."""
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps({
        "sent": sent, "to": "dana@alpha.example", "audience": "provider",
        "provider": "alpha", "period": "2026-Q2",
        "documents": [{"path": "alpha/2026-Q2/provider.pdf", "sha256": digest}],
        "message_id": "<old@n>", "revised": False}) + "\n")
    log, problems = read_log(path)
    assert problems == [] and log is not None
    return log


def test_an_old_line_with_the_same_bytes_is_this_version(tmp_path: Path) -> None:
    log = _old_line(tmp_path, "2026-10-01T10:00:00Z", "a" * 64)
    assert [d.state for d in decide([parcel(digest="a" * 64)], log)] == ["sent"]


def test_an_old_line_counts_by_the_day_the_content_last_changed(tmp_path: Path) -> None:
    # after an upgrade every file has new bytes. Sent on 1 October 2026: content last
    # changed on 30 September (the day before) or 1 October (the same day) was in the
    # version sent; a change on 2 October came after it, so that is revised
    log = _old_line(tmp_path, "2026-10-01T10:00:00Z", "a" * 64)
    restamped = parcel(digest="b" * 64, fmt="html")
    for changed, state in ((date(2026, 9, 30), "sent"), (date(2026, 10, 1), "sent"),
                           (date(2026, 10, 2), "revised"), (None, "revised")):
        days = {COMMIT: changed}
        assert [d.state for d in decide([restamped], log, commit_day=days.get)] == [state]
