"""``scorecard send``: e-mail each party its documents from a finished build.

A dry run by default (``.eml`` files in the outbox); ``--smtp HOST:PORT`` sends.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import click

from scorecard.cli.common import DAY, EXIT_DATA, EXIT_OK, EXIT_USAGE, data_option, echo_problems


def _smtp(ctx: click.Context, param: click.Parameter, value: str | None
          ) -> tuple[str, int] | None:
    if value is None:
        return None
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(f"{value!r} is not HOST:PORT, e.g. smtp.example.com:587.")
    return host.strip("[]"), int(port)


@click.command("send")
@data_option
@click.option("--out", "out_dir", default="reports", show_default=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="The finished build to send from (its manifest.json).")
@click.option("--outbox", default="outbox", show_default=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="Where a dry run writes its .eml files.")
@click.option("--log", "log", default=None, metavar="FILE", type=click.Path(path_type=Path),
              help="The sent log. Default: sent.jsonl beside the data folder.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="A folder whose email/ templates are tried before ours.")
@click.option("--smtp", "smtp", default=None, metavar="HOST:PORT", callback=_smtp,
              help="Send through this SMTP server (without it: a dry run).")
@click.option("--starttls", is_flag=True, help="Upgrade the SMTP connection with STARTTLS.")
@click.option("--ssl", "use_ssl", is_flag=True, help="Connect to the SMTP server over TLS.")
@click.option("--pause", type=click.FloatRange(min=0), default=1.0, show_default=True,
              metavar="SECONDS", help="Wait this long between messages (rate limit).")
@click.option("--status", is_flag=True, help="List what is sent, unsent and revised.")
@click.option("--reminders", is_flag=True, help="E-mail each lead what is due for them.")
@click.option("--as-of", "as_of", type=DAY, default=None, metavar="DAY",
              help="For --reminders: the day to look from. Default: today.")
@click.option("--all", "send_all", is_flag=True,
              help="On a first send, send older periods too (not only the latest).")
@click.option("--forms", is_flag=True,
              help="Attach to each provider scorecard the provider's fillable form.")
@click.option("--provider", "providers", multiple=True, metavar="ID",
              help="Only this provider's documents (repeatable).")
@click.option("--period", "periods", multiple=True, metavar="PERIOD",
              help="Only this period's documents, e.g. 2026-Q3 (repeatable).")
@click.option("--audience", "audiences", multiple=True,
              type=click.Choice(["provider", "team", "portfolio"]),
              help="Only documents for this audience (repeatable).")
def command(data_dir: str, out_dir: Path, outbox: Path, log: Path | None,
            templates: Path | None, smtp: tuple[str, int] | None, starttls: bool,
            use_ssl: bool, pause: float, status: bool, reminders: bool, as_of: date | None,
            send_all: bool, forms: bool, providers: tuple[str, ...], periods: tuple[str, ...],
            audiences: tuple[str, ...]) -> None:
    """E-mail each party its documents from a finished build.

    A provider's contacts get its provider scorecard, the lead and evaluators
    the team scorecard, executives the portfolio; only what is new since the
    last send. A dry run unless --smtp is given. SMTP user and password come
    only from SCORECARD_SMTP_USER and SCORECARD_SMTP_PASSWORD, and are only
    sent with --starttls or --ssl. A recipient the server refuses or defers
    is named and the rest go on; exit 1 when anything did not arrive.
    """
    from scorecard.delivery.send import SendOptions, run, run_reminders
    from scorecard.delivery.smtp import Security, plain_login_refusal, settings_from_env

    if starttls and use_ssl:
        click.echo("Error: use --starttls or --ssl, not both.", err=True)
        raise SystemExit(EXIT_USAGE)
    settings = None
    if smtp is not None:
        security: Security = "ssl" if use_ssl else "starttls" if starttls else "plain"
        settings = settings_from_env(smtp[0], smtp[1], security, pause)
        refusal = plain_login_refusal(settings)
        if refusal is not None:
            click.echo(f"Error: {refusal}. Nothing was sent.", err=True)
            raise SystemExit(EXIT_DATA)
    options = SendOptions(Path(data_dir), out_dir, outbox, log, templates, settings,
                          providers, periods, audiences, send_all, status)
    if forms:
        from scorecard.cli.sendforms import provider_forms

        options = replace(options, forms=provider_forms(Path(data_dir)))
    report = run_reminders(options, as_of or date.today()) if reminders else run(options)
    _finish(report, options, reminders)


def _finish(report: Any, options: Any, reminders: bool) -> None:
    errors = [p for p in report.problems if p.severity == "error"]
    echo_problems(report.problems)
    if errors:
        click.echo(f"Nothing was sent: {len(errors)} problem(s) above.", err=True)
        raise SystemExit(EXIT_DATA)
    _table(report.rows)
    if options.status:
        raise SystemExit(EXIT_OK)
    if report.baseline:
        click.echo(f"{report.baseline} older document(s) are the first send's baseline: "
                   "recorded as known, not sent (--all sends them).")
    what = "reminder" if reminders else "message"
    if options.smtp is None:
        click.echo(f"Dry run: {len(report.written)} {what}(s) written to {options.outbox}/. "
                   "Nothing was sent; add --smtp HOST:PORT to send.")
        raise SystemExit(EXIT_OK)
    click.echo(f"Sent {report.sent} of {len(report.rows)} {what}(s) through "
               f"{options.smtp.where()}.")
    _faults(report, reminders)
    raise SystemExit(EXIT_OK if report.ok else EXIT_DATA)


def _faults(report: Any, reminders: bool) -> None:
    """One line for each message that did not arrive, and one for a run that stopped."""
    logged = "" if reminders else " (not in the sent log)"
    for line in report.faults.refused:
        click.echo(f"Refused by the server{logged}, fix the address and run send again: "
                   f"{line}", err=True)
    for line in report.faults.deferred:
        click.echo(f"Deferred by the server{logged}, the next run tries again: {line}",
                   err=True)
    if report.faults.unknown:
        click.echo(f"Fate unknown: {report.faults.unknown}.", err=True)
    if report.stopped and "but not logged" in report.stopped:  # ends with the line to add
        click.echo(f"Sending stopped: {report.stopped}", err=True)
    elif report.stopped:
        rest = "run the same command again to send the rest" if reminders else (
            "every message the server accepted is in the sent log; run the same command "
            "again to send what is missing")
        click.echo(f"Sending stopped: {report.stopped}. {rest[0].upper()}{rest[1:]}.",
                   err=True)


def _table(rows: list[Any]) -> None:
    if not rows:
        click.echo("Nothing new to send.")
        return
    head = ("state", "to", "audience", "provider", "period", "attachment")
    cells = [head, *((r.state, r.to, r.audience, r.provider, r.period, r.attachment)
                     for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head) - 1)]
    for c in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=False)) + "  " + c[-1])
