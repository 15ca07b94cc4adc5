"""The renewal brief's figures and its negotiation points, worked out by hand.

Programme: one category, two measured criteria, quarterly.
- p1-response: minutes, target 30, floor 120, lower is better.
- availability: %, target 99.9, floor 99.0, higher is better.
Acme's contract started on 2025-01-01; one record before it (2024-Q4) is not in the term.
"""

from dataclasses import replace
from datetime import date

from factories import action, category, dataset, measured, period, programme, provider, record
from scorecard.data.model import Contract, Criterion, Measure, Service
from scorecard.figures.compute import compute
from scorecard.figures.renewal import renewal_figures
from scorecard.words.renewal import gap_words, negotiation_points

AS_OF = date(2026, 11, 26)
P1 = Criterion("p1-response", "First response to urgent tickets", "",
               measure=Measure(unit="minutes", target=30, better="lower", floor=120))
PROG = programme(category("service", 1, P1, measured("availability", 99.9, floor=99.0)))

# p1 per quarter, 2025-Q1 .. 2026-Q3 (7 quarters) and 2026-Q4 not yet:
#   Q1 60 (missed by 30), Q2 25 (met), Q3 50 (missed by 20), Q4 30 (met: equal),
#   2026-Q1 55 (by 25), Q2 28 (met), Q3 55 (by 25)  -> missed 4 of 7, mean (30+20+25+25)/4 = 25
# availability: missed once, 2025-Q3 99.5 (by 0.4): 1 of 7 is under a third: no point.
P1_VALUES = [60, 25, 50, 30, 55, 28, 55]
AVAILABILITY = [99.9, 99.95, 99.5, 99.9, 99.9, 99.92, 99.9]
QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]


def _portfolio():  # type: ignore[no-untyped-def]
    acme = replace(
        provider(
            "acme", area="Infrastructure",
            contract=Contract(start=date(2025, 1, 1), end=date(2027, 3, 31), notice_days=90,
                              auto_renew=True, annual_value=240_000, currency="EUR"),
            actions=[
                # in the term: raised 2025-02-01, fixed 2025-02-21 (20 days)
                action("a-1", date(2025, 2, 1), "done", due=date(2025, 3, 1),
                       closed=date(2025, 2, 21)),
                # fixed 2025-06-01 -> 2025-07-11 (40 days)
                action("a-2", date(2025, 6, 1), "done", due=date(2025, 7, 1),
                       closed=date(2025, 7, 11)),
                # open and overdue
                action("a-3", date(2026, 3, 1), "open", due=date(2026, 5, 1)),
                # open, not yet due
                action("a-4", date(2026, 10, 1), "open", due=date(2027, 1, 1)),
                # before the term: left out
                action("a-0", date(2024, 11, 1), "done", due=date(2024, 12, 1),
                       closed=date(2024, 11, 5)),
            ],
        ),
        services=(Service("desk", "Service desk"),
                  Service("ooh", "Out-of-hours support", annual_value=18_000)),
    )
    globex = provider("globex", area="Infrastructure", contract=Contract(
        start=date(2025, 1, 1), end=date(2028, 1, 1), annual_value=120_000, currency="EUR"))
    records = [record("2024-Q4", date(2025, 1, 15), {"p1-response": 200, "availability": 98},
                      services_used=["desk", "ooh"])]
    for label, p1, av in zip(QUARTERS, P1_VALUES, AVAILABILITY, strict=True):
        records.append(record(label, period(label).due(10), {"p1-response": p1,
                                                             "availability": av},
                              services_used=["desk"]))
    # globex: one quarter, both targets met: overall 100
    records.append(record("2026-Q3", date(2026, 10, 5), {"p1-response": 20,
                                                         "availability": 99.95},
                          provider="globex"))
    return compute(dataset(PROG, [acme, globex], records), AS_OF)


def test_term_and_missed_targets() -> None:
    f = renewal_figures(_portfolio(), "acme")
    assert f is not None
    assert [e.period.label for e in f.term] == QUARTERS  # 2024-Q4 ended before the start
    p1, availability = f.missed
    assert (p1.criterion.id, p1.missed, p1.measured, p1.mean_gap, p1.worst_gap) == (
        "p1-response", 4, 7, 25.0, 30.0)
    assert p1.often
    assert (availability.criterion.id, availability.missed, availability.measured) == (
        "availability", 1, 7)
    assert abs(availability.mean_gap - 0.4) < 1e-9
    assert not availability.often  # 1 of 7 is under a third


def test_term_scores_and_trend() -> None:
    f = renewal_figures(_portfolio(), "acme")
    assert f is not None
    # overall = mean of the two criterion scores (equal weights)
    # 2025-Q1: p1 60 -> 100 * (120 - 60) / 90 = 66.67; availability 100 -> 83.33
    # 2026-Q3: p1 55 -> 100 * 65 / 90 = 72.22; availability 100 -> 86.11
    assert f.first_score is not None and abs(f.first_score - 250 / 3) < 1e-9
    assert f.last_score is not None and abs(f.last_score - (100 + 6500 / 90) / 2) < 1e-9
    assert f.term_change is not None and abs(f.term_change - (86.1111 - 83.3333)) < 1e-3


def test_term_actions() -> None:
    f = renewal_figures(_portfolio(), "acme")
    assert f is not None
    a = f.actions
    assert (a.raised, a.fixed, a.dropped) == (4, 2, 0)
    assert [x.id for x in a.open] == ["a-3", "a-4"] and [x.id for x in a.overdue] == ["a-3"]
    assert a.median_days_to_fix == 30.0  # median of 20 and 40


def test_peers_with_spend() -> None:
    f = renewal_figures(_portfolio(), "acme")
    assert f is not None
    (globex,) = f.peers
    assert globex.result.provider.id == "globex" and globex.score == 100.0
    # EUR 240,000 + 120,000 = 360,000: globex 1/3
    assert globex.spend is not None and abs(globex.spend.share - 1 / 3) < 1e-9
    assert f.best_peer is globex


def test_negotiation_points_match_their_figures() -> None:
    f = renewal_figures(_portfolio(), "acme")
    assert f is not None
    points = negotiation_points(f)
    assert [(p.section, p.text) for p in points] == [
        ("targets", "Acme missed the target for first response to urgent tickets in 4 of 7 "
                    "quarters. The gap was 25 minutes on average."),
        # ooh not named in any record of 2025-Q4 .. 2026-Q3; last used in 2024-Q4
        ("scope", "We pay EUR 18,000 a year for Out-of-hours support and have not used it "
                  "since the fourth quarter of 2024."),
        # 83.33 -> 86.11 is a rise: no point to press (the term sentence says it)
        ("problems", "Two problems we raised are still open, 1 of them overdue. "
                     "Fixes took 30 days (median)."),
        # globex 100 against acme's latest 86.11
        ("peers", "Globex, in the same area, scores 100 to Acme's 86. "
                  "We pay Globex EUR 120,000 a year."),
    ]


def test_a_fall_over_the_term_is_a_point() -> None:
    f = renewal_figures(_portfolio(), "acme")
    assert f is not None
    # as if the term had started at 90: 86.11 - 90 = -3.89, a fall of about 4 points
    fell = replace(f, first_score=90.0)
    assert [p.text for p in negotiation_points(fell) if p.section == "scores"] == [
        "Acme's score fell from 90 to 86 out of 100 over the contract so far."]
    # printed 86 both times (86.4 and 86.11): "about the same", no point. (86.9 would print
    # 87: a fall of 1 point as printed, which is a point since the change is worked from print.)
    flat = replace(f, first_score=86.4)
    assert [p for p in negotiation_points(flat) if p.section == "scores"] == []


def test_no_point_without_a_figure_that_says_something() -> None:
    portfolio = _portfolio()
    f = renewal_figures(portfolio, "globex")
    assert f is not None
    # one quarter, every target met, nothing raised, no unused service, best in its area
    assert negotiation_points(f) == ()
    assert renewal_figures(portfolio, "nobody") is None


def test_gap_words() -> None:
    assert gap_words(25.0, "minutes") == "25 minutes"
    assert gap_words(4.94, "minutes") == "4.9 minutes"
    assert gap_words(11.666, "%") == "12 percentage points"
    assert gap_words(1.857, "%") == "1.9 percentage points"
    assert gap_words(0.064, "%") == "0.06 percentage points"
    assert gap_words(1.0, "%") == "1 percentage point"


def test_open_problems_that_are_all_overdue_are_said_plainly() -> None:
    from dataclasses import replace

    f = renewal_figures(_portfolio(), "acme")
    assert f is not None and len(f.actions.open) == 2
    # the same two open problems, both past their due day
    both = replace(f, actions=replace(f.actions, overdue=f.actions.open))
    (point,) = [p for p in negotiation_points(both) if p.section == "problems"]
    assert point.text == ("Two problems we raised are still open, both overdue. "
                          "Fixes took 30 days (median).")
