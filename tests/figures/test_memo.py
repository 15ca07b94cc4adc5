"""The per-portfolio memo of spend figures (``figures.memo``) answers as the
figures do, once per portfolio, and never keeps a portfolio alive: a build makes
one per evaluated day, and a memo that held them all held every provider's
figures for every day (issue 18: memory at 2,000 providers x 8 quarters)."""

from __future__ import annotations

import gc
import weakref

import sample_portfolio as sample
from scorecard.figures import memo
from scorecard.figures.compute import compute
from scorecard.figures.spend import leverage


def test_the_memo_answers_as_the_figures_do() -> None:
    portfolio = sample.portfolio()
    assert memo.leverage_of(portfolio) == leverage(portfolio)
    assert memo.leverage_of(portfolio) is memo.leverage_of(portfolio)  # worked out once
    for result in portfolio.providers:
        pid = result.provider.id
        assert memo.provider_leverage_of(portfolio, pid) == leverage(portfolio).of(pid)
    assert memo.provider_leverage_of(portfolio, "nobody") is None


def test_the_memo_lets_a_portfolio_go() -> None:
    dataset = sample.dataset()
    held = []
    for day in (sample.AS_OF, sample.AS_OF.replace(day=1)):
        portfolio = compute(dataset, day)
        memo.leverage_of(portfolio)
        memo.provider_leverage_of(portfolio, portfolio.providers[0].provider.id)
        held.append(weakref.ref(portfolio))
        del portfolio
    gc.collect()
    assert [ref() for ref in held] == [None, None]
    alive = [ref() for ref, _ in (*memo._LEVERAGE.values(), *memo._SHARED.values())]
    assert all(p is not None for p in alive)  # no entry outlives its portfolio
