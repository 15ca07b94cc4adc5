"""Plain-language sentences, checked word for word against figures worked out by hand.

The small data set and its arithmetic are in ``sample_portfolio.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import sample_portfolio as sample
import scorecard.words
from scorecard.data.model import Category, Criterion, Measure, Provider, Scale, display_name
from scorecard.data.periods import Period
from scorecard.data.provenance import Amendment
from scorecard.figures.priorities import priorities, reply_by
from scorecard.figures.results import (
    ActionSummary,
    CategoryResult,
    CriterionResult,
    Evaluation,
    Portfolio,
    ProviderResult,
)
from scorecard.figures.rules import changes_from_previous
from scorecard.words.actions import action_sentence, actions_summary
from scorecard.words.contract import contract_sentences, exit_plan_sentences
from scorecard.words.criteria import (
    category_sentence,
    criterion_sentences,
    missed_targets,
    not_scored,
    targets_summary,
)
from scorecard.words.due import attention, due_sentence, schedule_sentences
from scorecard.words.evidence import source_sentences
from scorecard.words.numbers import day_words, gap_text, join_words, number_text, value_text
from scorecard.words.portfolio import portfolio_summary, rank_sentences
from scorecard.words.priorities import fix_first_sentences, nothing_to_fix, reply_sentences
from scorecard.words.readability import text_stats
from scorecard.words.reported import reported_sentence, to_discuss
from scorecard.words.rules import not_applicable_sentence, rule_change_sentences
from scorecard.words.scope import scope_sentences
from scorecard.words.scores import headline, no_evaluation, revised
from scorecard.words.voice import voice_of

Q3 = sample.q(2026, 3)


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return sample.portfolio()


def _provider(portfolio: Portfolio, pid: str) -> ProviderResult:
    result = portfolio.provider(pid)
    assert result is not None
    return result


def _evaluation(portfolio: Portfolio, pid: str, period: Period) -> Evaluation:
    ev = _provider(portfolio, pid).evaluation(period)
    assert ev is not None
    return ev


# --- words for days, numbers and lists -----------------------------------------------


def test_day_words_have_no_leading_zero_and_no_locale() -> None:
    assert day_words(date(2026, 9, 30)) == "30 September 2026"
    assert day_words(date(2027, 1, 5)) == "5 January 2027"


def test_join_words() -> None:
    assert join_words([]) == ""
    assert join_words(["backup"]) == "backup"
    assert join_words(["backup", "training"]) == "backup and training"
    assert join_words(["backup", "security reviews", "training"]) == (
        "backup, security reviews and training"
    )


def test_values_are_shown_as_written_with_their_unit() -> None:
    assert value_text(99.95, "%") == "99.95%"
    assert value_text(42.0, "minutes") == "42 minutes"
    assert value_text(1.0, "minutes") == "1 minute"
    assert value_text(3.0, "findings") == "3 findings"
    assert number_text(99.9) == "99.9"
    assert number_text(100.0) == "100"


def test_gaps_are_rounded_to_the_decimals_in_the_data() -> None:
    # 99.9 - 99.2 is 0.7000000000000028 in floating point; the data has 1 decimal.
    assert gap_text(99.2, 99.9, "%") == "0.7 percentage points"
    # 100 - 99 = 1 percentage point.
    assert gap_text(99.0, 100.0, "%") == "1 percentage point"
    # 42 - 30 = 12 minutes.
    assert gap_text(42.0, 30.0, "minutes") == "12 minutes"
    # 0.05 - 0.02 = 0.03 (0.030000000000000002 in floating point).
    assert gap_text(0.05, 0.02, "seconds") == "0.03 seconds"


# --- the headline -------------------------------------------------------------------


def test_headline_with_trend_from_an_earlier_period(portfolio: Portfolio) -> None:
    ev = _evaluation(portfolio, "acme", Q3)
    acme = sample.acme()
    # overall 56.333 -> 56; before 75 -> 75; change as printed 56 - 75 = -19; the period
    # compared with is 2026-Q1 (Q2 has no record), so it is named in words.
    assert headline(ev, acme, internal=True) == [
        "Acme scored 56 out of 100 this quarter, down 19 points from 75 in the first quarter "
        "of 2026.",
        "That is At risk.",
    ]
    assert headline(ev, acme, internal=False)[0] == (
        "You scored 56 out of 100 this quarter, down 19 points from 75 in the first quarter "
        "of 2026."
    )


def test_headline_trend_rounds_halves_away_from_zero(portfolio: Portfolio) -> None:
    ev = _evaluation(portfolio, "globex", Q3)
    # 87.5 shows as 88 (halves away from zero); 100 shows as 100. The change in words is
    # worked from the printed scores: 88 - 100 = -12, not the rounded -12.5 (13).
    assert headline(ev, sample.globex(), internal=True) == [
        "Globex Services scored 88 out of 100 this quarter, down 12 points from 100 last "
        "quarter.",
        "That is Strong.",
    ]


def test_first_evaluation_has_no_trend_clause(portfolio: Portfolio) -> None:
    ev = _evaluation(portfolio, "acme", sample.q(2026, 1))
    assert headline(ev, sample.acme(), internal=False) == [
        "You scored 75 out of 100 this quarter.",
        "That is Adequate.",
    ]


def _evaluation_with(ev: Evaluation, **changes: object) -> Evaluation:
    return replace(ev, **changes)  # type: ignore[arg-type]


def test_small_trend_is_about_the_same_and_one_point_is_singular(portfolio: Portfolio) -> None:
    ev = _evaluation(portfolio, "globex", Q3)
    globex = sample.globex()
    # Worked from the printed scores (overall 87.5 prints 88):
    # before 87.6 prints 88: 88 - 88 = 0, about the same (the trend is -0.1);
    # before 87.4 prints 87: 88 - 87 = 1, up 1 point (singular), though the trend is 0.1;
    # before 88.6 prints 89: 88 - 89 = -1, down 1 point.
    def before(score: float) -> Evaluation:
        return _evaluation_with(ev, trend=87.5 - score, previous_overall=score)

    assert headline(before(87.6), globex, internal=True)[0].endswith(
        "this quarter, about the same as last quarter."
    )
    assert headline(before(87.4), globex, internal=True)[0].endswith(
        ", up 1 point from 87 last quarter."
    )
    assert headline(before(88.6), globex, internal=True)[0].endswith(
        ", down 1 point from 89 last quarter."
    )


def test_low_coverage_gives_no_rating(portfolio: Portfolio) -> None:
    ev = _evaluation_with(_evaluation(portfolio, "globex", Q3), band=None, trend=None)
    assert headline(ev, sample.globex(), internal=False) == [
        "You scored 88 out of 100 this quarter.",
        "Too little was scored this quarter to give a status.",
    ]


def test_nothing_scored(portfolio: Portfolio) -> None:
    ev = _evaluation_with(_evaluation(portfolio, "globex", Q3), overall=None, band=None)
    assert headline(ev, sample.globex(), internal=False) == ["Nothing was scored this quarter."]
    assert headline(ev, sample.globex(), internal=True) == [
        "Nothing was scored for Globex Services this quarter."
    ]
    # The headline says it: the not-scored list adds nothing.
    assert not_scored(ev) == []


def test_monthly_period_noun(portfolio: Portfolio) -> None:
    ev = _evaluation(portfolio, "globex", Q3)
    record = replace(ev.record, period=Period(2026, 9, "monthly"))
    monthly = _evaluation_with(ev, record=record, previous=Period(2026, 8, "monthly"))
    assert headline(monthly, sample.globex(), internal=False)[0] == (
        "You scored 88 out of 100 this month, down 12 points from 100 last month."
    )


# --- targets and criteria ---------------------------------------------------------------


def test_targets_summary(portfolio: Portfolio) -> None:
    acme = sample.acme()
    # Q3: availability and p1-response both missed; reports not scored: 0 of 2.
    q3 = _evaluation(portfolio, "acme", Q3)
    assert targets_summary(q3, acme, internal=True) == ["Acme met none of its 2 targets."]
    # Q1: all three measured criteria met.
    q1 = _evaluation(portfolio, "acme", sample.q(2026, 1))
    assert targets_summary(q1, acme, internal=False) == [
        "You met all 3 of your targets."
    ]
    some = _evaluation_with(q3, targets_met=7, targets_measured=9)
    assert targets_summary(some, acme, internal=True) == ["Acme met 7 of its 9 targets."]
    # Every measured target counts, whatever its category (security, cost, ...),
    # so the sentence says "targets", never "service targets".
    one = _evaluation_with(q3, targets_met=0, targets_measured=1)
    assert targets_summary(one, acme, internal=True) == ["Acme missed its one target."]
    nothing = _evaluation_with(q3, targets_met=0, targets_measured=0)
    assert targets_summary(nothing, acme, internal=True) == [
        "No targets were measured this quarter."
    ]


def test_missed_targets_in_the_unit_people_use(portfolio: Portfolio) -> None:
    q3 = _evaluation(portfolio, "acme", Q3)
    assert missed_targets(q3) == [
        "Availability: 99.2% against a target of 99.9%.",
        "That is 0.7 percentage points short of the target.",  # 99.9 - 99.2
        "First response to urgent tickets: 42 minutes against a target of 30.",
        "That is 12 minutes slower than agreed.",  # 42 - 30, lower is better
    ]


def test_met_target_and_non_time_unit() -> None:
    scale = Scale()
    met = CriterionResult(
        Criterion("availability", "Availability", "service",
                  measure=Measure("%", 99.9, "higher", floor=99.0)),
        100.0, value=99.95, met=True,
    )
    assert criterion_sentences(met, scale, Q3, internal=False) == [
        "Availability: 99.95% against a target of 99.9%.",
        "The target was met.",
    ]
    findings = CriterionResult(
        Criterion("audit", "Audit findings past due", "security",
                  measure=Measure("findings", 0, "lower")),
        0.0, value=3.0, met=False,
    )
    # Lower is better, not a time: 3 - 0 = 3 findings more than agreed.
    assert criterion_sentences(findings, scale, Q3, internal=False) == [
        "Audit findings past due: 3 findings against a target of 0.",
        "That is 3 findings more than agreed.",
        "This target has no partial score: any miss scores 0.",
    ]


def test_rated_criteria_provider_sees_the_mean_only(portfolio: Portfolio) -> None:
    q3 = _evaluation(portfolio, "acme", Q3)
    scale = portfolio.programme.scale
    fix = q3.criterion("fix-quality")
    comm = q3.criterion("communication")
    assert fix is not None and comm is not None
    # fix-quality: (4 + 2) / 2 = 3, a whole rating with a label.
    assert criterion_sentences(fix, scale, Q3, internal=False) == [
        "Quality of fixes: rated 3 out of 5 on average.",
        "That means “Meets expectations”.",
    ]
    # communication: (4 + 3) / 2 = 3.5, between two labels.
    assert criterion_sentences(comm, scale, Q3, internal=False) == [
        "Communication: rated 3.5 out of 5 on average.",
        "That is halfway between “Meets expectations” and “Exceeds expectations”.",
    ]


def test_rated_criteria_internal_shows_each_rating_and_disagreement(
    portfolio: Portfolio,
) -> None:
    q3 = _evaluation(portfolio, "acme", Q3)
    scale = portfolio.programme.scale
    fix = q3.criterion("fix-quality")
    comm = q3.criterion("communication")
    assert fix is not None and comm is not None
    # 4 and 2 span 2 points: they disagree.
    assert criterion_sentences(fix, scale, Q3, internal=True)[-1] == (
        "Priya Shah and Tom Berg disagree: ratings 4 and 2."
    )
    # 4 and 3 span 1 point: no disagreement.
    assert criterion_sentences(comm, scale, Q3, internal=True)[-1] == (
        "Priya Shah gave 4 and Tom Berg gave 3."
    )


def test_mean_rating_to_one_decimal_and_other_scales() -> None:
    crit = Criterion("c", "Care", "k")
    # (4 + 4 + 3) / 3 = 3.667 -> 3.7; floor 3 and ceiling 4 give the labels.
    cr = CriterionResult(crit, 66.7, ratings={"A": 4, "B": 4, "C": 3},
                         mean_rating=11 / 3)
    scale = Scale(labels={3: "Fine", 4: "Good"})
    assert criterion_sentences(cr, scale, Q3, internal=False) == [
        "Care: rated 3.7 out of 5 on average.",
        "That is nearly “Good”.",
    ]
    # A scale from 0 and no labels: no label sentence.
    zero = CriterionResult(crit, 50.0, ratings={"A": 2}, mean_rating=2.0)
    assert criterion_sentences(zero, Scale(min=0, max=4, labels={}), Q3, internal=False) == [
        "Care: rated 2 on a scale from 0 to 4."
    ]


def test_not_scored_criterion_and_category() -> None:
    crit = Criterion("c", "Cost reports", "k")
    assert criterion_sentences(CriterionResult(crit, None), Scale(), Q3, internal=True) == [
        "Cost reports: not scored this quarter."
    ]
    cat = CategoryResult(Category("k", "Cost", 10, (crit,)), None, (), 0, 1)
    assert category_sentence(cat, Q3) == "Cost was not scored this quarter."


def test_category_score(portfolio: Portfolio) -> None:
    q3 = _evaluation(portfolio, "acme", Q3)
    # service 52.222 -> 52; relationship 62.5 -> 63 (halves away from zero).
    assert [category_sentence(c, Q3) for c in q3.categories] == [
        "Service delivery scored 52 out of 100.",
        "Relationship scored 63 out of 100.",
    ]


def test_not_scored_says_which_and_how_much_is_left(portfolio: Portfolio) -> None:
    q3 = _evaluation(portfolio, "acme", Q3)
    # coverage 0.8 -> 80%.
    assert not_scored(q3) == [
        "One criterion was not scored this quarter: Monthly reports on time.",
        "The score leaves it out.",
        "It rests on 80% of what we look at.",
    ]
    assert not_scored(_evaluation(portfolio, "acme", sample.q(2026, 1))) == []


def test_not_scored_several() -> None:
    a = CriterionResult(Criterion("a", "Backup tests", "k"), None)
    b = CriterionResult(Criterion("b", "Cost reports", "k"), None)
    c = CriterionResult(Criterion("c", "Care", "k"), 100.0, mean_rating=5.0)
    cat = CategoryResult(Category("k", "K", 1, ()), 100.0, (a, b, c), 1, 3)
    ev = Evaluation(
        record=sample.acme_records()[1], categories=(cat,), overall=100.0,
        coverage=1 / 3, band=None, trend=None, previous=None, targets_met=0,
        targets_measured=0, scope=None, due=date(2026, 10, 30), late=True,
    )
    # coverage 1/3 -> 33%.
    assert not_scored(ev) == [
        "Two criteria were not scored this quarter.",
        "They are Backup tests and Cost reports.",
        "The score leaves them out.",
        "It rests on 33% of what we look at.",
    ]


# --- actions and scope ---------------------------------------------------------------------


def test_actions_summary(portfolio: Portfolio) -> None:
    acme = _provider(portfolio, "acme")
    # a-1 open and past 2026-09-30; fixed in 21 and 10 days: median 15.5 -> 16;
    # one idea proposed, one adopted.
    assert actions_summary(acme.actions) == [
        "There is 1 open problem.",
        "It is past its due day.",
        "Weekend on-call cover was due on 30 September 2026.",
        "Half of the problems fixed so far took 16 days or less.",
        "One idea is still under review.",
        "We took up 1 idea.",
    ]
    # g-1 is open and due 2026-12-10: not overdue; nothing fixed, no ideas.
    assert actions_summary(_provider(portfolio, "globex").actions) == [
        "There is 1 open problem."
    ]


def test_actions_summary_several_overdue_and_none_open(portfolio: Portfolio) -> None:
    a1 = sample.acme().actions[0]
    a2 = replace(a1, id="a-9", title="Spare parts", due=date(2026, 10, 1))
    a3 = replace(a1, id="a-10", title="Rota", due=date(2027, 1, 1))
    summary = ActionSummary((a1, a2, a3), (a1, a2), (4,), 4.0, (), (), (sample.acme().actions[3],))
    assert actions_summary(summary) == [
        "There are 3 open problems.",
        "Two of them are past their due day.",
        "Weekend on-call cover was due on 30 September 2026.",
        "Spare parts was due on 1 October 2026.",
        "The one problem fixed so far took 4 days.",
        "We turned down 1 idea.",
    ]
    empty = ActionSummary((), (), (), None, (), (), ())
    assert actions_summary(empty) == ["There are no open problems."]


def test_action_sentences_as_of_a_day() -> None:
    a1, a2, _, a4, a5 = sample.acme().actions
    as_of = sample.AS_OF
    assert action_sentence(a1, as_of) == (
        "Weekend on-call cover was due on 30 September 2026. It is still open."
    )
    assert action_sentence(a1, date(2026, 9, 1)) == (
        "Weekend on-call cover is due by 30 September 2026."
    )
    assert action_sentence(a2, as_of) == "Patch reports was fixed on 22 May 2026."
    # Closed on 2026-05-22: on 2026-05-10 it was still open, due 2026-06-01.
    assert action_sentence(a2, date(2026, 5, 10)) == "Patch reports is due by 1 June 2026."
    assert action_sentence(a4, as_of) == "Self-service password reset is an idea under review."
    assert action_sentence(a5, as_of) == "Shared status page was taken up on 1 April 2026."


def test_scope_in_each_voice(portfolio: Portfolio) -> None:
    q3 = _evaluation(portfolio, "acme", Q3)
    acme = sample.acme()
    # used desk and network of desk, backup, network: 2 of 3.
    assert scope_sentences(q3, acme, internal=False) == [
        "We used 2 of the 3 services we buy from you.",
        "We did not use Backup and recovery.",
    ]
    assert scope_sentences(q3, acme, internal=True)[0] == (
        "We used 2 of the 3 services we buy from Acme."
    )
    q1 = _evaluation(portfolio, "acme", sample.q(2026, 1))
    assert scope_sentences(q1, acme, internal=False) == [
        "We did not record which services we used this quarter."
    ]
    # Globex has no services listed: nothing to say.
    assert scope_sentences(_evaluation(portfolio, "globex", Q3), sample.globex(),
                             internal=False) == []


# --- internal: schedule, contract, exit plan, rank ---------------------------------------


def test_schedule_sentences(portfolio: Portfolio) -> None:
    assert schedule_sentences(_provider(portfolio, "acme"), grace_days=30) == [
        # 2026-Q2 ends 2026-06-30; + 30 days = 2026-07-30.
        "The evaluation for the second quarter of 2026 was due on 30 July 2026.",
        "It is not done yet.",
        "Priya Shah leads the evaluations of Acme.",
        # Q3 due 2026-10-30, evaluated 2026-11-05: 6 days late.
        "The evaluation for the third quarter of 2026 was due on 30 October 2026 and was done "
        "6 days late.",
        # Q4 ends 2026-12-31; + 30 days = 2027-01-30.
        "The next evaluation is for the fourth quarter of 2026.",
        "It is due by 30 January 2027.",
    ]
    assert schedule_sentences(_provider(portfolio, "globex"), grace_days=30)[0] == (
        "All evaluations of Globex Services are up to date."
    )


def test_contract_deadline_passed(portfolio: Portfolio) -> None:
    # 2026-12-31 - 90 days = 2026-10-02, before 2026-11-26.
    assert contract_sentences(_provider(portfolio, "acme")) == [
        "The last day to give notice was 2 October 2026.",
        "That day has passed.",
        "Unless notice was given, the contract renews by itself on 31 December 2026.",
    ]


def test_contract_decision_due(portfolio: Portfolio) -> None:
    # 2027-03-31 - 60 days = 2027-01-30: 4 days left in November + 31 + 30 = 65 days.
    assert contract_sentences(_provider(portfolio, "globex")) == [
        "The contract ends on 31 March 2027.",
        "We must decide by 30 January 2027 whether to renew it.",
        # v1.2: the count names the day it counts from, the as-of day
        "That is 65 days after 26 November 2026, the day these figures are as of.",
    ]
    # As of 2026-11-26 + 30 = 2026-12-26 ... an auto-renewing contract with 35 days left:
    # end 2027-01-30, 30 days' notice -> deadline 2026-12-31, 35 days after 2026-11-26.
    from scorecard.data.model import Contract
    from scorecard.figures.compute import provider_result

    renewing = replace(
        sample.globex(),
        contract=Contract(start=date(2026, 4, 1), end=date(2027, 1, 30), notice_days=30,
                          auto_renew=True),
    )
    result = provider_result(sample.dataset(), renewing, sample.AS_OF)
    assert contract_sentences(result) == [
        "The contract renews by itself.",
        "To stop that, notice must be given by 31 December 2026.",
        "That is 35 days after 26 November 2026, the day these figures are as of.",
    ]


def test_exit_plan_stale_and_missing(portfolio: Portfolio) -> None:
    acme = _provider(portfolio, "acme")
    assert exit_plan_sentences(acme, portfolio.programme) == [
        "The exit plan is drafted.",
        "It was last reviewed on 1 June 2025.",
        "That is more than a year ago.",
    ]
    # Without a plan, acme (latest band At risk, the lowest) needs one.
    from scorecard.figures.compute import provider_result

    planless = replace(sample.acme(), exit_plan=None)
    result = provider_result(sample.dataset(), planless, sample.AS_OF)
    assert result.exit.missing
    assert exit_plan_sentences(result, portfolio.programme) == [
        "Acme has the status At risk, the lowest.",
        "There is no exit plan yet, and one is needed.",
    ]
    assert exit_plan_sentences(_provider(portfolio, "globex"), portfolio.programme) == [
        "There is no exit plan."
    ]


def test_rank(portfolio: Portfolio) -> None:
    # globex 87.5 ahead of acme 56.333, both in Managed infrastructure.
    assert rank_sentences(_provider(portfolio, "acme")) == [
        "Acme ranks 2nd of 2 providers by its latest score.",
        "It ranks 2nd of 2 in Managed infrastructure.",
    ]


def test_revised_names_the_last_change() -> None:
    changes = [
        Amendment(date(2026, 10, 12), "Priya Shah", "Fix typo", "a" * 40),
        Amendment(date(2026, 11, 2), "Tom Berg", "Correct rating", "b" * 40),
    ]
    assert revised(changes) == ["This evaluation was revised on 2 November 2026."]
    assert revised([]) == []


def test_no_evaluation_yet() -> None:
    p = Provider("initech", "Initech Services")
    assert no_evaluation(p, internal=True) == ["Initech Services has not been evaluated yet."]
    assert no_evaluation(p, internal=False) == ["You have not been evaluated yet."]


# --- portfolio: what needs attention ----------------------------------------------------------


def test_attention_most_urgent_first(portfolio: Portfolio) -> None:
    items = attention(portfolio)
    # v1.1 (outputs.md, page one): a contract decision comes before what is overdue
    assert [(i.due, i.urgency, i.provider) for i in items] == [
        (date(2027, 1, 30), "later", "globex"),  # globex contract decision, 65 days away
        (date(2026, 7, 30), "overdue", "acme"),  # acme 2026-Q2 evaluation
        (date(2026, 9, 30), "overdue", "acme"),  # a-1
        (date(2026, 12, 10), "soon", "globex"),  # g-1, 14 days away
        (date(2027, 1, 30), "later", "acme"),  # acme 2026-Q4 evaluation, 65 days away
        (date(2027, 1, 30), "later", "globex"),  # globex 2026-Q4 evaluation
        (date(2026, 6, 1), "info", "acme"),  # exit plan stale since 2025-06-01 + 365 days
        (date(2026, 10, 2), "info", "acme"),  # notice deadline passed
    ]
    assert items[1].sentence == (
        "We have not scored Acme for the second quarter of 2026 yet. "
        "It was due on 30 July 2026. Priya Shah leads it."
    )
    assert items[2].sentence == (
        "Acme: “Weekend on-call cover” was due on 30 September 2026. It is still open. "
        "Acme owns it."
    )
    # globex has no lead: the last record's lead (Tom Berg) owns what we must do.
    assert items[3].sentence == (
        "Globex Services: “Asset list” is due by 10 December 2026. Tom Berg owns it."
    )
    assert items[0].sentence == (
        "A decision on the contract with Globex Services is due by 30 January 2027. "
        "That is 65 days after 26 November 2026, the day these figures are as of."
    )


def test_portfolio_summary(portfolio: Portfolio) -> None:
    assert portfolio_summary(portfolio) == [
        # each status names the providers it counts (globex 87.5 Strong, acme 56.3 At risk)
        "We have 2 providers.",
        "One has the status Strong: Globex Services.",
        "One has the status At risk: Acme.",
    ]


# --- audience: what a provider may read ----------------------------------------------------------


def provider_facing(portfolio: Portfolio, result: ProviderResult) -> list[str]:
    """Every sentence a provider document can hold, for every period."""
    scale = portfolio.programme.scale
    texts: list[str] = []
    provider = result.provider
    for ev in result.evaluations:
        texts += headline(ev, provider, internal=False)
        texts += targets_summary(ev, provider, internal=False)
        texts += missed_targets(ev)
        texts += [category_sentence(c, ev.period) for c in ev.categories]
        for cr in ev.criteria():
            texts += criterion_sentences(cr, scale, ev.period, internal=False)
        texts += not_scored(ev)
        texts += scope_sentences(ev, provider, internal=False)
        texts += [reported_sentence(cr, provider, internal=False) for cr in ev.criteria()]
        texts += to_discuss(ev.criteria(), provider, internal=False)
    texts += actions_summary(result.actions)
    texts += [action_sentence(a, portfolio.as_of) for a in provider.actions]
    texts += _shared_credit_sentences(portfolio, result)
    return texts


def _shared_credit_sentences(portfolio: Portfolio, result: ProviderResult) -> list[str]:
    """v1.2: the service-credit sentences of a provider document (never termination)."""
    from scorecard.figures.consequences import credits_of
    from scorecard.words import credits as w

    found = credits_of(portfolio.programme, result, portfolio.as_of)
    if found is None:
        return []
    voice = voice_of(result.provider, False)
    texts = [w.terms_sentence(found, "quarter", voice)]
    for pc in found.periods:
        texts += w.cap_sentences(pc, found, pc.period.noun, voice)
        texts += [w.skipped_sentence(pc.skipped, pc.period.noun),
                  w.pending_sentence(pc, found.terms.earn_back, voice)]
        texts += [w.earlier_sentence(pc, i, found, voice) for i in pc.items]
    return texts


def test_provider_text_never_leaks_internal_facts(portfolio: Portfolio) -> None:
    acme = _provider(portfolio, "acme")
    text = " ".join(provider_facing(portfolio, acme))
    for word in ("Tom Berg", "Priya Shah", "disagree", "contract", "notice", "exit",
                 "rank", "Globex", "Acme"):
        assert word not in text, word
    # ... and it does speak to the provider.
    assert "You scored 56 out of 100" in text



# --- the demo data: every sentence reads at grade 8 or lower ----------------------------------

DEMO = Path(__file__).resolve().parents[2] / "evaluations"
DEMO_AS_OF = date(2026, 11, 26)

# Helpers that make words, not sentences, or that other sentences are built with
# (the voice, "That is 65 days from now."); every other public name makes sentences.
WORD_HELPERS = {"count_word", "day_words", "gap_text", "join_words", "number_text",
                "value_text", "AttentionItem", "counted", "days_from_now", "days_counted",
                "noun_form",
                "ordinal", "Voice", "voice_of", "DOES_NOT_APPLY",
                # v1.1: pieces of the spend and renewal sentences
                "money", "share_text", "gap_words", "NegotiationPoint", "unused_sentence",
                # v1.1: pieces of criterion_sentences
                "is_percent", "gap_sentence", "floor_sentence", "rating_words",
                # the template sandbox the documents and e-mails share: no sentence
                "sandboxed", "plain", "ContainedLoader",
                # issue 23: a change and a gap in words, glossary data
                "percentage_points", "change_words", "change_from_to",
                # issue 23: the glossary's data and checks, a commit's subject line, limits
                "TERMS", "AVOID", "PROVIDER_JARGON", "avoided", "jargon", "subject_line",
                "SUBJECT_MAX", "MIN_ASKS"}


def sentence_module_names() -> set[str]:
    """The public names of every words module but readability (which measures them)."""
    names: set[str] = set()
    for module in pkgutil.iter_modules(scorecard.words.__path__):
        if module.name != "readability":
            names |= set(importlib.import_module(f"scorecard.words.{module.name}").__all__)
    return names


def every_sentence(portfolio: Portfolio) -> tuple[list[str], set[str]]:
    """Every sentence narration makes for every provider, period and audience,
    and the names of the functions that made them."""
    scale, grace = portfolio.programme.scale, portfolio.programme.grace_days
    texts: list[str] = []
    used: set[str] = set()

    def add(name: str, sentences: list[str] | str) -> None:
        used.add(name)
        texts.extend([sentences] if isinstance(sentences, str) else sentences)

    for result in portfolio.providers:
        provider = result.provider
        for internal in (False, True):
            # What a document says before a provider's first evaluation.
            add("no_evaluation", no_evaluation(provider, internal=internal))
            for ev in result.evaluations:
                add("headline", headline(ev, provider, internal=internal))
                add("targets_summary", targets_summary(ev, provider, internal=internal))
                for cr in ev.criteria():
                    add("criterion_sentences",
                        criterion_sentences(cr, scale, ev.period, internal=internal))
                add("scope_sentences", scope_sentences(ev, provider, internal=internal))
                # v1.2: the provider's reported figures beside ours, and page one's list
                add("reported_sentence", [reported_sentence(cr, provider, internal=internal)
                                          for cr in ev.criteria() if cr.reported])
                add("to_discuss", list(to_discuss(ev.criteria(), provider, internal=internal)))
        for ev in result.evaluations:
            add("missed_targets", missed_targets(ev))
            # v1.1: page one's "What to fix first" and how and by when to reply
            first = priorities(ev, result.actions.open_deficiencies, ev.record.evaluated)
            for internal in (False, True):
                add("fix_first_sentences", fix_first_sentences(first, internal=internal))
                add("reply_sentences", reply_sentences(
                    reply_by(ev, 14), 14, display_name(provider), internal=internal))
            add("nothing_to_fix", nothing_to_fix())
            # v1.2: where each figure computed from a source file came from
            add("source_sentences", list(source_sentences(ev.record).values()))
            for cat in ev.categories:
                add("category_sentence", category_sentence(cat, ev.period))
            add("not_scored", not_scored(ev))
            add("rule_change_sentences", rule_change_sentences(
                changes_from_previous(portfolio.programme, provider, ev), ev.period))
            add("not_applicable_sentence", not_applicable_sentence(
                [c for cat in ev.categories for c in cat.not_applicable]))
            add("revised", revised(
                [Amendment(ev.record.evaluated, "Someone", "Correct a rating", "0" * 40)]
            ))
        add("actions_summary", actions_summary(result.actions))
        for action in provider.actions:
            add("action_sentence", action_sentence(action, portfolio.as_of))
        add("schedule_sentences", schedule_sentences(result, grace))
        add("contract_sentences", contract_sentences(result))
        add("exit_plan_sentences", exit_plan_sentences(result, portfolio.programme))
        add("rank_sentences", rank_sentences(result))
        # issue 23: page one's whom to reply to, next steps and next evaluation
        from scorecard.words.contact import reply_to_sentences
        from scorecard.words.next_steps import next_evaluation_sentence, next_steps
        from scorecard.words.provenance_line import provenance_line

        add("reply_to_sentences", reply_to_sentences(
            result.evaluations[-1].record.lead if result.evaluations else "Nobody",
            portfolio.programme.distribution))
        for ev in result.evaluations:
            add("next_steps", next_steps(result, ev, 14))
        for internal in (False, True):
            add("next_evaluation_sentence", next_evaluation_sentence(result, internal=internal))
            add("provenance_line", provenance_line(
                portfolio.as_of, "3a51d1d", portfolio.as_of, dirty=False, internal=internal))
    items = attention(portfolio)
    add("attention", [i.sentence for i in items])
    from scorecard.figures.due import due_items

    add("due_sentence", [due_sentence(i) for i in due_items(portfolio)])
    add("portfolio_summary", portfolio_summary(portfolio))
    from scorecard.figures.since import since_last
    from scorecard.words.since import since_sentences

    add("since_sentences", since_sentences(since_last(portfolio)))
    from scorecard.figures.track import track
    from scorecard.words.track import last_time_text, misses_text

    for result in portfolio.providers:
        for ev in result.evaluations:
            for cr in ev.criteria():
                t = track(cr.criterion.id, result.evaluations, ev)
                unit = cr.criterion.measure.unit if cr.criterion.measure else None
                add("last_time_text", [x for x in [last_time_text(t, unit, scale.max)] if x])
                add("misses_text", [x for x in [misses_text(t, ev.period.noun)] if x])
    # v1.1: spend, dependence, unused services, decisions, negotiation points
    from scorecard.figures.renewal import renewal_figures
    from scorecard.figures.spend import leverage
    from scorecard.words.renewal import negotiation_points
    from scorecard.words.spend import (
        decision_sentences,
        dependence_sentences,
        spend_sentences,
        unused_sentences,
        year_of_use_sentence,
    )

    lev = leverage(portfolio)
    add("spend_sentences", spend_sentences(lev))
    add("dependence_sentences", dependence_sentences(lev))
    for each in lev.providers:
        add("unused_sentences", unused_sentences(each))
        add("year_of_use_sentence", year_of_use_sentence(each))
        add("decision_sentences", decision_sentences(each.provider, each.leaving_without_plan))
        figures = renewal_figures(portfolio, each.provider.provider.id)
        if figures is not None:
            add("negotiation_points", [p.text for p in negotiation_points(figures)])
            from scorecard.words.asks import asks, position
            from scorecard.words.stakes import decision_stake

            add("asks", [p.text for p in asks(figures)])
            add("position", position(figures, portfolio.programme))
            add("decision_stake", decision_stake(each.provider, each.spend))
    _credit_sentences(portfolio, add)
    return texts, used


def _credit_sentences(portfolio: Portfolio, add: Any) -> None:
    """v1.2: service credits (both voices) and termination rights (internal)."""
    from scorecard.figures.consequences import credits_of, rights_of
    from scorecard.figures.renewal import renewal_figures
    from scorecard.words import credits as w
    from scorecard.words.renewal_credits import (
        credit_points_texts,
        term_credits_sentences,
        term_rights_lines,
    )

    for result in portfolio.providers:
        found = credits_of(portfolio.programme, result, portfolio.as_of)
        if found is None:
            continue
        noun = result.evaluations[-1].period.noun
        name = display_name(result.provider)
        for internal in (False, True):
            voice = voice_of(result.provider, internal)
            add("terms_sentence", w.terms_sentence(found, noun, voice))
            for pc in found.periods:
                add("cap_sentences", w.cap_sentences(pc, found, noun, voice))
                add("skipped_sentence", w.skipped_sentence(pc.skipped, noun))
                add("pending_sentence", w.pending_sentence(pc, 2, voice))
                for item in pc.items:
                    add("earlier_sentence", w.earlier_sentence(pc, item, found, voice))
                    add("item_what", w.item_what(item, found.terms.repeat))
                    add("state_text", w.state_text(item, found.terms.earn_back))
                    add("amount_text", w.amount_text(item.amount, found.currency))
        add("earn_back_sentence", w.earn_back_sentence(2, noun))
        add("twelve_months_sentence", w.twelve_months_sentence(found, name))
        for right in rights_of(portfolio.programme, result, portfolio.as_of):
            add("rule_text", w.rule_text(right, noun) + ".")
            add("right_sentence", w.right_sentence(right, noun))
            add("termination_due_sentence", w.termination_due_sentence(name, right))
        figures = renewal_figures(portfolio, result.provider.id)
        if figures is not None:
            add("term_credits_sentences", term_credits_sentences(figures, name))
            add("credit_points_texts", credit_points_texts(figures, name))
            add("term_rights_lines", term_rights_lines(figures))


@pytest.fixture(scope="module")
def demo() -> Portfolio:
    from scorecard.data.load import load
    from scorecard.figures.compute import compute

    dataset, problems = load(DEMO)
    assert dataset is not None, [p.text() for p in problems]
    return compute(dataset, DEMO_AS_OF)


def test_demo_narration_reads_at_grade_8_or_lower(demo: Portfolio) -> None:
    texts, used = every_sentence(demo)
    # Every sentence-making function is exercised.
    assert used == sentence_module_names() - WORD_HELPERS
    stats = text_stats("\n".join(texts))
    print(f"\nFlesch-Kincaid grade of {len(texts)} narration texts "
          f"({stats.words} words, {stats.sentences} sentences): {stats.grade:.2f}")
    assert len(texts) > 1000
    assert stats.grade <= 8


def test_demo_provider_text_names_no_one_else(demo: Portfolio) -> None:
    evaluators = {name for r in demo.providers for e in r.evaluations
                  for name in e.record.evaluators}
    for result in demo.providers:
        text = " ".join(provider_facing(demo, result))
        others = {display_name(p.provider) for p in demo.providers} - {
            display_name(result.provider)}
        for word in {*evaluators, *others, "contract", "exit", "rank", "notice"}:
            assert word not in text, (result.provider.id, word)
        # It speaks to the provider, not about it.
        assert f"{display_name(result.provider)} scored" not in text
        assert "You scored" in text
