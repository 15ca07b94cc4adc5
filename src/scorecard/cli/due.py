"""``scorecard due``: what is overdue or coming up as of a day."""

from __future__ import annotations

import shutil
from datetime import date
from typing import Any

import click

from scorecard.cli.common import (
    DAY,
    EXIT_DATA,
    EXIT_OK,
    data_options,
    echo_problems,
    failure_code,
)
from scorecard.data.problems import json_text, one_line, safe_lines


@click.command("due")
@data_options
@click.option("--as-of", "as_of", type=DAY, default=None, metavar="DAY",
              help="The day to look from (YYYY-MM-DD). Default: today.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True,
              help="text: grouped by urgency, for people; json: for machines; markdown: for "
              "a CI job's page, every text from the data escaped (text written into "
              "$GITHUB_STEP_SUMMARY is Markdown too).")
@click.option("--strict", is_flag=True,
              help="Exit with 1 when anything is overdue (for CI and reminders).")
def command(data_dir: str, ref: str | None, as_of: date | None, fmt: str, strict: bool) -> None:
    """What is overdue or coming up: evaluations, actions, contracts, exit plans.

    Groups: Overdue; Due within 30 days; Coming up (within 120 days); For
    information (notice deadlines passed, exit plans missing or stale).
    """
    # Imported here so that --help stays instant.
    from scorecard.data.load import load
    from scorecard.figures.compute import compute
    from scorecard.figures.due import due_items, has_overdue

    dataset, problems = load(data_dir, ref=ref)
    if dataset is None:
        echo_problems(problems, "json" if fmt == "json" else "text")
        raise SystemExit(failure_code(problems))
    if problems:  # warnings only: to standard error, never into the JSON
        echo_problems(problems, "text")
    day = as_of or date.today()
    items = due_items(compute(dataset, day))
    if fmt == "text" and _into_step_summary():
        fmt = "markdown"  # `scorecard due >> "$GITHUB_STEP_SUMMARY"`: a Markdown page
    if fmt == "json":
        click.echo(_as_json(day, items))
    elif fmt == "markdown":
        _echo_markdown(day, items)
    else:
        _echo_text(day, items)
    raise SystemExit(EXIT_DATA if strict and has_overdue(items) else EXIT_OK)


def _into_step_summary() -> bool:
    """Whether standard output is the file ``$GITHUB_STEP_SUMMARY`` names (GitHub
    renders it as Markdown, so the text output would render a title's HTML)."""
    import os
    import sys

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return False
    try:
        out, named = os.fstat(sys.stdout.fileno()), os.stat(summary)
    except (OSError, ValueError, AttributeError):  # no real stdout (a test runner)
        return False
    return (out.st_dev, out.st_ino) == (named.st_dev, named.st_ino)


def _as_json(day: date, items: Any) -> str:
    from scorecard.figures.due import GROUP_TITLES, DueItem, has_overdue
    from scorecard.words.due import due_sentence

    def item(i: DueItem) -> dict[str, Any]:
        return {
            "group": i.urgency,
            "group_title": GROUP_TITLES[i.urgency],
            "kind": i.kind,
            "provider": i.provider.id,
            "provider_name": i.provider.name,
            "day": i.day.isoformat() if i.day else None,
            "days": i.days,
            "owner": i.owner,
            "period": i.period.label if i.period else None,
            "action": i.action.id if i.action else None,
            "auto_renew": i.provider.contract.auto_renew
            if i.kind == "contract-decision" and i.provider.contract is not None else None,
            "text": due_sentence(i),
        }

    data = {"as_of": day.isoformat(), "overdue": has_overdue(items),
            "items": [item(i) for i in items]}
    return json_text(data)


def _echo_text(day: date, items: Any) -> None:
    from scorecard.figures.due import GROUP_TITLES, URGENCIES
    from scorecard.words.due import due_sentence
    from scorecard.words.numbers import day_words

    width = min(max(shutil.get_terminal_size((100, 24)).columns, 60), 120)
    click.echo(f"As of {day_words(day)}:")
    if not items:
        click.echo("Nothing is overdue or coming up.")
        return
    counts = []
    for urgency in URGENCIES:
        group = [i for i in items if i.urgency == urgency]
        if not group:
            continue
        title = GROUP_TITLES[urgency]
        counts.append(f"{len(group)} {title[0].lower() + title[1:]}"
                      if urgency != "overdue" else f"{len(group)} overdue")
        click.echo("")
        click.echo(click.style(f"{title} ({len(group)})", bold=True))
        for i in group:
            when = i.day.isoformat() if i.day else "-"
            # the sentence quotes data (names, titles): escaped, and no wrapped line
            # may start a workflow command in a CI log
            click.echo(safe_lines(click.wrap_text(
                one_line(due_sentence(i)), width=width,
                initial_indent=f"  {when:<10}  ", subsequent_indent=" " * 14,
            )))
    click.echo("")
    click.echo(", ".join(counts) + ".")


def _echo_markdown(day: date, items: Any) -> None:
    """The groups as Markdown, each sentence escaped as ``build --summary`` escapes
    (a title's HTML or link shows as written, never as HTML or a link)."""
    from scorecard.figures.due import GROUP_TITLES, URGENCIES
    from scorecard.output.summary import markdown_text
    from scorecard.words.due import due_sentence
    from scorecard.words.numbers import day_words

    click.echo(f"### What is due, as of {day_words(day)}")
    click.echo("")
    if not items:
        click.echo("Nothing is overdue or coming up.")
        return
    for urgency in URGENCIES:
        group = [i for i in items if i.urgency == urgency]
        if not group:
            continue
        click.echo(f"**{GROUP_TITLES[urgency]} ({len(group)})**")
        click.echo("")
        for i in group:
            when = i.day.isoformat() if i.day else "no day"
            click.echo(f"- {when}: {markdown_text(due_sentence(i))}")
        click.echo("")
