"""Each e-mail, written from its template: ``templates/email/<kind>.txt``, whose
first line is the subject and the rest the body (plain text). A folder given
with ``--templates`` is searched first, so any of them can be replaced.

The attachment is named so that a person understands it: "Northgate
Infrastructure Solutions Ltd - scorecard 2026-Q3.pdf".
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from scorecard.data.addresses import Mailbox
from scorecard.data.model import Dataset
from scorecard.data.problems import Location, Problem
from scorecard.delivery.recipients import Parcel, record_of
from scorecard.delivery.sentlog import Decision
from scorecard.words.numbers import day_words
from scorecard.words.sandbox import sandboxed

__all__ = ["Letter", "MessageError", "attachment_name", "compose", "environment", "letter"]

# Header lines up to RFC 5322's hard limit, so that a long subject is not folded
# before its first word (which mail readers show with a leading space).
POLICY = policy.SMTP.clone(max_line_length=998)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class MessageError(Exception):
    """A template could not be rendered; ``problem`` says which and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def templates_dir() -> Path:
    """Our templates: ``scorecard/templates`` in a wheel, ``templates/`` in a checkout."""
    packaged = resources.files("scorecard") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "templates"


def environment(user_templates: Path | None = None) -> jinja2.Environment:
    dirs = [] if user_templates is None else [str(Path(user_templates) / "email")]
    dirs.append(str(templates_dir() / "email"))
    return sandboxed(dirs, autoescape=False, undefined=jinja2.StrictUndefined,
                     keep_trailing_newline=True)


@dataclass(frozen=True)
class Letter:
    """What a message says, before it becomes an e-mail."""

    subject: str
    body: str


def letter(env: jinja2.Environment, kind: str, context: Mapping[str, Any]) -> Letter:
    name = f"{kind}.txt"
    where = f"templates/email/{name}"
    try:
        template = env.get_template(name)
        where = template.filename or where
        text = template.render(**context)
    except jinja2.TemplateError as exc:
        line = getattr(exc, "lineno", None) or 0
        where = getattr(exc, "filename", None) or where
        raise MessageError(Problem(Location(str(where), line),
                                   f"the e-mail template cannot be used: {exc}")) from exc
    subject, _, body = text.lstrip("\n").partition("\n")
    return Letter(" ".join(subject.split()), _wrapped(body.strip("\n")) + "\n")


def _wrapped(body: str, width: int = 72) -> str:
    """Each paragraph filled to ``width``; lists and short lines are left as written."""
    paragraphs = []
    for para in body.split("\n\n"):
        lines = para.split("\n")
        if any(line.startswith(("- ", "  ")) for line in lines) or len(lines) > 1:
            paragraphs.append(para)
        else:
            paragraphs.append(textwrap.fill(para, width, break_long_words=False,
                                            break_on_hyphens=False))
    return "\n\n".join(paragraphs)


def attachment_name(parcel: Parcel, dataset: Dataset, as_of: date) -> str:
    provider = dataset.providers.get(parcel.provider or "")
    name = provider.name if provider is not None else dataset.programme.organisation
    if parcel.audience == "provider":
        title = f"{name} - scorecard {parcel.period}"
    elif parcel.audience == "team":
        title = f"{name} - team scorecard {parcel.period} (internal)"
    else:
        title = f"{name} - provider portfolio {as_of.isoformat()} (internal)"
    extension = parcel.document.format
    return f"{' '.join(_UNSAFE.sub(' ', title).split())}.{extension}"


def _context(decision: Decision, dataset: Dataset, today: date, as_of: date,
             sender: Mailbox) -> dict[str, Any]:
    parcel = decision.parcel
    provider = dataset.providers.get(parcel.provider or "")
    record = record_of(dataset, parcel.provider, parcel.period)
    dist = dataset.programme.distribution
    reply_days = dist.reply_days if dist is not None else 14
    previous = decision.previous
    return {
        "organisation": dataset.programme.organisation,
        "provider_name": provider.name if provider is not None else "",
        "period": parcel.period or "",
        "period_words": record.period.describe() if record is not None else parcel.period,
        "greeting": parcel.to.name or ("team" if parcel.audience != "provider" else "colleague"),
        "reply_days": reply_days,
        "reply_by": day_words(today + timedelta(days=reply_days)),
        "today": day_words(today),
        "has_response": bool(record is not None and record.provider_response),
        "lead_name": record.lead if record is not None else None,
        "sender_name": sender.name or dataset.programme.organisation,
        "revised": decision.state == "revised",
        "previous_day": day_words(date.fromisoformat(previous.sent[:10])) if previous else "",
        "as_of": day_words(as_of),
    }


def compose(decision: Decision, dataset: Dataset, *, env: jinja2.Environment, sender: Mailbox,
            reply_to: Mailbox | None, attachment: bytes, today: date, as_of: date,
            when: Any = None, form: tuple[str, bytes] | None = None) -> EmailMessage:
    """The e-mail for one parcel, with its document attached (and ``form``, a file name
    and a fillable PDF, when given)."""
    parcel = decision.parcel
    context = _context(decision, dataset, today, as_of, sender) | {"form_attached": bool(form)}
    words = letter(env, parcel.audience, context)
    msg = EmailMessage(policy=POLICY)
    msg["From"] = sender.formatted()
    msg["To"] = parcel.to.formatted()
    if reply_to is not None:
        msg["Reply-To"] = reply_to.formatted()
    msg["Subject"] = words.subject
    if when is not None:
        msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain=sender.domain)
    msg.set_content(words.body)
    # bytes, base64: the attachment arrives byte for byte as the manifest lists it
    maintype, subtype = ("application", "pdf") if parcel.document.format == "pdf" \
        else ("text", "html")
    msg.add_attachment(attachment, maintype=maintype, subtype=subtype,
                       filename=attachment_name(parcel, dataset, as_of))
    if form is not None:
        msg.add_attachment(form[1], maintype="application", subtype="pdf", filename=form[0])
    return msg
