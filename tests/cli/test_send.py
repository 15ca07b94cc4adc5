"""``scorecard send`` end to end against a real SMTP server (aiosmtpd): who gets
what, the sent log, no second sending, revised versions, and the dry run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from buildrepo import Repo
from conftest import run_cli
from mailroom import (
    ALPHA_CONTACTS,
    BETA_CONTACT,
    BOARD,
    PRIYA,
    TOM,
    MailServer,
    delivery_repo,
    log_lines,
    manifest_sha,
    sha,
)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    return repo


def send(repo: Repo, *args: str) -> tuple[int, str, str]:
    result = run_cli("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
                     "--outbox", str(repo.root / "outbox"), "--pause", "0", *args)
    return result.exit_code, result.stdout, result.stderr


def test_first_send_delivers_the_latest_period_and_records_older_ones_as_baseline(
    repo: Repo, mail_server: MailServer
) -> None:
    code, out, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err
    by_to = mail_server.inbox.by_to()
    # alpha 2026-Q2 to both contacts and to Priya (team); beta 2026-Q2 to Ben and to Tom;
    # the portfolio to the board. alpha 2026-Q1 is older: the baseline, not sent.
    assert sorted(by_to) == sorted([*ALPHA_CONTACTS, BETA_CONTACT, PRIYA, TOM, BOARD])
    assert all(len(v) == 1 for v in by_to.values())
    manifest = manifest_sha(repo.root / "reports")

    dana = by_to["dana@alpha.example"][0].message
    assert dana["To"] == "Dana Cole <dana@alpha.example>"
    assert dana["From"] == "IT vendor management <vendors@northwind.example>"
    assert dana["Reply-To"] == "Priya Shah <priya.shah@northwind.example>"
    assert dana["Subject"] == ("Your scorecard from Northwind Freight for the second "
                               "quarter of 2026")
    body = dana.get_body(("plain",)).get_content()
    assert "Please reply to this e-mail by" in body and "10 days after today" in body
    [(name, content)] = by_to["dana@alpha.example"][0].attachments()
    assert name == "Alpha Managed IT Ltd - scorecard 2026-Q2.html"
    assert sha(content) == manifest["alpha/2026-Q2/provider.html"]

    [(team_name, team)] = by_to[PRIYA][0].attachments()
    assert team_name == "Alpha Managed IT Ltd - team scorecard 2026-Q2 (internal).html"
    assert sha(team) == manifest["alpha/2026-Q2/team.html"]
    assert by_to[PRIYA][0].message["Subject"].startswith("Internal: team scorecard")
    [(_, portfolio)] = by_to[BOARD][0].attachments()
    assert sha(portfolio) == manifest["portfolio.html"]
    [(_, beta)] = by_to[BETA_CONTACT][0].attachments()
    assert sha(beta) == manifest["beta/2026-Q2/provider.html"]

    log = log_lines(repo.root / "sent.jsonl")
    sent = [e for e in log if not e.get("baseline")]
    baseline = [e for e in log if e.get("baseline")]
    assert sorted(e["message_id"] for e in sent) == sorted(
        str(r.message["Message-ID"]) for r in mail_server.inbox.received)
    assert {(e["to"], e["documents"][0]["path"]) for e in baseline} == {
        ("dana@alpha.example", "alpha/2026-Q1/provider.html"),
        ("reviews@alpha.example", "alpha/2026-Q1/provider.html"),
        ("priya.shah@northwind.example", "alpha/2026-Q1/team.html"),
    }
    assert all(e["message_id"] is None for e in baseline)
    assert "1 of" not in out and "Sent 6 of 6 message(s)" in out


def test_a_second_send_sends_nothing(repo: Repo, mail_server: MailServer) -> None:
    assert send(repo, "--smtp", mail_server.address)[0] == 0
    first = len(mail_server.inbox.received)
    lines = len(log_lines(repo.root / "sent.jsonl"))
    code, out, _ = send(repo, "--smtp", mail_server.address)
    assert code == 0
    assert len(mail_server.inbox.received) == first == 6
    assert len(log_lines(repo.root / "sent.jsonl")) == lines
    assert "Nothing new to send." in out


def test_an_amended_record_goes_out_revised_only_to_those_who_had_it(
    repo: Repo, mail_server: MailServer
) -> None:
    assert send(repo, "--smtp", mail_server.address, "--all")[0] == 0
    before = manifest_sha(repo.root / "reports")
    mail_server.inbox.received.clear()
    repo.edit("evaluations/records/alpha/2026-Q1.yaml", "A quiet quarter.",
              "A quiet quarter, with one late report.")
    repo.commit("Amend alpha 2026-Q1")
    repo.build(repo.root / "reports", pdf=False)
    after = manifest_sha(repo.root / "reports")
    changed = {p for p in after if before.get(p) != after[p]}
    # alpha's documents (2026-Q2 shows Q1 in its trend) and the portfolio changed; beta's did not
    assert "beta/2026-Q2/provider.html" not in changed and "beta/2026-Q2/team.html" not in changed
    assert "alpha/2026-Q1/provider.html" in changed

    code, out, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err
    received = mail_server.inbox.received
    assert received, out
    assert {r.to for r in received} <= {*ALPHA_CONTACTS, PRIYA, BOARD}
    assert BETA_CONTACT not in {r.to for r in received} and TOM not in {r.to for r in received}
    for r in received:
        msg = r.message
        assert msg["Subject"].startswith("Revised: "), msg["Subject"]
        assert msg.get_body(("plain",)).get_content().startswith("This is a revised version")
    paths = {(r.to, name) for r in received for name, _ in r.attachments()}
    assert ("dana@alpha.example", "Alpha Managed IT Ltd - scorecard 2026-Q1.html") in paths
    revised = [e for e in log_lines(repo.root / "sent.jsonl") if e["revised"]]
    assert len(revised) == len(received)


def test_the_dry_run_writes_an_outbox_and_sends_nothing(
    repo: Repo, mail_server: MailServer
) -> None:
    code, out, err = send(repo)
    assert code == 0, err
    files = sorted(p.name for p in (repo.root / "outbox").glob("*.eml"))
    assert len(files) == 6
    assert files[0] == "001-alpha-2026-Q2-provider-dana.eml"
    assert mail_server.inbox.received == []
    assert not (repo.root / "sent.jsonl").exists()
    assert "3 older document(s) are the first send's baseline" in out
    header = out.splitlines()[0].split()
    assert header == ["state", "to", "audience", "provider", "period", "attachment"]
    assert "new    dana@alpha.example" in out


def test_status_lists_sent_unsent_and_revised(repo: Repo, mail_server: MailServer) -> None:
    assert send(repo, "--smtp", mail_server.address, "--audience", "provider")[0] == 0
    code, out, _ = send(repo, "--status")
    assert code == 0
    rows = {tuple(line.split()[:5]) for line in out.splitlines()[1:]}
    assert ("sent", "dana@alpha.example", "provider", "alpha", "2026-Q2") in rows
    assert ("baseline", "dana@alpha.example", "provider", "alpha", "2026-Q1") in rows
    assert ("new", "tom.berg@northwind.example", "team", "beta", "2026-Q2") in rows


def test_narrowing_sends_only_what_is_asked(repo: Repo, mail_server: MailServer) -> None:
    code, _, err = send(repo, "--smtp", mail_server.address, "--provider", "beta",
                        "--audience", "provider")
    assert code == 0, err
    assert [r.to for r in mail_server.inbox.received] == [BETA_CONTACT]


def test_the_log_is_where_log_says(repo: Repo, mail_server: MailServer) -> None:
    log = repo.root / "elsewhere" / "log.jsonl"
    assert send(repo, "--smtp", mail_server.address, "--log", str(log))[0] == 0
    assert len([e for e in log_lines(log) if e["message_id"]]) == 6
    assert not (repo.root / "sent.jsonl").exists()
    first = json.loads(log.read_text(encoding="utf-8").splitlines()[0])
    assert set(first) >= {"sent", "to", "audience", "provider", "period", "documents",
                          "message_id", "revised"}


def test_an_address_added_to_distribution_re_issues_no_scorecard(
    repo: Repo, mail_server: MailServer
) -> None:
    assert send(repo, "--smtp", mail_server.address)[0] == 0
    before = manifest_sha(repo.root / "reports")
    mail_server.inbox.received.clear()
    repo.edit("evaluations/scorecard.yaml", "    Tom Berg: tom.berg@northwind.example\n",
              "    Tom Berg: tom.berg@northwind.example\n"
              "    Sanne de Vries: sanne@northwind.example\n")
    repo.commit("Sanne's address")
    repo.build(repo.root / "reports", pdf=False)
    after = manifest_sha(repo.root / "reports")
    # no document shows the distribution block: only the portfolio, which names the
    # build's commit, has new bytes; its content (figures, as-of day) is the same, so
    # it is not revised (v1.2: the sent log keys on content), and nothing goes out
    assert {p for p in after if before[p] != after[p]} == {"portfolio.html"}
    code, _, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err
    assert mail_server.inbox.received == []


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_a_server_that_wants_a_login_gets_none_without_credentials(repo: Repo) -> None:
    server = MailServer(login=("vendors", "s3cret"))
    server.start()
    try:
        code, _, err = send(repo, "--smtp", server.address, "--audience", "portfolio")
        assert code == 1  # the server requires a login and none was given
        assert "Sending stopped" in err and server.inbox.received == []
        assert server.logins == []
    finally:
        server.stop()


@pytest.mark.parametrize(("args", "words"), [
    (("--smtp", "localhost"), "is not HOST:PORT"),
    (("--smtp", "localhost:25", "--ssl", "--starttls"), "not both"),
])
def test_wrong_use_exits_2(repo: Repo, args: tuple[str, ...], words: str) -> None:
    code, _, err = send(repo, *args)
    assert code == 2
    assert words in err


def test_no_build_is_a_clear_error(tmp_path: Path) -> None:
    repo = delivery_repo(tmp_path / "repo")
    code, _, err = send(repo)
    assert code == 1
    assert "there is no finished build in" in err and "Run scorecard build first." in err


def test_two_sends_at_once_cannot_both_send(repo: Repo, mail_server: MailServer) -> None:
    import fcntl
    import os

    fd = os.open(repo.root, os.O_RDONLY)  # the folder of sent.jsonl, as a running send holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        code, _, err = send(repo, "--smtp", mail_server.address)
        assert code == 1
        assert "another scorecard send is using this sent log" in err
        assert mail_server.inbox.received == []
    finally:
        os.close(fd)
    assert send(repo, "--smtp", mail_server.address)[0] == 0
    assert len(mail_server.inbox.received) == 6
