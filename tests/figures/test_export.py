"""data.json: values worked out by hand, the public shape, byte-identical output."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import sample_portfolio as sample
from scorecard.data.load import load
from scorecard.data.provenance import Provenance
from scorecard.figures.compute import compute
from scorecard.figures.export import to_data, to_data_json
from scorecard.figures.results import Portfolio

PROVENANCE = Provenance(commit="3f2a9c1" + "0" * 33, dirty=False, commit_day=date(2026, 11, 20))
DEMO = Path(__file__).resolve().parents[2] / "evaluations"

# outputs.md's example of data.json: the keys every export must have, at every level.
EXAMPLE = json.loads("""
{
  "as_of": "2026-11-26",
  "source": {"commit": "3f2a9c1...", "dirty": false},
  "providers": [
    {
      "id": "acme", "name": "Acme Managed IT Ltd", "service_area": "Managed infrastructure",
      "rank": {"portfolio": 2, "area": 1},
      "schedule": {"overdue": ["2026-Q2"], "late": ["2025-Q4"]},
      "actions": {"open": 2, "overdue": 1, "median_days_to_resolve": 21.0},
      "contract": {"notice_deadline": "2026-10-02", "decision_due": false, "deadline_passed": true},
      "exit_plan": {"missing": false, "stale": false},
      "evaluations": [
        {
          "period": "2026-Q3", "evaluated": "2026-10-06",
          "overall": 72.35, "coverage": 1.0, "band": "Adequate", "trend": 5.1,
          "targets": {"met": 7, "measured": 9},
          "scope": {"used": 5, "contracted": 8},
          "categories": {"service": 80.0, "relationship": 55.5},
          "criteria": {
            "availability": {"score": 100.0, "met": true, "value": 99.95},
            "fix-quality": {"score": 62.5, "ratings": {"Priya Shah": 4, "Tom Berg": 3}}
          }
        }
      ]
    }
  ]
}
""")


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(to_data_json(sample.portfolio(), PROVENANCE))
    return parsed


def _provider(data: dict[str, Any], pid: str) -> dict[str, Any]:
    found = [p for p in data["providers"] if p["id"] == pid]
    assert len(found) == 1
    result: dict[str, Any] = found[0]
    return result


# --- values worked out by hand (see sample_portfolio.py for the arithmetic) ---------------


def test_top_level(data: dict[str, Any]) -> None:
    assert data["as_of"] == "2026-11-26"
    assert data["source"] == {"commit": PROVENANCE.commit, "dirty": False,
                              "commit_day": "2026-11-20"}
    # Providers by id; the ranking best first: globex 87.5, acme 56.333.
    assert [p["id"] for p in data["providers"]] == ["acme", "globex"]
    assert data["ranking"] == ["globex", "acme"]
    assert data["areas"] == {"Managed infrastructure": ["globex", "acme"]}


def test_acme_provider_figures(data: dict[str, Any]) -> None:
    acme = _provider(data, "acme")
    assert acme["name"] == "Acme Managed IT Ltd"
    assert acme["service_area"] == "Managed infrastructure"
    assert acme["rank"] == {"portfolio": 2, "area": 2, "portfolio_size": 2, "area_size": 2}
    # Expected from the contract start (2026-Q1) to 2026-Q3 (due 2026-10-30);
    # Q2 has no record; Q3 was evaluated 2026-11-05, after its due day.
    assert acme["schedule"] == {
        "overdue": ["2026-Q2"], "late": ["2026-Q3"],
        "expected": ["2026-Q1", "2026-Q2", "2026-Q3"],
        "next_period": "2026-Q4", "next_due": "2027-01-30",
    }
    # a-1 open past 2026-09-30; fixed in 21 and 10 days: median (10 + 21) / 2 = 15.5.
    actions = acme["actions"]
    assert (actions["open"], actions["overdue"], actions["median_days_to_resolve"]) == (
        1, 1, 15.5)
    assert actions["ideas"] == {"proposed": 1, "adopted": 1, "declined": 0}
    assert [a["id"] for a in actions["open_items"]] == ["a-1"]
    assert actions["open_items"][0]["overdue"] is True
    # 2026-12-31 - 90 days = 2026-10-02; 2026-11-26 is 29 + 26 = 55 days after it.
    contract = acme["contract"]
    assert contract["notice_deadline"] == "2026-10-02"
    assert (contract["decision_due"], contract["deadline_passed"], contract["ended"]) == (
        False, True, False)
    assert contract["days_to_deadline"] == -55
    assert contract["auto_renew"] is True
    # Drafted plan reviewed 2025-06-01, more than 365 days before 2026-11-26.
    assert acme["exit_plan"] == {"missing": False, "stale": True, "status": "drafted",
                                 "reviewed": "2025-06-01"}


def test_acme_evaluations_oldest_first(data: dict[str, Any]) -> None:
    q1, q3 = _provider(data, "acme")["evaluations"]
    assert (q1["period"], q3["period"]) == ("2026-Q1", "2026-Q3")
    # Q1: 75 overall, Adequate, no earlier period: no trend.
    assert (q1["overall"], q1["coverage"], q1["band"], q1["trend"]) == (75.0, 1.0, "Adequate",
                                                                       None)
    assert q1["scope"] is None  # services_used not recorded
    assert q1["targets"] == {"met": 3, "measured": 3}


def test_acme_q3_figures(data: dict[str, Any]) -> None:
    q3 = _provider(data, "acme")["evaluations"][1]
    assert q3["evaluated"] == "2026-11-05"
    assert (q3["due"], q3["late"]) == ("2026-10-30", True)
    # overall (52.2222*60 + 62.5*40)/100 = 56.33333 -> 56.3333 (4 decimals);
    # coverage (60*1 + 40*0.5)/100 = 0.8; trend 56.3333 - 75 = -18.66667 -> -18.6667.
    assert q3["overall"] == 56.3333
    assert q3["coverage"] == 0.8
    assert q3["band"] == "At risk"
    assert q3["trend"] == -18.6667
    assert q3["previous"] == "2026-Q1"
    assert q3["targets"] == {"met": 0, "measured": 2}
    # desk and network of 3 services: 2/3 = 0.66667 -> 0.6667.
    assert q3["scope"] == {"used": 2, "contracted": 3, "share": 0.6667, "unused": ["backup"]}
    # service (22.2222 + 86.6667 + 2*50) / 4 = 52.2222; relationship = 62.5.
    assert q3["categories"] == {"service": 52.2222, "relationship": 62.5}
    assert q3["not_scored"] == ["reports"]


def test_acme_q3_criteria(data: dict[str, Any]) -> None:
    criteria = _provider(data, "acme")["evaluations"][1]["criteria"]
    assert list(criteria) == ["availability", "p1-response", "fix-quality", "communication",
                              "reports"]
    # 100 * (99.2 - 99.0) / (99.9 - 99.0) = 22.2222
    assert criteria["availability"] == {
        "applies": True, "kind": "measured", "score": 22.2222, "met": False, "value": 99.2,
        "target": 99.9, "floor": 99.0, "unit": "%", "ratings": None, "mean_rating": None,
        "disagreement": None,
    }
    # 100 * (120 - 42) / (120 - 30) = 86.6667
    assert criteria["p1-response"]["score"] == 86.6667
    assert criteria["p1-response"]["value"] == 42.0
    # (4 + 2) / 2 = 3 -> 100 * (3 - 1) / 4 = 50; span 2: disagreement.
    assert criteria["fix-quality"] == {
        "applies": True, "kind": "rated", "score": 50.0, "met": None, "value": None,
        "target": None, "floor": None, "unit": None, "ratings": {"Priya Shah": 4, "Tom Berg": 2},
        "mean_rating": 3.0,
        "disagreement": True,
    }
    # (4 + 3) / 2 = 3.5 -> 62.5; span 1: no disagreement.
    assert (criteria["communication"]["score"], criteria["communication"]["mean_rating"],
            criteria["communication"]["disagreement"]) == (62.5, 3.5, False)
    # Not scored: every figure null.
    reports = criteria["reports"]
    assert reports["kind"] == "measured"
    assert [reports[k] for k in ("score", "met", "value", "ratings", "mean_rating")] == [
        None] * 5


def test_globex_figures(data: dict[str, Any]) -> None:
    globex = _provider(data, "globex")
    assert globex["rank"]["portfolio"] == 1
    # 2027-03-31 - 60 days = 2027-01-30, 65 days after 2026-11-26: decision due.
    assert globex["contract"]["notice_deadline"] == "2027-01-30"
    assert (globex["contract"]["decision_due"], globex["contract"]["days_to_deadline"]) == (
        True, 65)
    assert globex["exit_plan"] == {"missing": False, "stale": False, "status": None,
                                   "reviewed": None}
    # Nothing was fixed: no median.
    assert globex["actions"]["median_days_to_resolve"] is None
    # Q3: 87.5 - 100 = -12.5.
    assert [e["trend"] for e in globex["evaluations"]] == [None, -12.5]
    assert globex["lead"] is None


def test_null_where_nothing_applies() -> None:
    # A provider with no contract and no evaluation: no rank, no contract.
    lone = replace(sample.globex(), id="initech", name="Initech", contract=None, actions=())
    dataset = sample.dataset()
    dataset = replace(dataset, providers={**dataset.providers, "initech": lone},
                      records={**dataset.records, "initech": ()})
    data = to_data(compute(dataset, sample.AS_OF), PROVENANCE)
    initech = data["providers"][2]
    assert initech["id"] == "initech"
    assert initech["rank"] is None
    assert initech["contract"] is None
    assert initech["evaluations"] == []
    assert initech["schedule"]["overdue"] == []


# --- reproducible bytes -------------------------------------------------------------------


def test_same_input_gives_identical_bytes() -> None:
    first = to_data_json(sample.portfolio(), PROVENANCE)
    second = to_data_json(sample.portfolio(), PROVENANCE)
    assert first.encode() == second.encode()
    assert first.endswith("}\n") and not first.endswith("\n\n")
    # 2-space indent.
    assert first.startswith('{\n  "as_of": "2026-11-26",\n  "source": {\n    "commit": ')


@pytest.mark.parametrize("source", [None, DEMO])
def test_written_one_provider_at_a_time_it_is_the_same_text_as_one_dump(
        source: Path | None) -> None:
    """data.json is written provider by provider (issue 18: memory at 2,000 providers);
    its text must be that of ``json.dumps`` over the whole export, byte for byte."""
    if source is None:
        portfolio = sample.portfolio()
    else:
        dataset, problems = load(source, today=date(2026, 11, 26))
        assert dataset is not None, problems
        portfolio = compute(dataset, date(2026, 11, 26))
    whole = json.dumps(to_data(portfolio, PROVENANCE), indent=2, ensure_ascii=False) + "\n"
    assert len(portfolio.providers) >= 2
    assert to_data_json(portfolio, PROVENANCE) == whole


def test_an_export_without_providers_is_still_the_same_text() -> None:
    empty = replace(sample.portfolio(), providers=(), ranking=(), areas={})
    whole = json.dumps(to_data(empty, PROVENANCE), indent=2, ensure_ascii=False) + "\n"
    assert to_data_json(empty, PROVENANCE) == whole
    assert json.loads(whole)["providers"] == []


def test_text_is_utf8_not_escaped() -> None:
    dataset = sample.dataset()
    renamed = replace(sample.acme(), name="Acme Bürodienste GmbH")
    dataset = replace(dataset, providers={**dataset.providers, "acme": renamed})
    text = to_data_json(compute(dataset, sample.AS_OF), PROVENANCE)
    assert '"name": "Acme Bürodienste GmbH"' in text
    assert "\\u00fc" not in text


# --- the demo data has the public shape ---------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> Portfolio:
    dataset, problems = load(DEMO)
    assert dataset is not None, [p.text() for p in problems]
    return compute(dataset, date(2026, 11, 26))


def _has_keys(actual: Any, example: Any, where: str) -> None:
    """Every key of ``example`` is in ``actual``, recursively (objects that are
    null in ``actual`` are allowed: a figure that does not apply)."""
    if isinstance(example, dict):
        if actual is None:
            return
        assert isinstance(actual, dict), where
        for key, value in example.items():
            assert key in actual, f"{where}.{key} missing"
            if key in ("categories", "criteria", "ratings"):
                continue  # keyed by id: checked by the caller
            _has_keys(actual[key], value, f"{where}.{key}")
    elif isinstance(example, list) and example and isinstance(example[0], dict):
        assert isinstance(actual, list), where
        for i, item in enumerate(actual):
            _has_keys(item, example[0], f"{where}[{i}]")


def test_demo_export_has_every_key_of_the_example(demo: Portfolio) -> None:
    text = to_data_json(demo, PROVENANCE)
    data = json.loads(text)
    _has_keys(data, EXAMPLE, "data")
    programme = demo.programme
    criterion_ids = [c.id for c in programme.criteria()]
    criterion_keys = set(EXAMPLE["providers"][0]["evaluations"][0]["criteria"]["availability"])
    criterion_keys |= set(EXAMPLE["providers"][0]["evaluations"][0]["criteria"]["fix-quality"])
    assert [p["id"] for p in data["providers"]] == sorted(p["id"] for p in data["providers"])
    assert len(data["providers"]) == len(demo.providers)
    n_evaluations = 0
    for provider, result in zip(data["providers"], demo.providers, strict=True):
        assert provider["id"] == result.provider.id
        # null where it does not apply.
        assert (provider["rank"] is None) == (result.rank is None)
        assert (provider["contract"] is None) == (result.provider.contract is None)
        if not result.actions.days_to_resolve:
            assert provider["actions"]["median_days_to_resolve"] is None
        periods = [e["period"] for e in provider["evaluations"]]
        # Oldest first: labels of one cadence sort as their periods do.
        assert periods == sorted(periods) == [e.period.label for e in result.evaluations]
        for i, ev in enumerate(provider["evaluations"]):
            n_evaluations += 1
            assert list(ev["categories"]) == [c.id for c in programme.categories]
            assert list(ev["criteria"]) == criterion_ids
            if i == 0:
                assert ev["trend"] is None
            if ev["coverage"] < programme.min_coverage:
                assert ev["band"] is None
            for cid, figures in ev["criteria"].items():
                assert criterion_keys <= set(figures), cid
                if not figures["applies"]:  # not in force, or not for this provider
                    assert figures["score"] is None and cid not in ev["not_scored"]
                elif figures["score"] is None:
                    assert cid in ev["not_scored"]
                    assert figures["value"] is None and figures["ratings"] is None
                elif figures["kind"] == "rated":
                    assert figures["met"] is None and figures["value"] is None
                    assert figures["ratings"]
                else:
                    assert figures["ratings"] is None
                    assert isinstance(figures["met"], bool)
    assert n_evaluations == sum(len(r.evaluations) for r in demo.providers) > 30
    # Same input twice: the same bytes.
    assert to_data_json(demo, PROVENANCE) == text


# --- v1.1: spend, dependence, unused services, the decision -----------------------


def test_spend_dependence_unused_and_decision() -> None:
    from factories import category, dataset, measured, programme, provider, record
    from scorecard.data.model import Contract, Decision, Service

    prog = programme(category("service", 1, measured("availability", 99.9)))
    acme = replace(
        provider("acme", area="Network", contract=Contract(
            start=date(2025, 1, 1), end=date(2027, 3, 31), notice_days=90, annual_value=300_000,
            currency="EUR", decision=Decision("renegotiate", date(2026, 11, 2)))),
        services=(Service("desk", "Desk"), Service("ooh", "Out of hours", annual_value=18_000)),
    )
    globex = provider("globex", area="Cloud", contract=Contract(
        start=date(2025, 1, 1), end=date(2028, 1, 1), annual_value=100_000, currency="EUR"))
    hooli = provider("hooli", area="Cloud", contract=Contract(
        start=date(2025, 1, 1), end=date(2028, 1, 1), annual_value=10_000, currency="USD"))
    year = ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]
    records = [record(q, date(2026, 10, 10), {"availability": 99.9}, services_used=["desk"])
               for q in year]
    portfolio = compute(dataset(prog, [acme, globex, hooli], records), date(2026, 11, 26))
    data = to_data(portfolio, PROVENANCE)
    by_id = {p["id"]: p for p in data["providers"]}
    # EUR 300,000 + 100,000 = 400,000: acme 0.75, globex 0.25; USD 10,000: hooli 1.0
    assert data["spend"]["totals"] == [
        {"currency": "EUR", "total": 400000.0, "providers": 2},
        {"currency": "USD", "total": 10000.0, "providers": 1},
    ]
    assert data["spend"]["single_provider_areas"] == ["Network"]
    assert by_id["acme"]["spend"] == {"annual_value": 300000.0, "currency": "EUR", "share": 0.75}
    assert by_id["globex"]["spend"]["share"] == 0.25
    assert by_id["acme"]["dependence"] == [
        "only provider in its area", "above the concentration share"]
    assert by_id["globex"]["dependence"] == []
    # hooli is 100% of USD spend, but alone in its currency: not dependence (scoring.md v1.2)
    assert by_id["hooli"]["dependence"] == []
    assert by_id["acme"]["unused_services"] == [
        {"id": "ooh", "annual_value": 18000, "last_used": None}]
    # deadline 2026-12-31, window opens 2026-09-02: the decision of 2026-11-02 settles it
    contract = by_id["acme"]["contract"]
    assert contract["decision"] == {"status": "renegotiate", "day": "2026-11-02",
                                    "settles": True, "note": None}
    assert contract["decision_due"] is False and contract["window_opens"] == "2026-09-02"
    assert by_id["globex"]["contract"]["decision"] is None
def test_each_criterion_says_whether_it_applied_and_what_it_was_judged_against() -> None:
    from dataclasses import replace
    from datetime import date

    from factories import category, dataset, measured, programme, provider, rated, record
    from scorecard.data.model import Change, Term
    from scorecard.figures.compute import compute

    uptime = replace(measured("uptime", 99.0, floor=98.0),
                     changes=(Change(date(2026, 1, 1), target=99.5),))
    prog = programme(category("service", 1, uptime, rated("patching"),
                              replace(rated("carbon"), from_day=date(2026, 7, 1))))
    acme = replace(provider(), terms={"uptime": Term(floor=97.0)}, not_applicable=("patching",))
    data_ = json.loads(to_data_json(compute(dataset(prog, [acme], [
        record("2026-Q1", date(2026, 4, 5), {"uptime": 99.2}),
    ]), date(2026, 5, 1)), PROVENANCE))
    criteria = data_["providers"][0]["evaluations"][0]["criteria"]
    # judged against the 2026 target, 99.5, and the contract's floor, 97:
    # 100 * (99.2 - 97) / (99.5 - 97) = 220 / 2.5 = 88
    assert (criteria["uptime"]["applies"], criteria["uptime"]["target"],
            criteria["uptime"]["floor"], criteria["uptime"]["score"]) == (True, 99.5, 97.0, 88.0)
    assert (criteria["patching"]["applies"], criteria["patching"]["why"]) == (
        False, "not applicable")
    assert (criteria["carbon"]["applies"], criteria["carbon"]["why"]) == (False, "not in force")
    assert criteria["carbon"]["score"] is None
