"""Reminders: each lead gets an e-mail with what ``scorecard due`` lists for them
(overdue and coming up, with days), so that a lead who never opens the
repository still hears about it. Reminders hold internal facts, so they go
only to addresses in ``internal_domains``; they are not documents and are not
written to the sent log (a scheduled CI job sends them afresh each time).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import jinja2

from scorecard.data.addresses import Mailbox, in_domains, parse_mailbox
from scorecard.data.model import Dataset
from scorecard.data.problems import Problem
from scorecard.figures.due import DueItem
from scorecard.words.due import due_sentence
from scorecard.words.numbers import day_words

__all__ = ["Reminder", "reminder_line", "reminders"]


@dataclass(frozen=True)
class Reminder:
    to: Mailbox
    lead: str
    items: tuple[DueItem, ...]
    message: EmailMessage


def reminder_line(item: DueItem) -> str:
    """``The evaluation of Acme for ... was due on 30 October 2026. (27 days late)``."""
    text = due_sentence(item)
    if item.days is None:
        return text
    if item.days < 0:
        return f"{text} ({-item.days} day{'s' if item.days != -1 else ''} late)"
    if item.days == 0:
        return f"{text} (today)"
    return f"{text} (in {item.days} day{'s' if item.days != 1 else ''})"


def _by_lead(items: Iterable[DueItem], people: dict[str, str]) -> dict[str, list[DueItem]]:
    grouped: dict[str, list[DueItem]] = {}
    for item in items:
        if item.urgency == "info":
            continue  # no day to be late by: the portfolio lists these
        lead = item.provider.lead or item.owner
        if lead in people:
            grouped.setdefault(lead, []).append(item)
    return grouped


def reminders(dataset: Dataset, items: Iterable[DueItem], *, env: jinja2.Environment,
              sender: Mailbox, as_of: date) -> tuple[list[Reminder], list[Problem]]:
    """One reminder per lead with something overdue or coming up; a refusal for a
    lead whose address is outside the internal domains."""
    dist = dataset.programme.distribution
    if dist is None:
        return [], []
    from scorecard.delivery.messages import POLICY, letter

    found: list[Reminder] = []
    problems: list[Problem] = []
    for lead, mine in sorted(_by_lead(items, dict(dist.people)).items()):
        mailbox, _ = parse_mailbox(dist.people[lead])
        if mailbox is None:
            continue
        mailbox = mailbox if mailbox.name else Mailbox(lead, mailbox.address)
        if not in_domains(mailbox, dist.internal_domains):
            problems.append(Problem(
                dist.where("people", lead), f"{mailbox.address} is outside our "
                "internal_domains; a reminder, which is internal, is not sent to it"))
            continue
        words = letter(env, "reminder", {
            "greeting": mailbox.name or lead, "as_of": day_words(as_of),
            "items": mine, "sender_name": sender.name or dataset.programme.organisation,
            "overdue": [reminder_line(i) for i in mine if i.urgency == "overdue"],
            "coming": [reminder_line(i) for i in mine if i.urgency != "overdue"],
        })
        msg = EmailMessage(policy=POLICY)
        msg["From"] = sender.formatted()
        msg["To"] = mailbox.formatted()
        msg["Subject"] = words.subject
        msg["Date"] = format_datetime(datetime.now(UTC))
        msg["Message-ID"] = make_msgid(domain=sender.domain)
        msg.set_content(words.body)
        found.append(Reminder(mailbox, lead, tuple(mine), msg))
    return found, problems
