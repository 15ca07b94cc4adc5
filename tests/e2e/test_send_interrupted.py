"""``scorecard send`` killed half-way (SIGKILL, while the server holds a message):
the next run sends only what is missing, and the sent log committed in git
matches exactly what the server received."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from mailroom import MailServer, delivery_repo, log_lines

ROOT = Path(__file__).resolve().parents[2]


def _send(repo_root: Path, data: Path, server: MailServer) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("SCORECARD_SMTP_USER", None)
    return subprocess.Popen(
        [sys.executable, "-m", "scorecard", "send", "--data", str(data),
         "--out", str(repo_root / "reports"), "--smtp", server.address, "--pause", "0"],
        cwd=repo_root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait(condition: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_killed_send_resumes_without_sending_twice(tmp_path: Path,
                                                     mail_server: MailServer) -> None:
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    log = repo.root / "sent.jsonl"
    inbox = mail_server.inbox
    inbox.stall_after = 3  # the fourth message waits on the server: kill send there

    first = _send(repo.root, repo.data, mail_server)
    _wait(inbox.stalled.is_set)
    first.send_signal(signal.SIGKILL)
    first.wait(30)
    assert first.returncode == -signal.SIGKILL
    inbox.release.set()  # the held message is refused: it never arrived
    assert len(inbox.received) == 3
    sent = [e for e in log_lines(log) if e["message_id"]]
    assert [e["message_id"] for e in sent] == [str(r.message["Message-ID"])
                                               for r in inbox.received]

    inbox.stall_after = None
    second = _send(repo.root, repo.data, mail_server)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err.decode()
    assert "Sent 3 of 3 message(s)" in out.decode()
    assert len(inbox.received) == 6
    pairs = [(r.to, r.attachments()[0][0]) for r in inbox.received]
    assert len(set(pairs)) == 6  # no recipient got the same document twice

    repo.git("add", "sent.jsonl")
    repo.git("commit", "-q", "--no-verify", "-m", "Sent log")
    committed = [json.loads(line) for line in repo.git("show", "HEAD:sent.jsonl").splitlines()]
    in_git = sorted((e["to"], e["message_id"]) for e in committed if e["message_id"])
    on_server = sorted((r.to, str(r.message["Message-ID"])) for r in inbox.received)
    assert in_git == on_server


def test_a_server_that_defers_gets_the_rest_on_the_next_run(
    tmp_path: Path, mail_server: MailServer
) -> None:
    from conftest import run_cli

    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    inbox = mail_server.inbox
    inbox.stall_after = 2
    inbox.release.set()  # from the third message on, each is refused at once (451)
    args = ("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
            "--smtp", mail_server.address, "--pause", "0")
    result = run_cli(*args)
    assert result.exit_code == 1
    assert "Sent 2 of 6 message(s)" in result.stdout
    # a 451 for each of the other four: each named, none logged, all tried on the next run
    assert result.stderr.count("Deferred by the server (not in the sent log)") == 4
    inbox.stall_after = None
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    assert "Sent 4 of 4 message(s)" in result.stdout
    assert len({(r.to, r.attachments()[0][0]) for r in inbox.received}) == 6 == \
        len(inbox.received)
