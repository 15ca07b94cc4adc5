"""Actions as of a day (scoring.md: "Actions (as of a day D)")."""

from datetime import date

from factories import action, period
from scorecard.data.model import Action
from scorecard.figures.actions import resolved_in, summarise

D = date(2026, 11, 26)


def _ids(actions: tuple[Action, ...]) -> list[str]:
    return [a.id for a in actions]


def test_open_and_overdue_deficiencies() -> None:
    acts = [
        action("late", date(2026, 8, 1), "open", due=date(2026, 11, 25)),  # due before D
        action("today", date(2026, 8, 1), "open", due=D),  # due on D: not overdue
        action("no-due", date(2026, 8, 1), "open"),
        action("fixed", date(2026, 8, 1), "done", closed=date(2026, 9, 1)),
    ]
    s = summarise(acts, D)
    assert _ids(s.open_deficiencies) == ["late", "today", "no-due"]
    assert s.open_count == 3
    assert _ids(s.overdue) == ["late"]


def test_action_raised_after_as_of_is_left_out() -> None:
    acts = [
        action("future", date(2026, 11, 27), "open", due=date(2026, 11, 1)),
        action("future-idea", date(2026, 11, 27), "proposed", kind="idea"),
    ]
    s = summarise(acts, D)
    assert s.open_deficiencies == () and s.overdue == () and s.ideas_proposed == ()
    # raised on D itself counts
    assert s.open_count == 0
    assert summarise([action("on-d", D, "open")], D).open_count == 1


def test_action_closed_on_the_as_of_day_is_closed() -> None:
    # raised 2026-11-06, closed on D 2026-11-26: 20 days to resolve
    s = summarise([action("a", date(2026, 11, 6), "done", closed=D)], D)
    assert s.open_deficiencies == ()
    assert s.days_to_resolve == (20,)
    assert s.median_days_to_resolve == 20.0


def test_deficiency_closed_after_as_of_counts_as_open() -> None:
    # done on 2026-12-01, but as of 2026-11-26 it was still open (and due 2026-11-01: overdue)
    acts = [action("a", date(2026, 10, 1), "done", due=date(2026, 11, 1), closed=date(2026, 12, 1)),
            action("b", date(2026, 10, 1), "dropped", closed=date(2026, 12, 1))]
    s = summarise(acts, D)
    assert _ids(s.open_deficiencies) == ["a", "b"]
    assert _ids(s.overdue) == ["a"]
    assert s.days_to_resolve == ()
    assert s.median_days_to_resolve is None


def test_dropped_is_neither_open_nor_resolved() -> None:
    s = summarise([action("a", date(2026, 9, 1), "dropped", closed=date(2026, 9, 10))], D)
    assert s.open_deficiencies == ()
    assert s.days_to_resolve == ()


def test_median_days_to_resolve() -> None:
    acts = [
        # 2026-09-01 -> 09-11: 10 days
        action("a", date(2026, 9, 1), "done", closed=date(2026, 9, 11)),
        # 2026-09-01 -> 10-01: 30 days
        action("b", date(2026, 9, 1), "done", closed=date(2026, 10, 1)),
        # 2026-10-01 -> 10-22: 21 days
        action("c", date(2026, 10, 1), "done", closed=date(2026, 10, 22)),
    ]
    s = summarise(acts, D)
    assert sorted(s.days_to_resolve) == [10, 21, 30]
    assert s.median_days_to_resolve == 21.0  # middle of 10, 21, 30
    # with an even count the median is the mean of the middle two: (10 + 21) / 2 = 15.5
    assert summarise([acts[0], acts[2]], D).median_days_to_resolve == 15.5
    # across a year end: 2025-12-20 -> 2026-01-04 is 11 + 4 = 15 days
    s2 = summarise([action("y", date(2025, 12, 20), "done", closed=date(2026, 1, 4))], D)
    assert s2.days_to_resolve == (15,)


def test_ideas_as_of_the_day() -> None:
    acts = [
        action("p", date(2026, 5, 1), "proposed", kind="idea"),
        action("ad", date(2026, 5, 1), "adopted", kind="idea", closed=date(2026, 6, 1)),
        action("de", date(2026, 5, 1), "declined", kind="idea", closed=D),  # closed on D
        # adopted after D: still proposed as of D
        action("later", date(2026, 5, 1), "adopted", kind="idea", closed=date(2026, 12, 1)),
    ]
    s = summarise(acts, D)
    assert _ids(s.ideas_proposed) == ["p", "later"]
    assert _ids(s.ideas_adopted) == ["ad"]
    assert _ids(s.ideas_declined) == ["de"]
    assert s.open_deficiencies == ()  # ideas are not deficiencies


def test_resolved_in_a_period() -> None:
    q3 = period("2026-Q3")  # 2026-07-01 .. 2026-09-30
    acts = [
        action("first-day", date(2026, 6, 1), "done", closed=date(2026, 7, 1)),
        action("last-day", date(2026, 6, 1), "done", closed=date(2026, 9, 30)),
        action("after", date(2026, 6, 1), "done", closed=date(2026, 10, 1)),
        action("before", date(2026, 6, 1), "done", closed=date(2026, 6, 30)),
        action("dropped", date(2026, 6, 1), "dropped", closed=date(2026, 8, 1)),
        action("idea", date(2026, 6, 1), "adopted", kind="idea", closed=date(2026, 8, 1)),
        action("open", date(2026, 6, 1), "open"),
    ]
    assert _ids(resolved_in(acts, q3)) == ["first-day", "last-day"]
