"""A real SMTP server for delivery tests (aiosmtpd in a thread on 127.0.0.1), and
a tiny evaluation repository with contacts, people and a distribution block.

The repository is ``buildrepo``'s (alpha with 2026-Q1 and 2026-Q2, beta with
2026-Q2) plus addresses::

    alpha contacts: Dana Cole <dana@alpha.example>, reviews@alpha.example
    beta contact:   ben@beta.example
    people:         Priya Shah (leads alpha), Tom Berg (leads beta) at northwind.example
    executives:     Board <board@northwind.example>
"""

from __future__ import annotations

import asyncio
import email
import hashlib
import json
import socket
import threading
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from buildrepo import Repo

DISTRIBUTION = """\
distribution:
  from: IT vendor management <vendors@northwind.example>
  internal_domains: [northwind.example]
  people:
    Priya Shah: priya.shah@northwind.example
    Tom Berg: tom.berg@northwind.example
  executives: [Board <board@northwind.example>]
  reply_days: 10
"""

ALPHA_CONTACTS = ("dana@alpha.example", "reviews@alpha.example")
BETA_CONTACT = "ben@beta.example"
PRIYA, TOM, BOARD = "priya.shah@northwind.example", "tom.berg@northwind.example", \
    "board@northwind.example"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        msg = email.message_from_bytes(self.data, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        return msg

    @property
    def to(self) -> str:
        assert len(self.rcpt_tos) == 1, self.rcpt_tos
        return self.rcpt_tos[0]

    def attachments(self) -> list[tuple[str, bytes]]:
        found = []
        for part in self.message.iter_attachments():
            content = part.get_payload(decode=True)  # the bytes, whatever the type
            assert isinstance(content, bytes)
            found.append((str(part.get_filename()), content))
        return found


@dataclass
class Inbox:
    """The aiosmtpd handler: keeps every message the server accepted. With
    ``stall_after`` set, the message after that many waits until ``release`` is set
    and is then refused (it never counts as received)."""

    received: list[Received] = field(default_factory=list)
    stall_after: int | None = None
    release: threading.Event = field(default_factory=threading.Event)
    stalled: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.stall_after is not None and len(self.received) >= self.stall_after:
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 try again later"
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                      bytes(envelope.original_content or envelope.content)))
        return "250 OK"

    def by_to(self) -> dict[str, list[Received]]:
        result: dict[str, list[Received]] = {}
        for r in self.received:
            result.setdefault(r.to, []).append(r)
        return result


@dataclass
class FaultyInbox(Inbox):
    """An inbox whose server misbehaves on chosen recipients, as real ones do: refuses
    them for good (550 at RCPT), defers them (451 at RCPT), or keeps the message and
    then drops the connection before answering the end of the data (each address in
    ``drop_after`` once)."""

    refuse: set[str] = field(default_factory=set)
    defer: set[str] = field(default_factory=set)
    drop_after: set[str] = field(default_factory=set)
    refuse_data: set[str] = field(default_factory=set)  # 554 after the data
    closing: set[str] = field(default_factory=set)  # 421 at RCPT: the server is closing

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: no such user"
        if address in self.defer:
            return f"451 4.2.0 <{address}>: mailbox busy, try again later"
        if address in self.closing:
            return "421 4.3.2 service shutting down"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        to = envelope.rcpt_tos[0]
        if to in self.refuse_data:
            return "554 5.7.1 message refused"
        answer = await super().handle_DATA(server, session, envelope)
        if to in self.drop_after and answer.startswith("250"):
            self.drop_after.discard(to)
            server.transport.close()  # kept, and the client never hears so
        return answer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class MailServer:
    """With ``login`` (user, password), the server requires AUTH and records each
    attempt in ``logins``."""

    def __init__(self, login: tuple[str, str] | None = None,
                 inbox: Inbox | None = None) -> None:
        self.inbox = inbox or Inbox()
        self.port = free_port()
        self.logins: list[tuple[str, str]] = []
        extra: dict[str, Any] = {}
        if login is not None:
            extra = {"authenticator": self._authenticator(login), "auth_required": True,
                     "auth_require_tls": False}
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port,
                                     **extra)

    def _authenticator(self, login: tuple[str, str]) -> Any:
        from aiosmtpd.smtp import AuthResult, LoginPassword

        def check(server: Any, session: Any, envelope: Any, mechanism: str,
                  data: Any) -> AuthResult:
            if not isinstance(data, LoginPassword):
                return AuthResult(success=False)
            given = (data.login.decode(), data.password.decode())
            self.logins.append(given)
            return AuthResult(success=given == login)

        return check

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.inbox.release.set()
        self.controller.stop()


def delivery_repo(root: Path) -> Repo:
    """buildrepo's repository with contacts and a distribution block, committed."""
    repo = Repo(root)
    programme = repo.data / "scorecard.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + DISTRIBUTION, encoding="utf-8")
    repo.edit("evaluations/providers/alpha.yaml", "lead: Priya Shah\n",
              "lead: Priya Shah\ncontact:\n  - Dana Cole <dana@alpha.example>  # service manager\n"
              "  - reviews@alpha.example\n")
    repo.edit("evaluations/providers/beta.yaml", "lead: Tom Berg\n",
              "lead: Tom Berg\ncontact: ben@beta.example\n")
    repo.commit("Addresses")
    return repo


def manifest_sha(out: Path) -> dict[str, str]:
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {d["path"]: d["sha256"] for d in data["documents"]}


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def log_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
