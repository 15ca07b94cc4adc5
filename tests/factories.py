"""Terse builders of model objects for the scoring engine's tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal

from scorecard.data.model import (
    Action,
    ActionKind,
    ActionStatus,
    Band,
    Category,
    Contract,
    Criterion,
    Dataset,
    ExitPlan,
    Measure,
    Measured,
    Programme,
    Provider,
    Rated,
    Record,
    Result,
    Scale,
    Service,
)
from scorecard.data.periods import Cadence, Period, parse_period

BANDS = (Band("Strong", 80), Band("Adequate", 60), Band("At risk", 0))


def rated(cid: str, weight: float = 1.0, category: str = "") -> Criterion:
    return Criterion(cid, cid.title(), category, weight=weight)


def measured(
    cid: str,
    target: float,
    better: Literal["higher", "lower"] = "higher",
    floor: float | None = None,
    weight: float = 1.0,
    category: str = "",
) -> Criterion:
    return Criterion(
        cid, cid.title(), category, weight=weight,
        measure=Measure(unit="%", target=target, better=better, floor=floor),
    )


def category(cid: str, weight: float, *criteria: Criterion) -> Category:
    return Category(cid, cid.title(), weight, tuple(criteria))


def programme(
    *categories: Category,
    cadence: Cadence = "quarterly",
    grace_days: int = 30,
    min_coverage: float = 0.5,
    bands: tuple[Band, ...] = BANDS,
    scale: Scale | None = None,
) -> Programme:
    return Programme(
        organisation="Test Org",
        categories=tuple(categories),
        cadence=cadence,
        grace_days=grace_days,
        min_coverage=min_coverage,
        bands=bands,
        scale=scale or Scale(),
    )


def period(label: str, cadence: Cadence = "quarterly") -> Period:
    p = parse_period(label, cadence)
    assert p is not None, label
    return p


def score(value: float | Mapping[str, int] | None) -> Result | None:
    """A number: measured; a mapping: ratings; None: explicitly not scored."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        return Rated(dict(value))
    return Measured(float(value))


def record(
    label: str,
    evaluated: date,
    scores: Mapping[str, float | Mapping[str, int] | None] | None = None,
    *,
    provider: str = "acme",
    cadence: Cadence = "quarterly",
    services_used: Sequence[str] | None = None,
) -> Record:
    return Record(
        provider=provider,
        period=period(label, cadence),
        evaluated=evaluated,
        lead="Lead",
        evaluators=("Lead",),
        scores={k: score(v) for k, v in (scores or {}).items()},
        services_used=tuple(services_used) if services_used is not None else None,
    )


def provider(
    pid: str = "acme",
    *,
    area: str | None = None,
    cadence: Cadence | None = None,
    services: Sequence[str] = (),
    contract: Contract | None = None,
    exit_plan: ExitPlan | None = None,
    actions: Sequence[Action] = (),
) -> Provider:
    return Provider(
        id=pid,
        name=pid.title(),
        service_area=area,
        cadence=cadence,
        services=tuple(Service(s, s.title()) for s in services),
        contract=contract,
        exit_plan=exit_plan,
        actions=tuple(actions),
    )


def action(
    aid: str,
    raised: date,
    status: ActionStatus,
    *,
    kind: ActionKind = "deficiency",
    due: date | None = None,
    closed: date | None = None,
) -> Action:
    return Action(aid, kind, aid.title(), raised, status, due=due, closed=closed)


def dataset(
    prog: Programme, providers: Sequence[Provider], records: Sequence[Record] = ()
) -> Dataset:
    by_id = {p.id: p for p in sorted(providers, key=lambda p: p.id)}
    recs: dict[str, tuple[Record, ...]] = {
        pid: tuple(sorted((r for r in records if r.provider == pid), key=lambda r: r.period))
        for pid in by_id
    }
    return Dataset(programme=prog, providers=by_id, records=recs)
