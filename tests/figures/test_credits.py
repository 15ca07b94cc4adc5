"""Service credits, earn-back and termination rights, every figure worked out by hand.

Programme (one category, quarterly unless said): availability (%, target 99.9, higher),
p1-resolution (%, target 95, higher), patch-latency (days, target 14, lower), and a
rated communication. Acme's contract (scoring.md v1.2's worked example):
charges 60,000 a period, at_risk 0.12, so 60,000 x 0.12 = 7,200 at risk a period;
pool availability 0.5 (3,600), p1-resolution 0.3 (2,160), patch-latency 0.2 (1,440).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from factories import category, dataset, measured, period, programme, provider, rated, record
from scorecard.data.credits import ServiceCredits, TerminationRule
from scorecard.data.model import Criterion, Measure, Programme
from scorecard.data.periods import Cadence
from scorecard.figures.compute import compute
from scorecard.figures.consequences import credits_of, rights_of
from scorecard.figures.credits import Credits, year_window

AS_OF = date(2026, 11, 26)
PATCH = Criterion("patch-latency", "Patch latency", "",
                  measure=Measure(unit="days", target=14, better="lower"))


def _programme(cadence: Cadence = "quarterly") -> Programme:
    return programme(
        category("service", 1, measured("availability", 99.9), measured("p1-resolution", 95),
                 PATCH, rated("communication")),
        cadence=cadence,
    )


def _terms(**kw: object) -> ServiceCredits:
    base: dict[str, object] = {
        "charges": Decimal(60000), "currency": "EUR", "at_risk": Decimal("0.12"),
        "pool": {"availability": Decimal("0.5"), "p1-resolution": Decimal("0.3"),
                 "patch-latency": Decimal("0.2")},
    }
    base.update(kw)
    return ServiceCredits(**base)  # type: ignore[arg-type]


# A quarter's results: (availability, p1-resolution, patch-latency); None: not scored.
MET = (99.95, 96.0, 10.0)


def _scores(a: float | None, p1: float | None, patch: float | None) -> dict[str, object]:
    return {"availability": a, "p1-resolution": p1, "patch-latency": patch,
            "communication": {"Lead": 4}}


def _credits(terms: ServiceCredits, quarters: dict[str, tuple[float | None, ...]],
             *, as_of: date = AS_OF, cadence: Cadence = "quarterly",
             not_applicable: tuple[str, ...] = (),
             prog: Programme | None = None) -> tuple[Credits, object]:
    prog = prog or _programme(cadence)
    acme = replace(provider("acme"), service_credits=terms, not_applicable=not_applicable)
    records = [
        record(label, _evaluated(label, cadence), _scores(*values),  # type: ignore[arg-type]
               cadence=cadence)
        for label, values in quarters.items()
    ]
    result = compute(dataset(prog, [acme], records), as_of).provider("acme")
    assert result is not None
    found = credits_of(prog, result, as_of)
    assert found is not None
    return found, result


def _evaluated(label: str, cadence: Cadence) -> date:
    """Each record is evaluated 5 days after its period ends."""
    end = period(label, cadence).end
    return date.fromordinal(end.toordinal() + 5)


# --- the worked example, repeat, the period cap -----------------------------------


def test_the_worked_example_of_scoring_md() -> None:
    # 2026-Q2: availability missed once: 60,000 x 0.12 x 0.5 = 3,600; not at the cap.
    # 2026-Q3: availability missed again, repeat 2: 3,600 x 2 = 7,200;
    #          p1-resolution missed: 60,000 x 0.12 x 0.3 = 2,160; together 9,360 > 7,200:
    #          capped at 7,200, "at the cap". Pro rata: 7,200 x 7,200 / 9,360 = 5,538.46
    #          (5,538.4615...), and p1-resolution the rest, 7,200 - 5,538.46 = 1,661.54.
    found, _ = _credits(_terms(repeat=Decimal(2)), {
        "2026-Q2": (99.5, 96.0, 10.0),
        "2026-Q3": (99.0, 90.0, 10.0),
    })
    q2, q3 = found.periods
    assert [(i.criterion.id, i.amount, i.repeat) for i in q2.items] == [
        ("availability", Decimal("3600.00"), False)]
    assert q2.amount == Decimal("3600.00") and not q2.at_cap
    assert [(i.criterion.id, i.amount, i.repeat) for i in q3.items] == [
        ("availability", Decimal("7200.00"), True), ("p1-resolution", Decimal("2160.00"), False)]
    assert q3.before_caps == Decimal("9360.00")
    assert q3.at_risk == Decimal("7200.00")
    assert q3.amount == Decimal("7200.00") and q3.at_cap
    assert [i.credited for i in q3.items] == [Decimal("5538.46"), Decimal("1661.54")]
    assert [c.id for c in q3.met] == ["patch-latency"]
    # No earn_back in the contract: every credit is final.
    assert {i.state for pc in found.periods for i in pc.items} == {"final"}


def test_a_repeat_needs_a_miss_in_the_period_just_before() -> None:
    # 2026-Q1 availability missed: 3,600. 2026-Q2 met. 2026-Q3 missed: Q2 was met, so no
    # repeat: 3,600 again, not 7,200.
    found, _ = _credits(_terms(repeat=Decimal(2)), {
        "2026-Q1": (99.0, 96.0, 10.0), "2026-Q2": MET, "2026-Q3": (99.0, 96.0, 10.0)})
    assert [pc.amount for pc in found.periods] == [
        Decimal("3600.00"), Decimal("0"), Decimal("3600.00")]
    assert not found.periods[2].items[0].repeat


def test_a_period_at_the_cap_when_every_pool_criterion_is_missed() -> None:
    # All three missed, no repeat: 3,600 + 2,160 + 1,440 = 7,200 = the at-risk amount:
    # at the cap, and nothing cut.
    found, _ = _credits(_terms(), {"2026-Q3": (99.0, 90.0, 20.0)})
    (q3,) = found.periods
    assert q3.before_caps == Decimal("7200.00") == q3.amount
    assert q3.at_cap
    assert [i.credited for i in q3.items] == [
        Decimal("3600.00"), Decimal("2160.00"), Decimal("1440.00")]


def test_cents_without_float_drift() -> None:
    # charges 33,333.33 x at_risk 0.07 x share 0.3 = 699.99993 -> 700.00 to the cent
    # (with floats 33333.33 * 0.07 * 0.3 is 699.9999299999999, also 700.00, but the
    # decimal product is exact before the one rounding).
    terms = _terms(charges=Decimal("33333.33"), at_risk=Decimal("0.07"),
                   pool={"p1-resolution": Decimal("0.3")})
    found, _ = _credits(terms, {"2026-Q3": (99.95, 90.0, 10.0)})
    assert found.periods[0].amount == Decimal("700.00")
    # 0.1 x 3 shares of 0.1 add to exactly 0.3 of 1,000 = 300.00 (floats give 300.00000000000006)
    terms = _terms(charges=Decimal(10000), at_risk=Decimal("0.1"),
                   pool={"availability": Decimal("0.1"), "p1-resolution": Decimal("0.1"),
                         "patch-latency": Decimal("0.1")})
    found, _ = _credits(terms, {"2026-Q3": (99.0, 90.0, 20.0)})
    assert str(found.periods[0].amount) == "300.00"


# --- the year cap -------------------------------------------------------------------


def test_a_year_cap_cuts_a_later_period() -> None:
    # year_cap 0.05: 0.05 x 60,000 x 4 quarters = 12,000 over any 12 months. repeat 2.
    # 2026-Q1: availability and p1 missed, no record before: 3,600 + 2,160 = 5,760.
    # 2026-Q2: availability missed again: 7,200 (at the cap). 5,760 + 7,200 = 12,960 > 12,000:
    #          cut by 960 to 6,240.
    # 2026-Q3: availability again: 7,200, but Q1 and Q2 ended in the 365 days up to
    #          30 Sep 2026 (from 1 Oct 2025): 5,760 + 6,240 = 12,000 already: cut to 0.
    # 2027-Q1 (no 2026-Q4 record, so no repeat): 3,600. Its year runs from 1 Apr 2026
    #          (31 Mar 2027 - 364 days): Q2 6,240 + Q3 0 = 6,240; 12,000 - 6,240 = 5,760 left,
    #          so 3,600 is not cut. Q1 2026 (ended 31 Mar 2026) has left the window.
    found, _ = _credits(_terms(repeat=Decimal(2), year_cap=Decimal("0.05")), {
        "2026-Q1": (99.0, 90.0, 10.0), "2026-Q2": (99.0, 96.0, 10.0),
        "2026-Q3": (99.0, 96.0, 10.0), "2027-Q1": (99.0, 96.0, 10.0),
    }, as_of=date(2027, 5, 1))
    q1, q2, q3, q1b = found.periods
    assert (q1.amount, q1.year_cut) == (Decimal("5760.00"), Decimal(0))
    assert (q2.amount, q2.year_cut, q2.at_cap) == (Decimal("6240.00"), Decimal("960.00"), True)
    assert (q3.amount, q3.year_cut) == (Decimal("0.00"), Decimal("7200.00"))
    assert (q1b.amount, q1b.year_cut) == (Decimal("3600.00"), Decimal("0.00"))
    assert [pc.period.label for pc in year_window(q1b.period, (q1, q2, q3))] == [
        "2026-Q2", "2026-Q3"]


def test_the_year_window_of_a_monthly_provider_is_twelve_months() -> None:
    # 2027-01 ends 31 Jan 2027; minus 364 days is 1 Feb 2026: 2026-02 .. 2026-12 are the
    # eleven earlier months in its window; 2026-01 (ended 31 Jan 2026) is not.
    months = [f"2026-{m:02d}" for m in range(1, 13)]
    found, _ = _credits(_terms(), dict.fromkeys(months, MET), cadence="monthly",
                        as_of=date(2027, 3, 1))
    window = year_window(period("2027-01", "monthly"), found.periods)
    assert [pc.period.label for pc in window] == months[1:]


def test_monthly_credits_repeat_and_cap() -> None:
    # Monthly charges 20,000, at_risk 0.1: 2,000 at risk a month; availability 0.5: 1,000.
    # 2026-01 missed: 1,000. 2026-02 missed again, repeat 2: 2,000 = the cap: at the cap.
    # year_cap 0.05: 0.05 x 20,000 x 12 = 12,000, not reached (3,000).
    terms = _terms(charges=Decimal(20000), at_risk=Decimal("0.1"), repeat=Decimal(2),
                   year_cap=Decimal("0.05"), pool={"availability": Decimal("0.5")})
    found, _ = _credits(terms, {"2026-01": (99.0, 96.0, 10.0), "2026-02": (99.0, 96.0, 10.0)},
                        cadence="monthly")
    jan, feb = found.periods
    assert (jan.amount, jan.at_cap) == (Decimal("1000.00"), False)
    assert (feb.amount, feb.at_cap, feb.items[0].repeat) == (Decimal("2000.00"), True, True)


# --- earn-back ----------------------------------------------------------------------


def test_each_earn_back_state() -> None:
    # earn_back 2, grace 30 days, as of 2026-11-26.
    # 2025-Q4 availability missed (3,600); 2026-Q1 has no record and was due 30 Apr 2026:
    #   a missing record: final.
    # 2026-Q2 availability missed (3,600); met in Q3 and Q4? Q4 has no record and is due
    #   30 Jan 2027, after the as-of day: pending.
    # 2026-Q2 p1-resolution missed (2,160); met in Q3, and Q4 not yet: pending too.
    # With 2026-Q4 met (a later as-of day, 2027-02-10): Q2's credits are earned back
    #   in 2026-Q4; 2025-Q4's stays final.
    quarters: dict[str, tuple[float | None, ...]] = {
        "2025-Q4": (99.0, 96.0, 10.0), "2026-Q2": (99.0, 90.0, 10.0), "2026-Q3": MET}
    found, _ = _credits(_terms(earn_back=2), quarters)
    q4, q2, _q3 = found.periods
    assert [(i.state, i.settled, i.why_final) for i in q4.items] == [
        ("final", period("2026-Q1"), "no record")]
    assert [(i.criterion.id, i.state) for i in q2.items] == [
        ("availability", "pending"), ("p1-resolution", "pending")]
    assert q2.pending == Decimal("5760.00") and q2.earned_back == 0
    later, _ = _credits(_terms(earn_back=2), {**quarters, "2026-Q4": MET},
                        as_of=date(2027, 2, 10))
    q2 = later.of(period("2026-Q2"))
    assert q2 is not None
    assert [(i.state, i.settled) for i in q2.items] == [
        ("earned_back", period("2026-Q4")), ("earned_back", period("2026-Q4"))]
    # 3,600 + 2,160 = 5,760 earned back; kept 0.
    assert (q2.earned_back, q2.kept) == (Decimal("5760.00"), Decimal("0.00"))


def test_a_miss_or_a_period_not_scored_makes_a_credit_final() -> None:
    # earn_back 2. 2026-Q1 availability missed; Q2 availability missed again: Q1's credit
    # final (settled in Q2). 2026-Q1 p1 missed; Q2 p1 not scored: final too.
    found, _ = _credits(_terms(earn_back=2), {
        "2026-Q1": (99.0, 90.0, 10.0), "2026-Q2": (99.0, None, 10.0)})
    q1 = found.periods[0]
    assert [(i.criterion.id, i.state, i.settled, i.why_final) for i in q1.items] == [
        ("availability", "final", period("2026-Q2"), "missed"),
        ("p1-resolution", "final", period("2026-Q2"), "not scored")]


# --- pool criteria with no miss -----------------------------------------------------


def test_a_pool_criterion_not_scored_not_applicable_or_not_in_force_earns_nothing() -> None:
    # p1-resolution not scored (null): no miss, no credit; patch-latency does not apply
    # to this contract; availability missed: 3,600 only.
    found, _ = _credits(_terms(), {"2026-Q3": (99.0, None, None)},
                        not_applicable=("patch-latency",))
    (q3,) = found.periods
    assert q3.amount == Decimal("3600.00")
    assert [(s.criterion.id, s.reason) for s in q3.skipped] == [
        ("p1-resolution", "not scored"), ("patch-latency", "does not apply")]
    # A pool criterion that applies from 2027 on is not in force in 2026-Q3.
    later_patch = replace(PATCH, from_day=date(2027, 1, 1))
    prog = programme(category("service", 1, measured("availability", 99.9),
                              measured("p1-resolution", 95), later_patch, rated("communication")))
    found, _ = _credits(_terms(), {"2026-Q3": (99.0, 96.0, None)}, prog=prog)
    assert [(s.criterion.id, s.reason) for s in found.periods[0].skipped] == [
        ("patch-latency", "not in force")]


# --- termination rights -------------------------------------------------------------


def _rights(rules: tuple[TerminationRule, ...], quarters: dict[str, tuple[float | None, ...]],
            **kw: object):  # type: ignore[no-untyped-def]
    _found, result = _credits(_terms(termination=rules, **kw), quarters)
    return rights_of(_programme(), result, AS_OF)  # type: ignore[arg-type]


def _quarters(missed: set[str]) -> dict[str, tuple[float | None, ...]]:
    """2025-Q1 .. 2026-Q3, availability missed in ``missed``, all else met."""
    labels = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    return {q: ((99.0, 96.0, 10.0) if q in missed else MET) for q in labels}


def test_a_criterion_rule_that_holds() -> None:
    # misses 3 within 6: missed 2025-Q2, 2025-Q4, 2026-Q3; 2025-Q2 .. 2026-Q3 is 6 quarters
    # (Q2, Q3, Q4, Q1, Q2, Q3) holding 3 misses: holds.
    rule = TerminationRule("availability", 3, 6)
    (right,) = _rights((rule,), _quarters({"2025-Q2", "2025-Q4", "2026-Q3"}))
    assert right.holds and right.misses_to_hold is None
    assert [p.label for p in right.periods] == ["2025-Q2", "2025-Q4", "2026-Q3"]
    assert (right.first, right.last) == (period("2025-Q2"), period("2026-Q3"))


def test_a_criterion_rule_at_distance_one() -> None:
    # misses 3 within 6: missed 2025-Q4 and 2026-Q2; latest evaluated 2026-Q3.
    # No 6 quarters in a row hold 3 (2025-Q4 .. 2026-Q2 hold 2). Next quarters:
    #   2026-Q4: window 2025-Q3 .. 2026-Q4 holds 2: one more miss (in Q4) -> 3.
    #   2027-Q1: window 2025-Q4 .. 2027-Q1 holds 2: one more miss (in Q4 or Q1) -> 3.
    #   2027-Q2: window 2026-Q1 .. 2027-Q2 holds 1 (2026-Q2): two needed.
    # So one more miss by 2027-Q1.
    rule = TerminationRule("availability", 3, 6)
    (right,) = _rights((rule,), _quarters({"2025-Q4", "2026-Q2"}))
    assert not right.holds
    assert (right.misses_to_hold, right.by) == (1, period("2027-Q1"))
    # counted in the latest six quarters (2025-Q2 .. 2026-Q3): 2025-Q4 and 2026-Q2
    assert [p.label for p in right.periods] == ["2025-Q4", "2026-Q2"]


def test_a_criterion_rule_with_no_miss_is_at_its_full_count() -> None:
    # misses 2 within 4, never missed: two more misses, by 2026-Q3 + 4 = 2027-Q3? No: the
    # window must end at most 4 quarters on, and 2 slots suffice in any of them; the last
    # is 2027-Q3 (window 2026-Q4 .. 2027-Q3, all future).
    (right,) = _rights((TerminationRule("availability", 2, 4),), _quarters(set()))
    assert (right.holds, right.misses_to_hold, right.by) == (False, 2, period("2027-Q3"))


def test_at_cap_rules_hold_and_at_distance() -> None:
    # at_cap 2 within 3. A quarter is at the cap when all three pool criteria are missed
    # (3,600 + 2,160 + 1,440 = 7,200).
    at_cap = (99.0, 90.0, 20.0)
    quarters = {"2026-Q1": at_cap, "2026-Q2": MET, "2026-Q3": at_cap}
    found, result = _credits(_terms(termination=(TerminationRule(None, 2, 3),)), quarters)
    assert [pc.at_cap for pc in found.periods] == [True, False, True]
    (right,) = rights_of(_programme(), result, AS_OF)  # type: ignore[arg-type]
    # 2026-Q1 .. 2026-Q3 hold 2 at the cap: holds.
    assert right.holds and [p.label for p in right.periods] == ["2026-Q1", "2026-Q3"]
    # Only 2026-Q3 at the cap: window to 2026-Q4 (Q2..Q4) holds 1, to 2027-Q1 (Q3..Q1)
    # holds 1, to 2027-Q2 (Q4..Q2) holds 0: one more by 2027-Q1.
    found, result = _credits(_terms(termination=(TerminationRule(None, 2, 3),)),
                             {"2026-Q1": MET, "2026-Q2": MET, "2026-Q3": at_cap})
    (right,) = rights_of(_programme(), result, AS_OF)  # type: ignore[arg-type]
    assert (right.holds, right.misses_to_hold, right.by) == (False, 1, period("2027-Q1"))


def test_both_kinds_of_rule_together_in_contract_order() -> None:
    # availability 3 within 6 holds (as above); at_cap 2 within 3: no quarter at the cap:
    # two more by 2026-Q3 + 3 = 2027-Q2.
    rules = (TerminationRule("availability", 3, 6), TerminationRule(None, 2, 3))
    crit, cap = _rights(rules, _quarters({"2025-Q2", "2025-Q4", "2026-Q3"}))
    assert crit.holds and crit.criterion is not None and crit.criterion.id == "availability"
    assert (cap.holds, cap.criterion, cap.misses_to_hold, cap.by) == (
        False, None, 2, period("2027-Q2"))


def test_absurd_amounts_that_validate_accepts_are_handled() -> None:
    # Tiny: 0.01 x 0.01 x 0.5 = 0.00005, which rounds to 0.00: an item of nothing, not
    # at the cap, and no division by zero when the caps are shared out.
    tiny = _terms(charges=Decimal("0.01"), at_risk=Decimal("0.01"),
                  pool={"availability": Decimal("0.5")})
    found, _ = _credits(tiny, {"2026-Q3": (99.0, 96.0, 10.0)})
    (q3,) = found.periods
    assert (q3.amount, q3.at_cap, [i.credited for i in q3.items]) == (
        Decimal("0.00"), False, [Decimal(0)])
    # Huge: 1,000,000,000,000 x 1 x 1 x repeat 10 = 10,000,000,000,000 before the cap,
    # capped at 1,000,000,000,000, exact to the cent.
    huge = _terms(charges=Decimal(10**12), at_risk=Decimal(1), repeat=Decimal(10),
                  pool={"availability": Decimal(1)})
    found, _ = _credits(huge, {"2026-Q2": (99.0, 96.0, 10.0), "2026-Q3": (99.0, 96.0, 10.0)})
    assert found.periods[1].before_caps == Decimal("10000000000000.00")
    assert found.periods[1].amount == Decimal("1000000000000.00")
