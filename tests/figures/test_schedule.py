"""Expected, overdue and late evaluations (scoring.md: "Schedule (as of a day D)")."""

from collections.abc import Sequence
from datetime import date

from factories import category, dataset, programme, provider, rated, record
from scorecard.data.model import Contract, Record
from scorecard.data.periods import Cadence
from scorecard.figures.compute import compute
from scorecard.figures.results import Schedule
from scorecard.figures.schedule import last_due_period, schedule


def _labels(periods: tuple[object, ...]) -> list[str]:
    return [str(p) for p in periods]


def _sched(
    as_of: date,
    contract: Contract | None,
    records: Sequence[Record] = (),
    cadence: Cadence = "quarterly",
    grace: int = 30,
) -> Schedule:
    return schedule(cadence, grace, as_of, contract, records)


def test_quarter_across_year_end_not_yet_due() -> None:
    # contract starts 2025-10-15 -> 2025-Q4, due 2025-12-31 + 30 days = 2026-01-30
    s = _sched(date(2026, 1, 29), Contract(start=date(2025, 10, 15)))
    assert s.expected == ()  # Q4 is due tomorrow
    assert s.overdue == ()
    assert str(s.next_period) == "2025-Q4"
    assert s.next_due == date(2026, 1, 30)


def test_quarter_across_year_end_due_on_the_day() -> None:
    s = _sched(date(2026, 1, 30), Contract(start=date(2025, 10, 15)))
    assert _labels(s.expected) == ["2025-Q4"]  # due day on the as-of day: expected
    assert _labels(s.overdue) == ["2025-Q4"]  # and not recorded
    # next: 2026-Q1, due 2026-03-31 + 30 = 2026-04-30
    assert str(s.next_period) == "2026-Q1"
    assert s.next_due == date(2026, 4, 30)


def test_late_record_across_year_end() -> None:
    contract = Contract(start=date(2025, 10, 15))
    late = [record("2025-Q4", date(2026, 1, 31))]  # one day after 2026-01-30
    s = _sched(date(2026, 2, 1), contract, late)
    assert _labels(s.expected) == ["2025-Q4"]
    assert s.overdue == ()
    assert _labels(s.late) == ["2025-Q4"]
    on_time = [record("2025-Q4", date(2026, 1, 30))]  # on the due day: not late
    assert _sched(date(2026, 2, 1), contract, on_time).late == ()


def test_record_evaluated_after_as_of_is_ignored() -> None:
    # 2025-Q4 recorded on 2026-02-20; as of 2026-02-15 it did not exist yet: overdue, not late
    s = _sched(date(2026, 2, 15), Contract(start=date(2025, 10, 15)),
               [record("2025-Q4", date(2026, 2, 20))])
    assert _labels(s.overdue) == ["2025-Q4"]
    assert s.late == ()
    assert str(s.next_period) == "2026-Q1"


def test_monthly_schedule() -> None:
    # grace 30. Jan due 01-31 + 30 = 03-02; Feb due 02-28 + 30 = 03-30;
    # Mar due 03-31 + 30 = 04-30 > 04-15. Expected Jan, Feb; Jan recorded -> Feb overdue
    s = _sched(date(2026, 4, 15), Contract(start=date(2026, 1, 10)),
               [record("2026-01", date(2026, 2, 10), cadence="monthly")], cadence="monthly")
    assert _labels(s.expected) == ["2026-01", "2026-02"]
    assert _labels(s.overdue) == ["2026-02"]
    assert str(s.next_period) == "2026-03"
    assert s.next_due == date(2026, 4, 30)


def test_half_yearly_schedule() -> None:
    # start 2025-03-01 -> 2025-H1, due 06-30 + 30 = 2025-07-30; 2025-H2 due 2026-01-30;
    # 2026-H1 due 2026-07-30 > 2026-03-01
    s = _sched(date(2026, 3, 1), Contract(start=date(2025, 3, 1)), cadence="half-yearly")
    assert _labels(s.expected) == ["2025-H1", "2025-H2"]
    assert _labels(s.overdue) == ["2025-H1", "2025-H2"]
    assert str(s.next_period) == "2026-H1"
    assert s.next_due == date(2026, 7, 30)


def test_yearly_schedule() -> None:
    # grace 60: 2024 due 2024-12-31 + 60 = 2025-03-01 (31 days of Jan, 28 of Feb, 1 of Mar);
    # 2025 due 2026-03-01, exactly the as-of day: expected
    contract = Contract(start=date(2024, 5, 1))
    s = _sched(date(2026, 3, 1), contract, cadence="yearly", grace=60)
    assert _labels(s.expected) == ["2024", "2025"]
    assert s.next_due == date(2027, 3, 1)  # 2026 due 2026-12-31 + 60
    # a day earlier 2025 is not yet due
    assert _labels(_sched(date(2026, 2, 28), contract, cadence="yearly", grace=60).expected) == [
        "2024"
    ]


def test_without_contract_start_from_first_record() -> None:
    # records for 2026-Q2 and Q3; as of 2027-02-01 2026-Q4 (due 2027-01-30) is expected too
    recs = [record("2026-Q2", date(2026, 7, 10)), record("2026-Q3", date(2026, 10, 10))]
    s = _sched(date(2027, 2, 1), None, recs)
    assert _labels(s.expected) == ["2026-Q2", "2026-Q3", "2026-Q4"]
    assert _labels(s.overdue) == ["2026-Q4"]
    # a contract with no start day behaves the same
    assert _sched(date(2027, 2, 1), Contract(end=date(2030, 1, 1)), recs).expected == s.expected


def test_without_contract_or_records_nothing_expected() -> None:
    s = _sched(date(2027, 2, 1), None, [])
    assert s.expected == () and s.overdue == () and s.late == ()
    assert s.next_period is None and s.next_due is None


def test_nothing_expected_after_contract_ended() -> None:
    # contract 2025-01-01 .. 2025-06-30; as of 2026-06-01 only 2025-Q1 and Q2 are expected
    contract = Contract(start=date(2025, 1, 1), end=date(2025, 6, 30))
    s = _sched(date(2026, 6, 1), contract, [record("2025-Q1", date(2025, 4, 20))])
    assert _labels(s.expected) == ["2025-Q1", "2025-Q2"]
    assert _labels(s.overdue) == ["2025-Q2"]
    assert s.next_period is None  # 2025-Q3 starts after the contract ended


def test_contract_ending_later_does_not_cut_the_schedule() -> None:
    # as of 2025-08-01: Q1 due 04-30, Q2 due 07-30 are expected
    contract = Contract(start=date(2025, 1, 1), end=date(2026, 12, 31))
    s = _sched(date(2025, 8, 1), contract)
    assert _labels(s.expected) == ["2025-Q1", "2025-Q2"]


def test_next_period_skips_periods_already_recorded() -> None:
    # expected Q1, Q2 (as of 2025-08-01); Q3 recorded early on 2025-07-31 -> next is Q4,
    # due 2025-12-31 + 30 = 2026-01-30
    recs = [record(q, date(2025, 7, 31)) for q in ("2025-Q1", "2025-Q2", "2025-Q3")]
    s = _sched(date(2025, 8, 1), Contract(start=date(2025, 1, 1)), recs)
    assert s.overdue == ()
    # Q1 (due 04-30) and Q2 (due 07-30) were recorded on 07-31: both late
    assert _labels(s.late) == ["2025-Q1", "2025-Q2"]
    assert str(s.next_period) == "2025-Q4"
    assert s.next_due == date(2026, 1, 30)


def test_last_due_period() -> None:
    # 2026-Q3 due 2026-10-30: as of that day it is the last due; the day before, Q2 is
    assert str(last_due_period("quarterly", 30, date(2026, 10, 30))) == "2026-Q3"
    assert str(last_due_period("quarterly", 30, date(2026, 10, 29))) == "2026-Q2"
    # grace 0: a quarter is due on its last day
    assert str(last_due_period("quarterly", 0, date(2026, 9, 30))) == "2026-Q3"


def test_compute_uses_the_providers_cadence() -> None:
    prog = programme(category("a", 1, rated("r")), cadence="quarterly", grace_days=30)
    monthly = provider("acme", cadence="monthly", contract=Contract(start=date(2026, 1, 1)))
    quarterly = provider("globex", contract=Contract(start=date(2026, 1, 1)))
    portfolio = compute(dataset(prog, [monthly, quarterly]), date(2026, 4, 15))
    acme, globex = portfolio.providers
    assert acme.cadence == "monthly"
    # months due 03-02 (Jan) and 03-30 (Feb); Mar due 04-30
    assert _labels(acme.schedule.expected) == ["2026-01", "2026-02"]
    # 2026-Q1 due 03-31 + 30 = 04-30 > 04-15: nothing expected yet
    assert globex.cadence == "quarterly"
    assert globex.schedule.expected == ()
    assert str(globex.schedule.next_period) == "2026-Q1"
