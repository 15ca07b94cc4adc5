"""``scorecard reply`` closes the loop: the provider's e-mail goes into its record,
nothing else in the file changes, and the next build and send deliver the
revised scorecard with the reply on it."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from mailroom import MailServer, delivery_repo
from scorecard.cli import cli

REPLY = b"""\
From: Dana Cole <dana@alpha.example>
To: priya.shah@northwind.example
Subject: Re: scorecard
Content-Type: text/plain; charset=utf-8

We have added a second engineer for fixes.

> quoted
"""


def test_a_reply_is_written_built_and_sent_revised(tmp_path: Path,
                                                  mail_server: MailServer) -> None:
    repo = delivery_repo(tmp_path / "repo")
    reports = repo.root / "reports"
    repo.build(reports, pdf=False)
    base = ("--data", str(repo.data))
    send = ("send", *base, "--out", str(reports), "--smtp", mail_server.address, "--pause", "0")
    assert run_cli(*send).exit_code == 0
    record = repo.data / "records" / "alpha" / "2026-Q2.yaml"
    before = record.read_bytes()
    eml = tmp_path / "reply.eml"
    eml.write_bytes(REPLY)

    result = run_cli("reply", *base, "alpha", "2026-Q2", str(eml))
    assert result.exit_code == 0, result.stderr
    assert "from dana@alpha.example" in result.stdout
    assert record.read_bytes() == before + (
        b"provider_response: |\n  We have added a second engineer for fixes.\n")
    assert run_cli("validate", *base).exit_code == 0

    repo.commit("Alpha's reply")
    repo.build(reports, pdf=False)
    assert "We have added a second engineer for fixes." in (
        reports / "alpha" / "2026-Q2" / "provider.html").read_text(encoding="utf-8")
    mail_server.inbox.received.clear()
    assert run_cli(*send).exit_code == 0
    to_dana = [r for r in mail_server.inbox.received if r.to == "dana@alpha.example"]
    assert len(to_dana) == 1
    msg = to_dana[0].message
    assert msg["Subject"] == ("Revised: Your scorecard from Northwind Freight for the second "
                              "quarter of 2026")
    assert "Thank you for your reply." in msg.get_body(("plain",)).get_content()


def test_a_reply_from_someone_else_changes_nothing(tmp_path: Path) -> None:
    repo = delivery_repo(tmp_path / "repo")
    record = repo.data / "records" / "alpha" / "2026-Q2.yaml"
    before = record.read_bytes()
    eml = tmp_path / "reply.eml"
    eml.write_bytes(REPLY.replace(b"dana@alpha.example", b"ben@beta.example"))
    result = run_cli("reply", "--data", str(repo.data), "alpha", "2026-Q2", str(eml))
    assert result.exit_code == 1
    assert "ben@beta.example, who is not a contact of Alpha Managed IT Ltd" in result.stderr
    assert record.read_bytes() == before


def test_plain_text_from_standard_input(tmp_path: Path) -> None:
    from click.testing import CliRunner

    repo = delivery_repo(tmp_path / "repo")
    result = CliRunner().invoke(cli, ["reply", "--data", str(repo.data), "beta", "2026-Q2", "-"],
                                input="Fixes will be faster.\n")
    assert result.exit_code == 0, result.output
    text = (repo.data / "records" / "beta" / "2026-Q2.yaml").read_text(encoding="utf-8")
    assert text.endswith("summary: Slow fixes.\nprovider_response: |\n  Fixes will be faster.\n")


def test_a_record_that_does_not_exist(tmp_path: Path) -> None:
    repo = delivery_repo(tmp_path / "repo")
    result = run_cli("reply", "--data", str(repo.data), "beta", "2026-Q1", "-")
    assert result.exit_code == 1
    assert "Beta Hosting BV has no record for '2026-Q1' (its periods: 2026-Q2)" in result.stderr
