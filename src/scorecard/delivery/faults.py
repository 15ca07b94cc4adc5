"""What a send tells the user when the mail server or the sent log lets it down,
and how each message's line reaches the sent log.

Every message the server accepted is in the log before the next is offered; a
message the server refused (5xx) or deferred (4xx) is not, so the next run offers
it again; a message whose fate SMTP cannot know is logged as ``"unconfirmed"``
and named with what to check; and when the log cannot be written after the
server accepted a message, the run stops at once and says so, with the line to
add by hand.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from scorecard.delivery import sentlog
from scorecard.delivery.sentlog import Decision
from scorecard.delivery.smtp import Delivery, Outcome, Stop

__all__ = ["Faults", "describe", "recorder"]


def _what(d: Decision) -> str:
    p = d.parcel
    if p.provider is None:
        return f"the {p.audience}"
    return f"{p.provider} {p.period} ({p.audience})"


def recorder(log_path: Path, by_id: Mapping[str, Decision]
             ) -> Callable[[EmailMessage, bool], None]:
    """The ``sent`` callback of :func:`scorecard.delivery.smtp.deliver`: one line for
    a message the server accepted (or that may have arrived), synced before the next
    message; :class:`Stop` when it cannot be written."""

    def sent(msg: EmailMessage, confirmed: bool) -> None:
        message_id = str(msg["Message-ID"])
        d = by_id[message_id]
        entry = sentlog.entry_for(d.parcel, message_id=message_id,
                                  revised=d.state == "revised", unconfirmed=not confirmed)
        try:
            sentlog.append(log_path, [entry])
        except OSError as exc:
            line = json.dumps(entry.to_json(), ensure_ascii=False)
            raise Stop(f"sent to {d.parcel.to.address} but not logged ({_what(d)}): "
                       f"{log_path} cannot be written ({exc.strerror or exc}); add this line "
                       f"to it by hand before sending again, or the message goes twice: "
                       f"{line}") from None

    return sent


@dataclass
class Faults:
    """One line for each message that did not simply arrive."""

    refused: list[str] = field(default_factory=list)
    deferred: list[str] = field(default_factory=list)
    unknown: str | None = None


def _line(outcome: Outcome, by_id: Mapping[str, Decision]) -> str:
    d = by_id.get(str(outcome.message["Message-ID"]))
    what = _what(d) if d is not None else str(outcome.message.get("Subject", ""))
    return f"{outcome.to}: {what}: {outcome.reply}"


def _unknown(o: Outcome, by_id: Mapping[str, Decision], log_path: Path | None) -> str:
    head = (f"{_line(o, by_id)}: the whole message was handed over and the connection was "
            "lost before the server answered, so SMTP cannot tell whether it arrived")
    check = (f"Check the server's log or the recipient's mailbox for Message-ID "
             f"{o.message['Message-ID']}")
    if log_path is None:
        return f"{head}. {check} before sending again"
    return (f"{head}. It is logged as unconfirmed and not sent again. {check}; if it never "
            f"arrived, delete its line (marked \"unconfirmed\") from {log_path} and run "
            "send again")


def describe(delivery: Delivery, by_id: Mapping[str, Decision],
             log_path: Path | None) -> Faults:
    """``log_path`` None: the messages are not logged (reminders)."""
    faults = Faults([_line(o, by_id) for o in delivery.refused],
                    [_line(o, by_id) for o in delivery.deferred])
    if delivery.unknown is not None:
        faults.unknown = _unknown(delivery.unknown, by_id, log_path)
    return faults
