"""Sending over TLS to a real server: STARTTLS and TLS from the start, with the
server's certificate checked (a test authority made with openssl, trusted through
SSL_CERT_FILE), and refused when the certificate is not trusted."""

from __future__ import annotations

import os
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from buildrepo import Repo
from mailroom import Inbox, delivery_repo, free_port, log_lines

ROOT = Path(__file__).resolve().parents[2]

@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


def _context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    return context


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    return repo


def _send(repo: Repo, port: int, flag: str, trust: Path | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("SSL_CERT_DIR", None)
    if trust is not None:
        env["SSL_CERT_FILE"] = str(trust)
    return subprocess.run(
        [sys.executable, "-m", "scorecard", "send", "--data", str(repo.data), "--out",
         str(repo.root / "reports"), "--smtp", f"127.0.0.1:{port}", flag, "--pause", "0",
         "--audience", "portfolio"],
        env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def starttls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port,
                            tls_context=_context(certificate), require_starttls=True)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def tls_server(certificate: tuple[Path, Path]) -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port,
                            ssl_context=_context(certificate))
    controller.start()
    yield inbox, port
    controller.stop()


def test_starttls(repo: Repo, starttls_server: tuple[Inbox, int],
                  certificate: tuple[Path, Path]) -> None:
    inbox, port = starttls_server
    done = _send(repo, port, "--starttls", certificate[0])
    assert done.returncode == 0, done.stderr
    assert [r.to for r in inbox.received] == ["board@northwind.example"]


def test_tls_from_the_start(repo: Repo, tls_server: tuple[Inbox, int],
                            certificate: tuple[Path, Path]) -> None:
    inbox, port = tls_server
    done = _send(repo, port, "--ssl", certificate[0])
    assert done.returncode == 0, done.stderr
    assert [r.to for r in inbox.received] == ["board@northwind.example"]


def test_an_untrusted_certificate_sends_nothing(repo: Repo,
                                                starttls_server: tuple[Inbox, int]) -> None:
    inbox, port = starttls_server
    done = _send(repo, port, "--starttls", None)
    assert done.returncode == 1
    assert "CERTIFICATE_VERIFY_FAILED" in done.stderr
    assert inbox.received == []
    # the first send's baseline is recorded; no message is logged as sent
    assert all(e["message_id"] is None for e in log_lines(repo.root / "sent.jsonl"))


@pytest.fixture
def starttls_login_server(certificate: tuple[Path, Path]
                          ) -> Iterator[tuple[Inbox, int, list[tuple[str, str]]]]:
    from aiosmtpd.smtp import AuthResult, LoginPassword

    inbox, port, logins = Inbox(), free_port(), []

    def check(server: object, session: object, envelope: object, mechanism: str,
              data: object) -> AuthResult:
        assert isinstance(data, LoginPassword)
        logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=logins[-1] == ("vendors", "s3cret"))

    controller = Controller(inbox, hostname="127.0.0.1", port=port,
                            tls_context=_context(certificate), require_starttls=True,
                            authenticator=check, auth_required=True)  # AUTH only after TLS
    controller.start()
    yield inbox, port, logins
    controller.stop()


def test_credentials_from_the_environment_log_in_over_starttls(
    repo: Repo, starttls_login_server: tuple[Inbox, int, list[tuple[str, str]]],
    certificate: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox, port, logins = starttls_login_server
    monkeypatch.setenv("SCORECARD_SMTP_USER", "vendors")
    monkeypatch.setenv("SCORECARD_SMTP_PASSWORD", "s3cret")
    done = _send(repo, port, "--starttls", certificate[0])
    assert done.returncode == 0, done.stderr
    assert logins == [("vendors", "s3cret")]
    assert [r.to for r in inbox.received] == ["board@northwind.example"]
