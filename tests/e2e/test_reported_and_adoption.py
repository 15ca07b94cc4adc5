"""v1.2 through the real command line, on the demo committed in a new repository:
the provider's reported figures (format.md "What the provider says"), plausible values
and adoption (``evaluated_from``): validate's FILE:LINE:COL, build's documents and
data.json, and ``due``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import GitRepo

AS_OF = "2026-11-26"
NG_Q3 = "records/northgate/2026-Q3.yaml"
CA_Q3 = "records/castellan/2026-Q3.yaml"


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scorecard", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def _provider(data: dict[str, Any], pid: str) -> dict[str, Any]:
    return next(p for p in data["providers"] if p["id"] == pid)


def test_validate_names_the_line_of_a_fraction_and_of_a_bad_evaluated_from(
        demo_repo: GitRepo) -> None:
    demo_repo.edit(CA_Q3, "  availability: 99.97\n", "  availability: 0.9997\n")
    demo_repo.edit(CA_Q3, "  availability: 99.99\n", "  availability: 0.9999\n")
    demo_repo.edit("providers/helpwise.yaml", "evaluated_from: 2026-01", "evaluated_from: 2026-Q1")
    done = cli("validate", "--data", "evaluations", cwd=demo_repo.root)
    assert done.returncode == 1
    lines = done.stdout.splitlines() + done.stderr.splitlines()
    # helpwise.yaml line 10, "evaluated_from: " is 16 characters: column 17.
    # castellan 2026-Q3: scores.availability on line 8 and reported.availability on
    # line 24, both after "  availability: " (16 characters): column 17.
    # 0.9997 x 100 = 99.97, outside 90..100 (min and max): did you mean 99.97?
    assert "evaluations/providers/helpwise.yaml:10:17: evaluated_from: expected a monthly " \
           "period such as 2026-07, found 2026-Q1" in "\n".join(lines)
    assert ("evaluations/records/castellan/2026-Q3.yaml:8:17: scores.availability: expected "
            "a value from 90 to 100 (%), the plausible range of availability, found 0.9997. "
            "Did you mean 99.97?") in lines
    assert ("evaluations/records/castellan/2026-Q3.yaml:24:17: reported.availability: "
            "expected a value from 90 to 100 (%), the plausible range of availability, found "
            "0.9999. Did you mean 99.99?") in lines
    assert "Traceback" not in done.stderr


def test_build_shows_the_reported_figures_to_both_parties_and_in_data_json(
        demo_repo: GitRepo, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    done = cli("build", "--data", "evaluations", "--out", str(out), "--no-pdf", "--jobs", "1",
               "--as-of", AS_OF, cwd=demo_repo.root)
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "data.json").read_text(encoding="utf-8"))
    q3 = next(e for e in _provider(data, "northgate")["evaluations"] if e["period"] == "2026-Q3")
    availability = q3["criteria"]["availability"]
    # ours 99.74 (computed from outages.csv) scores 100 * (99.74 - 99.0) / (99.9 - 99.0)
    # = 82.2222; the reported 99.95 (Northgate's sla-report.csv) would have met the target.
    # 99.95 - 99.74 = 0.21 > 0.05.
    assert (availability["value"], availability["score"]) == (99.74, 82.2222)
    assert availability["reported"] == {"value": 99.95, "difference": 0.21, "tolerance": 0.05,
                                        "beyond_tolerance": True, "scored_with_it": False}
    assert "reported" not in q3["criteria"]["restore-test"]  # nothing reported for it
    provider = (out / "northgate/2026-Q3/provider.html").read_text(encoding="utf-8")
    team = (out / "northgate/2026-Q3/team.html").read_text(encoding="utf-8")
    assert ("Availability of the service: you reported 99.95%, but our figure is 99.74%. They "
            "differ by 0.21 percentage points, more than the 0.05 percentage points "
            "allowed.") in provider
    assert "To discuss" in provider and "To discuss" in team
    assert "Northgate reported 99.95%. Our figure is 99.74%." in team
    castellan = (out / "castellan/2026-Q3/provider.html").read_text(encoding="utf-8")
    # 99.99 - 99.97 = 0.02, within 0.05: said beside ours, not to discuss
    assert ("You reported 99.99%. That is within 0.05 percentage points of our "
            "figure") in castellan
    assert "To discuss" not in castellan


def test_only_a_reported_figure_scores_as_reported_by_you(demo_repo: GitRepo,
                                                          tmp_path: Path) -> None:
    # We have no availability figure of our own for Castellan's 2026-Q3: the score uses
    # the reported 99.99 (met: 99.99 >= 99.9, score 100) and the documents say so.
    demo_repo.edit(CA_Q3, "  availability: 99.97\n", "  availability: null\n")
    demo_repo.commit("Castellan 2026-Q3: our availability figure is not in yet")
    out = tmp_path / "reports"
    done = cli("build", "--data", "evaluations", "--out", str(out), "--no-pdf", "--jobs", "1",
               "--as-of", AS_OF, "--audience", "provider", cwd=demo_repo.root)
    assert done.returncode == 0, done.stderr
    provider = (out / "castellan/2026-Q3/provider.html").read_text(encoding="utf-8")
    assert "As reported by you. We have no figure of our own for it." in provider
    assert "To discuss" not in provider
    data = json.loads((out / "data.json").read_text(encoding="utf-8"))
    q3 = next(e for e in _provider(data, "castellan")["evaluations"] if e["period"] == "2026-Q3")
    availability = q3["criteria"]["availability"]
    assert (availability["value"], availability["score"], availability["met"]) == (
        99.99, 100.0, True)
    assert availability["reported"]["scored_with_it"] is True


def _overdue_evaluations(repo: GitRepo) -> list[tuple[str, str]]:
    done = cli("due", "--data", "evaluations", "--as-of", AS_OF, "--format", "json",
               cwd=repo.root)
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)["items"]
    return [(i["provider"], i["period"]) for i in items if i["kind"] == "evaluation-overdue"]


def test_adopting_the_tool_mid_contract_does_not_flood_due_or_the_portfolio(
        demo_repo: GitRepo, tmp_path: Path) -> None:
    # Helpwise's contract began on 2025-10-01; it is scored from 2026-01. As of
    # 2026-11-26 (monthly, 30 days' grace) October 2025 was due on 30 Nov 2025,
    # November on 30 Dec 2025 and December on 30 Jan 2026: without evaluated_from all
    # three are overdue; with it, none. DeskOne's 2026-Q3 is overdue either way.
    assert _overdue_evaluations(demo_repo) == [("deskone", "2026-Q3")]
    out = tmp_path / "reports"
    done = cli("build", "--data", "evaluations", "--out", str(out), "--no-pdf", "--jobs", "1",
               "--as-of", AS_OF, "--audience", "portfolio", cwd=demo_repo.root)
    assert done.returncode == 0, done.stderr
    schedule = _provider(json.loads((out / "data.json").read_text()), "helpwise")["schedule"]
    # 2026-01 .. 2026-09 were due by 26 Nov (2026-10 is due on 30 Nov): 9 months, none missing
    assert schedule["evaluated_from"] == "2026-01"
    assert schedule["expected"][0] == "2026-01" and len(schedule["expected"]) == 9
    assert schedule["overdue"] == []
    flooded = "We have not scored Helpwise for October 2025 yet. It was due on 30 November 2025."
    assert flooded not in (out / "portfolio.html").read_text(encoding="utf-8")

    demo_repo.edit("providers/helpwise.yaml", "evaluated_from: 2026-01\n", "")
    assert _overdue_evaluations(demo_repo) == [
        ("helpwise", "2025-10"), ("helpwise", "2025-11"), ("helpwise", "2025-12"),
        ("deskone", "2026-Q3")]
    done = cli("build", "--data", "evaluations", "--out", str(tmp_path / "without"),
               "--no-pdf", "--jobs", "1", "--as-of", AS_OF, "--audience", "portfolio",
               cwd=demo_repo.root)
    assert done.returncode == 0, done.stderr
    assert flooded in (tmp_path / "without/portfolio.html").read_text(encoding="utf-8")


def test_the_renewal_brief_counts_the_term_from_adoption(demo_repo: GitRepo,
                                                         tmp_path: Path) -> None:
    # Helpwise: contract from 1 October 2025, scored from January 2026; 2026-01 .. 2026-09
    # were evaluated by 26 November: 9 months, since January 2026, not since October 2025
    out = tmp_path / "reports"
    done = cli("build", "--data", "evaluations", "--out", str(out), "--no-pdf", "--jobs", "1",
               "--as-of", AS_OF, "--audience", "renewal", cwd=demo_repo.root)
    assert done.returncode == 0, done.stderr
    brief = (out / "helpwise/renewal.html").read_text(encoding="utf-8")
    assert "We started scoring them in January 2026. We scored them in 9 months since then." \
        in brief
    assert "since the contract started on 1 October 2025" not in brief
