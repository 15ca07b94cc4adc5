"""Adoption (scoring.md v1.2 "Adoption and dependence"): a provider adopting the tool
mid-contract with ``evaluated_from``. Periods before it are never due, late or
overdue, so they do not flood ``due`` or the portfolio. Every figure worked by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factories import category, dataset, measured, period, programme, provider, record
from scorecard.data.model import Contract
from scorecard.figures.compute import compute
from scorecard.figures.due import due_items
from scorecard.figures.results import Portfolio
from scorecard.figures.schedule import first_period, schedule
from scorecard.words.due import schedule_sentences

AS_OF = date(2026, 11, 26)
CONTRACT = Contract(start=date(2025, 1, 1), end=date(2028, 12, 31))
# Quarterly, 30 days' grace. As of 2026-11-26 the last period due is 2026-Q3
# (30 Sep + 30 days = 30 Oct 2026); 2026-Q4 is due on 30 Jan 2027.
RECORDS = (
    record("2026-Q1", date(2026, 4, 20), {"availability": 99.9}),
    record("2026-Q2", date(2026, 8, 5), {"availability": 99.9}),  # due 30 Jul: 6 days late
)


def _labels(periods: tuple[object, ...]) -> list[str]:
    return [str(p) for p in periods]


def test_without_evaluated_from_every_quarter_of_the_contract_is_expected() -> None:
    s = schedule("quarterly", 30, AS_OF, CONTRACT, RECORDS)
    # 2025-Q1 .. 2026-Q3: 4 + 3 = 7 quarters expected; 5 without a record
    assert len(s.expected) == 7
    assert _labels(s.overdue) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q3"]


def test_evaluated_from_starts_the_schedule_there() -> None:
    start = period("2026-Q1")
    s = schedule("quarterly", 30, AS_OF, CONTRACT, RECORDS, start)
    # 2026-Q1 .. 2026-Q3: 3 quarters expected, only 2026-Q3 without a record
    assert _labels(s.expected) == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert _labels(s.overdue) == ["2026-Q3"]
    assert _labels(s.late) == ["2026-Q2"]  # a period after adoption is late as before
    assert str(s.next_period) == "2026-Q4" and s.next_due == date(2027, 1, 30)


def test_evaluated_from_before_the_contract_start_changes_nothing() -> None:
    # the contract's own start (2025-Q1) is later than 2024-Q3: it stays the first period
    assert str(first_period("quarterly", CONTRACT, (), period("2024-Q3"))) == "2025-Q1"
    assert str(first_period("quarterly", CONTRACT, (), period("2026-Q2"))) == "2026-Q2"
    # without a contract or records, evaluations are expected from evaluated_from
    assert str(first_period("quarterly", None, (), period("2026-Q2"))) == "2026-Q2"
    assert first_period("quarterly", None, ()) is None


def test_adoption_not_yet_due_expects_nothing() -> None:
    # adopting from 2026-Q4 (due 30 Jan 2027): nothing is expected on 26 Nov 2026
    s = schedule("quarterly", 30, AS_OF, CONTRACT, (), period("2026-Q4"))
    assert s.expected == () and s.overdue == ()
    assert str(s.next_period) == "2026-Q4"


def test_due_and_the_portfolio_are_not_flooded() -> None:
    prog = programme(category("service", 1, measured("availability", 99.9)))
    before = provider("acme", contract=CONTRACT)
    after = replace(before, evaluated_from=period("2026-Q1"))
    flooded = compute(dataset(prog, [before], RECORDS), AS_OF)
    adopted = compute(dataset(prog, [after], RECORDS), AS_OF)

    def overdue(portfolio: Portfolio) -> list[str]:
        items = due_items(portfolio)
        return [str(i.period) for i in items if i.kind == "evaluation-overdue"]

    # without: the 4 quarters of 2025 and 2026-Q3 are overdue; with: 2026-Q3 alone
    assert overdue(flooded) == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q3"]
    assert overdue(adopted) == ["2026-Q3"]
    acme = adopted.provider("acme")
    assert acme is not None
    assert _labels(acme.schedule.overdue) == ["2026-Q3"]
    # history is the two evaluated quarters; the trend compares 2026-Q2 with 2026-Q1 only
    assert [str(e.period) for e in acme.evaluations] == ["2026-Q1", "2026-Q2"]
    assert acme.evaluations[0].trend is None and acme.evaluations[1].trend == 0.0


def test_the_team_scorecard_says_since_when_the_provider_is_scored() -> None:
    prog = programme(category("service", 1, measured("availability", 99.9)))
    adopted = replace(provider("acme", contract=CONTRACT), evaluated_from=period("2026-Q1"))
    acme = compute(dataset(prog, [adopted], RECORDS), AS_OF).provider("acme")
    assert acme is not None
    # 2026-Q1 starts after the contract's 1 January 2025: said first; 2026-Q3 is overdue
    sentences = schedule_sentences(acme, 30)
    assert sentences[:4] == [
        "We have scored Acme since the first quarter of 2026.",
        "No evaluation is expected before that.",
        "The evaluation for the third quarter of 2026 was due on 30 October 2026.",
        "It is not done yet.",
    ]
    plain = compute(dataset(prog, [provider("acme", contract=CONTRACT)], RECORDS), AS_OF)
    result = plain.provider("acme")
    assert result is not None
    assert not any("We have scored" in s for s in schedule_sentences(result, 30))
