"""What to fix first: points lost worked out by hand from scoring.md."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from factories import action, category, measured, programme, provider, record
from scorecard.figures.priorities import (
    MissedTarget,
    OverdueAction,
    overdue_actions,
    points_lost,
    priorities,
)
from scorecard.figures.results import Evaluation
from scorecard.figures.scoring import evaluate

DAY = date(2026, 10, 6)


def _evaluation() -> Evaluation:
    # Category "service" (weight 3): uptime (w 2, target 99, floor 95),
    # response (w 1, lower, target 30, no floor).
    # Category "quality" (weight 1): defects (w 1, lower, target 5, floor 15).
    prog = programme(
        category("service", 3,
                 measured("uptime", 99, floor=95, weight=2),
                 measured("response", 30, better="lower", weight=1)),
        category("quality", 1, measured("defects", 5, better="lower", floor=15)),
    )
    rec = record("2026-Q3", DAY, {"uptime": 97, "response": 45, "defects": 10})
    return evaluate(prog, provider(), rec)


def test_points_lost_by_hand() -> None:
    # uptime: score 100*(97-95)/(99-95) = 50; shortfall 50 * 2/3 * 3/4 = 25.
    # response: no floor, missed: score 0; shortfall 100 * 1/3 * 3/4 = 25.
    # defects: 100*(15-10)/(15-5) = 50; shortfall 50 * 1/1 * 1/4 = 12.5.
    lost = {m.result.criterion.id: m.points for m in points_lost(_evaluation())}
    assert lost == pytest.approx({"uptime": 25.0, "response": 25.0, "defects": 12.5})
    # Overall 100 - (25 + 25 + 12.5) = 37.5: the points lost add up to the shortfall.
    assert _evaluation().overall == pytest.approx(37.5)


def test_ordered_most_first_ties_in_programme_order() -> None:
    order = [m.result.criterion.id for m in points_lost(_evaluation())]
    assert order == ["uptime", "response", "defects"]


def test_overdue_actions_most_overdue_first_and_ours_left_out() -> None:
    a = action("a", date(2026, 7, 1), "open", due=date(2026, 9, 26))  # 10 days
    b = action("b", date(2026, 7, 1), "open", due=date(2026, 9, 1))  # 35 days
    closed = action("c", date(2026, 7, 1), "done", due=date(2026, 9, 1),
                    closed=date(2026, 9, 20))
    not_yet = action("d", date(2026, 7, 1), "open", due=date(2026, 10, 6))  # due today
    ours_open = action("e", date(2026, 7, 1), "open", due=date(2026, 8, 1))
    ours = replace(ours_open, owner="us")
    late = overdue_actions([a, b, closed, not_yet, ours], DAY)
    assert [(o.action.id, o.days) for o in late] == [("b", 35), ("a", 10)]


def test_three_at_most_and_an_overdue_action_keeps_a_place() -> None:
    ev = _evaluation()
    only_targets = priorities(ev, [], DAY)
    assert [type(p) for p in only_targets] == [MissedTarget] * 3
    late = action("b", date(2026, 7, 1), "open", due=date(2026, 9, 1))
    mixed = priorities(ev, [late], DAY)
    assert [type(p) for p in mixed] == [MissedTarget, MissedTarget, OverdueAction]
    assert isinstance(mixed[2], OverdueAction) and mixed[2].days == 35


def test_nothing_missed_nothing_to_fix() -> None:
    prog = programme(category("service", 1, measured("uptime", 99)))
    ev = evaluate(prog, provider(), record("2026-Q3", DAY, {"uptime": 99.5}))
    assert priorities(ev, [], DAY) == ()
