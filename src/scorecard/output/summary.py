"""A short Markdown summary of a build, for a CI job's page.

``scorecard build --summary FILE`` writes it (on GitHub Actions, FILE is
``$GITHUB_STEP_SUMMARY``). It is INTERNAL: CI logs and job pages are seen by
our team only, so it names every provider and mentions contract deadlines.
Never send it to a provider.
"""

from __future__ import annotations

from scorecard.data.model import display_name
from scorecard.data.periods import Period
from scorecard.figures.change import shown_trend
from scorecard.figures.results import Evaluation, Portfolio, ProviderResult
from scorecard.figures.rounding import display
from scorecard.words.numbers import day_words as day

__all__ = ["markdown_summary", "markdown_text"]

# A change under this many points reads as "about the same" (scoring.md).
SAME = 1.0

def markdown_summary(portfolio: Portfolio) -> str:
    """The summary as Markdown: who improved, who fell, what is overdue,
    which contract decisions are due, and a table of every provider."""
    out = [
        f"## {_escape(portfolio.programme.title)}: as of {day(portfolio.as_of)}",
        "",
        "Internal: for our team only.",
        "",
        *_section("Improved", _moved(portfolio, up=True),
                  "No provider improved by a point or more."),
        *_section("Fell", _moved(portfolio, up=False), "No provider fell by a point or more."),
        *_section("Overdue", _overdue(portfolio), "Nothing is overdue."),
        *_section("Contract decisions", _contracts(portfolio), "No contract decision is due."),
        *_table(portfolio),
    ]
    return "\n".join(out).rstrip("\n") + "\n"


def _section(title: str, items: list[str], empty: str) -> list[str]:
    body = [f"- {item}" for item in items] if items else [empty]
    return [f"### {title}", "", *body, ""]


def _moved(portfolio: Portfolio, *, up: bool) -> list[str]:
    rows: list[tuple[float, str, str]] = []
    for p in portfolio.providers:
        latest = p.latest
        shown = shown_trend(latest) if latest is not None else None
        if latest is None or shown is None or latest.overall is None:
            continue
        if (shown >= SAME) if up else (shown <= -SAME):
            text = (
                f"{_name(p)}: {change(shown)} to {display(latest.overall)}"
                f" in {latest.period.label}."
            )
            rows.append((-abs(shown), p.provider.id, text))
    return [text for _, _, text in sorted(rows)]


def _overdue(portfolio: Portfolio) -> list[str]:
    grace = portfolio.programme.grace_days
    items = []
    for p in portfolio.providers:
        for period in p.schedule.overdue:
            items.append(f"{_name(p)}: the evaluation of {_period(period)}"
                         f" was due on {day(period.due(grace))}.")
        for action in p.actions.overdue:
            due = f" was due on {day(action.due)}" if action.due else " is overdue"
            items.append(f"{_name(p)}: action {action.id}, \u201c{_escape(action.title)}\u201d,"
                         f"{due}.")
    return items


def _contracts(portfolio: Portfolio) -> list[str]:
    items = []
    for p in portfolio.providers:
        c = p.contract
        if c is None or c.notice_deadline is None:
            continue
        deadline = day(c.notice_deadline)
        renew = " It renews by itself unless notice is given." if c.auto_renew else ""
        if c.decision_due:
            days = c.days_to_deadline
            as_of = day(portfolio.as_of)
            when = (f" ({_days(days)} after {as_of}, the as-of day)" if days
                    else f" ({as_of}, the as-of day)")
            items.append(f"{_name(p)}: decide by {deadline}{when}.{renew}")
        elif c.deadline_passed:
            items.append(f"{_name(p)}: the notice deadline passed on {deadline}.")
    return items


def _table(portfolio: Portfolio) -> list[str]:
    if not portfolio.providers:
        return ["There are no providers yet."]
    rows = [
        "| Provider | Latest period | Score | Band | Change |",
        "| --- | --- | --- | --- | --- |",
    ]
    for p in portfolio.providers:
        rows.append("| " + " | ".join([_name(p), *_cells(p.latest)]) + " |")
    return rows


def _cells(e: Evaluation | None) -> list[str]:
    if e is None:
        return ["none yet", "", "", ""]
    score = str(display(e.overall)) if e.overall is not None else "not scored"
    band = e.band.name if e.band is not None else "too little scored to judge"
    shown = shown_trend(e)
    trend = change(shown) if shown is not None else "first evaluation"
    return [e.period.label, score, _escape(band), trend]


def change(trend: float) -> str:
    """A trend in words: "about the same", "up 5 points", "down 1 point". The summary
    passes the change worked from the printed scores (``figures.change.shown_trend``)."""
    if abs(trend) < SAME:
        return "about the same"
    n = abs(display(trend))
    points = "point" if n == 1 else "points"
    return f"{'up' if trend > 0 else 'down'} {n} {points}"


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _period(period: Period) -> str:
    return f"{period.describe()} ({period.label})"


def _name(p: ProviderResult) -> str:
    return _escape(display_name(p.provider))


def markdown_text(text: str) -> str:
    """Text from the data that Markdown shows as written (``scorecard due --format
    markdown`` uses it too)."""
    return _escape(text)


def _escape(text: str) -> str:
    """Text that Markdown shows as written, on one line and inside a table cell."""
    text = " ".join(text.split())
    for ch in "\\`*_[]<>|#!":
        text = text.replace(ch, "\\" + ch)
    return text
