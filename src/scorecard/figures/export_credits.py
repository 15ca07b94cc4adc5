"""``data.json``'s service credits (outputs.md v1.2): per evaluation ``credits``, per
provider ``credits_12_months`` and ``termination`` (INTERNAL, as all of data.json).

As of the build's day. Money is written from the exact decimal: a whole amount as
a whole number (7200), else with its cents (5538.46), never with float drift.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from scorecard.data.model import Programme
from scorecard.figures.consequences import credits_of
from scorecard.figures.credits import Credits, PeriodCredits
from scorecard.figures.results import ProviderResult
from scorecard.figures.termination import TerminationRight, rights

__all__ = ["credit_keys", "money_json", "rule_label"]

Json = dict[str, Any]


def money_json(amount: Decimal) -> int | float:
    """7200, 5538.46: the cents as written, the shortest JSON number."""
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _period(pc: PeriodCredits, currency: str) -> Json:
    return {
        "amount": money_json(pc.amount),
        "currency": currency,
        "at_cap": pc.at_cap,
        "before_caps": money_json(pc.before_caps),
        "at_risk": money_json(pc.at_risk),
        "year_cut": money_json(pc.year_cut),
        "earned_back": money_json(pc.earned_back),
        "items": [
            {"criterion": i.criterion.id, "amount": money_json(i.amount),
             "credited": money_json(i.credited), "repeat": i.repeat, "state": i.state,
             "settled": None if i.settled is None else i.settled.label,
             "why_final": i.why_final}
            for i in pc.items
        ],
        "no_credit": [{"criterion": s.criterion.id, "why": s.reason} for s in pc.skipped],
    }


def rule_label(right: TerminationRight) -> str:
    """``availability: 3 misses within 6 periods``; ``at cap: 2 within 3 periods``."""
    rule = right.rule
    if rule.criterion is None:
        return f"at cap: {rule.count} within {rule.within} periods"
    return f"{rule.criterion}: {rule.count} misses within {rule.within} periods"


def _right(right: TerminationRight) -> Json:
    return {
        "rule": rule_label(right),
        "criterion": right.rule.criterion,
        "count": right.rule.count,
        "within": right.rule.within,
        "holds": right.holds,
        "periods": [p.label for p in right.periods],
        "misses_to_hold": right.misses_to_hold,
        "by": None if right.by is None else right.by.label,
    }


def _twelve_months(found: Credits) -> Json:
    year = found.last_12_months()
    amount = sum((pc.amount for pc in year), Decimal(0))
    back = sum((pc.earned_back for pc in year), Decimal(0))
    return {
        "amount": money_json(amount),
        "earned_back": money_json(back),
        "kept": money_json(amount - back),
        "currency": found.currency,
        "periods": [pc.period.label for pc in year],
    }


def credit_keys(programme: Programme, result: ProviderResult, as_of: date,
                provider: Json) -> Json:
    """``provider`` (its data.json object) with the credit keys added: ``credits`` in each
    evaluation (null without service credits), ``credits_12_months`` and ``termination``."""
    found = credits_of(programme, result, as_of)
    for ev in provider["evaluations"]:
        pc = None
        if found is not None:
            pc = next((p for p in found.periods if p.period.label == ev["period"]), None)
        ev["credits"] = None if pc is None or found is None else _period(pc, found.currency)
    if found is None:
        return {**provider, "credits_12_months": None, "termination": []}
    evaluations = tuple(e for e in result.evaluations if e.record.evaluated <= as_of)
    return {
        **provider,
        "credits_12_months": _twelve_months(found),
        "termination": [_right(r) for r in rights(programme, found, evaluations, as_of)],
    }
