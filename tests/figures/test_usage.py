"""Services unused for a year (scoring.md v1.1 "Unused for a year"), worked by hand."""

from dataclasses import replace
from datetime import date

from factories import category, dataset, measured, period, programme, provider, record
from scorecard.data.model import Service
from scorecard.figures.compute import compute
from scorecard.figures.usage import last_year, unused_for_a_year

PROG = programme(category("service", 1, measured("availability", 99.9)))
# 2026-11-26 - 365 days = 2025-11-26; quarters that ended after that and by D:
# 2025-Q4 (ends 2025-12-31), 2026-Q1, 2026-Q2, 2026-Q3 (ends 2026-09-30). 2026-Q4 ends later.
AS_OF = date(2026, 11, 26)
YEAR = ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]


def _acme():  # type: ignore[no-untyped-def]
    p = provider("acme", services=["desk", "out-of-hours", "backup"])
    services = (
        Service("desk", "Service desk"),
        Service("out-of-hours", "Out-of-hours support", annual_value=18_000),
        Service("backup", "Backup", annual_value=6_000),
    )
    return replace(p, services=services)


def _result(records):  # type: ignore[no-untyped-def]
    portfolio = compute(dataset(PROG, [_acme()], records), AS_OF)
    result = portfolio.provider("acme")
    assert result is not None
    return result


def _records(used_by_period):  # type: ignore[no-untyped-def]
    return [
        record(label, period(label).due(10), {"availability": 99.9}, services_used=used)
        for label, used in used_by_period.items()
    ]


def test_the_last_year_is_four_quarters() -> None:
    result = _result([])
    assert [p.label for p in last_year(result, AS_OF)] == YEAR
    # on the day a quarter ends it counts; a year before that day does not
    assert [p.label for p in last_year(result, date(2026, 9, 30))] == [
        "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]


def test_unused_for_exactly_a_year_and_used_once() -> None:
    # 2025-Q3 (before the year) used out-of-hours; backup used once, in 2026-Q2
    records = _records({
        "2025-Q3": ["desk", "out-of-hours"],
        "2025-Q4": ["desk"],
        "2026-Q1": ["desk"],
        "2026-Q2": ["desk", "backup"],
        "2026-Q3": ["desk"],
    })
    unused = unused_for_a_year(_result(records), AS_OF)
    assert [(u.service.id, u.annual_value, u.last_used) for u in unused] == [
        ("out-of-hours", 18_000, period("2025-Q3")),
    ]


def test_never_used_has_no_last_use() -> None:
    records = _records({label: ["desk", "backup"] for label in YEAR})
    unused = unused_for_a_year(_result(records), AS_OF)
    assert [(u.service.id, u.last_used) for u in unused] == [("out-of-hours", None)]


def test_no_claim_when_a_period_of_the_year_has_no_record() -> None:
    records = _records({"2025-Q4": ["desk"], "2026-Q1": ["desk"], "2026-Q3": ["desk"]})
    assert unused_for_a_year(_result(records), AS_OF) == ()


def test_no_claim_when_a_record_does_not_record_services_used() -> None:
    records = _records({"2025-Q4": ["desk"], "2026-Q1": ["desk"], "2026-Q2": None,
                        "2026-Q3": ["desk"]})
    assert unused_for_a_year(_result(records), AS_OF) == ()


def test_monthly_and_half_yearly_years() -> None:
    monthly = replace(_result([]), cadence="monthly")
    months = last_year(monthly, AS_OF)
    # 2025-11 (ends 11-30, after 2025-11-26) to 2026-10 (ends 10-31): twelve months
    assert (months[0].label, months[-1].label, len(months)) == ("2025-11", "2026-10", 12)
    halves = last_year(replace(_result([]), cadence="half-yearly"), AS_OF)
    assert [p.label for p in halves] == ["2025-H2", "2026-H1"]
