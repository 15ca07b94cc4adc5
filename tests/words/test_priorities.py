"""Page one's "What to fix first" and how and by when to reply, in words."""

from __future__ import annotations

from datetime import date

from factories import action, category, measured, programme, provider, record, score
from scorecard.data.model import Criterion, Measure, Scale
from scorecard.figures.priorities import MissedTarget, OverdueAction, priorities
from scorecard.figures.scoring import criterion_result, evaluate
from scorecard.words.priorities import fix_first_sentences, nothing_to_fix, reply_sentences


def test_a_missed_target_with_its_gap_floor_and_points() -> None:
    crit = Criterion("p1", "First response to urgent incidents", "k",
                     measure=Measure("minutes", 30, "lower", floor=120))
    cr = criterion_result(crit, score(150), Scale())
    # 150 minutes: 120 slower than agreed and past the floor, so it scores 0.
    assert fix_first_sentences([MissedTarget(cr, 12.5)], internal=False) == [
        "First response to urgent incidents: 150 minutes. That is 120 minutes slower than "
        "agreed. It is past the floor of 120, so it scores 0. It cost your score 13 points."
    ]
    assert fix_first_sentences([MissedTarget(cr, 0.4)], internal=True)[0].endswith(
        "It cost the score less than 1 point."
    )


def test_a_percent_unit_and_an_overdue_action() -> None:
    crit = Criterion("b", "Spend", "k", measure=Measure("% over budget", 0, "lower", floor=10))
    cr = criterion_result(crit, score(2.5), Scale())
    late = action("firmware", date(2026, 4, 1), "open", due=date(2026, 4, 30))
    assert fix_first_sentences([MissedTarget(cr, 1.0), OverdueAction(late, 180)],
                               internal=False) == [
        "Spend: 2.5% over budget. That is 2.5 percentage points more than agreed. "
        "It cost your score 1 point.",
        # 30 April + 180 days (31 + 30 + 31 + 31 + 30 = 153 to 30 September, + 27) = 27 October
        "Fix “Firmware”. It was due on 30 April 2026. By 27 October 2026 it was 180 days "
        "late.",
    ]


def test_from_an_evaluation_to_words() -> None:
    prog = programme(category("service", 1, measured("uptime", 99, floor=95)))
    ev = evaluate(prog, provider(), record("2026-Q3", date(2026, 10, 6), {"uptime": 98}))
    # score 100 * (98 - 95) / (99 - 95) = 75: 25 points lost, the only category.
    assert fix_first_sentences(priorities(ev, [], date(2026, 10, 6)), internal=False) == [
        "Uptime: 98%. That is 1 percentage point short of the target. It cost your score 25 points."
    ]
    assert nothing_to_fix() == "No target was missed and no action is overdue."


def test_how_and_by_when_to_reply() -> None:
    assert reply_sentences(date(2026, 11, 5), 14, "Castellan", internal=False) == [
        # v1.2: a document may be sent weeks after it is issued, so it names no
        # reply-by day that could pass before it is sent; the e-mail names the day
        "Please reply to us by e-mail within 14 days of the day we send you this scorecard. "
        "The e-mail it comes with gives the day.",
        "Tell us what you think of the results and what you will do about them.",
        "Your reply will be shown on the scorecard, beside the figures.",
    ]
    assert reply_sentences(date(2026, 11, 5), 14, "Castellan", internal=True) == [
        "Castellan has not replied yet. We ask for a reply within 14 days of the day we "
        "send the scorecard."
    ]
    assert reply_sentences(None, 14, "Castellan", internal=False) == []
