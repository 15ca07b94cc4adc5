"""Every figure, for every provider, as of one day: the scoring engine's entry point."""

from __future__ import annotations

from datetime import date

from scorecard.data.model import Dataset, Programme, Provider, Record
from scorecard.figures.actions import summarise
from scorecard.figures.contract import contract_status, exit_readiness
from scorecard.figures.ranking import rank_providers
from scorecard.figures.results import Evaluation, Portfolio, ProviderResult
from scorecard.figures.schedule import schedule
from scorecard.figures.scoring import evaluate, lowest_band, previous_scored

__all__ = ["Scored", "compute", "evaluations", "provider_result", "ranked_portfolio"]


# (id of a record, id of the evaluation before it or None) -> the record's evaluation
Scored = dict[tuple[int, int | None], Evaluation]


def evaluations(
    programme: Programme, provider: Provider, records: tuple[Record, ...], as_of: date,
    scored: Scored | None = None,
) -> tuple[Evaluation, ...]:
    """The provider's records scored, oldest period first.

    Interpretation: a record evaluated after ``as_of`` is left out of everything
    computed as of that day (it did not exist yet).

    ``scored``: evaluations made before, shared (``figures.issued``). A record's
    evaluation follows from the record and the latest earlier scored evaluation
    (its trend), so one made for another day with the same one before it is the
    same; the caller keeps the records alive while it keeps ``scored``.
    """
    present = sorted((r for r in records if r.evaluated <= as_of), key=lambda r: r.period)
    done: list[Evaluation] = []
    for record in present:
        if scored is None:
            done.append(evaluate(programme, provider, record, done))
            continue
        before = previous_scored([e for e in done if e.period < record.period])
        key = (id(record), id(before) if before is not None else None)
        found = scored.get(key)
        if found is None:
            found = scored[key] = evaluate(programme, provider, record, done)
        done.append(found)
    return tuple(done)


def provider_result(
    dataset: Dataset,
    provider: Provider,
    as_of: date,
    evals: tuple[Evaluation, ...] | None = None,
) -> ProviderResult:
    """One provider's figures as of ``as_of``, not yet ranked (``rank`` None).
    ``evals``: its evaluations as of that day, when already scored."""
    programme = dataset.programme
    records = dataset.records.get(provider.id, ())
    if evals is None:
        evals = evaluations(programme, provider, records, as_of)
    cadence = dataset.cadence_of(provider)
    return ProviderResult(
        provider=provider,
        cadence=cadence,
        evaluations=evals,
        schedule=schedule(cadence, programme.grace_days, as_of, provider.contract, records,
                          provider.evaluated_from),
        actions=summarise(provider.actions, as_of),
        contract=(
            contract_status(provider.contract, as_of) if provider.contract is not None else None
        ),
        exit=exit_readiness(provider.exit_plan, evals, lowest_band(programme), as_of),
        rank=None,
    )


def compute(dataset: Dataset, as_of: date) -> Portfolio:
    """Every figure in every report, as of ``as_of``. Pure: same inputs, same figures."""
    results = [
        provider_result(dataset, dataset.providers[pid], as_of)
        for pid in sorted(dataset.providers)
    ]
    return ranked_portfolio(dataset, results, as_of)


def ranked_portfolio(
    dataset: Dataset, results: list[ProviderResult], as_of: date
) -> Portfolio:
    """The portfolio of providers' figures as of ``as_of``, ranked."""
    ranked = rank_providers(results)
    return Portfolio(
        as_of=as_of,
        programme=dataset.programme,
        providers=ranked.providers,
        ranking=ranked.ranking,
        areas=ranked.areas,
    )
