"""The rules in force (scoring.md v1.1): each period is judged by the rules of its time.

Every expected figure is worked out by hand in the comment beside it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from factories import category, measured, period, programme, provider, rated, record
from scorecard.data.model import Change, Term
from scorecard.figures.compute import evaluations
from scorecard.figures.rules import rule_changes, rules_in_force
from scorecard.figures.scoring import evaluate

JAN_2026 = date(2026, 1, 1)

AVAILABILITY = replace(
    measured("availability", 99.9, floor=99.0),
    changes=(Change(JAN_2026, target=99.95),),
)
FIX = rated("fix")  # weight 1
CARBON = replace(rated("carbon"), from_day=JAN_2026)  # added in 2026
FAX = replace(rated("fax"), until=date(2025, 12, 31))  # retired at the end of 2025

PROG = programme(category("service", 1, AVAILABILITY, FIX, CARBON, FAX))
ACME = provider()


def test_a_target_raised_mid_history_keeps_the_old_target_and_score_for_old_periods() -> None:
    old = evaluate(PROG, ACME, record("2025-Q4", date(2026, 1, 10), {"availability": 99.9}))
    new = evaluate(PROG, ACME, record("2026-Q1", date(2026, 4, 10), {"availability": 99.9}))
    old_c, new_c = old.criterion("availability"), new.criterion("availability")
    assert old_c is not None and new_c is not None
    # 2025-Q4: target 99.9, 99.9 >= 99.9: met, 100
    assert old_c.criterion.measure is not None and old_c.criterion.measure.target == 99.9
    assert old_c.met is True and old_c.score == 100.0
    # 2026-Q1: target 99.95, floor 99.0: 100 * (99.9 - 99.0) / (99.95 - 99.0) = 90 / 0.95
    assert new_c.criterion.measure is not None and new_c.criterion.measure.target == 99.95
    assert new_c.met is False
    assert new_c.score == pytest.approx(94.736842, abs=1e-5)


def test_a_criterion_added_later_leaves_old_coverage_unchanged() -> None:
    scores = {"availability": 100.0, "fix": {"Lead": 3}, "fax": {"Lead": 3}}
    old = evaluate(PROG, ACME, record("2025-Q4", date(2026, 1, 10), scores))
    # 2025-Q4: in force availability, fix, fax (carbon from 2026): 3 of 3 scored, coverage 1.0
    assert old.coverage == 1.0
    assert old.criterion("carbon") is None
    new = evaluate(PROG, ACME, record("2026-Q1", date(2026, 4, 10),
                                      {"availability": 100.0, "fix": {"Lead": 3}}))
    # 2026-Q1: in force availability, fix, carbon (fax retired): 2 of 3 scored
    assert new.coverage == pytest.approx(2 / 3)
    # the category: (100 * 1 + 50 * 1) / 2 = 75 (fix: 3 on 1..5 is 50)
    assert new.overall == 75.0


def test_a_retired_criterion_is_not_in_force_afterwards() -> None:
    rules_2025 = rules_in_force(PROG, ACME, period("2025-Q4"))
    rules_2026 = rules_in_force(PROG, ACME, period("2026-Q1"))
    assert [c.id for c in rules_2025.categories[0].criteria] == ["availability", "fix", "fax"]
    assert [c.id for c in rules_2026.categories[0].criteria] == ["availability", "fix", "carbon"]
    assert [c.id for c in rules_2026.not_in_force] == ["fax"]
    changes = {(ch.subject.id, ch.what): (ch.now, ch.before)
               for ch in rule_changes(rules_2026, rules_2025)}
    assert changes == {
        ("availability", "target"): (99.95, 99.9),
        ("carbon", "added"): (None, None),
        ("fax", "retired"): (None, None),
    }


def test_a_category_weight_change_applies_from_its_day() -> None:
    service = replace(category("service", 40, measured("uptime", 99.0)),
                      changes=(Change(JAN_2026, weight=30),))
    prog = programme(service, category("relationship", 20, rated("talk")))
    scores = {"uptime": 99.5, "talk": {"Lead": 3}}  # uptime met: 100; talk 3 on 1..5: 50
    old = evaluate(prog, ACME, record("2025-Q4", date(2026, 1, 10), scores))
    new = evaluate(prog, ACME, record("2026-Q1", date(2026, 4, 10), scores))
    # 2025-Q4: (100 * 40 + 50 * 20) / 60 = 5000 / 60
    assert old.overall == pytest.approx(83.333333, abs=1e-5)
    # 2026-Q1: (100 * 30 + 50 * 20) / 50 = 4000 / 50
    assert new.overall == 80.0
    # the trend compares each under its own rules: 80 - 83.33
    done = evaluations(prog, ACME, (record("2025-Q4", date(2026, 1, 10), scores),
                                    record("2026-Q1", date(2026, 4, 10), scores)),
                       date(2026, 5, 1))
    assert done[1].trend == pytest.approx(-3.333333, abs=1e-5)


def test_contract_terms_override_the_target_and_floor_from_their_day() -> None:
    p1 = measured("p1", 30, better="lower", floor=120)
    prog = programme(category("service", 1, p1))
    acme = replace(ACME, terms={"p1": Term(target=20, floor=90, from_day=date(2026, 7, 1))})
    before = evaluate(prog, acme, record("2026-Q2", date(2026, 7, 10), {"p1": 42}))
    after = evaluate(prog, acme, record("2026-Q3", date(2026, 10, 10), {"p1": 42}))
    # 2026-Q2, the programme's: 100 * (120 - 42) / (120 - 30) = 7800 / 90
    assert before.overall == pytest.approx(86.666667, abs=1e-5)
    # 2026-Q3, the contract's: 100 * (90 - 42) / (90 - 20) = 4800 / 70
    assert after.overall == pytest.approx(68.571429, abs=1e-5)
    judged = after.criterion("p1")
    assert judged is not None and judged.criterion.measure is not None
    assert (judged.criterion.measure.target, judged.criterion.measure.floor) == (20, 90)


def test_a_criterion_that_does_not_apply_is_left_out_of_coverage_and_means() -> None:
    prog = programme(
        category("service", 1, measured("uptime", 99.0), rated("patching")),
        category("relationship", 1, rated("talk")),
        category("security", 1, rated("audit")),
    )
    acme = replace(ACME, not_applicable=("patching", "audit"))
    done = evaluate(prog, acme, record("2026-Q3", date(2026, 10, 6),
                                       {"uptime": 99.5, "talk": {"Lead": 3}}))
    # service: uptime alone applies, met: 100; relationship: 50; overall (100 + 50) / 2 = 75
    assert done.overall == 75.0
    # coverage: service 1/1, relationship 1/1; security has nothing that applies and is
    # left out of numerator and denominator: (1 * 1 + 1 * 1) / 2 = 1.0 (not 2/4 or 3/4)
    assert done.coverage == 1.0
    service = done.categories[0]
    assert [c.criterion.id for c in service.criteria] == ["uptime"]
    assert [c.id for c in service.not_applicable] == ["patching"]
    assert done.rules is not None and done.rules.does_not_apply("audit")
