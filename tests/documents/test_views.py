"""The view models: what each template receives, worked out by hand.

Built on ``tests/sample_portfolio.py`` (its docstring has the arithmetic of
every figure): acme 2026-Q3 scores 56.333 (At risk), down 18.667 from 75;
globex 2026-Q3 scores 87.5 (Strong). As of 2026-11-26.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

import sample_portfolio as sample
from scorecard.data.model import Dataset
from scorecard.data.periods import Period
from scorecard.data.provenance import Amendment, Provenance
from scorecard.documents.templating import DocumentMeta
from scorecard.documents.views.index import IndexEntry, index_view
from scorecard.documents.views.portfolio import portfolio_view
from scorecard.documents.views.provider import ProviderPage, provider_view
from scorecard.documents.views.team import AmendmentLine, InternalNote, team_view
from scorecard.figures.compute import compute
from scorecard.figures.results import Portfolio, ProviderResult

PROV = Provenance(commit="3f2a9c1d" + "0" * 32, dirty=False, commit_day=date(2026, 11, 26))
DIRTY = Provenance(commit=None, dirty=True, commit_day=None)


def _portfolio() -> Portfolio:
    """The sample, with notes, a summary, a reply and internal fields on acme 2026-Q3."""
    data = sample.dataset()
    acme = list(data.records["acme"])
    acme[1] = dataclasses.replace(
        acme[1],
        notes={"p1-response": "Two weekend incidents waited over an hour."},
        internal_notes={"fix-quality": "Tom thinks the root-cause reports are copy-paste."},
        summary="A weak quarter.",
        internal="Use the weekend gap in the renewal talks.",
        provider_response="Weekend cover is fixed from 1 November.",
    )
    return compute(
        Dataset(data.programme, data.providers, {**data.records, "acme": tuple(acme)}),
        sample.AS_OF,
    )


@pytest.fixture(scope="module")
def portfolio() -> Portfolio:
    return _portfolio()


def _acme(portfolio: Portfolio) -> ProviderResult:
    result = portfolio.provider("acme")
    assert result is not None
    return result


def _provider_page(portfolio: Portfolio, revised: date | None = None) -> ProviderPage:
    acme = _acme(portfolio)
    evaluation = acme.evaluation(Period(2026, 3, "quarterly"))
    assert evaluation is not None
    return provider_view(
        acme, evaluation, portfolio.programme, as_of=portfolio.as_of, provenance=PROV,
        revised=revised,
    )


def _walk(value: Any) -> list[Any]:
    """Every value inside a view (dataclass fields, tuples), depth first."""
    found = [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            found += _walk(getattr(value, f.name))
    elif isinstance(value, tuple):
        for item in value:
            found += _walk(item)
    return found


# --- the provider page ---------------------------------------------------------


def test_headline_box(portfolio: Portfolio) -> None:
    h = _provider_page(portfolio).headline
    assert h.score == 56  # 56.333 shown as a whole number
    assert h.band == "At risk" and h.band_text == "At risk" and h.band_class == "band-low"
    # printed 56 (56.333) and 75 before: 56 - 75 = -19, with both scores to check it by
    assert h.trend_text == "Down 19 points, from 75 to 56"
    assert h.coverage_percent == 80  # (60 * 4/4 + 40 * 1/2) / 100
    assert h.sentence.startswith("You scored 56 out of 100 this quarter")


def test_criteria_lines_measured_and_rated(portfolio: Portfolio) -> None:
    page = _provider_page(portfolio)
    service, relationship = page.categories
    assert (service.name, service.score, service.weight_percent) == ("Service delivery", 52, 60)
    availability, p1, fix = service.criteria
    # 99.2 against 99.9: missed; 100 * (99.2 - 99.0) / (99.9 - 99.0) = 22.2 -> 22
    assert (availability.result, availability.target, availability.outcome) == (
        "99.2%", "99.9% or more", "Missed"
    )
    assert availability.score == 22
    assert "0.7 percentage points short" in availability.sentence
    # 42 minutes against 30: 100 * (120 - 42) / (120 - 30) = 86.67 -> 87
    assert (p1.result, p1.target, p1.outcome, p1.score) == (
        "42 minutes", "30 minutes or less", "Missed", 87
    )
    assert p1.note == "Two weekend incidents waited over an hour."
    # Ratings 4 and 2: the provider sees the mean, 3, "Meets expectations", score 50.
    assert (fix.result, fix.outcome, fix.score) == ("3 out of 5", "Meets expectations", 50)
    communication, reports = relationship.criteria
    # 4 and 3: mean 3.5, halfway between the labels of 3 and 4.
    assert communication.result == "3.5 out of 5"
    assert communication.outcome == (
        "Halfway between “Meets expectations” and “Exceeds expectations”"
    )
    assert (reports.scored, reports.outcome, reports.outcome_class) == (
        False, "Not scored", "not-scored"
    )


def test_provider_page_sentences_scope_actions(portfolio: Portfolio) -> None:
    page = _provider_page(portfolio, revised=date(2026, 11, 12))
    assert page.targets_sentence == "You met none of your 2 targets."
    # One line per missed target, with its gap: 99.9 - 99.2 = 0.7 points; 42 - 30 = 12 minutes.
    availability, p1 = page.missed
    assert availability.startswith("Availability: 99.2%")
    assert "0.7 percentage points short" in availability
    assert p1.startswith("First response to urgent tickets: 42 minutes")
    assert "12 minutes slower" in p1
    assert "Monthly reports on time" in page.not_scored_sentence
    assert page.scope.used == ("Service desk", "Network")
    assert page.scope.unused == ("Backup and recovery",)
    assert [a.id for a in page.deficiencies] == ["a-1"]
    assert page.deficiencies[0].overdue  # due 2026-09-30, before 2026-11-26
    assert page.deficiencies[0].owner == "You"
    assert [a.id for a in page.ideas] == ["a-4"]
    assert page.revised_on == date(2026, 11, 12)
    assert page.summary == "A weak quarter."
    assert page.provider_response == "Weekend cover is fixed from 1 November."
    assert page.meta.audience_label == "Shared with Acme Managed IT Ltd"
    assert not page.meta.internal
    assert [p.period for p in page.history] == ["2026-Q1", "2026-Q3"]
    assert page.bands == ("Strong: 80 or more", "Adequate: 60 to under 80", "At risk: below 60")
    assert page.chart.startswith("<svg")


def test_provider_page_carries_nothing_internal(portfolio: Portfolio) -> None:
    """Redaction by construction: no field can hold an internal value."""
    page = _provider_page(portfolio)
    values = _walk(page)
    strings = " ".join(v for v in values if isinstance(v, str))
    assert "Tom thinks" not in strings and "renewal talks" not in strings
    assert "Globex" not in strings and "Tom Berg: 2" not in strings
    names = {f.name for v in values if dataclasses.is_dataclass(v) for f in dataclasses.fields(v)}
    forbidden = {"contract", "exit", "exit_plan", "internal_note", "internal_notes",
                 "ratings", "disagreement", "rank", "peers", "amendments"}
    assert names & forbidden == set()
    # Every leaf is plain data: no model or results object reaches the template.
    plain = (str, int, float, bool, date, type(None), DocumentMeta)
    leaves = [v for v in values if not dataclasses.is_dataclass(v) and not isinstance(v, tuple)]
    assert all(isinstance(v, plain) for v in leaves), {type(v) for v in leaves}


# --- the team page ---------------------------------------------------------------


def test_team_page_adds_the_internal_parts(portfolio: Portfolio) -> None:
    acme = _acme(portfolio)
    evaluation = acme.latest
    assert evaluation is not None
    change = Amendment(date(2026, 11, 12), "Priya Shah", "Fix the p1 figure", "ab" * 20)
    team = team_view(acme, evaluation, portfolio, provenance=PROV, amendments=[change])
    assert team.meta.audience_label == "Internal: do not forward"
    assert team.shared.revised_on == date(2026, 11, 12)
    assert team.shared.headline.sentence.startswith("Acme scored 56")
    fix = next(r for r in team.ratings if r.criterion == "Quality of fixes")
    assert fix.ratings == (("Priya Shah", 4, "Exceeds expectations"),
                           ("Tom Berg", 2, "Below expectations"))
    assert fix.disagreement  # 4 - 2 = 2 points apart
    communication = next(r for r in team.ratings if r.criterion == "Communication")
    assert not communication.disagreement and communication.mean == "3.5"
    assert team.internal == "Use the weekend gap in the renewal talks."
    assert team.internal_notes == (
        InternalNote("Quality of fixes", "Tom thinks the root-cause reports are copy-paste."),
    )
    # Contract 2026-12-31 with 90 days' notice: deadline 2026-10-02, passed.
    assert team.contract is not None
    assert team.contract.notice_deadline == date(2026, 10, 2)
    assert team.contract.status == "Notice deadline passed"
    assert team.exit.stale and team.exit.state == "Review due"  # reviewed 2025-06-01
    # globex 87.5 first, acme 56.333 second in "Managed infrastructure".
    assert team.rank is not None
    assert (team.rank.portfolio, team.rank.area_rank, team.rank.area_size) == (2, 2, 2)
    assert [(p.name, p.score, p.this) for p in team.rank.peers] == [
        ("Globex Services", 88, False), ("Acme Managed IT Ltd", 56, True)
    ]
    assert [(h.period, h.score, h.late) for h in team.history] == [
        ("2026-Q1", 75, False), ("2026-Q3", 56, True)  # evaluated 2026-11-05, due 2026-10-30
    ]
    assert team.amendments == (
        AmendmentLine(date(2026, 11, 12), "Priya Shah", "Fix the p1 figure", "abababa"),
    )
    # The whole action log, open first: a-1 (due 2026-09-30), a-4, then the closed ones.
    assert [t.line.id for t in team.actions][:2] == ["a-1", "a-4"]
    assert {t.line.id for t in team.actions} == {"a-1", "a-2", "a-3", "a-4", "a-5"}


# --- the portfolio and the index ----------------------------------------------------


def test_portfolio_rows_in_rank_order(portfolio: Portfolio) -> None:
    page = portfolio_view(
        portfolio, provenance=DIRTY, team_hrefs={"acme": "acme/2026-Q3/team.html"}
    )
    assert page.meta.dirty and page.meta.internal
    globex, acme = page.rows
    assert (globex.name, globex.score, globex.band, globex.rank) == (
        "Globex Services", 88, "Strong", 1  # 87.5 -> 88, halves away from zero
    )
    # printed 88 (87.5, halves away from zero) and 100: 88 - 100 = -12, not -12.5 -> 13
    assert globex.trend_text == "Down 12 points, from 100 to 88"
    assert globex.contract == "Decide by 30 January 2027" and globex.contract_attention
    assert (acme.targets, acme.open_actions, acme.overdue_actions) == ("0 of 2", 1, 1)
    assert acme.scope == "2 of 3 services"
    assert acme.evaluations_overdue == ("2026-Q2",)
    assert acme.exit_plan == "Review overdue" and acme.exit_attention
    assert acme.team_href == "acme/2026-Q3/team.html" and globex.team_href is None
    assert [a.area for a in page.areas] == ["Managed infrastructure"]
    # v1.1: decisions to take come first, then what is overdue
    assert [a.group for a in page.attention[:2]] == ["Decisions to take", "Overdue"]
    assert page.chart.startswith("<svg")


def test_index_groups_by_provider_and_period(portfolio: Portfolio) -> None:
    entries = [
        IndexEntry("provider", "acme", "2026-Q1", "acme/2026-Q1/provider.html", None),
        IndexEntry(
            "team", "acme", "2026-Q3", "acme/2026-Q3/team.html", "acme/2026-Q3/team.pdf"
        ),
        IndexEntry("provider", "acme", "2026-Q3", "acme/2026-Q3/provider.html", None),
        IndexEntry("portfolio", None, None, "portfolio.html", "portfolio.pdf"),
    ]
    page = index_view(portfolio, entries, provenance=PROV)
    assert [g.provider_id for g in page.groups] == ["acme"]  # globex has no documents here
    q3, q1 = page.groups[0].periods  # latest first
    assert (q3.period, q1.period) == ("2026-Q3", "2026-Q1")
    assert [d.audience for d in q3.documents] == ["provider", "team"]
    assert q3.documents[0].audience_label == "Shared with Acme Managed IT Ltd"
    assert q3.documents[1].audience_label == "Internal: do not forward"
    assert q3.documents[1].pdf == "acme/2026-Q3/team.pdf"
    assert [d.html for d in page.portfolio] == ["portfolio.html"]


# --- v1.1: spend and dependence, unused cost, decisions, the renewal brief -------------


def _with_spend() -> Portfolio:
    """The sample with spend: acme EUR 300,000 (its network, EUR 12,000, unused in
    2026-Q1 and Q3), globex EUR 100,000 and a decision to renew on 2026-11-02."""
    data = sample.dataset()
    acme, globex = data.providers["acme"], data.providers["globex"]
    assert acme.contract is not None and globex.contract is not None
    from scorecard.data.model import Decision, Service

    acme = dataclasses.replace(
        acme,
        contract=dataclasses.replace(acme.contract, annual_value=300_000, currency="EUR"),
        services=(*acme.services[:2], Service("network", "Network", annual_value=12_000)),
    )
    globex = dataclasses.replace(globex, contract=dataclasses.replace(
        globex.contract, annual_value=100_000, currency="EUR",
        decision=Decision("renew", date(2026, 11, 2), note="Renew for two years.")))
    providers = {"acme": acme, "globex": globex}
    return compute(Dataset(data.programme, providers, data.records), sample.AS_OF)


def test_portfolio_spend_and_dependence() -> None:
    page = portfolio_view(_with_spend(), provenance=PROV)
    # EUR 300,000 + 100,000 = 400,000: acme 75% (above half), globex 25%
    assert page.spend_sentence == "We spend EUR 400,000 a year on our providers."
    assert page.dependence == (
        "Acme gets 75% of what we spend in EUR. That is more than half, so we depend on it.",)
    acme, globex = page.spend_rows  # largest spend first
    assert (acme.spend, acme.share, acme.flags) == (
        "EUR 300,000 a year", "75% of EUR spend", ("Above the concentration share",))
    assert (globex.spend, globex.share, globex.flags) == ("EUR 100,000 a year",
                                                          "25% of EUR spend", ())
    # acme's year (2025-Q4 .. 2026-Q3) has no record for 2025-Q4 and 2026-Q2: no unused claim
    assert page.unused == () and acme.unused_cost is None
    # globex's deadline 2027-01-30, window opened 2026-10-02: the renewal of 2026-11-02 settles it
    row = next(r for r in page.rows if r.provider_id == "globex")
    assert row.contract == "Decided on 2 November 2026: renew the contract"
    assert not row.contract_attention
    assert "Decisions to take" not in {a.group for a in page.attention}


def test_team_page_says_what_was_decided(portfolio: Portfolio) -> None:
    spent = _with_spend()
    globex = spent.provider("globex")
    assert globex is not None and globex.latest is not None
    team = team_view(globex, globex.latest, spent, provenance=PROV, amendments=())
    assert team.decision_sentence == "On 2 November 2026 we decided to renew the contract."
    assert team.decision_note == "Renew for two years."
    assert team.contract is not None and team.contract.status == "Decided: renew"
    assert team.contract.sentence == (
        "The contract runs until 31 March 2027. The last day to give notice is 30 January 2027.")


def test_renewal_view_of_the_sample() -> None:
    from scorecard.documents.views.renewal import renewal_view

    page = renewal_view(_with_spend(), "acme", provenance=PROV)
    assert page.meta.audience == "team" and page.meta.internal
    assert page.meta.audience_label == "Internal: do not forward"
    assert (page.deadline, page.days_left, page.auto_renew) == (date(2026, 10, 2), -55, True)
    assert page.value == "EUR 300,000 a year"
    # term: 2026-Q1 (75) and 2026-Q3 (56.33); availability and p1-response missed once of 2
    assert [r.period for r in page.term] == ["2026-Q1", "2026-Q3"]
    assert [(m.criterion, m.missed, m.mean_gap) for m in page.missed] == [
        ("Availability", "1 of 2 quarters", "0.7 percentage points"),
        ("First response to urgent tickets", "1 of 2 quarters", "12 minutes"),
    ]
    texts = [p.text for p in page.points]
    # 1 of 2 is at least a third: both missed targets are points; the fall of 75 -> 56
    assert texts[:2] == [
        "Acme missed the target for availability in 1 of 2 quarters. "
        "The gap was 0.7 percentage points on average.",
        "Acme missed the target for first response to urgent tickets in 1 of 2 quarters. "
        "The gap was 12 minutes on average.",
    ]
    assert "Acme's score fell from 75 to 56 out of 100 over the contract so far." in texts
    # globex has no short name; 87.5 shows as 88, 56.33 as 56
    assert ("Globex Services, in the same area, scores 88 to Acme's 56. "
            "We pay Globex Services EUR 100,000 a year.") in texts
    peers = [(p.name, p.score, p.this) for p in page.peers]
    assert peers == [("Globex Services", 88, False), ("Acme Managed IT Ltd", 56, True)]
def test_index_shows_each_providers_latest_band_and_what_is_overdue(
    portfolio: Portfolio,
) -> None:
    entries = [IndexEntry("provider", "acme", "2026-Q3", "acme/2026-Q3/provider.html", None)]
    (acme,) = index_view(portfolio, entries, provenance=PROV).groups
    # acme's latest scored period is 2026-Q3 at 56.333 -> 56, under Adequate's 60: At risk
    assert (acme.score, acme.band_text, acme.scored_period) == (56, "At risk", "2026-Q3")
    assert acme.band_class == "band-low"
    # one overdue action (a-1, due 2026-09-30) and the 2026-Q2 evaluation never made
    assert acme.overdue == ("1 action", "the 2026-Q2 evaluation")
def test_a_changed_target_and_a_criterion_that_does_not_apply_in_the_provider_page() -> None:
    from factories import category, dataset, measured, programme, provider, rated, record
    from scorecard.data.model import Change

    uptime = dataclasses.replace(measured("uptime", 99.9, floor=99.0),
                                 name="Availability",
                                 changes=(Change(date(2026, 1, 1), target=99.95),))
    prog = programme(category("service", 1, uptime, rated("patching")))
    acme = dataclasses.replace(provider(), not_applicable=("patching",))
    done = compute(dataset(prog, [acme], [
        record("2025-Q4", date(2026, 1, 10), {"uptime": 99.9}),
        record("2026-Q1", date(2026, 4, 10), {"uptime": 99.9}),
    ]), date(2026, 5, 1))
    result = done.provider("acme")
    assert result is not None
    old, new = result.evaluations
    page = provider_view(result, new, prog, as_of=done.as_of, provenance=PROV, revised=None)
    assert page.rules_sentence == (
        "From January 2026 the target for Availability is 99.95%; it was 99.9%.")
    # 100 * (99.9 - 99) / (99.95 - 99) = 94.74 -> 95; 2025-Q4 was met: 100; down 5.26 -> 5
    assert page.headline.trend_text == "Down 5 points, from 100 to 95"
    assert page.headline.trend_note == "The rules changed since 2025-Q4."
    lines = {c.id: c for c in page.categories[0].criteria}
    assert (lines["uptime"].target, lines["uptime"].score) == ("99.95% or more", 95)
    assert (lines["patching"].outcome, lines["patching"].outcome_class) == (
        "Does not apply to this contract", "not-applicable")
    assert page.not_applicable_sentence == (
        "Patching does not apply to this contract, so it is left out of the score.")
    assert [pt.rules_changed for pt in page.history] == [False, True]
    assert page.rules_marked
    first = provider_view(result, old, prog, as_of=done.as_of, provenance=PROV, revised=None)
    assert first.rules_sentence == ""  # 2025-Q4 is judged by the rules of 2025-Q3 too


def test_page_one_says_what_to_fix_first(portfolio: Portfolio) -> None:
    page = _provider_page(portfolio)
    # Both categories scored (60 and 40); service's scored weight 1 + 1 + 2 = 4.
    # availability: (100 - 22.222) * 1/4 * 60/100 = 11.67 -> 12 points;
    # p1-response: (100 - 86.667) * 1/4 * 60/100 = 2.0 -> 2 points;
    # a-1 open, due 30 September, 57 days late on 26 November (the last place).
    assert page.fix_first == (
        "Availability: 99.2%. That is 0.7 percentage points short of the target. "
        "It cost your score 12 points.",
        "First response to urgent tickets: 42 minutes. That is 12 minutes slower than "
        "agreed. It cost your score 2 points.",
        # 30 September + 57 days (31 in October + 26) = 26 November, the as-of day
        "Fix “Weekend on-call cover”. It was due on 30 September 2026. By 26 November 2026 "
        "it was 57 days late.",
    )
    # A reply is on file: nothing asks for one.
    assert page.reply_sentence == ""


def test_page_one_asks_for_a_reply_while_none_is_on_file(portfolio: Portfolio) -> None:
    globex = portfolio.provider("globex")
    assert globex is not None
    evaluation = globex.evaluation(Period(2026, 3, "quarterly"))
    assert evaluation is not None
    page = provider_view(globex, evaluation, portfolio.programme, as_of=portfolio.as_of,
                         provenance=PROV, revised=None)
    # Everything met; g-1 is due on 10 December, not yet late.
    assert page.fix_first == ()
    assert page.fix_first_none == "No target was missed and no action is overdue."
    # No distribution block: 14 days, counted from the day it is sent (v1.2).
    assert page.reply_sentence.startswith(
        "Please reply to us by e-mail within 14 days of the day we send you this scorecard."
    )


def test_provider_chart_draws_a_period_too_little_scored_to_judge_hollow() -> None:
    # Q3 leaves "Monthly reports on time" unscored, so its share of criteria
    # scored is under 100%: with a min_coverage of 1, Q3 has a score but no band.
    data = sample.dataset()
    strict = dataclasses.replace(data.programme, min_coverage=1.0)
    portfolio = compute(Dataset(strict, data.providers, data.records), sample.AS_OF)
    page = _provider_page(portfolio)
    q1, q3 = page.history
    assert (q1.period, q1.band is not None) == ("2026-Q1", True)
    assert (q3.period, q3.score is not None, q3.band) == ("2026-Q3", True, None)
    assert "2026-Q3 " in page.chart and "(too little scored to judge)." in page.chart
    assert page.chart.count('stroke-dasharray="2.5 1.5"') == 1  # Q3's dot alone is hollow
    assert "too little scored to judge" not in _provider_page(_portfolio()).chart
