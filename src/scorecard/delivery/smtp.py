"""Sending through a real SMTP server: STARTTLS or TLS from the start (plain
only without a login), with a pause between messages (rate limiting).

Each message is its own SMTP transaction, and its outcome is what the server
said (:mod:`scorecard.delivery.transaction`): accepted, refused for good (5xx:
reported, and the next message goes on), deferred (4xx: tried again on the next
run), or unknown (the connection was lost after the whole message was handed
over and before the server answered: SMTP cannot tell whether it was kept). A
lost connection, a refused sender or a login that fails stops the run.

User and password come only from ``SCORECARD_SMTP_USER`` and
``SCORECARD_SMTP_PASSWORD`` (never from the command line, where they would
show in the process list and in CI logs), and are never sent over a plain
connection.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Literal

from scorecard.delivery.transaction import Outcome, transact

__all__ = ["Delivery", "Outcome", "Security", "SmtpSettings", "Stop", "deliver",
           "plain_login_refusal", "settings_from_env"]

Security = Literal["plain", "starttls", "ssl"]
TIMEOUT_SECONDS = 60


class Stop(Exception):
    """Raised by a ``sent`` callback to stop the run at once (the sent log cannot be
    written); its text is the reason."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security = "plain"
    user: str | None = None
    password: str | None = None
    pause: float = 1.0  # seconds between messages

    def where(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass
class Delivery:
    """What the server said about each message it was offered."""

    sent: int = 0
    refused: list[Outcome] = field(default_factory=list)  # 5xx: not sent
    deferred: list[Outcome] = field(default_factory=list)  # 4xx: try again later
    unknown: Outcome | None = None  # handed over, no answer: the run stopped there
    stopped: str | None = None  # why the run stopped early (None: every message was offered)

    @property
    def complete(self) -> bool:
        return not (self.refused or self.deferred or self.unknown or self.stopped)


def settings_from_env(host: str, port: int, security: Security, pause: float) -> SmtpSettings:
    user = os.environ.get("SCORECARD_SMTP_USER") or None
    password = os.environ.get("SCORECARD_SMTP_PASSWORD") or None
    return SmtpSettings(host, port, security, user, password, pause)


def plain_login_refusal(settings: SmtpSettings) -> str | None:
    """Why these settings must not be used: a login over a plain connection would send
    the password in clear text."""
    if settings.security == "plain" and (settings.user or settings.password):
        return ("SCORECARD_SMTP_USER or SCORECARD_SMTP_PASSWORD is set but the connection "
                f"to {settings.where()} would not be encrypted; add --starttls (port 587) "
                "or --ssl (port 465), or unset them for a server that needs no login")
    return None


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    refusal = plain_login_refusal(settings)
    if refusal is not None:  # never reached from the CLI, which refuses first
        raise Stop(refusal)
    context = ssl.create_default_context()
    server: smtplib.SMTP
    if settings.security == "ssl":
        server = smtplib.SMTP_SSL(settings.host, settings.port, timeout=TIMEOUT_SECONDS,
                                  context=context)
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        if settings.security == "starttls":
            server.starttls(context=context)
    if settings.user is not None:
        server.login(settings.user, settings.password or "")
    return server


def _offer(server: smtplib.SMTP, messages: Iterable[EmailMessage], pause: float,
           sent: Callable[[EmailMessage, bool], None], result: Delivery) -> None:
    for number, msg in enumerate(messages):
        if number and pause > 0:
            time.sleep(pause)
        outcome = transact(server, msg)
        if outcome.state == "accepted":
            result.sent += 1
            sent(msg, True)
        elif outcome.state == "unknown":
            result.unknown = outcome
            sent(msg, False)
            result.stopped = f"the connection was lost: {outcome.reply}"
            return
        elif outcome.state == "refused":
            result.refused.append(outcome)
        else:
            result.deferred.append(outcome)


def deliver(settings: SmtpSettings, messages: Iterable[EmailMessage],
            sent: Callable[[EmailMessage, bool], None]) -> Delivery:
    """Offer each message; call ``sent(msg, True)`` right after the server accepted
    one, and ``sent(msg, False)`` for one whose fate is unknown (so that the sent log
    is written before the next)."""
    result = Delivery()
    server: smtplib.SMTP | None = None
    try:
        server = _connect(settings)
        _offer(server, messages, settings.pause, sent, result)
    except Stop as exc:
        result.stopped = str(exc)
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        result.stopped = " ".join(f"{type(exc).__name__}: {exc}".split())
    finally:
        if server is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError, ValueError):
                server.quit()
    return result
