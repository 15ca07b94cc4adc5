"""Contract notice deadline and exit readiness (scoring.md: "Contract and exit")."""

from collections.abc import Sequence
from datetime import date

from factories import BANDS, category, measured, programme, provider, record
from scorecard.data.model import Contract, ExitPlan
from scorecard.figures.contract import contract_status, exit_readiness, falling, notice_deadline
from scorecard.figures.results import Evaluation
from scorecard.figures.scoring import evaluate

# end 2026-12-31, 90 days' notice: 2026-12-31 - 31 = 11-30, - 30 = 10-31, - 29 = 10-02
CONTRACT = Contract(start=date(2024, 1, 1), end=date(2026, 12, 31), notice_days=90,
                    auto_renew=True)
DEADLINE = date(2026, 10, 2)


def test_notice_deadline() -> None:
    assert notice_deadline(CONTRACT) == DEADLINE
    assert notice_deadline(Contract(start=date(2024, 1, 1))) is None
    # no notice days: the deadline is the end
    assert notice_deadline(Contract(end=date(2026, 12, 31))) == date(2026, 12, 31)


def test_decision_due_at_exactly_120_days() -> None:
    # 2026-06-04 + 120 days: to 07-04 is 30, to 08-04 61, to 09-04 92, to 10-02 120
    s = contract_status(CONTRACT, date(2026, 6, 4))
    assert s.notice_deadline == DEADLINE
    assert s.days_to_deadline == 120
    assert s.decision_due
    assert not s.deadline_passed and not s.ended
    assert s.auto_renew


def test_decision_not_due_at_121_days() -> None:
    s = contract_status(CONTRACT, date(2026, 6, 3))
    assert s.days_to_deadline == 121
    assert not s.decision_due


def test_deadline_exactly_on_the_as_of_day() -> None:
    s = contract_status(CONTRACT, DEADLINE)
    assert s.days_to_deadline == 0
    assert s.decision_due  # deadline on D: still due, not passed
    assert not s.deadline_passed


def test_deadline_passed_until_the_contract_ends() -> None:
    day_after = contract_status(CONTRACT, date(2026, 10, 3))
    assert day_after.days_to_deadline == -1
    assert day_after.deadline_passed and not day_after.decision_due
    on_end = contract_status(CONTRACT, date(2026, 12, 31))  # end on D: not ended yet
    assert on_end.deadline_passed and not on_end.ended
    after_end = contract_status(CONTRACT, date(2027, 1, 1))
    assert after_end.ended and not after_end.deadline_passed and not after_end.decision_due


def test_contract_without_end() -> None:
    s = contract_status(Contract(start=date(2024, 1, 1), notice_days=90), date(2026, 6, 1))
    assert s.notice_deadline is None and s.days_to_deadline is None
    assert not (s.decision_due or s.deadline_passed or s.ended)
    assert not s.auto_renew


# --- exit readiness ---------------------------------------------------------

# one measured criterion, target 100, floor 0: the overall score equals the value;
# bands Strong >= 80, Adequate >= 60, At risk >= 0 (the lowest)
PROG = programme(category("a", 1, measured("m", 100, floor=0)), bands=BANDS)
LOWEST = BANDS[-1]
D = date(2026, 11, 26)
QUARTERS = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]


def _history(values: Sequence[float | None]) -> tuple[Evaluation, ...]:
    done: list[Evaluation] = []
    for label, v in zip(QUARTERS, values, strict=False):
        done.append(evaluate(PROG, provider(), record(label, date(2026, 10, 1), {"m": v}), done))
    return tuple(done)


def test_missing_when_in_lowest_band_without_plan() -> None:
    at_risk = _history([70, 50])  # latest 50 < 60: At risk
    assert exit_readiness(None, at_risk, LOWEST, D).missing
    assert exit_readiness(ExitPlan(status="none"), at_risk, LOWEST, D).missing
    assert not exit_readiness(ExitPlan(status="drafted", reviewed=D), at_risk, LOWEST, D).missing
    # 70 then 75: Adequate, rising: no need for a plan
    assert not exit_readiness(None, _history([70, 75]), LOWEST, D).missing
    # no evaluations at all: nothing to go on
    assert not exit_readiness(None, (), LOWEST, D).missing


def test_latest_band_is_from_latest_banded_evaluation() -> None:
    # 50 (At risk), then an unscored quarter: the latest band is still At risk
    assert exit_readiness(None, _history([50, None]), LOWEST, D).missing


def test_missing_when_score_fell_twice() -> None:
    # 90 > 85 > 81: fell in each of the last two, though still Strong
    assert falling(_history([90, 85, 81]))
    assert exit_readiness(None, _history([90, 85, 81]), LOWEST, D).missing
    # an unscored quarter in between is skipped: 90, -, 85, 81 still fell twice
    assert exit_readiness(None, _history([90, None, 85, 81]), LOWEST, D).missing
    # fell, then level: 90, 85, 85 -> no
    assert not falling(_history([90, 85, 85]))
    # rose then fell: 85, 90, 81 -> no
    assert not falling(_history([85, 90, 81]))
    # only two scored: 90, 85 -> no
    assert not falling(_history([90, 85]))
    # only the last three count: 95, 90, 91, 85 -> 90 < 91 is not a fall
    assert not falling(_history([95, 90, 91, 85]))


def test_stale_exit_plan() -> None:
    # D - 365 days = 2025-11-26: reviewed that day is not stale; the day before is
    assert not exit_readiness(ExitPlan("drafted", reviewed=date(2025, 11, 26)), (), LOWEST, D).stale
    assert exit_readiness(ExitPlan("tested", reviewed=date(2025, 11, 25)), (), LOWEST, D).stale
    assert exit_readiness(ExitPlan("drafted", reviewed=None), (), LOWEST, D).stale
    # no plan, or status none: nothing to go stale
    assert not exit_readiness(ExitPlan("none", reviewed=None), (), LOWEST, D).stale
    assert not exit_readiness(None, (), LOWEST, D).stale


# --- v1.1: contract decisions ---------------------------------------------------
# The deadline is 2026-10-02; the window opens 120 days before it:
# 2026-10-02 - 2 = 09-30, - 30 = 08-31, - 31 = 07-31, - 31 = 06-30, - 26 = 06-04.
WINDOW_OPENS = date(2026, 6, 4)


def _decided(status: str, day: date) -> Contract:
    from dataclasses import replace

    from scorecard.data.model import Decision

    return replace(CONTRACT, decision=Decision(status, day))  # type: ignore[arg-type]


def test_decision_inside_the_window_clears_decision_due() -> None:
    s = contract_status(_decided("renew", WINDOW_OPENS), date(2026, 9, 1))
    assert s.window_opens == WINDOW_OPENS
    assert s.decided is not None and s.decided.status == "renew"
    assert not s.decision_due
    # and after the deadline it is not "deadline passed" either
    later = contract_status(_decided("renew", WINDOW_OPENS), date(2026, 10, 20))
    assert later.decided is not None and not later.deadline_passed


def test_decision_before_the_window_settles_nothing() -> None:
    s = contract_status(_decided("renew", date(2026, 6, 3)), date(2026, 9, 1))
    assert s.decided is None
    assert s.decision_due


def test_decision_dated_after_the_as_of_day_settles_nothing_yet() -> None:
    s = contract_status(_decided("renew", date(2026, 9, 15)), date(2026, 9, 1))
    assert s.decided is None and s.decision_due


def test_leaving_without_a_plan_is_flagged() -> None:
    from scorecard.figures.contract import leaving_without_plan

    exit_ = contract_status(_decided("exit", date(2026, 7, 1)), date(2026, 9, 1))
    notice = contract_status(_decided("notice-given", date(2026, 7, 1)), date(2026, 9, 1))
    renew = contract_status(_decided("renew", date(2026, 7, 1)), date(2026, 9, 1))
    assert leaving_without_plan(exit_, None)
    assert leaving_without_plan(notice, ExitPlan(status="none"))
    assert not leaving_without_plan(notice, ExitPlan(status="drafted"))
    assert not leaving_without_plan(exit_, ExitPlan(status="tested"))
    assert not leaving_without_plan(renew, None)
