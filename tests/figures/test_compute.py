"""The entry point: compute(dataset, as_of) -> Portfolio, end to end on a small data set."""

from datetime import date

import pytest

from factories import (
    action,
    category,
    dataset,
    measured,
    programme,
    provider,
    rated,
    record,
)
from scorecard.data.model import Contract, Dataset
from scorecard.figures.compute import compute

AS_OF = date(2026, 11, 26)


def _data() -> Dataset:
    # service (W 40): availability (measured, higher, target 99.9, floor 99.0) + fix (rated, w 2)
    # relationship (W 60): comm (rated, w 1); scale 1..5; min_coverage 0.5; quarterly, grace 30
    prog = programme(
        category("service", 40, measured("availability", 99.9, floor=99.0), rated("fix", weight=2)),
        category("relationship", 60, rated("comm")),
    )
    acme = provider(
        "acme",
        area="infra",
        services=["desk", "backup"],
        contract=Contract(start=date(2026, 4, 1), end=date(2027, 3, 31), notice_days=90),
        actions=[action("a-1", date(2026, 8, 1), "open", due=date(2026, 10, 1))],
    )
    globex = provider("globex", area="infra")
    initech = provider("initech")  # no records: unranked
    records = [
        # Q2: availability 99.95 >= 99.9 -> 100; fix {4,3} mean 3.5 -> 100*(3.5-1)/4 = 62.5
        #     service = (100*1 + 62.5*2) / 3 = 225/3 = 75; comm 3 -> 100*(3-1)/4 = 50
        #     overall = (40*75 + 60*50) / 100 = (3000 + 3000) / 100 = 60 -> Adequate (>= 60)
        record("2026-Q2", date(2026, 7, 20),
               {"availability": 99.95, "fix": {"Lead": 4, "Tom": 3}, "comm": {"Lead": 3}}),
        # Q3: availability 99.45 -> 100*(99.45-99.0)/(99.9-99.0) = 100*0.45/0.9 = 50
        #     fix {4,2} mean 3 -> 50; service = (50 + 50*2)/3 = 50; comm null: relationship unscored
        #     overall = 50 (only service); coverage = 40*1 / 100 = 0.4 < 0.5 -> no band
        #     trend = 50 - 60 = -10; scope: desk used, backup unused
        record("2026-Q3", date(2026, 10, 6),
               {"availability": 99.45, "fix": {"Lead": 4, "Tom": 2}, "comm": None},
               services_used=["desk"]),
        # globex Q3: comm 5 -> 100; relationship 100; service unscored; overall 100
        #     coverage = 60/100 = 0.6 -> Strong
        record("2026-Q3", date(2026, 10, 1), {"comm": {"Lead": 5}}, provider="globex"),
        # evaluated after the as-of day: ignored entirely
        record("2026-Q4", date(2026, 12, 1), {"comm": {"Lead": 1}}),
    ]
    return dataset(prog, [acme, globex, initech], records)


def test_compute_scores_every_record_as_of_the_day() -> None:
    portfolio = compute(_data(), AS_OF)
    assert portfolio.as_of == AS_OF
    assert [p.provider.id for p in portfolio.providers] == ["acme", "globex", "initech"]

    acme = portfolio.provider("acme")
    assert acme is not None
    assert [str(e.period) for e in acme.evaluations] == ["2026-Q2", "2026-Q3"]
    q2, q3 = acme.evaluations
    assert q2.overall == pytest.approx(60.0)
    assert q2.coverage == pytest.approx(1.0)
    assert q2.band is not None and q2.band.name == "Adequate"
    assert q2.trend is None and q2.previous is None
    assert (q2.targets_met, q2.targets_measured) == (1, 1)

    assert q3.overall == pytest.approx(50.0)
    assert q3.coverage == pytest.approx(0.4)
    assert q3.band is None
    assert q3.trend == pytest.approx(-10.0)
    assert q3.previous == q2.period
    assert (q3.targets_met, q3.targets_measured) == (0, 1)
    assert q3.scope is not None
    assert [s.id for s in q3.scope.used] == ["desk"]
    assert [s.id for s in q3.scope.unused] == ["backup"]
    fix = q3.criterion("fix")
    assert fix is not None and fix.disagreement  # 4 - 2 = 2 points


def test_compute_schedule_actions_contract() -> None:
    acme = compute(_data(), AS_OF).provider("acme")
    assert acme is not None
    # contract starts 2026-04-01 -> Q2; Q3 due 2026-09-30 + 30 = 2026-10-30 <= 2026-11-26;
    # Q4 due 2027-01-30 is later. Expected Q2, Q3; both recorded.
    assert [str(p) for p in acme.schedule.expected] == ["2026-Q2", "2026-Q3"]
    assert acme.schedule.overdue == ()
    # Q4's record was evaluated after the as-of day, so Q4 is next: due 2026-12-31 + 30 = 2027-01-30
    assert str(acme.schedule.next_period) == "2026-Q4"
    assert acme.schedule.next_due == date(2027, 1, 30)
    # a-1 open, due 2026-10-01 < 2026-11-26: overdue
    assert [a.id for a in acme.actions.overdue] == ["a-1"]
    # deadline 2027-03-31 - 90 days = 2026-12-31 (Jan 31 + Feb 28 + Mar 31 = 90); 35 days away
    assert acme.contract is not None
    assert acme.contract.notice_deadline == date(2026, 12, 31)
    assert acme.contract.days_to_deadline == 35
    assert acme.contract.decision_due


def test_compute_ranks_portfolio_and_areas() -> None:
    portfolio = compute(_data(), AS_OF)
    # globex 100 beats acme 50 (acme's latest scored is Q3: 50); initech has no score
    assert [p.provider.id for p in portfolio.ranking] == ["globex", "acme"]
    assert list(portfolio.areas) == ["infra"]
    assert [p.provider.id for p in portfolio.areas["infra"]] == ["globex", "acme"]
    acme = portfolio.provider("acme")
    initech = portfolio.provider("initech")
    assert acme is not None and initech is not None
    assert acme.rank is not None
    assert (acme.rank.portfolio, acme.rank.portfolio_size) == (2, 2)
    assert (acme.rank.area, acme.rank.area_size) == (2, 2)
    assert initech.rank is None
    assert initech.evaluations == ()
    # the ranking holds the same ranked objects as providers
    assert portfolio.ranking[1] is acme


def test_compute_is_deterministic() -> None:
    assert compute(_data(), AS_OF) == compute(_data(), AS_OF)


def test_engine_imports_no_cli_or_rendering() -> None:
    # the scoring engine is pure: importing it must not pull in Click or the renderers
    import subprocess
    import sys

    code = (
        "import sys, scorecard.figures.compute, scorecard.figures.rounding,"
        " scorecard.figures.actions;"
        "print(','.join(sorted(m for m in ('click', 'weasyprint', 'jinja2', 'markdown', 'yaml')"
        " if m in sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
