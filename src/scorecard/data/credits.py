"""Service credits as a provider's contract states them (format.md v1.2), typed.

Amounts and shares are ``decimal.Decimal``, made from the number as written
(``Decimal(str(0.12))`` is exactly 0.12), so that money is worked out to the cent
with no floating-point drift. ``termination`` is INTERNAL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from scorecard.data.model import Located, Source
from scorecard.data.yaml.document import INVALID

__all__ = ["ServiceCredits", "TerminationRule", "build_service_credits", "exact"]


@dataclass(frozen=True)
class TerminationRule(Located):
    """INTERNAL: ``criterion`` missed in ``count`` of any ``within`` periods in a row, or
    (``criterion`` None) credits at the cap in ``count`` of any ``within`` periods in a row."""

    criterion: str | None
    count: int  # misses, or at_cap
    within: int

    @property
    def at_cap(self) -> bool:
        return self.criterion is None


@dataclass(frozen=True)
class ServiceCredits(Located):
    charges: Decimal  # for one period of the provider's cadence
    currency: str
    at_risk: Decimal  # share of a period's charges: the most credited in one period
    pool: Mapping[str, Decimal] = field(default_factory=dict)  # criterion id -> share
    repeat: Decimal = Decimal(1)
    year_cap: Decimal | None = None
    earn_back: int | None = None
    termination: tuple[TerminationRule, ...] = ()  # INTERNAL

    @property
    def at_risk_amount(self) -> Decimal:
        """The most credited in one period: charges x at_risk, exact."""
        return self.charges * self.at_risk


def exact(value: Any, default: Decimal | None = None) -> Decimal | None:
    """A YAML number as the decimal a person wrote (0.12, not 0.1199999...)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return Decimal(str(value))


def _get(data: Any, name: str) -> Any:
    value = data.get(name) if isinstance(data, dict) else None
    return None if value is INVALID else value


def _rules(data: Any, source: Source) -> tuple[TerminationRule, ...]:
    rules = []
    items = _get(data, "termination")
    for i, item in enumerate(items if isinstance(items, list) else ()):
        within, criterion = _get(item, "within"), _get(item, "criterion")
        count = _get(item, "misses") if criterion is not None else _get(item, "at_cap")
        if not isinstance(within, int) or not isinstance(count, int):
            continue  # its problems are reported; nothing to judge
        rules.append(TerminationRule(criterion, count, within, source=source,
                                     path=("service_credits", "termination", i)))
    return tuple(rules)


def build_service_credits(data: Any, source: Source) -> ServiceCredits | None:
    """The ``service_credits`` of a provider file as checked, or None when absent or
    too flawed to use (its problems are reported)."""
    if not isinstance(data, dict):
        return None
    charges, at_risk = exact(_get(data, "charges")), exact(_get(data, "at_risk"))
    currency = _get(data, "currency")
    if charges is None or at_risk is None or not isinstance(currency, str):
        return None
    pool = _get(data, "pool")
    shares = {cid: exact(v) for cid, v in pool.items()} if isinstance(pool, dict) else {}
    earn_back = _get(data, "earn_back")
    return ServiceCredits(
        charges, currency, at_risk,
        pool={cid: v for cid, v in shares.items() if v is not None},
        repeat=exact(_get(data, "repeat"), Decimal(1)) or Decimal(1),
        year_cap=exact(_get(data, "year_cap")),
        earn_back=earn_back if isinstance(earn_back, int) else None,
        termination=_rules(data, source),
        source=source, path=("service_credits",),
    )
