"""The rules about ``service_credits`` in ``providers/<provider>.yaml`` (format.md v1.2).

Single values (shares, at_risk, year_cap, the currency) are checked by the schema
at their line; these rules look at more than one value: pool criteria against the
programme, the shares adding up, and each termination rule's counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from scorecard.data.credits import exact
from scorecard.data.problems import Problem
from scorecard.data.validation.drafts import Drafts, ProviderFile, Rule, _error
from scorecard.data.validation.providers import _unknown

POOL = ("service_credits", "pool")
TERMINATION = ("service_credits", "termination")


def _section(pf: ProviderFile) -> dict[str, object]:
    value = pf.doc.value.get("service_credits") if isinstance(pf.doc.value, dict) else None
    return value if isinstance(value, dict) else {}


def pool_names_measured_criteria(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for pf in d.providers:
        pool = _section(pf).get("pool")
        for cid in pool if isinstance(pool, dict) else ():
            if not isinstance(cid, str):
                continue  # the schema reported it
            c = d.criteria.get(cid)
            if c is None:
                yield _unknown(d, pf, (*POOL, cid), cid, True)
            elif c.measure is None:
                yield _error(pf.doc.key_at((*POOL, cid)), (*POOL, cid),
                             f"{cid} is rated on the scale, so it has no target to miss "
                             "and cannot earn a service credit",
                             "Put only measured criteria in the pool.")


def pool_shares_add_up(d: Drafts) -> Iterator[Problem]:
    """Shares are added as the decimals written (0.5 + 0.3 + 0.2 is exactly 1)."""
    for pf in d.providers:
        pool = _section(pf).get("pool")
        if not isinstance(pool, dict):
            continue
        shares = [exact(v) for v in pool.values()]
        total = sum((s for s in shares if s is not None), Decimal(0))
        if total > 1:
            listed = " + ".join(str(s) for s in shares if s is not None)
            yield _error(pf.doc.at(POOL), POOL,
                         f"the pool's shares add up to {total} ({listed}); they may add up "
                         "to at most 1, the whole at-risk amount",
                         "Lower the shares so that they add up to 1 or less.")


def termination_rules_are_whole(d: Drafts) -> Iterator[Problem]:
    """Each rule is either criterion with misses, or at_cap; its count at most within."""
    for pf in d.providers:
        rules = _section(pf).get("termination")
        for i, rule in enumerate(rules if isinstance(rules, list) else ()):
            if isinstance(rule, dict):
                yield from _termination_rule(d, pf, (*TERMINATION, i), rule)


def _termination_rule(d: Drafts, pf: ProviderFile, path: tuple[str | int, ...],
                      rule: dict[str, object]) -> Iterator[Problem]:
    criterion, misses, at_cap = rule.get("criterion"), rule.get("misses"), rule.get("at_cap")
    if criterion is not None and at_cap is not None:
        yield _error(pf.doc.at((*path, "at_cap")), (*path, "at_cap"),
                     "a termination rule counts either misses of a criterion or periods at "
                     "the cap, not both", "Split it into two rules.")
        return
    if criterion is None and at_cap is None:
        yield _error(pf.doc.at(path), path,
                     "a termination rule needs criterion and misses, or at_cap",
                     "Add e.g. {criterion: availability, misses: 3, within: 6}.")
        return
    if criterion is not None and misses is None:
        yield _error(pf.doc.at(path), (*path, "misses"),
                     "a rule for a criterion needs misses: how many misses give the right",
                     "Add e.g. misses: 3.")
    if criterion is None and misses is not None:
        yield _error(pf.doc.at((*path, "misses")), (*path, "misses"),
                     "misses counts the misses of a criterion; this rule has none",
                     "Add criterion, or remove misses.")
    if isinstance(criterion, str) and d.programme is not None:
        c = d.criteria.get(criterion)
        if c is None:
            yield _unknown(d, pf, (*path, "criterion"), criterion, False)
        elif c.measure is None:
            yield _error(pf.doc.at((*path, "criterion")), (*path, "criterion"),
                         f"{criterion} is rated on the scale, so it has no target to miss",
                         "Name a measured criterion.")
    yield from _count_within(pf, path, rule)


def _count_within(pf: ProviderFile, path: tuple[str | int, ...],
                  rule: dict[str, object]) -> Iterator[Problem]:
    within = rule.get("within")
    if not isinstance(within, int) or isinstance(within, bool):
        return
    for name in ("misses", "at_cap"):
        count = rule.get(name)
        if isinstance(count, int) and not isinstance(count, bool) and count > within:
            yield _error(pf.doc.at((*path, name)), (*path, name),
                         f"{name} is {count}, above within ({within}): no {within} periods "
                         f"in a row can hold {count}", f"Make {name} at most {within}.")


RULES: tuple[Rule, ...] = (
    pool_names_measured_criteria,
    pool_shares_add_up,
    termination_rules_are_whole,
)
