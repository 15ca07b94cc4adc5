"""One ``scorecard send``, top to bottom: read the data, the finished build and
the sent log; work out who gets what and what is new; refuse what must not go
out; then write the outbox (a dry run) or send through SMTP, recording each
message in the sent log as soon as the server accepted it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path

from scorecard.data.addresses import Mailbox, parse_mailbox
from scorecard.data.load import load
from scorecard.data.model import Dataset
from scorecard.data.problems import Location, Problem, has_errors
from scorecard.delivery import messages, safety, sentlog
from scorecard.delivery.evidence import attach_evidence
from scorecard.delivery.faults import Faults, describe, recorder
from scorecard.delivery.freshness import commit_days, stale_build
from scorecard.delivery.outbox import eml_name, parcel_eml_name, write_outbox
from scorecard.delivery.recipients import lead_of, parcels, record_of
from scorecard.delivery.sentlog import Decision, LogEntry
from scorecard.delivery.smtp import SmtpSettings, deliver
from scorecard.delivery.unreached import without_contact
from scorecard.output.manifest import Manifest, read_manifest, regular_bytes

__all__ = ["Row", "SendOptions", "SendReport", "default_log", "run", "run_reminders"]


@dataclass(frozen=True)
class SendOptions:
    data_dir: Path
    out_dir: Path
    outbox: Path
    log: Path | None = None  # None: sent.jsonl beside the data folder
    templates: Path | None = None
    smtp: SmtpSettings | None = None  # None: a dry run
    providers: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    send_all: bool = False
    status: bool = False
    today: date | None = None
    forms: Callable[[str, str], tuple[str, bytes] | None] | None = None  # --forms: a form


@dataclass(frozen=True)
class Row:
    """One line of the table of who gets what."""

    state: str  # new, revised, sent, baseline, unconfirmed (sent, fate unknown)
    to: str
    audience: str
    provider: str
    period: str
    attachment: str


@dataclass
class SendReport:
    problems: list[Problem] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    sent: int = 0
    written: list[Path] = field(default_factory=list)
    baseline: int = 0
    stopped: str | None = None  # why sending stopped early
    faults: Faults = field(default_factory=Faults)  # refused, deferred, unknown messages

    @property
    def ok(self) -> bool:
        f = self.faults
        return not (has_errors(self.problems) or self.stopped is not None or f.refused
                    or f.deferred or f.unknown)


def default_log(data_dir: Path) -> Path:
    """``sent.jsonl`` beside the data folder."""
    return data_dir.absolute().parent / "sent.jsonl"


def _narrowed(decisions: list[Decision], options: SendOptions) -> list[Decision]:
    return [d for d in decisions
            if (not options.providers or d.parcel.provider in options.providers)
            and (not options.periods or d.parcel.period in options.periods)
            and (not options.audiences or d.parcel.audience in options.audiences)]


def _row(d: Decision, dataset: Dataset, as_of: date) -> Row:
    p = d.parcel
    unconfirmed = d.state == "sent" and d.previous is not None and d.previous.unconfirmed
    return Row("unconfirmed" if unconfirmed else d.state, p.to.address, p.audience,
               p.provider or "-", p.period or "-", messages.attachment_name(p, dataset, as_of))


def _inputs(options: SendOptions, report: SendReport
            ) -> tuple[Dataset, Manifest, list[LogEntry] | None] | None:
    dataset, problems = load(options.data_dir)
    report.problems += problems
    if dataset is None:
        return None
    manifest, problems = read_manifest(options.out_dir)
    report.problems += problems
    if manifest is None:
        report.problems.append(Problem(
            Location(str(options.out_dir / "manifest.json")),
            f"there is no finished build in {options.out_dir}", hint="Run scorecard build first."))
        return None
    log, problems = sentlog.read_log(options.log or default_log(options.data_dir))
    report.problems += problems
    if has_errors(problems):
        return None
    return dataset, manifest, log


def _sender(dataset: Dataset) -> tuple[Mailbox | None, Problem | None]:
    dist = dataset.programme.distribution
    if dist is not None and dist.sender:
        return parse_mailbox(dist.sender)[0], None
    where = dist.where() if dist is not None else dataset.programme.where()
    return None, Problem(where, "distribution.from is not set, so no message can be sent",
                         hint="Add it, e.g. from: IT vendor management <vendors@northwind.example>")


@contextmanager
def _one_send_at_a_time(log_path: Path, report: SendReport) -> Iterator[bool]:
    """An exclusive lock on the folder that holds the sent log, for as long as a real
    send reads and appends it, so that two sends at once cannot both send a message
    (yields False when another send holds it). No file is made for it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no lock
        yield True
        return
    folder = log_path.absolute().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        report.problems.append(Problem(
            Location(str(log_path)), "the folder of the sent log cannot be used: "
            f"{exc.strerror or exc}", hint="Give a sent log in a folder with --log FILE."))
        yield False
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            report.problems.append(Problem(
                Location(str(log_path)), "another scorecard send is using this sent log",
                hint="Wait for it to finish, then run this one again."))
            yield False
            return
        yield True
    finally:
        os.close(fd)


def run(options: SendOptions) -> SendReport:
    """Plan, check and deliver; every problem and refusal is in the report. A real
    send holds the sent log's lock from reading it to its last line."""
    if options.smtp is None:
        return _run(options, SendReport())
    report = SendReport()
    with _one_send_at_a_time(options.log or default_log(options.data_dir), report) as free:
        return _run(options, report) if free else report


def _run(options: SendOptions, report: SendReport) -> SendReport:
    inputs = _inputs(options, report)
    if inputs is None:
        return report
    dataset, manifest, log = inputs
    dist = dataset.programme.distribution
    if dist is not None and not dist.internal_domains and not options.status:
        report.problems.append(Problem(
            dist.where(), "distribution.internal_domains is empty, so no team or portfolio "
            "document is sent", field="distribution", hint="List our own domains, e.g. "
            "internal_domains: [northwind.example].", severity="warning"))
    every = sentlog.decide(parcels(dataset, manifest), log, send_all=options.send_all,
                           commit_day=commit_days(options.data_dir))
    decisions = _narrowed(every, options)
    if options.status:
        report.rows = [_row(d, dataset, manifest.as_of) for d in decisions]
        return report
    report.problems += without_contact(
        dataset, manifest, (d.parcel for d in every), providers=options.providers,
        periods=options.periods, audiences=options.audiences)
    outgoing = [d for d in decisions if d.state in ("new", "revised")]
    report.rows = [_row(d, dataset, manifest.as_of) for d in outgoing]
    report.baseline = sum(d.state == "baseline" for d in decisions) if log is None else 0
    checked = [d.parcel for d in decisions if d.state != "sent"]
    report.problems += safety.build_refusals(manifest, options.out_dir)
    stale = stale_build(manifest, options.out_dir, options.data_dir)
    report.problems += [stale] if stale is not None else []
    report.problems += safety.parcel_refusals(checked, dataset, options.out_dir)
    sender, problem = _sender(dataset)
    if problem is not None and outgoing:
        report.problems.append(problem)
    if has_errors(report.problems) or sender is None:
        return report
    try:
        composed = _compose(outgoing, dataset, manifest, options, sender)
    except messages.MessageError as exc:  # a template the user gave cannot be used
        report.problems.append(exc.problem)
        return report
    if options.smtp is None:
        report.written, problems = write_outbox(options.outbox, [
            (parcel_eml_name(n, d.parcel), m) for n, (d, m) in enumerate(composed, start=1)])
        report.problems += problems
        return report
    baseline = [d for d in every if d.state == "baseline"] if log is None else []
    _send(options, options.smtp, log is None, baseline, composed, report)
    return report


def _compose(outgoing: list[Decision], dataset: Dataset, manifest: Manifest,
             options: SendOptions, sender: Mailbox) -> list[tuple[Decision, EmailMessage]]:
    env = messages.environment(options.templates)
    today = options.today or date.today()
    now = datetime.now(UTC)
    result = []
    for d in outgoing:
        content = regular_bytes(options.out_dir / d.parcel.document.path) or b""
        record = record_of(dataset, d.parcel.provider, d.parcel.period)
        reply_to = lead_of(record, dataset.programme.distribution)
        form = options.forms(d.parcel.provider, d.parcel.period) if options.forms and \
            d.parcel.audience == "provider" and d.parcel.provider and d.parcel.period else None
        msg = messages.compose(d, dataset, env=env, sender=sender, reply_to=reply_to,
                               attachment=content, today=today, as_of=manifest.as_of, when=now,
                               form=form)
        attach_evidence(msg, d.parcel, manifest, options.out_dir)
        result.append((d, msg))
    return result


def _send(options: SendOptions, smtp: SmtpSettings, first: bool, baseline: list[Decision],
          composed: list[tuple[Decision, EmailMessage]], report: SendReport) -> None:
    """Record the first send's baseline (every provider's older periods, however
    the send is narrowed), then send each message and log it at once."""
    log_path = options.log or default_log(options.data_dir)
    try:
        sentlog.append(log_path, [sentlog.entry_for(d.parcel, message_id=None, revised=False,
                                                    baseline=True) for d in baseline])
        if first and not log_path.exists():
            log_path.touch()  # the log's existence marks that the first send happened
    except OSError as exc:
        report.problems.append(Problem(Location(str(log_path)), "the sent log cannot be "
                                       f"written: {exc.strerror or exc}; nothing was sent"))
        return
    by_id = {str(m["Message-ID"]): d for d, m in composed}
    delivery = deliver(smtp, [m for _, m in composed], recorder(log_path, by_id))
    report.sent, report.stopped = delivery.sent, delivery.stopped
    report.faults = describe(delivery, by_id, log_path)


def run_reminders(options: SendOptions, as_of: date) -> SendReport:
    """E-mail each lead what is due for them (a dry run unless ``options.smtp``)."""
    from scorecard.delivery.reminders import reminders
    from scorecard.figures.compute import compute
    from scorecard.figures.due import due_items

    report = SendReport()
    dataset, problems = load(options.data_dir)
    report.problems += problems
    if dataset is None:
        return report
    sender, problem = _sender(dataset)
    if sender is None:
        report.problems.append(problem or Problem(Location(str(options.data_dir)), "no sender"))
        return report
    try:
        found, problems = reminders(dataset, due_items(compute(dataset, as_of)),
                                    env=messages.environment(options.templates),
                                    sender=sender, as_of=as_of)
    except messages.MessageError as exc:
        report.problems.append(exc.problem)
        return report
    report.problems += problems
    if has_errors(report.problems):
        return report
    report.rows = [Row("reminder", r.to.address, "team", "-", "-",
                       f"{len(r.items)} item{'s' if len(r.items) != 1 else ''} due")
                   for r in found]
    if options.smtp is None:
        report.written, problems = write_outbox(options.outbox, [
            (eml_name(n, "reminder", r.to.address.split("@")[0]), r.message)
            for n, r in enumerate(found, start=1)])
        report.problems += problems
        return report
    delivery = deliver(options.smtp, [r.message for r in found], lambda _msg, _ok: None)
    report.sent, report.stopped = delivery.sent, delivery.stopped
    report.faults = describe(delivery, {}, None)
    return report
