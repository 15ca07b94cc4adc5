"""``scorecard reply PROVIDER PERIOD FILE``: a provider's answer into its record."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from scorecard.cli.common import EXIT_DATA, EXIT_OK, data_option, echo_problems


@click.command("reply")
@data_option
@click.argument("provider")
@click.argument("period")
@click.argument("file", metavar="FILE")
def command(data_dir: str, provider: str, period: str, file: str) -> None:
    """Write a provider's answer into that record's provider_response.

    FILE is the reply as it came: a saved .eml from one of the provider's
    contacts, or plain text; - reads standard input. Nothing else in the
    record changes; review it with git diff and commit it.
    """
    from scorecard.data.load import load
    from scorecard.delivery.reply import ReplyError, read_reply, write_response

    dataset, problems = load(data_dir)
    if dataset is None:
        echo_problems(problems)
        raise SystemExit(EXIT_DATA)
    found = dataset.providers.get(provider)
    record = Path(data_dir) / "records" / provider / f"{period}.yaml"
    if found is None or not record.is_file():
        what = f"no provider '{provider}'" if found is None else f"no record {record}"
        click.echo(f"Error: there is {what}.", err=True)
        raise SystemExit(EXIT_DATA)
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as exc:
        click.echo(f"Error: cannot read {file}: {exc.strerror}.", err=True)
        raise SystemExit(EXIT_DATA) from None
    try:
        words = read_reply(data, file, found)
        replaced = write_response(record, words.text)
    except ReplyError as exc:
        click.echo(f"Error: {exc}.", err=True)
        raise SystemExit(EXIT_DATA) from None
    lines = words.text.count("\n")
    source = f" from {words.sender}" if words.sender else ""
    verb = "Replaced the earlier reply in" if replaced else "Wrote the reply into"
    click.echo(f"{verb} provider_response of {record}{source} ({lines} line(s)). "
               f"Review it (git diff {record}) and commit it.")
    raise SystemExit(EXIT_OK)
