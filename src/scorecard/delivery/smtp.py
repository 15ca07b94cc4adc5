"""Sending through a real SMTP server: plain, STARTTLS or TLS from the start,
with a pause between messages (rate limiting), stopping at the first failure.

User and password come only from ``SCORECARD_SMTP_USER`` and
``SCORECARD_SMTP_PASSWORD`` (never from the command line, where they would
show in the process list and in CI logs).
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Literal

__all__ = ["Security", "SmtpSettings", "deliver", "settings_from_env"]

Security = Literal["plain", "starttls", "ssl"]
TIMEOUT_SECONDS = 60


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


def settings_from_env(host: str, port: int, security: Security, pause: float) -> SmtpSettings:
    user = os.environ.get("SCORECARD_SMTP_USER") or None
    password = os.environ.get("SCORECARD_SMTP_PASSWORD") or None
    return SmtpSettings(host, port, security, user, password, pause)


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
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


def deliver(settings: SmtpSettings, messages: Iterable[EmailMessage],
            sent: Callable[[EmailMessage], None]) -> tuple[int, str | None]:
    """Send each message; call ``sent`` right after the server accepted one (so that
    the sent log is written before the next). Returns how many went, and why it
    stopped early (None when all went)."""
    count = 0
    server: smtplib.SMTP | None = None
    try:
        server = _connect(settings)
        for msg in messages:
            if count and settings.pause > 0:
                time.sleep(settings.pause)
            server.send_message(msg)
            count += 1
            sent(msg)
    except (smtplib.SMTPException, OSError) as exc:
        return count, f"{type(exc).__name__}: {exc}".strip()
    finally:
        if server is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                server.quit()
    return count, None
