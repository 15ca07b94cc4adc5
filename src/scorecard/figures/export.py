"""``data.json``: every computed figure, for spreadsheets and dashboards (INTERNAL).

The shape is a public interface (outputs.md); this module writes at least all
of its keys, and more. Rules:

- ``null`` where a figure does not apply or was not scored; every key is always
  present, so a reader never has to guess whether a key is missing or null.
- Computed figures (scores, overall, coverage, trend, mean ratings, shares,
  medians) are rounded to 4 decimals, halves away from zero
  (``scorecard.figures.rounding.round_half_away(x, 4)``); numbers from the data
  (measured values, targets) are written as they are.
- Days are ISO (``2026-10-06``); periods are labels (``2026-Q3``).
- Providers by id, evaluations oldest first, categories and criteria in
  programme order; keys in a fixed order; 2-space indent, UTF-8 text
  (``ensure_ascii=False``), a trailing newline. The same inputs give the same
  bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from scorecard.data.model import Action, Criterion
from scorecard.data.periods import Period
from scorecard.data.provenance import Provenance
from scorecard.figures.evidence import with_sources
from scorecard.figures.export_credits import credit_keys
from scorecard.figures.reported import Reported
from scorecard.figures.results import (
    ActionSummary,
    CriterionResult,
    Evaluation,
    Leverage,
    Portfolio,
    PortfolioLeverage,
    ProviderResult,
)
from scorecard.figures.rounding import round_half_away
from scorecard.figures.spend import leverage

__all__ = ["DECIMALS", "data_json_chunks", "reported_json", "to_data", "to_data_json"]

DECIMALS = 4

Json = dict[str, Any]


def _num(x: float | None) -> float | None:
    """A computed figure, rounded to ``DECIMALS`` (halves away from zero)."""
    return None if x is None else round_half_away(float(x), DECIMALS)


def _day(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


def _period(p: Period | None) -> str | None:
    return None if p is None else p.label


def _criterion(cr: CriterionResult) -> Json:
    """One criterion of an evaluation, with the target and floor it was judged against,
    and ``reported`` where the provider reported a figure (figures.reported)."""
    measure = cr.criterion.measure
    rated = measure is None
    found = {
        "applies": True,
        "kind": "rated" if rated else "measured",
        "score": _num(cr.score),
        "met": None if rated else cr.met,
        "value": None if cr.value is None else float(cr.value),
        "target": None if measure is None else float(measure.target),
        "floor": None if measure is None or measure.floor is None else float(measure.floor),
        "unit": None if measure is None else measure.unit,
        "ratings": dict(cr.ratings) if rated and cr.ratings is not None else None,
        "mean_rating": _num(cr.mean_rating) if rated else None,
        "disagreement": cr.disagreement if rated and cr.scored else None,
    }
    return found if cr.reported is None else {**found, "reported": reported_json(cr.reported)}


def reported_json(r: Reported) -> Json:
    """The provider's figure beside ours: ``difference`` is reported minus ours (null when
    we have none and the score used the reported figure: ``scored_with_it``)."""
    return {"value": r.value, "difference": r.difference, "tolerance": r.tolerance,
            "beyond_tolerance": r.beyond, "scored_with_it": r.used}


def _left_out(criterion: Criterion, why: str) -> Json:
    """A criterion that did not apply: not in force in the period, or not applicable
    to the provider (``why``); it has no figures."""
    return {
        "applies": False, "why": why,
        "kind": "rated" if criterion.measure is None else "measured",
        "score": None, "met": None, "value": None, "target": None, "floor": None,
        "unit": None if criterion.measure is None else criterion.measure.unit,
        "ratings": None, "mean_rating": None, "disagreement": None,
    }


def _criteria(ev: Evaluation, order: Mapping[str, int]) -> Json:
    """Every criterion of the programme, in its order (``order``: id -> position)."""
    found: Json = {c.criterion.id: _criterion(c) for c in ev.criteria()}
    for category in ev.categories:
        found.update({c.id: _left_out(c, "not applicable") for c in category.not_applicable})
    if ev.rules is not None:
        found.update({c.id: _left_out(c, "not in force") for c in ev.rules.not_in_force})
    return dict(sorted(found.items(), key=lambda item: order.get(item[0], len(order))))


def _evaluation(ev: Evaluation, order: Mapping[str, int]) -> Json:
    record = ev.record
    scope = ev.scope
    return {
        "period": ev.period.label,
        "evaluated": _day(record.evaluated),
        "lead": record.lead,
        "evaluators": list(record.evaluators),
        "due": _day(ev.due),
        "late": ev.late,
        "overall": _num(ev.overall),
        "coverage": _num(ev.coverage),
        "band": ev.band.name if ev.band is not None else None,
        "trend": _num(ev.trend),
        "previous": _period(ev.previous),
        "targets": {"met": ev.targets_met, "measured": ev.targets_measured},
        "scope": None if scope is None else {
            "used": len(scope.used),
            "contracted": scope.contracted,
            "share": _num(scope.share),
            "unused": [s.id for s in scope.unused],
        },
        "categories": {c.category.id: _num(c.score) for c in ev.categories},
        "criteria": with_sources(_criteria(ev, order), ev.record),
        "not_scored": [c.criterion.id for c in ev.criteria() if not c.scored],
    }


def _open_action(action: Action, overdue: bool) -> Json:
    return {
        "id": action.id,
        "title": action.title,
        "raised": _day(action.raised),
        "due": _day(action.due),
        "owner": action.owner,
        "overdue": overdue,
    }


def _actions(summary: ActionSummary) -> Json:
    overdue_ids = {a.id for a in summary.overdue}
    return {
        "open": summary.open_count,
        "overdue": len(summary.overdue),
        "median_days_to_resolve": _num(summary.median_days_to_resolve),
        "resolved": len(summary.days_to_resolve),
        "ideas": {
            "proposed": len(summary.ideas_proposed),
            "adopted": len(summary.ideas_adopted),
            "declined": len(summary.ideas_declined),
        },
        "open_items": [_open_action(a, a.id in overdue_ids) for a in summary.open_deficiencies],
    }


def _contract(result: ProviderResult) -> Json | None:
    contract, status = result.provider.contract, result.contract
    if contract is None or status is None:
        return None
    return {
        "notice_deadline": _day(status.notice_deadline),
        "decision_due": status.decision_due,
        "deadline_passed": status.deadline_passed,
        "days_to_deadline": status.days_to_deadline,
        "auto_renew": status.auto_renew,
        "ended": status.ended,
        "start": _day(contract.start),
        "end": _day(contract.end),
        "notice_days": contract.notice_days,
        "annual_value": contract.annual_value,
        "currency": contract.currency,
        "window_opens": _day(status.window_opens),
        "decision": _decision(result),
    }


def _decision(result: ProviderResult) -> Json | None:
    """The recorded contract.decision; ``settles``: it clears the decision due (v1.1)."""
    contract, status = result.provider.contract, result.contract
    decision = contract.decision if contract is not None else None
    if decision is None or status is None:
        return None
    return {
        "status": decision.status,
        "day": _day(decision.day),
        "settles": status.decided is not None,
        "note": decision.note,
    }


def _leverage(lev: Leverage | None) -> Json:
    """v1.1: spend, dependence and unused services of one provider."""
    spend = lev.spend if lev is not None else None
    return {
        "spend": None if spend is None else {
            "annual_value": spend.annual_value,
            "currency": spend.currency,
            "share": _num(spend.share),
        },
        "dependence": list(lev.dependence) if lev is not None else [],
        "unused_services": [
            {"id": u.service.id, "annual_value": u.annual_value,
             "last_used": _period(u.last_used)}
            for u in (lev.unused if lev is not None else ())
        ],
        "leaving_without_plan": lev.leaving_without_plan if lev is not None else False,
    }


def _exit_plan(result: ProviderResult) -> Json:
    plan = result.provider.exit_plan
    return {
        "missing": result.exit.missing,
        "stale": result.exit.stale,
        "status": plan.status if plan is not None else None,
        "reviewed": _day(plan.reviewed) if plan is not None else None,
    }


def _provider(result: ProviderResult, lev: PortfolioLeverage, order: Mapping[str, int]) -> Json:
    provider, rank, schedule = result.provider, result.rank, result.schedule
    return {
        "id": provider.id,
        "name": provider.name,
        "short_name": provider.short_name,
        "service_area": provider.service_area,
        "cadence": result.cadence,
        "lead": provider.lead,
        "rank": None if rank is None else {
            "portfolio": rank.portfolio,
            "area": rank.area,
            "portfolio_size": rank.portfolio_size,
            "area_size": rank.area_size,
        },
        "schedule": {
            "overdue": [p.label for p in schedule.overdue],
            "late": [p.label for p in schedule.late],
            "expected": [p.label for p in schedule.expected],
            "next_period": _period(schedule.next_period),
            "next_due": _day(schedule.next_due),
            **({} if provider.evaluated_from is None
               else {"evaluated_from": provider.evaluated_from.label}),  # v1.2 adoption
        },
        "actions": _actions(result.actions),
        "contract": _contract(result),
        "exit_plan": _exit_plan(result),
        **_leverage(lev.of(provider.id)),
        "evaluations": [_evaluation(e, order) for e in result.evaluations],
    }


def _head(portfolio: Portfolio, provenance: Provenance, lev: PortfolioLeverage) -> dict[str, Any]:
    """Every key of the export but ``providers``."""
    programme = portfolio.programme
    areas: Mapping[str, tuple[ProviderResult, ...]] = portfolio.areas
    return {
        "as_of": portfolio.as_of.isoformat(),
        "source": {
            "commit": provenance.commit,
            "dirty": provenance.dirty,
            "commit_day": _day(provenance.commit_day),
        },
        "programme": {
            "organisation": programme.organisation,
            "title": programme.title,
            "cadence": programme.cadence,
            "grace_days": programme.grace_days,
            "min_coverage": programme.min_coverage,
        },
        "ranking": [r.provider.id for r in portfolio.ranking],
        "areas": {area: [r.provider.id for r in areas[area]] for area in sorted(areas)},
        "spend": {
            "totals": [{"currency": t.currency, "total": t.total, "providers": t.providers}
                       for t in lev.totals],
            "concentration_share": lev.concentration_share,
            "single_provider_areas": list(lev.single_areas),
        },
    }


def _providers(portfolio: Portfolio, lev: PortfolioLeverage) -> Iterator[Json]:
    """Each provider's part of the export, by id, one at a time."""
    programme = portfolio.programme
    order = {c.id: i for i, c in enumerate(programme.criteria())}
    for r in sorted(portfolio.providers, key=lambda r: r.provider.id):
        yield credit_keys(programme, r, portfolio.as_of, _provider(r, lev, order))


def to_data(portfolio: Portfolio, provenance: Provenance) -> Json:
    """The export as plain Python data (dicts, lists, str, numbers, bool, None)."""
    lev = leverage(portfolio)
    return {**_head(portfolio, provenance, lev), "providers": list(_providers(portfolio, lev))}


def data_json_chunks(portfolio: Portfolio, provenance: Provenance) -> Iterator[bytes]:
    """``data.json``'s bytes in pieces, one provider at a time, so that the whole
    export is never held in memory (2,000 providers: hundreds of megabytes as
    Python objects, tens as text): the same text as ``json.dumps(to_data(...),
    indent=2)``, byte-identical for the same inputs."""
    lev = leverage(portfolio)
    head = json.dumps(_head(portfolio, provenance, lev), indent=2, ensure_ascii=False)
    # the head is a non-empty object, "{\n ... \n}": "providers" goes last
    yield (head[:-2] + ',\n  "providers": ').encode("utf-8")
    first = True
    for p in _providers(portfolio, lev):
        text = json.dumps(p, indent=2, ensure_ascii=False)
        lead = "[\n" if first else ",\n"
        yield (lead + "\n".join("    " + line for line in text.split("\n"))).encode("utf-8")
        first = False
    yield b"[]\n}\n" if first else b"\n  ]\n}\n"


def to_data_json(portfolio: Portfolio, provenance: Provenance) -> str:
    """``data.json``'s text (see :func:`data_json_chunks`)."""
    return b"".join(data_json_chunks(portfolio, provenance)).decode("utf-8")
