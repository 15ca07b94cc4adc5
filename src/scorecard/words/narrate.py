"""Computed figures in plain words: short sentences, one idea each.

Every function returns plain strings (no HTML, no Markdown; templates escape
them). Scores are shown as whole numbers (``scorecard.figures.rounding.display``);
measured values as written in the data, with their unit ("42 minutes",
"99.95%"); days as "30 September 2026", whatever the locale.

Voice: a document for the provider speaks to it ("You met 7 of your 9 service
targets.") and calls the organisation "we"; an internal document names the
provider ("Acme met 7 of its 9 service targets."). Functions that differ by
audience take ``internal``; provider-facing text never mentions evaluators,
other providers, ranks, the contract or the exit plan. Functions without an
``internal`` parameter whose names say so (contract, exit plan, rank,
schedule, due, attention, portfolio) are for internal documents only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from scorecard.data.model import Action, Programme, Provider, Scale, display_name
from scorecard.data.periods import Period
from scorecard.data.provenance import Amendment
from scorecard.figures.actions import is_open_on
from scorecard.figures.contract import falling
from scorecard.figures.due import DueItem, Urgency, due_items
from scorecard.figures.results import (
    ActionSummary,
    CategoryResult,
    CriterionResult,
    Evaluation,
    Portfolio,
    ProviderResult,
)
from scorecard.figures.rounding import display, round_half_away
from scorecard.figures.scoring import bands_of, lowest_band

__all__ = [
    "AttentionItem",
    "action_sentence",
    "actions_summary",
    "attention",
    "category_sentence",
    "contract_sentences",
    "count_word",
    "criterion_sentences",
    "day_words",
    "due_sentence",
    "exit_plan_sentences",
    "gap_text",
    "headline",
    "join_words",
    "missed_targets",
    "no_evaluation",
    "not_scored",
    "number_text",
    "portfolio_summary",
    "rank_sentences",
    "revised",
    "schedule_sentences",
    "scope_sentences",
    "targets_summary",
    "value_text",
]

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
_COUNT_WORDS = (
    "No", "One", "Two", "Three", "Four", "Five", "Six",
    "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve",
)
# Units of time: missing a lower-is-better target by some of them is "slower".
_TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "h",
    "day", "days", "week", "weeks", "working days", "business days", "ms", "milliseconds",
})
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


# --- words for numbers, days and lists ---------------------------------------


def day_words(day: date) -> str:
    """A day in words: ``30 September 2026`` (no leading zero, no locale)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def join_words(items: Sequence[str]) -> str:
    """``a``; ``a and b``; ``a, b and c``."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def count_word(n: int) -> str:
    """A count that starts a sentence: "One" to "Twelve", else digits ("No" for 0)."""
    return _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)


def _plural(n: int, singular: str, plural: str | None = None) -> str:
    return singular if n == 1 else (plural or singular + "s")


def _counted(n: int, singular: str, plural: str | None = None) -> str:
    """``1 day``, ``2 days``."""
    return f"{n} {_plural(n, singular, plural)}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"


def number_text(x: float) -> str:
    """A number as written in the data: ``42``, ``99.95`` (no trailing ``.0``)."""
    if math.isfinite(x) and x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return repr(float(x))


def _decimals(x: float) -> int:
    text = number_text(x)
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def value_text(value: float, unit: str) -> str:
    """A measured value with its unit: ``99.95%``, ``42 minutes``, ``1 minute``."""
    number = number_text(value)
    if unit == "%":
        return f"{number}%"
    if not unit:
        return number
    if value == 1 and unit.endswith("s") and len(unit) > 2 and unit not in ("ms",):
        unit = unit[:-1]
    return f"{number} {unit}"


def gap_text(value: float, target: float, unit: str) -> str:
    """How far ``value`` is from ``target``, in the unit people use.

    The gap is rounded to the decimals written in the data (99.9 - 99.2 is 0.7,
    not 0.7000000000000028); a gap in ``%`` is in percentage points.
    """
    digits = max(_decimals(value), _decimals(target))
    gap = round_half_away(abs(value - target), digits)
    if unit == "%":
        return f"{number_text(gap)} {_plural(1 if gap == 1 else 2, 'point')}"
    return value_text(gap, unit)


def _is_time(unit: str) -> bool:
    return unit.strip().lower() in _TIME_UNITS


# --- voice --------------------------------------------------------------------


@dataclass(frozen=True)
class _Voice:
    subject: str  # "You" / "Acme"
    possessive: str  # "your" / "its"
    obj: str  # "you" / "Acme"


def _voice(provider: Provider, internal: bool) -> _Voice:
    if internal:
        name = display_name(provider)
        return _Voice(name, "its", name)
    return _Voice("You", "your", "you")


# --- the headline ---------------------------------------------------------------


def _when(period: Period, previous: Period) -> str:
    """"last quarter", or the earlier period in words when it was not the one before."""
    if previous == period.previous():
        return f"last {period.noun}"
    return previous.describe()


def _trend_clause(ev: Evaluation) -> str:
    if ev.trend is None or ev.previous is None:
        return ""
    when = _when(ev.period, ev.previous)
    if abs(ev.trend) < 1:
        return f", about the same as {when}"
    points = display(abs(ev.trend))
    direction = "up" if ev.trend > 0 else "down"
    return f", {direction} {_counted(points, 'point')} from {when}"


def headline(ev: Evaluation, provider: Provider, *, internal: bool) -> list[str]:
    """The overall score, its trend and its band, for one evaluation.

    "Acme scored 72 out of 100 this quarter, up 5 points from last quarter."
    "That is Adequate."
    """
    voice = _voice(provider, internal)
    noun = ev.period.noun
    if ev.overall is None:
        if internal:
            return [f"Nothing was scored for {voice.obj} this {noun}."]
        return [f"Nothing was scored this {noun}."]
    sentences = [
        f"{voice.subject} scored {display(ev.overall)} out of 100 this {noun}"
        f"{_trend_clause(ev)}."
    ]
    if ev.band is not None:
        sentences.append(f"That is {ev.band.name}.")
    else:
        sentences.append(f"Too little was scored this {noun} to give a rating.")
    return sentences


def no_evaluation(provider: Provider, *, internal: bool) -> list[str]:
    """For a provider with no evaluation yet."""
    voice = _voice(provider, internal)
    verb = "has" if internal else "have"
    return [f"{voice.subject} {verb} not been evaluated yet."]


def revised(amendments: Sequence[Amendment]) -> list[str]:
    """"This evaluation was revised on 12 October 2026." (the last change)."""
    if not amendments:
        return []
    last = max(a.day for a in amendments)
    return [f"This evaluation was revised on {day_words(last)}."]


# --- targets and criteria ---------------------------------------------------------


def targets_summary(ev: Evaluation, provider: Provider, *, internal: bool) -> list[str]:
    """"Acme met 7 of its 9 service targets." (nothing when none is set)."""
    voice = _voice(provider, internal)
    has_targets = any(c.criterion.measured for c in ev.criteria())
    met, measured = ev.targets_met, ev.targets_measured
    if not has_targets:
        return []
    if measured == 0:
        return [f"No service targets were measured this {ev.period.noun}."]
    if measured == 1:
        verdict = "met" if met else "missed"
        return [f"{voice.subject} {verdict} {voice.possessive} one service target."]
    if met == measured:
        return [f"{voice.subject} met all {measured} of {voice.possessive} service targets."]
    if met == 0:
        return [f"{voice.subject} met none of {voice.possessive} {measured} service targets."]
    return [f"{voice.subject} met {met} of {voice.possessive} {measured} service targets."]


def _measured_sentences(cr: CriterionResult) -> list[str]:
    measure = cr.criterion.measure
    assert measure is not None and cr.value is not None
    name, unit = cr.criterion.name, measure.unit
    # The unit is said once, with the value ("42 minutes against a target of 30"),
    # except for percentages, which are always written with their sign.
    target = value_text(measure.target, unit) if unit == "%" else number_text(measure.target)
    sentences = [f"{name}: {value_text(cr.value, unit)} against a target of {target}."]
    if cr.met:
        sentences.append("The target was met.")
        return sentences
    gap = gap_text(cr.value, measure.target, unit)
    if measure.better == "lower":
        if _is_time(unit):
            sentences.append(f"That is {gap} slower than agreed.")
        else:
            sentences.append(f"That is {gap} more than agreed.")
    else:
        sentences.append(f"That is {gap} short of the target.")
    return sentences


def _rating_text(x: float) -> str:
    return number_text(x) if x == int(x) else f"{round_half_away(x, 1):.1f}"


def _out_of(scale: Scale) -> str:
    if scale.min == 1:
        return f"out of {scale.max}"
    return f"on a scale from {scale.min} to {scale.max}"


def _rated_sentences(cr: CriterionResult, scale: Scale, *, internal: bool) -> list[str]:
    assert cr.mean_rating is not None
    name, mean = cr.criterion.name, cr.mean_rating
    several = cr.ratings is not None and len(cr.ratings) > 1
    on_average = " on average" if several else ""
    sentences = [f"{name}: rated {_rating_text(mean)} {_out_of(scale)}{on_average}."]
    if mean == int(mean):
        label = scale.label(int(mean))
        if label:
            sentences.append(f"That means “{label}”.")
    else:
        low, high = scale.label(math.floor(mean)), scale.label(math.ceil(mean))
        if low and high:
            sentences.append(f"That is between “{low}” and “{high}”.")
    if internal and cr.ratings and several:
        names = list(cr.ratings)
        values = [str(cr.ratings[n]) for n in names]
        if cr.disagreement:
            sentences.append(f"{join_words(names)} disagree: ratings {join_words(values)}.")
        else:
            sentences.append(
                join_words([f"{n} gave {cr.ratings[n]}" for n in names]) + "."
            )
    return sentences


def criterion_sentences(
    cr: CriterionResult, scale: Scale, period: Period, *, internal: bool
) -> list[str]:
    """One criterion's result: the value against its target and the gap, or the
    mean rating and its label (internal: each evaluator's rating, disagreement)."""
    if not cr.scored:
        return [f"{cr.criterion.name}: not scored this {period.noun}."]
    if cr.criterion.measured:
        return _measured_sentences(cr)
    return _rated_sentences(cr, scale, internal=internal)


def missed_targets(ev: Evaluation) -> list[str]:
    """The sentences of every measured criterion whose target was missed."""
    return [
        s
        for cr in ev.criteria()
        if cr.criterion.measured and cr.scored and cr.met is False
        for s in _measured_sentences(cr)
    ]


def category_sentence(cat: CategoryResult, period: Period) -> str:
    """"Service delivery scored 80 out of 100." (or not scored)."""
    if cat.score is None:
        return f"{cat.category.name} was not scored this {period.noun}."
    return f"{cat.category.name} scored {display(cat.score)} out of 100."


def not_scored(ev: Evaluation) -> list[str]:
    """Which criteria were not scored, and how much of the programme the score rests on.

    Nothing when every criterion was scored, or when nothing was (the headline
    says so).
    """
    names = [c.criterion.name for c in ev.criteria() if not c.scored]
    if not names or ev.overall is None:
        return []
    noun = ev.period.noun
    if len(names) == 1:
        sentences = [
            f"One criterion was not scored this {noun}: {names[0]}.",
            "The score leaves it out.",
        ]
    else:
        sentences = [
            f"{count_word(len(names))} criteria were not scored this {noun}: "
            f"{join_words(names)}.",
            "The score leaves them out.",
        ]
    percent = display(ev.coverage * 100)
    if percent >= 100:
        sentences.append("It covers almost all of the programme.")
    else:
        sentences.append(f"It covers {percent}% of the programme.")
    return sentences


# --- actions ------------------------------------------------------------------------


def actions_summary(summary: ActionSummary) -> list[str]:
    """Open and overdue problems, how long fixes took, and ideas."""
    sentences: list[str] = []
    n, late = summary.open_count, len(summary.overdue)
    if n == 0:
        sentences.append("There are no open problems.")
    else:
        sentences.append(f"There {'is' if n == 1 else 'are'} {_counted(n, 'open problem')}.")
    if late == 1:
        sentences.append("It is past its due day." if n == 1 else "One of them is overdue.")
    elif late > 1:
        if late == n:
            sentences.append(f"All {late} are past their due day.")
        else:
            sentences.append(f"{count_word(late)} of them are past their due day.")
    for action in summary.overdue:
        assert action.due is not None
        sentences.append(f"{action.title} was due on {day_words(action.due)}.")
    sentences += _resolve_sentences(summary)
    sentences += _idea_sentences(summary)
    return sentences


def _days_text(days: int) -> str:
    return "less than a day" if days == 0 else _counted(days, "day")


def _resolve_sentences(summary: ActionSummary) -> list[str]:
    fixed = summary.days_to_resolve
    if not fixed or summary.median_days_to_resolve is None:
        return []
    if len(fixed) == 1:
        return [f"The one problem fixed so far took {_days_text(fixed[0])}."]
    median = display(summary.median_days_to_resolve)
    if median == 0:
        return ["Half of the problems fixed so far were fixed the day they were raised."]
    return [f"Half of the problems fixed so far took {_counted(median, 'day')} or less."]


def _idea_sentences(summary: ActionSummary) -> list[str]:
    proposed = len(summary.ideas_proposed)
    adopted = len(summary.ideas_adopted)
    declined = len(summary.ideas_declined)
    sentences: list[str] = []
    if proposed:
        verb = "is" if proposed == 1 else "are"
        sentences.append(
            f"{count_word(proposed)} {_plural(proposed, 'idea')} {verb} still under review."
        )
    if adopted and declined:
        sentences.append(
            f"We took up {_counted(adopted, 'idea')} and turned down {declined}."
        )
    elif adopted:
        sentences.append(f"We took up {_counted(adopted, 'idea')}.")
    elif declined:
        sentences.append(f"We turned down {_counted(declined, 'idea')}.")
    return sentences


def action_sentence(action: Action, as_of: date) -> str:
    """One action's state as of a day: open and due, late, fixed, taken up..."""
    title = action.title
    if is_open_on(action, as_of):
        if action.kind == "idea":
            return f"{title} is an idea under review."
        if action.due is None:
            return f"{title} is still open."
        if action.due < as_of:
            return f"{title} was due on {day_words(action.due)}. It is still open."
        return f"{title} is due by {day_words(action.due)}."
    closed = day_words(action.closed) if action.closed is not None else None
    when = f" on {closed}" if closed else ""
    words = {
        "done": "was fixed",
        "dropped": "was dropped",
        "adopted": "was taken up",
        "declined": "was turned down",
    }.get(action.status, "was closed")
    return f"{title} {words}{when}."


# --- scope ------------------------------------------------------------------------------


def scope_sentences(ev: Evaluation, provider: Provider, *, internal: bool) -> list[str]:
    """How many of the contracted services we used, and which we did not."""
    whom = display_name(provider) if internal else "you"
    noun = ev.period.noun
    scope = ev.scope
    if scope is None:
        if provider.services:
            return [f"We did not record which services we used this {noun}."]
        return []
    total = scope.contracted
    if total == 0:
        return []
    used = len(scope.used)
    if used == total:
        if total == 1:
            return [f"We used the one service we buy from {whom}."]
        return [f"We used all {total} services we buy from {whom}."]
    if used == 0:
        return [f"We used none of the {_counted(total, 'service')} we buy from {whom}."]
    return [
        f"We used {used} of the {total} services we buy from {whom}.",
        f"We did not use {join_words([s.name for s in scope.unused])}.",
    ]


# --- internal: schedule, contract, exit plan, rank -------------------------------------


def _lead(result: ProviderResult) -> str | None:
    if result.provider.lead:
        return result.provider.lead
    latest = result.latest
    return latest.record.lead if latest is not None else None


def schedule_sentences(result: ProviderResult, grace_days: int) -> list[str]:
    """INTERNAL. Overdue evaluations with their lead, late ones, and the next one due."""
    name = display_name(result.provider)
    schedule = result.schedule
    sentences: list[str] = []
    for period in schedule.overdue:
        sentences.append(
            f"The evaluation for {period.describe()} was due on "
            f"{day_words(period.due(grace_days))}."
        )
        sentences.append("It is not done yet.")
    if schedule.overdue:
        lead = _lead(result)
        if lead:
            sentences.append(f"{lead} leads the evaluations of {name}.")
        else:
            sentences.append(f"No one is named to lead the evaluations of {name}.")
    elif schedule.expected:
        sentences.append(f"All evaluations of {name} are up to date.")
    for period in schedule.late:
        ev = result.evaluation(period)
        if ev is None:
            continue
        late_by = (ev.record.evaluated - ev.due).days
        sentences.append(
            f"The evaluation for {period.describe()} was done {_counted(late_by, 'day')} late."
        )
    if schedule.next_period is not None and schedule.next_due is not None:
        sentences.append(f"The next evaluation is for {schedule.next_period.describe()}.")
        sentences.append(f"It is due by {day_words(schedule.next_due)}.")
    return sentences


def _days_from_now(days: int) -> str:
    if days == 0:
        return "That is today."
    if days == 1:
        return "That is tomorrow."
    if days > 0:
        return f"That is {days} days from now."
    return f"That was {_counted(-days, 'day')} ago."


def contract_sentences(result: ProviderResult) -> list[str]:
    """INTERNAL. The contract's end, its notice deadline and what to decide by when."""
    contract, status = result.provider.contract, result.contract
    if contract is None or status is None:
        return []
    end = day_words(contract.end) if contract.end is not None else None
    if status.ended and end:
        return [f"The contract ended on {end}."]
    deadline = status.notice_deadline
    if deadline is None or end is None:
        return ["The contract has no end day."]
    when = day_words(deadline)
    days = status.days_to_deadline
    if status.deadline_passed:
        sentences = [f"The last day to give notice was {when}.", "That day has passed."]
        if status.auto_renew:
            sentences.append(f"Unless notice was given, the contract renews by itself on {end}.")
        else:
            sentences.append(f"The contract ends on {end}.")
        return sentences
    if status.decision_due:
        if status.auto_renew:
            sentences = [f"The contract renews by itself unless notice is given by {when}."]
        else:
            sentences = [
                f"The contract ends on {end}.",
                f"We must decide by {when} whether to renew it.",
            ]
        if days is not None:
            sentences.append(_days_from_now(days))
        return sentences
    renews = " and then renews by itself" if status.auto_renew else ""
    return [
        f"The contract runs until {end}{renews}.",
        f"The last day to give notice is {when}.",
    ]


def exit_plan_sentences(result: ProviderResult, programme: Programme) -> list[str]:
    """INTERNAL. Whether an exit plan is needed, missing, stale, or in place."""
    name = display_name(result.provider)
    plan = result.provider.exit_plan
    sentences: list[str] = []
    if result.exit.missing:
        banded = [e.band for e in result.evaluations if e.band is not None]
        lowest = lowest_band(programme)
        if banded and banded[-1] == lowest:
            sentences.append(f"{name} is rated {lowest.name}, the lowest rating.")
        if falling(result.evaluations):
            sentences.append(f"The score of {name} fell in each of its last two evaluations.")
        sentences.append("There is no exit plan yet, and one is needed.")
        return sentences
    if plan is None or plan.status == "none":
        return ["There is no exit plan."]
    status = "drafted" if plan.status == "drafted" else "drafted and tested"
    sentences.append(f"The exit plan is {status}.")
    if plan.reviewed is None:
        sentences.append("It has never been reviewed.")
    else:
        sentences.append(f"It was last reviewed on {day_words(plan.reviewed)}.")
        if result.exit.stale:
            sentences.append("That is more than a year ago.")
    return sentences


def rank_sentences(result: ProviderResult) -> list[str]:
    """INTERNAL. "Acme ranks 2nd of 5 providers." and its place in its service area."""
    rank = result.rank
    if rank is None:
        return []
    name = display_name(result.provider)
    sentences = [
        f"{name} ranks {_ordinal(rank.portfolio)} of "
        f"{_counted(rank.portfolio_size, 'provider')} by its latest score."
    ]
    area = result.provider.service_area
    if area and rank.area is not None and rank.area_size is not None and rank.area_size > 1:
        sentences.append(f"It ranks {_ordinal(rank.area)} of {rank.area_size} in {area}.")
    return sentences


# --- internal: what needs attention -------------------------------------------------------


def due_sentence(item: DueItem) -> str:
    """INTERNAL. One thing overdue or coming up, in words, with who should act."""
    name = display_name(item.provider)
    day = day_words(item.day) if item.day is not None else None
    owner = f" {item.owner} leads it." if item.owner else ""
    kind = item.kind
    if kind in ("evaluation-overdue", "evaluation-due") and item.period is not None:
        verb = "was due on" if kind == "evaluation-overdue" else "is due by"
        return f"The evaluation of {name} for {item.period.describe()} {verb} {day}.{owner}"
    if kind in ("action-overdue", "action-due") and item.action is not None:
        title = item.action.title
        if kind == "action-overdue":
            text = f"{name}: “{title}” was due on {day}. It is still open."
        else:
            text = f"{name}: “{title}” is due by {day}."
        return text + (f" {item.owner} owns it." if item.owner else "")
    if kind == "contract-decision":
        contract = item.provider.contract
        if contract is not None and contract.auto_renew:
            text = f"The contract with {name} renews by itself unless notice is given by {day}."
        else:
            text = f"A decision on the contract with {name} is due by {day}."
        return f"{text} {_days_from_now(item.days)}" if item.days is not None else text
    if kind == "notice-passed":
        return f"The last day to give notice on the contract with {name} was {day}."
    if kind == "exit-plan-missing":
        return f"{name} needs an exit plan and has none.{owner}"
    if kind == "exit-plan-stale":
        plan = item.provider.exit_plan
        if plan is not None and plan.reviewed is not None:
            return (
                f"The exit plan for {name} was last reviewed on {day_words(plan.reviewed)}. "
                "It needs a fresh look."
            )
        return f"The exit plan for {name} has never been reviewed."
    raise AssertionError(f"unknown kind {kind!r}")  # pragma: no cover


@dataclass(frozen=True)
class AttentionItem:
    """One line of the portfolio's "needs attention" list."""

    due: date | None
    urgency: Urgency
    sentence: str
    provider: str  # provider id


def attention(portfolio: Portfolio) -> list[AttentionItem]:
    """INTERNAL. What needs attention and by when, most urgent first."""
    return [
        AttentionItem(item.day, item.urgency, due_sentence(item), item.provider.id)
        for item in due_items(portfolio)
    ]


def portfolio_summary(portfolio: Portfolio) -> list[str]:
    """INTERNAL. How many providers, and how many in each band."""
    total = len(portfolio.providers)
    if total == 0:
        return ["There are no providers yet."]
    sentences = [f"The programme covers {_counted(total, 'provider')}."]
    latest_bands = [
        p.latest.band.name if p.latest is not None and p.latest.band is not None else None
        for p in portfolio.providers
    ]
    for band in bands_of(portfolio.programme):
        n = latest_bands.count(band.name)
        if n:
            sentences.append(f"{count_word(n)} {'is' if n == 1 else 'are'} rated {band.name}.")
    unrated = latest_bands.count(None)
    if unrated:
        sentences.append(f"{count_word(unrated)} {'has' if unrated == 1 else 'have'} no rating.")
    return sentences
