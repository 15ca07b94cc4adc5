"""The Markdown summary a CI job posts: who improved, who fell, what is overdue."""

from __future__ import annotations

from datetime import date

from factories import (
    BANDS,
    action,
    category,
    dataset,
    measured,
    period,
    programme,
    provider,
    record,
)
from scorecard.data.model import Provider
from scorecard.figures.compute import compute
from scorecard.figures.results import (
    ActionSummary,
    ContractStatus,
    Evaluation,
    ExitReadiness,
    Portfolio,
    ProviderResult,
    Schedule,
)
from scorecard.output.summary import change, markdown_summary

AS_OF = date(2026, 11, 26)
PROG = programme(category("service", 1, measured("availability", 99.9)))


def evaluation(label: str, overall: float | None, trend: float | None,
               band: int | None = 1) -> Evaluation:
    return Evaluation(
        record=record(label, date(2026, 10, 6)),
        categories=(),
        overall=overall,
        coverage=1.0,
        band=BANDS[band] if band is not None else None,
        trend=trend,
        previous=None,
        targets_met=0,
        targets_measured=0,
        scope=None,
        due=date(2026, 10, 30),
        late=False,
    )


def result(prov: Provider, *evaluations: Evaluation, overdue: tuple[str, ...] = (),
           contract: ContractStatus | None = None) -> ProviderResult:
    late_actions = tuple(a for a in prov.actions if a.is_open)
    return ProviderResult(
        provider=prov,
        cadence="quarterly",
        evaluations=evaluations,
        schedule=Schedule(
            expected=(), overdue=tuple(period(p) for p in overdue), late=(),
            next_period=None, next_due=None,
        ),
        actions=ActionSummary(
            open_deficiencies=late_actions, overdue=late_actions, days_to_resolve=(),
            median_days_to_resolve=None, ideas_proposed=(), ideas_adopted=(),
            ideas_declined=(),
        ),
        contract=contract,
        exit=ExitReadiness(missing=False, stale=False),
        rank=None,
    )


def section(text: str, title: str) -> list[str]:
    """The lines of one section's list."""
    body = text.split(f"### {title}\n")[1].split("###")[0]
    return [line for line in body.splitlines() if line.startswith("- ")]


def portfolio(*providers: ProviderResult) -> Portfolio:
    return Portfolio(as_of=AS_OF, programme=PROG, providers=providers, ranking=(), areas={})


ACME = provider(
    "acme",
    actions=[action("a-7", date(2026, 7, 10), "open", due=date(2026, 9, 30))],
)


def contract(deadline: date, *, due: bool, passed: bool, days: int,
             auto_renew: bool = True) -> ContractStatus:
    return ContractStatus(
        notice_deadline=deadline, decision_due=due, deadline_passed=passed, ended=False,
        auto_renew=auto_renew, days_to_deadline=days,
    )


def test_improved_fell_overdue_and_contracts_in_plain_words() -> None:
    text = markdown_summary(portfolio(
        # 72.35 shows as 72; trend 5.1 shows as 5
        result(ACME, evaluation("2026-Q2", 67.25, None), evaluation("2026-Q3", 72.35, 5.1),
               # notice deadline 2026-12-20 is 24 days after 2026-11-26 (4 in Nov + 20)
               contract=contract(date(2026, 12, 20), due=True, passed=False, days=24)),
        # 58.5 shows as 59 (halves away from zero); before it 58.5 + 3.5 = 62 shows as 62:
        # the change is worked from the printed scores, 59 - 62 = -3 (not -3.5 as 4)
        result(provider("globex"), evaluation("2026-Q3", 58.5, -3.5, band=2),
               contract=contract(date(2026, 10, 2), due=False, passed=True, days=-55)),
        # printed 81 both times (81.0 and 81.0 - 0.4 = 80.6): "about the same"
        result(provider("initech"), evaluation("2026-Q3", 81.0, 0.4, band=0)),
        # Q2 ends 30 June, due 30 days later: 30 July; Q3 ends 30 September: 30 October
        result(provider("umbrella"), overdue=("2026-Q2", "2026-Q3")),
    ))
    assert text.startswith("## Provider scorecards: as of 26 November 2026\n")
    assert "Internal: for our team only." in text
    assert section(text, "Improved") == ["- Acme: up 5 points to 72 in 2026-Q3."]
    assert section(text, "Fell") == ["- Globex: down 3 points to 59 in 2026-Q3."]
    assert section(text, "Overdue") == [
        "- Acme: action a-7, \u201cA-7\u201d, was due on 30 September 2026.",
        "- Umbrella: the evaluation of the second quarter of 2026 (2026-Q2)"
        " was due on 30 July 2026.",
        "- Umbrella: the evaluation of the third quarter of 2026 (2026-Q3)"
        " was due on 30 October 2026.",
    ]
    assert section(text, "Contract decisions") == [
        "- Acme: decide by 20 December 2026 (24 days after 26 November 2026, the as-of day)."
        " It renews by itself unless notice is given.",
        "- Globex: the notice deadline passed on 2 October 2026.",
    ]
    table = [line for line in text.splitlines() if line.startswith("|")]
    assert table == [
        "| Provider | Latest period | Score | Band | Change |",
        "| --- | --- | --- | --- | --- |",
        "| Acme | 2026-Q3 | 72 | Adequate | up 5 points |",
        "| Globex | 2026-Q3 | 59 | At risk | down 3 points |",
        "| Initech | 2026-Q3 | 81 | Strong | about the same |",
        "| Umbrella | none yet |  |  |  |",
    ]


def test_a_quiet_build_says_so() -> None:
    text = markdown_summary(portfolio(result(provider("acme"), evaluation("2026-Q3", 70, None))))
    assert "No provider improved by a point or more." in text
    assert "No provider fell by a point or more." in text
    assert "Nothing is overdue." in text
    assert "No contract decision is due." in text
    assert "| Acme | 2026-Q3 | 70 | Adequate | first evaluation |" in text


def test_improved_lists_the_biggest_rise_first() -> None:
    text = markdown_summary(portfolio(
        result(provider("acme"), evaluation("2026-Q3", 70, 2.0)),
        result(provider("globex"), evaluation("2026-Q3", 80, 9.0, band=0)),
    ))
    assert section(text, "Improved") == ["- Globex: up 9 points to 80 in 2026-Q3.",
                        "- Acme: up 2 points to 70 in 2026-Q3."]


def test_nothing_scored_and_no_band_are_said_in_words() -> None:
    text = markdown_summary(portfolio(
        result(provider("acme"), evaluation("2026-Q3", None, None, band=None)),
    ))
    assert "| Acme | 2026-Q3 | not scored | too little scored to judge | first evaluation |" in text


def test_markdown_in_names_is_shown_as_written() -> None:
    odd = Provider(id="odd", name="A|B *Ltd* <script>")
    text = markdown_summary(portfolio(result(odd, evaluation("2026-Q3", 70, None))))
    assert "| A\\|B \\*Ltd\\* \\<script\\> | 2026-Q3 |" in text
    assert "<script>" not in text


def test_change_in_words() -> None:
    assert change(0.99) == "about the same"  # under 1 point
    assert change(-0.99) == "about the same"
    assert change(1.0) == "up 1 point"
    assert change(-1.5) == "down 2 points"  # 1.5 rounds away from zero to 2
    assert change(2.49) == "up 2 points"


def test_summary_of_a_portfolio_the_engine_computed() -> None:
    # one criterion scored 0..100 straight from its value: target 100, floor 0
    prog = programme(category("service", 1, measured("uptime", 100, floor=0,
                                                     category="service")))
    data = dataset(prog, [provider("acme"), provider("globex")], [
        record("2026-Q2", date(2026, 7, 10), {"uptime": 60}),
        record("2026-Q3", date(2026, 10, 10), {"uptime": 72.5}),
        record("2026-Q2", date(2026, 7, 10), {"uptime": 90}, provider="globex"),
    ])
    text = markdown_summary(compute(data, AS_OF))
    # acme: 72.5 - 60 = 12.5, shown as 13 (halves away from zero); 72.5 shows as 73
    assert section(text, "Improved") == ["- Acme: up 13 points to 73 in 2026-Q3."]
    # globex's Q3 was due 30 days after 30 September: 30 October, before 26 November
    assert section(text, "Overdue") == [
        "- Globex: the evaluation of the third quarter of 2026 (2026-Q3)"
        " was due on 30 October 2026."]
    assert "| Globex | 2026-Q2 | 90 | Strong | first evaluation |" in text
