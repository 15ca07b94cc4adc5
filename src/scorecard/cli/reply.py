"""``scorecard reply PROVIDER PERIOD FILE``: a provider's answer into its record."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click

from scorecard.cli.common import EXIT_DATA, EXIT_OK, data_option, echo_problems

MAX_REPLY_BYTES = 10 * 1024 * 1024  # a reply is words: a larger file is not one


def _fail(message: str) -> NoReturn:
    click.echo(f"Error: {message}.", err=True)
    raise SystemExit(EXIT_DATA)


def _record(dataset: Any, data_dir: str, provider: str, period: str) -> tuple[Path, str]:
    """The record file of one of the provider's own periods (never a path built from
    what was typed), and the period's label."""
    found = dataset.providers.get(provider)
    if found is None:
        known = ", ".join(sorted(dataset.providers)) or "none"
        _fail(f"there is no provider '{provider[:80]}' (providers: {known})")
    labels = [r.period.label for r in dataset.records.get(provider, ())]
    if period not in labels:
        shown = ", ".join(sorted(labels)) or "none"
        _fail(f"{found.name} has no record for '{period[:80]}' (its periods: {shown})")
    label = labels[labels.index(period)]
    return Path(data_dir) / "records" / found.id / f"{label}.yaml", label


def _read(file: str) -> bytes:
    try:
        if file == "-":
            data = sys.stdin.buffer.read(MAX_REPLY_BYTES + 1)
        else:
            with Path(file).open("rb") as f:
                data = f.read(MAX_REPLY_BYTES + 1)
    except OSError as exc:
        _fail(f"cannot read {file}: {exc.strerror or exc}")
    if len(data) > MAX_REPLY_BYTES:
        _fail(f"{file} is larger than {MAX_REPLY_BYTES // 1024 // 1024} MB; a reply is words")
    return data


@click.command("reply")
@data_option
@click.argument("provider")
@click.argument("period")
@click.argument("file", metavar="FILE")
def command(data_dir: str, provider: str, period: str, file: str) -> None:
    """Write a provider's answer into that record's provider_response.

    FILE is the reply as it came: a saved .eml from one of the provider's
    contacts, or plain text; - reads standard input. Nothing else in the
    record changes, and nothing is written that validate would refuse;
    review it with git diff and commit it.
    """
    from scorecard.data.load import load
    from scorecard.delivery.reply import ReplyError, prepared, read_reply, replace_file
    from scorecard.delivery.reply_check import problems_with

    dataset, problems = load(data_dir)
    if dataset is None:
        echo_problems(problems)
        raise SystemExit(EXIT_DATA)
    record, label = _record(dataset, data_dir, provider, period)
    data = _read(file)
    try:
        words = read_reply(data, file, dataset.providers[provider])
        content, replaced = prepared(record, words.text)
        refused = problems_with(Path(data_dir), ("records", provider, f"{label}.yaml"),
                                content)
        if refused:
            echo_problems(refused)
            _fail("the reply was not written: validate would refuse the record with it "
                  "(above); correct the words and give them as a text file")
        replace_file(record, content)
    except ReplyError as exc:
        _fail(str(exc))
    _done(record, words, replaced)


def _done(record: Path, words: Any, replaced: bool) -> None:
    lines = words.text.count("\n")
    source = f" from {words.sender}" if words.sender else ""
    verb = "Replaced the earlier reply in" if replaced else "Wrote the reply into"
    click.echo(f"{verb} provider_response of {record}{source} ({lines} line(s)). "
               f"Review it (git diff {record}) and commit it.")
    if words.left_out:
        click.echo(f"Left out of the e-mail: {'; '.join(words.left_out)}.")
    raise SystemExit(EXIT_OK)
