"""The quick start, then ``scorecard send``: the demo data writes a readable outbox,
and ``--reminders`` reaches each lead through a real SMTP server."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from conftest import GitRepo, run_cli
from mailroom import MailServer


def test_send_after_the_quick_start_build_writes_a_readable_outbox(demo_repo: GitRepo) -> None:
    assert demo_repo.build("--no-pdf").exit_code == 0
    outbox = demo_repo.root / "outbox"
    result = run_cli("send", "--data", str(demo_repo.data), "--out", str(demo_repo.reports),
                     "--outbox", str(outbox))
    assert result.exit_code == 0, result.stderr
    files = sorted(outbox.glob("*.eml"))
    # five providers' latest period: six provider contacts (Northgate has two),
    # eleven team copies (lead and evaluators), one portfolio
    assert len(files) == 18
    northgate = outbox / "010-northgate-2026-Q3-provider-gareth.owens.eml"
    msg = email.message_from_bytes(northgate.read_bytes(), policy=policy.default)
    assert msg["To"] == "Gareth Owens <gareth.owens@northgate-is.example>"
    assert msg["Reply-To"] == "Pieter Bakker <pieter.bakker@vandermolen.example>"
    body = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")  # .eml lines end CRLF
    assert body.startswith("Dear Gareth Owens,\n")
    # v1.2: with the rows behind its computed figures that missed (evidence.csv)
    assert [a.get_filename() for a in msg.iter_attachments()] == [
        "Northgate Infrastructure Solutions Ltd - scorecard 2026-Q3.html",
        "evidence northgate 2026-Q3.csv"]
    assert "Dry run: 18 message(s) written" in result.stdout
    # the demo's sent log would sit beside the data; a dry run writes none
    assert not (demo_repo.root / "sent.jsonl").exists()


def test_reminders_tell_each_lead_what_is_due(demo_repo: GitRepo,
                                              mail_server: MailServer) -> None:
    result = run_cli("send", "--data", str(demo_repo.data), "--reminders",
                     "--as-of", "2026-11-26", "--smtp", mail_server.address, "--pause", "0")
    assert result.exit_code == 0, result.stderr
    by_to = mail_server.inbox.by_to()
    assert sorted(by_to) == ["amira.haddad@vandermolen.example",
                             "lukas.meier@vandermolen.example",
                             "pieter.bakker@vandermolen.example"]
    amira = by_to["amira.haddad@vandermolen.example"][0].message
    text = amira.get_body(("plain",)).get_content()
    # DeskOne's 2026-Q3 evaluation: the quarter ended 30 September, due 30 days later
    # (30 October), and 26 November is 27 days after that.
    assert ("- We have not scored DeskOne for the third quarter of 2026 yet. It was due on 30 "
            "October 2026. Amira Haddad leads it. (27 days late)") in text
    assert text.index("Overdue:") < text.index("Coming up:")
    assert not (Path(demo_repo.root) / "sent.jsonl").exists()  # reminders are not logged
