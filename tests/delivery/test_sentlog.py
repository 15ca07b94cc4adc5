"""The sent log: reading it, and deciding from it what is new, revised or sent."""

from __future__ import annotations

from pathlib import Path

from scorecard.data.addresses import Mailbox
from scorecard.delivery.recipients import Parcel
from scorecard.delivery.sentlog import append, decide, entry_for, read_log
from scorecard.output.manifest import ManifestEntry


def parcel(to: str, provider: str | None, period: str | None, audience: str = "provider",
           digest: str = "a" * 64) -> Parcel:
    path = f"{provider}/{period}/{audience}.pdf" if provider else "portfolio.pdf"
    entry = ManifestEntry(path, audience, provider, period, "pdf", digest)  # type: ignore[arg-type]
    return Parcel(audience, provider, period, Mailbox("", to), entry)  # type: ignore[arg-type]


def test_a_first_send_sends_each_providers_latest_period_and_the_portfolio() -> None:
    parcels = [parcel("dana@alpha.example", "alpha", "2026-Q1"),
               parcel("dana@alpha.example", "alpha", "2026-Q2"),
               parcel("ben@beta.example", "beta", "2025-Q4"),
               parcel("board@northwind.example", None, None, "portfolio")]
    states = [d.state for d in decide(parcels, None)]
    assert states == ["baseline", "new", "new", "new"]
    assert [d.state for d in decide(parcels, None, send_all=True)] == ["new"] * 4


def test_the_log_decides_sent_revised_and_new(tmp_path: Path) -> None:
    log_path = tmp_path / "sent.jsonl"
    old = parcel("Dana@alpha.example", "alpha", "2026-Q1", digest="a" * 64)
    append(log_path, [entry_for(old, message_id="<1@n>", revised=False),
                      entry_for(parcel("dana@alpha.example", "alpha", "2026-Q2"),
                                message_id=None, revised=False, baseline=True)])
    log, problems = read_log(log_path)
    assert problems == [] and log is not None
    same = parcel("dana@alpha.example", "alpha", "2026-Q1", digest="a" * 64)
    changed = parcel("dana@alpha.example", "alpha", "2026-Q1", digest="b" * 64)
    other = parcel("reviews@alpha.example", "alpha", "2026-Q1", digest="b" * 64)
    known = parcel("dana@alpha.example", "alpha", "2026-Q2")
    later = parcel("dana@alpha.example", "alpha", "2025-Q4")  # a record added for an older period
    decisions = decide([same, changed, other, known, later], log)
    assert [d.state for d in decisions] == ["sent", "revised", "new", "baseline", "new"]
    assert decisions[1].previous is not None and decisions[1].previous.message_id == "<1@n>"


def test_a_damaged_log_is_an_error_at_its_line(tmp_path: Path) -> None:
    log_path = tmp_path / "sent.jsonl"
    append(log_path, [entry_for(parcel("dana@alpha.example", "alpha", "2026-Q1"),
                                message_id="<1@n>", revised=False)])
    with log_path.open("a", encoding="utf-8") as f:
        f.write('{"to": "half a line"\n')
    log, problems = read_log(log_path)
    assert log is not None and len(log) == 1
    assert [str(p.location) for p in problems] == [f"{log_path}:2:1"]
    assert problems[0].severity == "error"


def test_a_changed_baseline_document_stays_baseline_unless_all(tmp_path: Path) -> None:
    log_path = tmp_path / "sent.jsonl"
    append(log_path, [entry_for(parcel("dana@alpha.example", "alpha", "2025-Q1"),
                                message_id=None, revised=False, baseline=True)])
    log, _ = read_log(log_path)
    assert log is not None
    restamped = parcel("dana@alpha.example", "alpha", "2025-Q1", digest="c" * 64)
    assert [d.state for d in decide([restamped], log)] == ["baseline"]
    assert [d.state for d in decide([restamped], log, send_all=True)] == ["new"]
