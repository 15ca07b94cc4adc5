"""A build from source files: evidence.csv (in the manifest, attached by send),
data.json's provenance, the documents' sentence, and privacy: a value planted in a
column the programme never names reaches no output and no e-mail."""

from __future__ import annotations

import csv
import email
import io
import json
import os
import subprocess
from email import policy
from pathlib import Path

import pytest

from conftest import run_cli
from evidence_folder import PROGRAMME, PROVIDER, SECRET, make

ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
       "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_AUTHOR_DATE": "2026-01-20T12:00:00Z",
       "GIT_COMMITTER_DATE": "2026-01-20T12:00:00Z", "PATH": os.environ.get("PATH", "")}

DISTRIBUTION = """\
distribution:
  from: Vendor management <vendors@testorg.example>
  internal_domains: [testorg.example]
  people: {Priya Shah: priya@testorg.example}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("evidence")
    folder = make(root, programme=PROGRAMME + DISTRIBUTION)
    (folder / "providers/acme.yaml").write_text(
        PROVIDER + "contact: [Sam Doe <sam@acme.example>]\n", encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "December"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=ENV, capture_output=True)
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = run_cli("build", "--no-pdf", "--jobs", "1", "--out", "reports")
        assert result.exit_code == 0, result.output
        sent = run_cli("send", "--out", "reports", "--outbox", "outbox", "--pause", "0")
        assert sent.exit_code == 0, sent.output
    finally:
        os.chdir(cwd)
    return root


def test_evidence_csv_lists_the_rows_behind_each_miss_and_nothing_else(built: Path) -> None:
    rows = list(csv.reader(io.StringIO(
        (built / "reports/acme/2025-12/evidence.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["criterion", "row id", "from", "to", "duration", "limit"]
    assert ["p1-in-4h", "INC4", "2025-12-30T08:00:00Z", "", "1140", "4h"] in rows
    # availability 99.05 missed 99.9: the unplanned outages with their counted minutes
    assert ["availability", "O4", "2025-12-13T05:00:00Z", "2025-12-13T07:00:00Z", "60",
            "99.9 %"] in rows
    # response-median (15, target 15) met: none of its rows
    assert not any(r[0] == "response-median" for r in rows)
    assert all(len(r) == 6 for r in rows)


def test_the_manifest_lists_it_for_the_provider(built: Path) -> None:
    manifest = json.loads((built / "reports/manifest.json").read_text(encoding="utf-8"))
    (entry,) = [d for d in manifest["documents"] if d["path"].endswith("evidence.csv")]
    assert (entry["audience"], entry["provider"], entry["period"], entry["format"]) == (
        "provider", "acme", "2025-12", "csv")


def test_data_json_gives_each_computed_figures_source(built: Path) -> None:
    data = json.loads((built / "reports/data.json").read_text(encoding="utf-8"))
    (provider,) = data["providers"]
    (evaluation,) = provider["evaluations"]
    source = evaluation["criteria"]["p1-in-4h"]["source"]
    assert {k: source[k] for k in ("file", "rows", "counted", "left_out")} == {
        "file": "tickets.csv", "rows": 8, "counted": 4, "left_out": {"still open": 1}}
    assert len(source["sha256"]) == 64
    assert evaluation["criteria"]["p1-in-4h"]["value"] == 75.0
    assert "source" not in evaluation["criteria"]["communication"]


def test_the_scorecards_say_where_each_figure_came_from(built: Path) -> None:
    for name in ("provider.html", "team.html"):
        html = (built / "reports/acme/2025-12" / name).read_text(encoding="utf-8")
        assert ("From 4 matching tickets in tickets.csv, opened in December 2025; "
                "1 still open was left out. The tickets behind the miss are listed in "
                "evidence.csv.") in html
        assert ("From 8 outages in outages.csv, in December 2025. The outages behind the "
                "miss are listed in evidence.csv.") in html
        # response-median (15 against 15) met its target: no list to point to
        assert "From 6 tickets in tickets.csv, opened in December 2025.</div>" in html


def test_send_attaches_the_evidence_to_the_providers_message(built: Path) -> None:
    messages = [email.message_from_bytes(p.read_bytes(), policy=policy.default)
                for p in sorted((built / "outbox").glob("*.eml"))]
    to_provider = [m for m in messages if "sam@acme.example" in str(m["To"])]
    assert len(to_provider) == 1
    names = [part.get_filename() for part in to_provider[0].iter_attachments()]
    assert "evidence acme 2025-12.csv" in names
    internal = [m for m in messages if "sam@acme.example" not in str(m["To"])]
    assert internal and all(
        not any(str(p.get_filename()).endswith(".csv") for p in m.iter_attachments())
        for m in internal)


def test_a_cell_of_a_column_the_programme_never_names_reaches_nothing(built: Path) -> None:
    # SECRET sits in caller_email (tickets) and notes (outages): never read
    outputs = [p for folder in ("reports", "outbox") for p in (built / folder).rglob("*")
               if p.is_file()]
    assert outputs
    for path in outputs:
        assert SECRET.encode() not in path.read_bytes(), path
        if path.suffix == ".eml":
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            for part in message.walk():
                payload = part.get_payload(decode=True)
                assert payload is None or SECRET.encode() not in payload, path
