"""Safety, enforced: each planted mistake is refused with a clear message and exit 1,
and the real SMTP server receives nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from buildrepo import Repo
from conftest import run_cli
from mailroom import MailServer, delivery_repo, sha


def send(repo: Repo, server: MailServer, *args: str) -> tuple[int, str]:
    result = run_cli("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
                     "--pause", "0", "--smtp", server.address, *args)
    return result.exit_code, result.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return delivery_repo(tmp_path / "repo")


def refused(repo: Repo, server: MailServer) -> str:
    code, err = send(repo, server)
    assert code == 1, err
    assert server.inbox.received == []
    assert "Nothing was sent" in err
    assert not (repo.root / "sent.jsonl").exists()
    return err


def test_an_internal_address_with_an_outside_domain(repo: Repo, mail_server: MailServer) -> None:
    repo.edit("evaluations/scorecard.yaml", "Priya Shah: priya.shah@northwind.example",
              "Priya Shah: priya.shah@gmail.example")
    repo.commit("Priya's private address")
    repo.build(repo.root / "reports", pdf=False)
    err = refused(repo, mail_server)
    assert ("priya.shah@gmail.example is outside our internal_domains (northwind.example) "
            "and would get the team document alpha/2026-Q2/team.html, which is internal") in err


def test_a_provider_contact_given_an_internal_document(
    repo: Repo, mail_server: MailServer
) -> None:
    # A slip: beta's contact is written as our own Tom Berg, who gets beta's team scorecard.
    repo.edit("evaluations/providers/beta.yaml", "contact: ben@beta.example",
              "contact: tom.berg@northwind.example")
    repo.commit("Wrong contact")
    repo.build(repo.root / "reports", pdf=False)
    err = refused(repo, mail_server)
    assert ("tom.berg@northwind.example is a contact of beta and would get the team document "
            "beta/2026-Q2/team.html, which is internal") in err


def test_a_provider_domain_listed_as_internal(repo: Repo, mail_server: MailServer) -> None:
    repo.edit("evaluations/scorecard.yaml", "internal_domains: [northwind.example]",
              "internal_domains: [northwind.example, alpha.example]")
    repo.commit("Alpha is a partner")
    repo.build(repo.root / "reports", pdf=False)
    err = refused(repo, mail_server)
    assert "dana@alpha.example, a contact of Alpha Managed IT Ltd, is in one of our " \
        "internal_domains (alpha.example)" in err
    assert "providers/alpha.yaml:6:5" in err  # the contact's line and column


def test_a_draft_build(repo: Repo, mail_server: MailServer) -> None:
    repo.edit("evaluations/records/beta/2026-Q2.yaml", "Slow fixes.", "Slow fixes, not committed.")
    repo.build(repo.root / "reports", pdf=False)
    err = refused(repo, mail_server)
    assert "this build was made from uncommitted data (a draft build)" in err


def test_a_tampered_pdf(repo: Repo, mail_server: MailServer) -> None:
    repo.build(repo.root / "reports", audiences=frozenset({"provider"}),
               providers=frozenset({"beta"}))
    pdf = repo.root / "reports" / "beta" / "2026-Q2" / "provider.pdf"
    original = pdf.read_bytes()
    assert original.startswith(b"%PDF")
    pdf.write_bytes(original + b"% edited after the build\n")  # still opens as a PDF
    err = refused(repo, mail_server)
    assert f"{pdf} does not match the build's manifest (its sha256 differs)" in err

    pdf.write_bytes(original)  # put right, the same build sends, the PDF byte for byte
    code, err = send(repo, mail_server)
    assert code == 0, err
    [received] = mail_server.inbox.received
    [(name, content)] = received.attachments()
    assert name == "Beta Hosting BV - scorecard 2026-Q2.pdf"
    assert sha(content) == sha(original)


def test_no_internal_domain_sends_no_internal_document(
    repo: Repo, mail_server: MailServer
) -> None:
    repo.edit("evaluations/scorecard.yaml", "  internal_domains: [northwind.example]\n", "")
    repo.commit("No internal domains")
    repo.build(repo.root / "reports", pdf=False)
    code, err = send(repo, mail_server)
    assert code == 0, err
    assert "distribution.internal_domains is empty, so no team or portfolio document" in err
    assert {r.to for r in mail_server.inbox.received} == {
        "dana@alpha.example", "reviews@alpha.example", "ben@beta.example"}


def test_a_draft_record(repo: Repo, mail_server: MailServer) -> None:
    repo.build(repo.root / "reports", pdf=False)
    repo.edit("evaluations/records/beta/2026-Q2.yaml", "provider: beta\n",
              "provider: beta\nstatus: draft\n")
    repo.commit("beta back to draft")
    err = refused(repo, mail_server)
    assert "the record for beta 2026-Q2 is a draft (status: draft); drafts are never sent" in err


def test_a_record_the_data_no_longer_has(repo: Repo, mail_server: MailServer) -> None:
    repo.build(repo.root / "reports", pdf=False)
    (repo.data / "records" / "beta" / "2026-Q2.yaml").unlink()
    repo.commit("beta 2026-Q2 withdrawn")
    err = refused(repo, mail_server)
    assert ("the build has beta/2026-Q2/provider.html but the data has no record for beta "
            "2026-Q2; build again from the current data") in err
