"""One message, one SMTP transaction (RFC 5321 section 3.3), with its outcome read
from the server's own answers instead of from an exception that hides where it
happened.

- ``accepted``: 250 after the end of the data: the server took the message.
- ``refused``: a 5xx at RCPT, DATA or after the data: it will never take it as it
  is; the run goes on with the next message.
- ``deferred``: a 4xx there: try again later (the next run does).
- ``unknown``: the whole message, up to its final ``.``, was handed over and the
  connection was lost before the server answered. SMTP cannot tell whether the
  server kept it (RFC 1047 describes the duplicates this gives).

A lost connection before the final ``.`` (the server cannot have kept a message it
never saw the end of), a refused sender and a 421 (the server is closing) raise,
and stop the run.
"""

from __future__ import annotations

import re
import smtplib
from dataclasses import dataclass
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import getaddresses
from io import BytesIO
from typing import Literal

__all__ = ["Outcome", "OutcomeState", "transact"]

OutcomeState = Literal["accepted", "refused", "deferred", "unknown"]
_LEADING_DOT = re.compile(rb"(?m)^\.")


@dataclass(frozen=True)
class Outcome:
    message: EmailMessage
    state: OutcomeState
    reply: str  # the server's answer, e.g. "550 5.1.1 no such user"

    @property
    def to(self) -> str:
        return ", ".join(a for _, a in getaddresses([str(self.message.get("To", ""))]) if a)


def _words(code: int, text: bytes | str) -> str:
    raw = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return " ".join(f"{code} {raw}".split())[:300]


def _data(msg: EmailMessage, international: bool) -> bytes:
    out = BytesIO()
    policy = msg.policy
    if international and isinstance(policy, EmailPolicy):
        policy = policy.clone(utf8=True)
    BytesGenerator(out, policy=policy).flatten(msg, linesep="\r\n")
    data = _LEADING_DOT.sub(b"..", out.getvalue())
    return data + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"


def _refusal(msg: EmailMessage, code: int, text: bytes | str) -> Outcome:
    if code == 421:  # the server is closing the connection: nothing more goes
        raise smtplib.SMTPServerDisconnected(_words(code, text))
    state: OutcomeState = "deferred" if 400 <= code < 500 else "refused"
    return Outcome(msg, state, _words(code, text))


def _envelope(server: smtplib.SMTP, msg: EmailMessage) -> tuple[str, list[str], list[str], bool]:
    sender = next((a for _, a in getaddresses([str(msg.get("From", ""))]) if a), "")
    recipients = [a for _, a in getaddresses([str(v) for v in msg.get_all("To", [])]) if a]
    international = not all(a.isascii() for a in (sender, *recipients))
    options = ["SMTPUTF8", "BODY=8BITMIME"] if international else []
    if international and not server.has_extn("smtputf8"):
        raise smtplib.SMTPNotSupportedError(
            "the server does not take addresses with letters outside ASCII (no SMTPUTF8)")
    return sender, recipients, options, international


def transact(server: smtplib.SMTP, msg: EmailMessage) -> Outcome:
    """Offer ``msg`` on an open connection and say what became of it."""
    server.ehlo_or_helo_if_needed()
    try:
        sender, recipients, options, international = _envelope(server, msg)
    except smtplib.SMTPNotSupportedError as exc:
        return Outcome(msg, "refused", str(exc))
    code, text = server.mail(sender, options)
    if code != 250:
        with_reply = _refusal(msg, code, text)
        raise smtplib.SMTPSenderRefused(code, with_reply.reply.encode(), sender)
    for recipient in recipients:
        code, text = server.rcpt(recipient)
        if code not in (250, 251):
            outcome = _refusal(msg, code, text)
            server.rset()
            return outcome
    server.putcmd("data")
    code, text = server.getreply()
    if code != 354:
        outcome = _refusal(msg, code, text)
        server.rset()
        return outcome
    server.send(_data(msg, international))  # a failure here: the server never saw the end
    try:
        code, text = server.getreply()
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        return Outcome(msg, "unknown", " ".join(str(exc).split()) or type(exc).__name__)
    if code == 250:
        return Outcome(msg, "accepted", _words(code, text))
    return _refusal(msg, code, text)
