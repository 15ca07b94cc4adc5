"""The demo's service-credit stories (evaluations/README.md), worked out by hand from
the demo's own figures, as of the demo's day (2026-11-26).

Northgate (quarterly): charges 160,000 a quarter, at_risk 0.10, so 16,000 at risk;
availability 0.6 (9,600), restore-test 0.4 (6,400, in force from 2026-Q3); repeat 2;
year_cap 0.05: 0.05 x 160,000 x 4 = 32,000 over any four quarters; earn_back 2.
Availability (target 99.9): 2025-Q1 99.84 missed, Q2 99.88 missed, Q3 99.91 met,
Q4 99.89 missed, 2026-Q1 99.90 met (equal), Q2 99.86 missed, Q3 99.74 missed;
restore-test 2026-Q3 85 (target 100) missed.

- 2025-Q1: 9,600.
- 2025-Q2: again, 9,600 x 2 = 19,200: capped at 16,000, at the cap.
- 2025-Q3: met, nothing.
- 2025-Q4: 9,600, but Q1 9,600 + Q2 16,000 ended in its year: 32,000 - 25,600 = 6,400.
- 2026-Q1: nothing. 2026-Q2: 9,600 (Q4 6,400 in its year: no cut).
- 2026-Q3: 19,200 + 6,400 = 25,600: capped at 16,000 (pro rata 12,000 and 4,000);
  its year holds Q4 6,400 + Q2 9,600 = 16,000, so 16,000 more is allowed.
Castellan: charges 295,000, at_risk 0.05 (14,750); resolved-in-time 0.3 and
patch-latency 0.3 (4,425 each); 2025-Q1 missed both (93.1 against 95; 19 days against
14): 8,850, met in 2025-Q2 and Q3: earned back in 2025-Q3 (earn_back 2).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from conftest import DEMO
from scorecard.data.load import load
from scorecard.data.provenance import Provenance
from scorecard.figures.compute import compute
from scorecard.figures.consequences import credits_of, rights_of
from scorecard.figures.export import to_data
from scorecard.figures.results import Portfolio

AS_OF = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo() -> Portfolio:
    dataset, problems = load(DEMO)
    assert dataset is not None, [p.text() for p in problems]
    return compute(dataset, AS_OF)


def test_northgate_credits_quarter_by_quarter(demo: Portfolio) -> None:
    result = demo.provider("northgate")
    assert result is not None
    found = credits_of(demo.programme, result, AS_OF)
    assert found is not None
    amounts = {pc.period.label: pc.amount for pc in found.periods}
    assert amounts == {
        "2025-Q1": Decimal("9600.00"), "2025-Q2": Decimal("16000.00"), "2025-Q3": 0,
        "2025-Q4": Decimal("6400.00"), "2026-Q1": 0, "2026-Q2": Decimal("9600.00"),
        "2026-Q3": Decimal("16000.00"),
    }
    assert [pc.period.label for pc in found.periods if pc.at_cap] == ["2025-Q2", "2026-Q3"]
    q4 = found.periods[3]
    assert q4.year_cut == Decimal("3200.00")
    assert [(s.criterion.id, s.reason) for s in q4.skipped] == [("restore-test", "not in force")]
    q3 = found.periods[-1]
    assert [(i.criterion.id, i.credited, i.state) for i in q3.items] == [
        ("availability", Decimal("12000.00"), "pending"),
        ("restore-test", Decimal("4000.00"), "pending")]
    # the last 12 months (periods that ended 27 Nov 2025 .. 26 Nov 2026):
    # 6,400 + 0 + 9,600 + 16,000 = 32,000
    assert sum(pc.amount for pc in found.last_12_months()) == Decimal("32000.00")


def test_northgate_is_one_miss_from_a_termination_right(demo: Portfolio) -> None:
    # availability 4 within 5: every 5 quarters in a row hold at most 3 misses; the five
    # to 2026-Q4 (2025-Q4 .. 2026-Q4) hold 2025-Q4, 2026-Q2, 2026-Q3: one more in 2026-Q4.
    # at_cap 3 within 4: at the cap in 2025-Q2 and 2026-Q3 only; the four to 2027-Q2
    # (2026-Q3 .. 2027-Q2) hold one: two more by 2027-Q2.
    result = demo.provider("northgate")
    assert result is not None
    availability, at_cap = rights_of(demo.programme, result, AS_OF)
    assert (availability.holds, availability.misses_to_hold, availability.by.label
            if availability.by else None) == (False, 1, "2026-Q4")
    assert (at_cap.holds, at_cap.misses_to_hold, at_cap.by.label if at_cap.by else None) == (
        False, 2, "2027-Q2")


def test_castellans_credit_was_earned_back(demo: Portfolio) -> None:
    result = demo.provider("castellan")
    assert result is not None
    found = credits_of(demo.programme, result, AS_OF)
    assert found is not None
    first = found.periods[0]
    assert first.amount == Decimal("8850.00")
    assert [(i.criterion.id, i.state, i.settled.label if i.settled else None)
            for i in first.items] == [("resolved-in-time", "earned_back", "2025-Q3"),
                                      ("patch-latency", "earned_back", "2025-Q3")]
    assert all(pc.amount == 0 for pc in found.periods[1:])


def test_data_json_has_the_credit_keys(demo: Portfolio) -> None:
    data = to_data(demo, Provenance(commit="0" * 40, dirty=False, commit_day=AS_OF))
    by_id = {p["id"]: p for p in data["providers"]}
    northgate = by_id["northgate"]
    q3 = northgate["evaluations"][-1]["credits"]
    assert (q3["amount"], q3["currency"], q3["at_cap"]) == (16000, "EUR", True)
    assert q3["items"][0] == {"criterion": "availability", "amount": 19200, "credited": 12000,
                              "repeat": True, "state": "pending", "settled": None,
                              "why_final": None}
    # 2026-Q2's availability credit was made final by the miss in 2026-Q3
    q2 = northgate["evaluations"][-2]["credits"]
    assert (q2["items"][0]["state"], q2["items"][0]["settled"], q2["items"][0]["why_final"]) == (
        "final", "2026-Q3", "missed")
    assert northgate["credits_12_months"]["amount"] == 32000
    assert [(t["rule"], t["holds"], t["misses_to_hold"], t["by"])
            for t in northgate["termination"]] == [
        ("availability: 4 misses within 5 periods", False, 1, "2026-Q4"),
        ("at cap: 3 within 4 periods", False, 2, "2027-Q2")]
    # Providers without service credits: null credits, no termination rules.
    deskone = by_id["deskone"]
    assert deskone["credits_12_months"] is None and deskone["termination"] == []
    assert all(e["credits"] is None for e in deskone["evaluations"])
