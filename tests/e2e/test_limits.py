"""Whatever ``validate`` accepts, ``build`` and ``due`` handle; what they could
not is refused by ``validate`` at its line and column.

Each case puts one value past a limit into a committed copy of the small
fixture: ``validate`` must name the file, line and column with what is
expected and a likely fix, and ``build`` and ``due`` must stop on the same
problem (exit 1) instead of ending in a traceback (``run_cli`` lets exceptions
through, so a traceback fails the test). Values at the limits are accepted and
built. Lines and columns are counted by hand in the fixture files.
"""

from __future__ import annotations

import json

import pytest

from conftest import GitRepo, run_cli

PROG = "scorecard.yaml"
ACME = "providers/acme.yaml"
Q3 = "records/acme/2026-Q3.yaml"
CONTRACT = "lead: Priya Shah\ncontract: {start: 2024-01-01, end: 2027-12-31, notice_days: 90}"
DAYS_FIX = "Count in days: 30 is about a month, 365 a year; 3650 (ten years) is the most."
NUMBER_FIX = "Check for extra digits or a misplaced decimal point."
WEIGHT_FIX = ("Weights only count against each other: 3 and 1 give the same shares as 300 "
              "and 100. To leave something out, remove it.")
MILLION_MILLION = "from -1,000,000,000,000 to 1,000,000,000,000"

# (file, old, new, FILE:LINE:COL, message)
CASES = [
    (PROG, "grace_days: 30", "grace_days: 3000000", PROG + ":3:13",
     f"grace_days: expected a whole number from 0 to 3,650, found 3000000. {DAYS_FIX}"),
    # "    weight: " is 12 characters
    (PROG, "weight: 60", "weight: 1.0e+308", PROG + ":15:13",
     "categories.weight: expected a number above 0 and at most 1,000, found 1.0e+308. "
     + WEIGHT_FIX),
    # 1e308 without a point: a number under YAML 1.2's rules, as editors read it
    (PROG, "weight: 60", "weight: 1e308", PROG + ":15:13",
     "categories.weight: expected a number above 0 and at most 1,000, found 1e308. "
     + WEIGHT_FIX),
    # "        weight: " is 16 characters
    (PROG, "weight: 2", "weight: " + "9" * 400, PROG + ":25:17",
     "categories.criteria.weight: expected a number above 0 and at most 1,000, found "
     + "9" * 400 + ". " + WEIGHT_FIX),
    # "        measure: {unit: "%", target: " is 37 characters
    (PROG, "target: 99.9", "target: 1.0e+308", PROG + ":19:38",
     f"categories.criteria.measure.target: expected a number {MILLION_MILLION}, found "
     f"1.0e+308. {NUMBER_FIX}"),
    # "  p1-response: " is 15 characters; a whole number too big for a float
    (Q3, "p1-response: 42", "p1-response: 1" + "0" * 330, Q3 + ":8:16",
     f"scores.p1-response: expected a number {MILLION_MILLION} (minutes), found 1"
     + "0" * 330 + f". {NUMBER_FIX}"),
    (Q3, "availability: 99.95", "availability: -1.0e+300", Q3 + ":7:17",
     f"scores.availability: expected a number {MILLION_MILLION} (%), found -1.0e+300. "
     + NUMBER_FIX),
    # line 5 is the contract; "contract: {start: 2024-01-01, end: 2027-12-31, notice_days: "
    # is 60 characters
    (ACME, "lead: Priya Shah", CONTRACT.replace("notice_days: 90", "notice_days: 99999999"),
     ACME + ":5:61",
     f"contract.notice_days: expected a whole number from 0 to 3,650, found 99999999. "
     f"{DAYS_FIX}"),
    # "contract: {start: 2024-01-01, end: " is 35 characters
    (ACME, "lead: Priya Shah", CONTRACT.replace("end: 2027-12-31", "end: 9999-12-31"),
     ACME + ":5:36",
     "contract.end: expected a day from 1900-01-01 to 2999-12-31, found the date 9999-12-31. "
     "Check the year; leave end out if the contract has no end day."),
    # "    due: " is 9 characters
    (ACME, "due: 2026-09-30", "due: 9999-11-15", ACME + ":14:10",
     "actions.due: expected a day from 1900-01-01 to 2999-12-31, found the date 9999-11-15. "
     "Check the year."),
    # "evaluated: " is 11 characters
    (Q3, "evaluated: 2026-10-06", "evaluated: 0001-01-01", Q3 + ":3:12",
     "evaluated: expected a day from 1900-01-01 to 2999-12-31, found the date 0001-01-01. "
     "Check the year."),
]


@pytest.mark.parametrize(("rel", "old", "new", "where", "message"), CASES,
                         ids=[c[3] + " " + c[2][:30] for c in CASES])
def test_a_value_past_its_limit_is_refused_at_its_place(
    small_repo: GitRepo, monkeypatch: pytest.MonkeyPatch,
    rel: str, old: str, new: str, where: str, message: str,
) -> None:
    small_repo.edit(rel, old, new)
    small_repo.commit("Past a limit")
    monkeypatch.chdir(small_repo.root)
    data = "evaluations"
    line = f"{data}/{where}: {message}"

    checked = run_cli("validate", "--data", data)
    assert checked.exit_code == 1
    assert checked.stderr.splitlines() == [line, "1 error in 1 file."]

    built = small_repo.build("--no-pdf")  # with --data as an absolute path
    assert built.exit_code == 1
    assert f"{small_repo.data}/{where}: {message}" in built.stderr.splitlines()
    assert not small_repo.reports.exists()

    due = run_cli("due", "--data", data, "--as-of", "2026-11-26")
    assert due.exit_code == 1
    assert line in due.stderr.splitlines()


def test_values_at_the_limits_are_built(small_repo: GitRepo) -> None:
    """The largest day counts, the first and last days and the heaviest weight pass
    ``validate``, and so ``build`` and ``due`` take them, on either edge day."""
    small_repo.edit(PROG, "grace_days: 30", "grace_days: 3650")
    small_repo.edit(PROG, "weight: 60", "weight: 1000")
    small_repo.edit(PROG, "target: 30, floor: 120", "target: 30, floor: 1000000000000")
    small_repo.edit(ACME, "lead: Priya Shah", "lead: Priya Shah\n"
                    "contract: {start: 1900-01-01, end: 2999-12-31, notice_days: 3650}\n"
                    "exit_plan: {status: drafted, reviewed: 2999-12-31}")
    small_repo.edit(Q3, "p1-response: 42", "p1-response: 999999999999.99")
    small_repo.commit("At the limits")
    data = str(small_repo.data)
    assert run_cli("validate", "--data", data).exit_code == 0

    for day in ("1900-01-01", "2999-12-31"):
        built = small_repo.build("--no-pdf", "--as-of", day)
        assert built.exit_code == 0, built.output
        assert f"as of {day}" in built.output
        due = run_cli("due", "--data", data, "--as-of", day, "--format", "json")
        assert due.exit_code == 0, due.output
        assert json.loads(due.stdout)["as_of"] == day

    # acme's notice deadline is 3650 days before 2999-12-31: the ten years 2990-2999
    # have 3652 days (2992 and 2996 are leap years), so it is 2990-01-02, long passed.
    items = json.loads(run_cli("due", "--data", data, "--as-of", "2999-12-31",
                               "--format", "json").stdout)["items"]
    assert not [i for i in items if i["kind"] == "contract-decision"]
    figures = json.loads((small_repo.reports / "data.json").read_text(encoding="utf-8"))
    assert "2990-01-02" in json.dumps(figures)


@pytest.mark.parametrize("command", ["build", "due"])
@pytest.mark.parametrize("day", ["9999-11-15", "0001-01-01", "1899-12-31", "3000-01-01"])
def test_an_as_of_day_out_of_range_is_a_usage_error(
    small_repo: GitRepo, command: str, day: str
) -> None:
    args = ["--no-pdf", "--out", str(small_repo.reports)] if command == "build" else []
    done = run_cli(command, "--data", str(small_repo.data), "--as-of", day, *args)
    assert done.exit_code == 2
    assert (f"Invalid value for '--as-of': {day} is out of range; expected a day from "
            "1900-01-01 to 2999-12-31.") in done.stderr
    assert not small_repo.reports.exists()
