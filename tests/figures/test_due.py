"""``scorecard due``: the items (pure) and the command, on a real data folder."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import sample_portfolio as sample
from scorecard.cli import cli
from scorecard.data.model import Action, Contract
from scorecard.figures.compute import compute
from scorecard.figures.due import DueItem, due_items, has_overdue, lead_of

# --- the items, on the hand-built data set (see sample_portfolio.py) -----------------------


def _kinds(items: tuple[DueItem, ...]) -> list[tuple[str, str, str, date | None]]:
    return [(i.urgency, i.kind, i.provider.id, i.day) for i in items]


def test_items_by_urgency() -> None:
    items = due_items(sample.portfolio())
    assert _kinds(items) == [
        ("overdue", "evaluation-overdue", "acme", date(2026, 7, 30)),  # 2026-Q2 + 30 days
        ("overdue", "action-overdue", "acme", date(2026, 9, 30)),  # a-1
        ("soon", "action-due", "globex", date(2026, 12, 10)),  # g-1, 14 days away
        ("later", "evaluation-due", "acme", date(2027, 1, 30)),  # 2026-Q4, 65 days away
        ("later", "contract-decision", "globex", date(2027, 1, 30)),  # 2027-03-31 - 60 days
        ("later", "evaluation-due", "globex", date(2027, 1, 30)),
        ("info", "exit-plan-stale", "acme", date(2026, 6, 1)),  # reviewed 2025-06-01 + 365
        ("info", "notice-passed", "acme", date(2026, 10, 2)),  # 2026-12-31 - 90 days
    ]
    assert has_overdue(items)
    # Days from 2026-11-26: 2026-07-30 is 1 + 31 + 30 + 31 + 26 = 119 days before;
    # 2026-09-30 is 31 + 26 = 57 days before; 2026-12-10 is 14 days after.
    assert [i.days for i in items[:3]] == [-119, -57, 14]
    assert items[0].period == sample.q(2026, 2)
    assert items[1].action is not None and items[1].action.id == "a-1"


def test_owners() -> None:
    portfolio = sample.portfolio()
    acme, globex = portfolio.providers
    # acme has a lead; globex has none: the last record's lead.
    assert (lead_of(acme), lead_of(globex)) == ("Priya Shah", "Tom Berg")
    items = due_items(portfolio)
    # a-1 is the provider's to fix; g-1 is ours (the lead's).
    assert (items[1].owner, items[2].owner) == ("Acme", "Tom Berg")


@pytest.mark.parametrize(
    ("due", "urgency"),
    [
        (date(2026, 11, 25), "overdue"),  # a day before the as-of day
        (date(2026, 11, 26), "soon"),  # on it: due today, not yet late
        (date(2026, 12, 26), "soon"),  # 30 days away: inside the window
        (date(2026, 12, 27), "later"),  # 31 days away
        (date(2027, 3, 26), "later"),  # 4 + 31 + 31 + 28 + 26 = 120 days away
        (date(2027, 3, 27), None),  # 121 days away: not shown
    ],
)
def test_action_windows(due: date, urgency: str | None) -> None:
    action = Action("x-1", "deficiency", "Rota", date(2026, 10, 1), "open", due=due)
    provider = replace(sample.globex(), actions=(action,), contract=None)
    dataset = replace(sample.dataset(), providers={"globex": provider},
                      records={"globex": ()})
    items = [i for i in due_items(compute(dataset, sample.AS_OF)) if i.action is not None]
    assert [i.urgency for i in items] == ([urgency] if urgency else [])


def test_no_contract_end_and_quiet_provider() -> None:
    provider = replace(sample.globex(), actions=(),
                       contract=Contract(start=date(2026, 4, 1)))
    dataset = replace(sample.dataset(), providers={"globex": provider},
                      records={"globex": sample.globex_records()})
    items = due_items(compute(dataset, sample.AS_OF))
    # Only the next evaluation (2026-Q4, due 2027-01-30) remains.
    assert _kinds(items) == [("later", "evaluation-due", "globex", date(2027, 1, 30))]
    assert not has_overdue(items)


# --- the command, on a real data folder ------------------------------------------------------

PROGRAMME = """\
organisation: Test Org
categories:
  - id: service
    name: Service delivery
    weight: 1
    criteria:
      - id: availability
        name: Availability
        measure: {unit: "%", target: 99.9, floor: 99.0, better: higher}
      - id: care
        name: Care
"""

ACME = """\
id: acme
name: Acme Managed IT Ltd
short_name: Acme
lead: Priya Shah
contract:
  start: 2026-01-01
  end: 2026-12-31
  notice_days: 30
  auto_renew: true
actions:
  - id: a-1
    kind: deficiency
    title: Weekend on-call cover
    raised: 2026-07-01
    owner: provider
    due: 2026-10-15
    status: open
  - id: a-2
    kind: deficiency
    title: Asset list
    raised: 2026-11-01
    owner: us
    due: 2027-02-01
    status: open
"""

GLOBEX = """\
id: globex
name: Globex Services
exit_plan:
  status: drafted
  reviewed: 2025-01-10
"""


def _record(provider: str, period: str, evaluated: str, lead: str, care: int = 4) -> str:
    return (
        f"provider: {provider}\nperiod: {period}\nevaluated: {evaluated}\nlead: {lead}\n"
        f"scores:\n  availability: 99.95\n  care: {care}\n"
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder as of 2026-11-26 (worked out by hand):

    - acme: contract from 2026-01-01, so 2026-Q1..Q3 are expected; Q2 has no
      record: overdue since 2026-07-30. a-1 overdue since 2026-10-15. Notice
      deadline 2026-12-31 - 30 days = 2026-12-01, 5 days away: due soon. Next
      evaluation 2026-Q4, due 2027-01-30 (65 days): coming up; a-2 due
      2027-02-01 (4 + 31 + 31 + 1 = 67 days): coming up.
    - globex: no contract, first record 2026-Q3: nothing overdue; 2026-Q4 due
      2027-01-30: coming up. Exit plan reviewed 2025-01-10: stale since
      2026-01-10: for information.
    """
    root = tmp_path / "evaluations"
    (root / "providers").mkdir(parents=True)
    (root / "records" / "acme").mkdir(parents=True)
    (root / "records" / "globex").mkdir(parents=True)
    (root / "scorecard.yaml").write_text(PROGRAMME)
    (root / "providers" / "acme.yaml").write_text(ACME)
    (root / "providers" / "globex.yaml").write_text(GLOBEX)
    (root / "records" / "acme" / "2026-Q1.yaml").write_text(
        _record("acme", "2026-Q1", "2026-04-10", "Priya Shah"))
    (root / "records" / "acme" / "2026-Q3.yaml").write_text(
        _record("acme", "2026-Q3", "2026-10-20", "Priya Shah"))
    (root / "records" / "globex" / "2026-Q3.yaml").write_text(
        _record("globex", "2026-Q3", "2026-10-10", "Tom Berg"))
    return root


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["due", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _flat(text: str) -> str:
    """Output with wrapped lines joined, for matching sentences."""
    return " ".join(text.split())


def test_text_output_grouped_by_urgency(data_dir: Path) -> None:
    code, out, _ = _run("--data", str(data_dir), "--as-of", "2026-11-26")
    assert code == 0
    flat = _flat(out)
    assert flat.startswith("As of 26 November 2026:")
    titles = ["Overdue (2)", "Due within 30 days (1)", "Coming up (3)", "For information (1)"]
    positions = [flat.index(t) for t in titles]
    assert positions == sorted(positions)
    overdue = flat[positions[0]:positions[1]]
    assert ("2026-07-30 We have not scored Acme for the second quarter of 2026 yet. It was due "
            "on 30 July 2026. Priya Shah leads it.") in overdue
    assert ("2026-10-15 Acme: “Weekend on-call cover” was due on 15 October 2026. "
            "It is still open. Acme owns it.") in overdue
    soon = flat[positions[1]:positions[2]]
    assert ("2026-12-01 The contract with Acme renews by itself. To stop that, notice must be "
            "given by 1 December 2026. That is 5 days after 26 November 2026, the day these "
            "figures are as of.") in soon
    later = flat[positions[2]:positions[3]]
    assert later.index("2027-01-30 We must score Acme") < later.index(
        "2027-01-30 We must score Globex Services") < later.index(
        "2027-02-01 Acme: “Asset list” is due by 1 February 2027. Priya Shah owns it.")
    # globex has no lead: the last record's.
    assert ("We must score Globex Services for the fourth quarter of 2026. It is due by "
            "30 January 2027. Tom Berg leads it.") in later
    info = flat[positions[3]:]
    assert ("2026-01-10 The exit plan for Globex Services was last reviewed on "
            "10 January 2025. It needs a fresh look.") in info
    assert flat.endswith(
        "2 overdue, 1 due within 30 days, 3 coming up, 1 for information.")


def test_strict_fails_only_when_something_is_overdue(data_dir: Path) -> None:
    code, _, _ = _run("--data", str(data_dir), "--as-of", "2026-11-26", "--strict")
    assert code == 1
    # On 2026-04-01 nothing is overdue yet: 2026-Q1 is due on 2026-04-30 and
    # a-1 was not raised. The stale exit plan is for information only.
    code, out, _ = _run("--data", str(data_dir), "--as-of", "2026-04-01", "--strict")
    assert code == 0
    flat = _flat(out)
    assert "Overdue" not in flat
    assert ("2026-04-30 We must score Acme for the first quarter of 2026. It is due by "
            "30 April 2026.") in flat
    assert "For information (1)" in flat


def test_json_output(data_dir: Path) -> None:
    code, out, _ = _run("--data", str(data_dir), "--as-of", "2026-11-26", "--format", "json",
                        "--strict")
    assert code == 1
    data = json.loads(out)
    assert data["as_of"] == "2026-11-26"
    assert data["overdue"] is True
    assert [(i["group"], i["kind"], i["provider"], i["day"]) for i in data["items"]] == [
        ("overdue", "evaluation-overdue", "acme", "2026-07-30"),
        ("overdue", "action-overdue", "acme", "2026-10-15"),
        ("soon", "contract-decision", "acme", "2026-12-01"),
        ("later", "evaluation-due", "acme", "2027-01-30"),
        ("later", "evaluation-due", "globex", "2027-01-30"),
        ("later", "action-due", "acme", "2027-02-01"),
        ("info", "exit-plan-stale", "globex", "2026-01-10"),
    ]
    first = data["items"][0]
    # 2026-07-30 is 1 + 31 + 30 + 31 + 26 = 119 days before 2026-11-26.
    assert (first["days"], first["owner"], first["period"], first["action"]) == (
        -119, "Priya Shah", "2026-Q2", None)
    assert data["items"][1]["action"] == "a-1"
    assert data["items"][2]["group_title"] == "Due within 30 days"
    # v1.1: a renewal decision says whether the contract renews by itself; others say null
    assert data["items"][2]["auto_renew"] is True and data["items"][0]["auto_renew"] is None
    assert data["items"][6]["day"] == "2026-01-10"


def test_a_decision_taken_in_the_window_leaves_due(data_dir: Path) -> None:
    acme = data_dir / "providers" / "acme.yaml"
    # deadline 2026-12-01 (2026-12-31 - 30 days); the window opened 2026-08-03
    # (2026-12-01 - 120: 30 to 11-01, 61 to 10-01, 91 to 09-01, 120 to 08-03)
    text = acme.read_text(encoding="utf-8")
    acme.write_text(text.replace("  auto_renew: true\n", "  auto_renew: true\n"
                                 "  decision: {status: renew, day: 2026-08-03}\n"),
                    encoding="utf-8")
    _, out, _ = _run("--data", str(data_dir), "--as-of", "2026-11-26", "--format", "json")
    kinds = [i["kind"] for i in json.loads(out)["items"]]
    assert "contract-decision" not in kinds and "notice-passed" not in kinds
    # a day earlier it was before the window: the decision is still due
    acme.write_text(text.replace("  auto_renew: true\n", "  auto_renew: true\n"
                                 "  decision: {status: renew, day: 2026-08-02}\n"),
                    encoding="utf-8")
    _, out, _ = _run("--data", str(data_dir), "--as-of", "2026-11-26", "--format", "json")
    assert "contract-decision" in [i["kind"] for i in json.loads(out)["items"]]


def test_nothing_due(data_dir: Path) -> None:
    for name in ("acme.yaml", "globex.yaml"):
        (data_dir / "providers" / name).unlink()
    for folder in ("acme", "globex"):
        for f in (data_dir / "records" / folder).iterdir():
            f.unlink()
    code, out, _ = _run("--data", str(data_dir), "--as-of", "2026-11-26", "--strict")
    assert (code, out) == (0, "As of 26 November 2026:\nNothing is overdue or coming up.\n")


def test_data_errors_are_listed_and_exit_1(data_dir: Path) -> None:
    # A rating outside the 1..5 scale.
    (data_dir / "records" / "acme" / "2026-Q3.yaml").write_text(
        _record("acme", "2026-Q3", "2026-10-20", "Priya Shah", care=9))
    code, out, err = _run("--data", str(data_dir), "--as-of", "2026-11-26")
    assert code == 1
    assert out == ""
    assert "2026-Q3.yaml:" in err
    line = next(x for x in err.splitlines() if "2026-Q3.yaml" in x)
    # FILE:LINE:COL: message; "care: 9" is on line 7.
    assert ":7:" in line


def test_ref_reads_the_committed_data(data_dir: Path) -> None:
    repo = data_dir.parent
    git = ["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "data"], check=True)
    # After the commit the Q2 record is written: the working tree has it, HEAD does not.
    (data_dir / "records" / "acme" / "2026-Q2.yaml").write_text(
        _record("acme", "2026-Q2", "2026-07-20", "Priya Shah"))
    code, out, _ = _run("--data", str(data_dir), "--as-of", "2026-11-26", "--format", "json")
    assert code == 0
    assert "evaluation-overdue" not in [i["kind"] for i in json.loads(out)["items"]]
    code, out, _ = _run("--data", str(data_dir), "--ref", "HEAD", "--as-of", "2026-11-26",
                        "--format", "json")
    assert code == 0
    assert json.loads(out)["items"][0]["kind"] == "evaluation-overdue"


def test_bad_day_is_a_usage_error(data_dir: Path) -> None:
    code, _, err = _run("--data", str(data_dir), "--as-of", "26/11/2026")
    assert code == 2
    assert "YYYY-MM-DD" in err


# --- v1.1: the portfolio's order, and leaving without a plan ---------------------


def test_a_contract_renewing_by_itself_without_plan_comes_before_an_overdue_evaluation() -> None:
    from factories import category, dataset, measured, programme, provider
    from scorecard.data.model import Contract, Decision, ExitPlan
    from scorecard.figures.compute import compute
    from scorecard.figures.due import due_items, portfolio_order

    prog = programme(category("service", 1, measured("availability", 99.9)))
    as_of = date(2026, 11, 26)
    # renews by itself: end 2027-03-31, 90 days' notice: deadline 2026-12-31, 35 days away
    renews = provider("renews", contract=Contract(
        start=date(2026, 1, 1), end=date(2027, 3, 31), notice_days=90, auto_renew=True))
    # contract from 2025-01-01, no records: 2025-Q1 .. 2026-Q3 are overdue
    late = provider("late", contract=Contract(start=date(2025, 1, 1), end=date(2029, 1, 1)))
    # decided to leave, no exit plan: flagged, dated the contract's end
    leaving = provider("leaving", exit_plan=ExitPlan(status="none"), contract=Contract(
        start=date(2026, 1, 1), end=date(2027, 2, 28), notice_days=60,
        decision=Decision("notice-given", date(2026, 11, 2))))
    items = portfolio_order(due_items(compute(dataset(prog, [late, leaving, renews]), as_of)))
    firsts = [(i.kind, i.provider.id, i.day, i.days) for i in items[:3]]
    # 2027-02-28 - 60 days = 2026-12-30 deadline, window opens 2026-09-01: the decision settles
    assert firsts == [
        ("contract-decision", "renews", date(2026, 12, 31), 35),
        ("leaving-without-plan", "leaving", date(2027, 2, 28), 94),
        ("evaluation-overdue", "late", date(2025, 4, 30), -575),
    ]
    assert items[1].urgency == "soon"
