"""The reported figures on the provider and team scorecards' view models, on the
sample (tests/sample_portfolio.py): acme 2026-Q3 has availability 99.2 (ours) and
p1-response 42 minutes; tolerance 0 (the sample's measures give none)."""

from __future__ import annotations

import dataclasses

import sample_portfolio as sample
from scorecard.data.model import Dataset
from scorecard.data.periods import Period
from scorecard.data.provenance import Provenance
from scorecard.documents.views.provider import ProviderPage, provider_view
from scorecard.documents.views.team import team_view
from scorecard.figures.compute import compute
from scorecard.figures.results import Portfolio

PROV = Provenance(commit="3f2a9c1d" + "0" * 32, dirty=False, commit_day=sample.AS_OF)
Q3 = Period(2026, 3, "quarterly")


def _portfolio(reported: dict[str, float]) -> Portfolio:
    data = sample.dataset()
    acme = list(data.records["acme"])
    acme[1] = dataclasses.replace(acme[1], reported=reported)
    return compute(Dataset(data.programme, data.providers,
                           {**data.records, "acme": tuple(acme)}), sample.AS_OF)


def _pages(portfolio: Portfolio) -> tuple[ProviderPage, ProviderPage]:
    acme = portfolio.provider("acme")
    assert acme is not None
    evaluation = acme.evaluation(Q3)
    assert evaluation is not None
    provider = provider_view(acme, evaluation, portfolio.programme, as_of=portfolio.as_of,
                             provenance=PROV, revised=None)
    team = team_view(acme, evaluation, portfolio, provenance=PROV, amendments=())
    return provider, team.shared


def _line(page: ProviderPage, cid: str) -> str:
    return next(c.reported for cat in page.categories for c in cat.criteria if c.id == cid)


def test_nothing_reported_leaves_the_pages_as_they_were() -> None:
    provider, team = _pages(_portfolio({}))
    assert provider.to_discuss == () and team.to_discuss == ()
    assert all(c.reported == "" for cat in provider.categories for c in cat.criteria)


def test_a_difference_is_on_both_pages_and_in_the_list_to_discuss() -> None:
    # availability: reported 99.9 against our 99.2: 0.7 percentage points apart, beyond 0;
    # p1-response: reported 42 minutes, the same as ours: nothing to discuss
    provider, team = _pages(_portfolio({"availability": 99.9, "p1-response": 42}))
    assert _line(provider, "availability") == (
        "You reported 99.9%. Our figure is 99.2%. They differ by 0.7 percentage points. "
        "The score uses our figure.")
    assert _line(team, "availability").startswith("Acme reported 99.9%. Our figure is 99.2%.")
    assert _line(provider, "p1-response") == "You reported 42 minutes, the same as our figure."
    assert provider.to_discuss == (
        "Availability: you reported 99.9%, but our figure is 99.2%. They differ by 0.7 "
        "percentage points. Let us agree which figure is right.",)
    assert team.to_discuss == (
        "Availability: Acme reported 99.9%, but our figure is 99.2%. They differ by 0.7 "
        "percentage points. Agree with Acme which figure is right.",)
    # the score still uses ours: availability 100 * (99.2 - 99.0) / 0.9 = 22.2222 -> 22
    availability = next(c for cat in provider.categories for c in cat.criteria
                        if c.id == "availability")
    assert availability.score == 22 and availability.result == "99.2%"
