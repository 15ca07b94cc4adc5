"""Generated data: every change in words agrees with the scores printed beside it.

One measured criterion in % with target 100 and floor 0 scores its own value
(100 * (v - 0) / (100 - 0) = v), so Hypothesis picks the overall scores directly,
halves and near-halves included (62.5 prints as 63, 62.49 as 62). Every document of
the plan (provider, team, portfolio, renewal brief) is rendered with the real
templates and checked by ``figures_agree.change_faults``.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import factories as f
from figures_agree import change_faults
from scorecard.data.model import Contract
from scorecard.data.provenance import Provenance
from scorecard.documents.plan import plan
from scorecard.documents.templating import make_environment, render_template
from scorecard.figures.compute import compute

PROV = Provenance(commit="3f2a9c1d" + "0" * 32, dirty=False, commit_day=date(2026, 11, 26))
PERIODS = ("2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3")
EVALUATED = (date(2025, 10, 20), date(2026, 1, 20), date(2026, 4, 20), date(2026, 7, 20),
             date(2026, 10, 20))
ENV = make_environment()

scores = st.one_of(
    st.integers(100, 9900).map(lambda n: n / 100),  # 1.00 .. 99.00
    st.integers(1, 98).map(lambda n: n + 0.5),  # halves: shown rounded away from zero
    st.integers(1, 98).map(lambda n: n + 0.49),
)


@settings(max_examples=25, deadline=None, derandomize=True, database=None)
@given(st.lists(scores, min_size=2, max_size=len(PERIODS)))
def test_changes_in_words_agree_with_printed_scores(values: list[float]) -> None:
    prog = f.programme(f.category("service", 1, f.measured("availability", 100, floor=0)))
    provider = f.provider("acme", contract=Contract(
        start=date(2025, 7, 1), end=date(2027, 6, 30), notice_days=90, annual_value=120000,
        currency="EUR"))
    records = [
        f.record(label, day, {"availability": v})
        for label, day, v in zip(PERIODS, EVALUATED, values, strict=False)
    ]
    portfolio = compute(f.dataset(prog, [provider], records), date(2026, 11, 26))
    documents = plan(portfolio, provenance=PROV, pdf=False,
                     audiences=("provider", "team", "portfolio", "renewal"))
    checked = 0
    for document in documents:
        found, n = change_faults(render_template(ENV, document.template, document.context()))
        assert found == [], document.stem
        checked += n
    # Each later record's change is said at least in its provider and team scorecards.
    assert checked >= 2 * (len(values) - 1)
