"""``scorecard send`` against a real SMTP server (aiosmtpd) that misbehaves as real
ones do: it refuses chosen recipients for good (550), defers others (451),
refuses a message after its data (554), or keeps a message and drops the
connection before answering; and against a sent log that cannot be written (a
file size limit set with setrlimit: the kernel refuses the write, EFBIG) or
whose last line was cut short by a killed append.

After every fault the sent log tells the truth: what the server accepted is
logged, what it refused is not, and a re-run sends exactly what is missing.
Where SMTP cannot know, the message is named with what to check.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
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
    FaultyInbox,
    MailServer,
    delivery_repo,
    log_lines,
)

ROOT = Path(__file__).resolve().parents[2]
EVERYONE = sorted([*ALPHA_CONTACTS, BETA_CONTACT, PRIYA, TOM, BOARD])


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    return repo


@pytest.fixture
def faulty() -> Iterator[MailServer]:
    server = MailServer(inbox=FaultyInbox())
    server.start()
    try:
        yield server
    finally:
        server.stop()


def send(repo: Repo, server: MailServer, *args: str) -> tuple[int, str, str]:
    result = run_cli("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
                     "--smtp", server.address, "--pause", "0", *args)
    return result.exit_code, result.stdout, result.stderr


def logged(repo: Repo) -> list[tuple[str, str]]:
    """(to, message id) of every message line in the sent log."""
    return sorted((e["to"], e["message_id"]) for e in log_lines(repo.root / "sent.jsonl")
                  if e["message_id"])


def received(server: MailServer) -> list[tuple[str, str]]:
    return sorted((r.to, str(r.message["Message-ID"])) for r in server.inbox.received)


def each_document_once(server: MailServer) -> bool:
    pairs = [(r.to, r.attachments()[0][0]) for r in server.inbox.received]
    return len(pairs) == len(set(pairs))


def test_refused_and_deferred_recipients_are_reported_and_the_rest_go(
    repo: Repo, faulty: MailServer
) -> None:
    inbox = faulty.inbox
    assert isinstance(inbox, FaultyInbox)
    inbox.refuse = {"dana@alpha.example"}  # 550 at RCPT
    inbox.defer = {BETA_CONTACT}  # 451 at RCPT
    inbox.refuse_data = {TOM}  # 554 after the data
    code, out, err = send(repo, faulty)
    assert code == 1
    # 6 messages offered, 3 not taken: 6 - 3 = 3 sent
    assert "Sent 3 of 6 message(s)" in out
    assert sorted(r.to for r in inbox.received) == sorted(["reviews@alpha.example", PRIYA, BOARD])
    lines = err.splitlines()
    refused = [line for line in lines if line.startswith("Refused by the server")]
    assert len(refused) == 2
    assert any("dana@alpha.example: alpha 2026-Q2 (provider): 550 5.1.1" in x for x in refused)
    assert any(f"{TOM}: beta 2026-Q2 (team): 554 5.7.1" in x for x in refused)
    [deferred] = [line for line in lines if line.startswith("Deferred by the server")]
    assert f"{BETA_CONTACT}: beta 2026-Q2 (provider): 451 4.2.0" in deferred
    assert "Traceback" not in err
    # the log holds exactly what the server accepted
    assert logged(repo) == received(faulty)

    inbox.refuse, inbox.defer, inbox.refuse_data = set(), set(), set()
    code, out, err = send(repo, faulty)
    assert code == 0, err
    assert "Sent 3 of 3 message(s)" in out
    assert sorted(r.to for r in inbox.received) == EVERYONE
    assert each_document_once(faulty)
    assert logged(repo) == received(faulty)


def test_a_connection_dropped_after_the_data_names_the_message(
    repo: Repo, faulty: MailServer
) -> None:
    inbox = faulty.inbox
    assert isinstance(inbox, FaultyInbox)
    inbox.drop_after = {"reviews@alpha.example"}
    code, _, err = send(repo, faulty)
    assert code == 1
    [unknown] = [line for line in err.splitlines() if line.startswith("Fate unknown")]
    kept = next(r for r in inbox.received if r.to == "reviews@alpha.example")
    message_id = str(kept.message["Message-ID"])
    assert "reviews@alpha.example: alpha 2026-Q2 (provider)" in unknown
    assert f"Message-ID {message_id}" in unknown
    assert "SMTP cannot tell whether it arrived" in unknown
    assert "nothing is sent twice" not in err
    # the server kept it: the log says so, marked unconfirmed, and so does --status
    [line] = [e for e in log_lines(repo.root / "sent.jsonl") if e["message_id"] == message_id]
    assert line["unconfirmed"] is True and line["to"] == "reviews@alpha.example"
    assert logged(repo) == received(faulty)
    status = run_cli("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
                     "--status")
    assert any(row.startswith("unconfirmed") and "reviews@alpha.example" in row
               for row in status.stdout.splitlines())

    code, _, err = send(repo, faulty)  # the rest, and not the unconfirmed one again
    assert code == 0, err
    assert sorted(r.to for r in inbox.received) == EVERYONE
    assert each_document_once(faulty)
    assert logged(repo) == received(faulty)

    # what the README says to do when it never arrived: delete its line, send again
    log = repo.root / "sent.jsonl"
    kept_lines = [x for x in log.read_text(encoding="utf-8").splitlines(keepends=True)
                  if message_id not in x]
    log.write_text("".join(kept_lines), encoding="utf-8")
    code, out, err = send(repo, faulty)
    assert code == 0, err
    assert "Sent 1 of 1 message(s)" in out
    assert inbox.received[-1].to == "reviews@alpha.example"


def test_a_server_that_closes_stops_the_run_and_the_next_sends_the_rest(
    repo: Repo, faulty: MailServer
) -> None:
    inbox = faulty.inbox
    assert isinstance(inbox, FaultyInbox)
    inbox.closing = {PRIYA}  # 421: nothing more goes through this connection
    code, out, err = send(repo, faulty)
    assert code == 1
    # dana and reviews went before Priya's team scorecard: 2 of 6
    assert "Sent 2 of 6 message(s)" in out
    assert "Sending stopped: SMTPServerDisconnected: 421 4.3.2 service shutting down." in err
    assert logged(repo) == received(faulty)
    inbox.closing = set()
    code, out, err = send(repo, faulty)
    assert code == 0, err
    assert "Sent 4 of 4 message(s)" in out
    assert sorted(r.to for r in inbox.received) == EVERYONE
    assert each_document_once(faulty)


def _send_with_file_limit(repo: Repo, server: MailServer, limit: int
                          ) -> subprocess.CompletedProcess[str]:
    paths = [p for p in (os.environ.get("PYTHONPATH"), str(ROOT / "src")) if p]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SCORECARD_SMTP_USER", None)
    env.pop("SCORECARD_SMTP_PASSWORD", None)

    def small_files() -> None:  # no file this process writes may grow past ``limit``
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "scorecard", "send", "--data", str(repo.data), "--out",
         str(repo.root / "reports"), "--smtp", server.address, "--pause", "0"],
        cwd=repo.root, env=env, capture_output=True, text=True, timeout=120, check=False,
        preexec_fn=small_files)


def test_a_log_that_cannot_be_written_stops_at_once(repo: Repo, mail_server: MailServer
                                                    ) -> None:
    code, _, err = send(repo, mail_server, "--audience", "portfolio")
    assert code == 0, err
    log = repo.root / "sent.jsonl"
    before = log.read_bytes()
    done = _send_with_file_limit(repo, mail_server, len(before))  # the log cannot grow
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    # the server took one more message, and the run stopped right there
    assert len(mail_server.inbox.received) == 2
    second = mail_server.inbox.received[1]
    assert f"sent to {second.to} but not logged" in done.stderr
    assert "Sent 1 of 5 message(s)" in done.stdout
    assert "every message the server accepted is in the sent log" not in done.stderr
    assert log.read_bytes() == before  # no half line left behind
    # the line to add by hand is given; with it, the next run sends the rest, once each
    printed = done.stderr.split("or the message goes twice: ", 1)[1].splitlines()[0]
    entry = json.loads(printed)
    assert entry["to"] == second.to and entry["message_id"] == str(second.message["Message-ID"])
    with log.open("a", encoding="utf-8") as f:
        f.write(printed + "\n")
    code, out, err = send(repo, mail_server)
    assert code == 0, err
    assert "Sent 4 of 4 message(s)" in out
    assert sorted(r.to for r in mail_server.inbox.received) == EVERYONE
    assert each_document_once(mail_server)
    assert logged(repo) == received(mail_server)


def test_a_last_line_cut_short_is_tolerated_and_no_line_is_lost(
    repo: Repo, mail_server: MailServer
) -> None:
    code, _, err = send(repo, mail_server)
    assert code == 0, err
    log = repo.root / "sent.jsonl"
    text = log.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    last = json.loads(lines[-1])
    cut = lines[-1][: len(lines[-1]) // 2]  # a killed append: half a line, no newline
    log.write_text("".join(lines[:-1]) + cut, encoding="utf-8")

    code, out, err = send(repo, mail_server)
    assert code == 0, err
    assert "cut short" in err and "restore" not in err.lower()
    # every whole line is kept; only the message of the cut line goes again
    assert "Sent 1 of 1 message(s)" in out
    assert mail_server.inbox.received[-1].to == last["to"]
    kept = log.read_text(encoding="utf-8")
    assert kept.startswith("".join(lines[:-1]) + cut + "\n")
    code, out, err = send(repo, mail_server)  # the cut line, now inside the log: still read
    assert code == 0, err
    assert "Nothing new to send." in out


def test_a_line_that_is_not_ours_is_an_error_that_never_advises_losing_lines(
    repo: Repo, mail_server: MailServer
) -> None:
    code, _, err = send(repo, mail_server, "--audience", "portfolio")
    assert code == 0, err
    log = repo.root / "sent.jsonl"
    log.write_text('{"oops": 1}\n' + log.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = send(repo, mail_server)
    assert code == 1
    assert "sent.jsonl:1:1: this line of the sent log is not one scorecard wrote" in err
    assert "keep every other line" in err and "git checkout" not in err
    assert len(mail_server.inbox.received) == 1


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_credentials_are_never_sent_over_a_plain_connection(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = MailServer(login=("vendors", "s3cret"))
    server.start()
    try:
        monkeypatch.setenv("SCORECARD_SMTP_USER", "vendors")
        monkeypatch.setenv("SCORECARD_SMTP_PASSWORD", "s3cret")
        code, _, err = send(repo, server, "--audience", "portfolio")
        assert code == 1
        assert err.count("\n") == 1 and "would not be encrypted" in err
        assert "--starttls" in err and "--ssl" in err
        assert server.logins == [] and server.inbox.received == []
        assert not (repo.root / "sent.jsonl").exists()
    finally:
        server.stop()


@pytest.mark.parametrize("where", ["folder", "under a file"])
def test_a_log_that_is_no_file_is_a_one_line_reason(repo: Repo, mail_server: MailServer,
                                                   where: str) -> None:
    (repo.root / "notes.txt").write_text("mine", encoding="utf-8")
    log = {"folder": repo.root, "under a file": repo.root / "notes.txt" / "sent.jsonl"}[where]
    code, _, err = send(repo, mail_server, "--log", str(log))
    assert code == 1
    assert err.startswith(f"{log}: ") and "Traceback" not in err
    assert mail_server.inbox.received == []


def test_a_log_that_is_a_pipe_is_never_read(repo: Repo, mail_server: MailServer) -> None:
    """A pipe (or a device such as /dev/zero) is refused without being opened: reading
    one would wait for ever (or fill the memory). In a subprocess with a timeout, so
    that a regression fails instead of hanging the suite."""
    fifo = repo.root / "sent.jsonl"
    os.mkfifo(fifo)
    paths = [p for p in (os.environ.get("PYTHONPATH"), str(ROOT / "src")) if p]
    done = subprocess.run(
        [sys.executable, "-m", "scorecard", "send", "--data", str(repo.data), "--out",
         str(repo.root / "reports"), "--smtp", mail_server.address, "--pause", "0"],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)}, capture_output=True,
        text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert f"{fifo}: the sent log is not a file" in done.stderr
    assert mail_server.inbox.received == []
