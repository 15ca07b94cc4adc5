"""`scorecard new`: which period is due next, and the skeleton it writes."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml

from factories import category, dataset, measured, period, programme, provider, rated, record
from scorecard.authoring.scaffold import scaffold_files
from scorecard.authoring.skeleton import next_period, plan, record_skeleton, scalar
from scorecard.data.load import load
from scorecard.data.model import Provider, Scale, Service

AS_OF = date(2026, 11, 26)
PROG = programme(
    category("service", 40,
             measured("availability", 99.9, floor=99.0, category="service"),
             rated("fix-quality", weight=2, category="service")),
    category("cost", 10, measured("overrun", 0, better="lower", floor=10, category="cost")),
    scale=Scale(labels={1: "Poor", 2: "Fair", 3: "Good"}, max=3),
)
ACME = Provider(id="acme", name="Acme Ltd", lead="Priya Shah",
                services=(Service("desk", "Service desk"), Service("backup", "Backup")))


# --- the next period -----------------------------------------------------------


def test_with_no_record_the_last_period_that_ended_is_due() -> None:
    # 26 Nov 2026 is in Q4; the quarter before is Q3
    assert next_period("quarterly", (), AS_OF) == period("2026-Q3")
    # in November, the month before is October
    assert next_period("monthly", (), AS_OF) == period("2026-10", "monthly")
    # 2026 is running; the year before is 2025
    assert next_period("yearly", (), AS_OF) == period("2025", "yearly")


def test_the_period_after_the_latest_record_is_due() -> None:
    records = (record("2026-Q1", date(2026, 4, 2)), record("2026-Q2", date(2026, 7, 3)))
    assert next_period("quarterly", records, AS_OF) == period("2026-Q3")
    # after Q4 comes the first quarter of the next year
    assert next_period("quarterly", (record("2026-Q4", AS_OF),), AS_OF) == period("2027-Q1")


def test_plan_uses_the_providers_own_cadence() -> None:
    monthly = provider("acme", cadence="monthly")
    new, problems = plan(dataset(PROG, [monthly]), "acme", None, AS_OF)
    assert problems == []
    assert new is not None
    assert new.period == period("2026-10", "monthly")
    assert str(new.path) == "records/acme/2026-10.yaml"


def test_plan_takes_a_named_period() -> None:
    new, _ = plan(dataset(PROG, [ACME]), "acme", "2025-Q4", AS_OF)
    assert new is not None and new.period == period("2025-Q4")


def test_plan_refuses_a_period_in_the_wrong_form() -> None:
    new, [problem] = plan(dataset(PROG, [ACME]), "acme", "2026-07", AS_OF)
    assert new is None
    assert problem.message == ("'2026-07' is not a quarterly period (that is the monthly form);"
                               " Acme Ltd is evaluated quarterly.")
    assert problem.hint == "Write it like 2026-Q3."


def test_plan_refuses_a_record_that_exists() -> None:
    data = dataset(PROG, [ACME], [record("2026-Q3", date(2026, 10, 6))])
    new, [problem] = plan(data, "acme", "2026-Q3", AS_OF, data_display="data")
    assert new is None
    assert str(problem.location) == "data/records/acme/2026-Q3.yaml"
    assert "already has a record for 2026-Q3" in problem.message


def test_plan_suggests_the_provider_meant() -> None:
    new, [problem] = plan(dataset(PROG, [ACME, provider("globex")]), "acmee", None, AS_OF)
    assert new is None
    assert str(problem.location) == "evaluations/providers/acmee.yaml"
    assert problem.message == "There is no provider 'acmee'."
    assert problem.hint == "Did you mean 'acme'?"
    _, [far] = plan(dataset(PROG, [ACME, provider("globex")]), "zzz", None, AS_OF)
    assert far.hint == "The providers are: acme, globex."


# --- the skeleton text ---------------------------------------------------------


def test_skeleton_lists_every_criterion_as_null_with_the_record_fields() -> None:
    text = record_skeleton(PROG, ACME, period("2026-Q3"), AS_OF,
                           schema_ref="../../../.schemas/record.schema.json")
    assert text.splitlines()[0] == (
        "# yaml-language-server: $schema=../../../.schemas/record.schema.json")
    data = yaml.safe_load(text)
    assert data == {
        "status": "draft",
        "provider": "acme",
        "period": "2026-Q3",
        "evaluated": AS_OF,
        "lead": "Priya Shah",
        "evaluators": ["Priya Shah"],
        "scores": {"availability": None, "fix-quality": None, "overrun": None},
        "services_used": ["desk", "backup"],
    }


def test_skeleton_says_each_target_or_scale_grouped_by_category() -> None:
    lines = record_skeleton(PROG, ACME, period("2026-Q3"), AS_OF).splitlines()
    at = lines.index
    service, cost = at("  # --- Service (weight 40) ---"), at("  # --- Cost (weight 10) ---")
    assert service < at("  availability: null") < at("  fix-quality: null") < cost
    assert cost < at("  overrun: null")
    assert lines[at("  availability: null") - 1] == (
        "  # Measured in %, higher is better: target 99.9, floor 99.")
    assert lines[at("  fix-quality: null") - 2] == "  # Fix-Quality (weight 2)"
    assert lines[at("  fix-quality: null") - 1] == "  # Rated 1 to 3: 1 Poor, 2 Fair, 3 Good."
    assert lines[at("  overrun: null") - 1] == (
        "  # Measured in %, lower is better: target 0, floor 10.")
    assert "  - desk   # Service desk" in lines
    # the sections to write in are there, as comments
    for name in ("notes", "internal_notes", "summary", "internal", "provider_response"):
        assert any(line.startswith(f"# {name}:") for line in lines), name


def test_skeleton_without_a_lead_leaves_a_comment_to_fill_in() -> None:
    text = record_skeleton(PROG, provider("acme"), period("2026-Q3"), AS_OF)
    assert "lead" not in yaml.safe_load(text)
    assert "# lead: YOUR NAME   # required: the team leader who owns this evaluation" in text
    # --lead fills it in
    named = yaml.safe_load(record_skeleton(PROG, provider("acme"), period("2026-Q3"), AS_OF,
                                           lead="Tom Berg"))
    assert named["lead"] == "Tom Berg" and named["evaluators"] == ["Tom Berg"]


def test_skeleton_quotes_a_yearly_period_so_it_stays_text() -> None:
    data = yaml.safe_load(record_skeleton(PROG, ACME, period("2025", "yearly"), AS_OF))
    assert data["period"] == "2025"


@pytest.mark.parametrize(("text", "written"), [
    ("Priya Shah", "Priya Shah"),
    ("2026", '"2026"'),  # a number in plain YAML
    ("yes", '"yes"'),  # a boolean in YAML 1.1
    ("null", '"null"'),
    ("a: b", '"a: b"'),  # a mapping
    ("Tom # lead", '"Tom # lead"'),  # a comment
    ("", '""'),
    ("O'Neil", "O'Neil"),
    ("Zoë: lead", '"Zoë: lead"'),  # quoted, and written as typed
])
def test_scalar_reads_back_as_the_same_text(text: str, written: str) -> None:
    assert scalar(text) == written
    assert yaml.safe_load(f"k: {written}")["k"] == text


# --- the command ---------------------------------------------------------------


def new_repo(tmp_path: Path) -> Path:
    """The files `init` writes (its example record is 2026-Q3), without git."""
    for f in scaffold_files(AS_OF):
        (tmp_path / f.path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f.path).write_bytes(f.content)
    return tmp_path


def run_new(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "scorecard", "new", *args],
                          cwd=cwd, capture_output=True, text=True, check=False)


def test_new_writes_the_next_record_and_it_loads_clean(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    done = run_new("example-provider", "--as-of", "2027-01-08", cwd=repo)
    assert done.returncode == 0, done.stderr
    written = repo / "evaluations/records/example-provider/2026-Q4.yaml"  # after 2026-Q3
    assert f"Wrote {Path('evaluations/records/example-provider/2026-Q4.yaml')}" in done.stdout
    first = written.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../.schemas/record.schema.json"
    assert "change it to final when the evaluation is done" in done.stdout
    # evaluated 2027-01-08: checked as of that day (after it, the day is no typo)
    dataset_, problems = load(repo / "evaluations", today=date(2027, 1, 8))
    assert problems == []
    assert dataset_ is not None
    # a draft: validated, but not an evaluation
    assert [r.period.label for r in dataset_.records["example-provider"]] == ["2026-Q3"]
    latest = dataset_.drafts["example-provider"][-1]
    assert latest.status == "draft"
    assert latest.period == period("2026-Q4")
    assert latest.evaluated == date(2027, 1, 8)
    assert latest.lead == "Sam Taylor"  # the provider's lead
    assert all(v is None for v in latest.scores.values())
    assert len(latest.scores) == len(dataset_.programme.criteria())


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    before = (repo / "evaluations/records/example-provider/2026-Q3.yaml").read_bytes()
    done = run_new("example-provider", "2026-Q3", cwd=repo)
    assert done.returncode == 1
    assert "already has a record for 2026-Q3" in done.stderr
    assert (repo / "evaluations/records/example-provider/2026-Q3.yaml").read_bytes() == before


def test_new_refuses_a_wrong_period_and_an_unknown_provider(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    done = run_new("example-provider", "2026-11", cwd=repo)
    assert done.returncode == 2  # the command was used wrongly, the data is fine
    assert "'2026-11' is not a quarterly period" in done.stderr
    done = run_new("exampel-provider", cwd=repo)
    assert done.returncode == 2
    assert "Did you mean 'example-provider'?" in done.stderr
    assert sorted(p.name for p in (repo / "evaluations/records").iterdir()) == [
        "example-provider"]


def test_new_writes_nothing_while_the_data_has_errors(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    programme = repo / "evaluations/scorecard.yaml"
    programme.write_text(programme.read_text().replace("weight: 40", "weight: -40"))
    done = run_new("example-provider", "--as-of", "2027-01-08", cwd=repo)
    assert done.returncode == 1
    assert "scorecard.yaml" in done.stderr
    assert "writes nothing" in done.stderr
    assert not (repo / "evaluations/records/example-provider/2026-Q4.yaml").exists()


def test_new_then_validate_passes_with_the_draft(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    today = date.today()
    done = run_new("example-provider", "--as-of", today.isoformat(), cwd=repo)
    assert done.returncode == 0, done.stderr
    checked = subprocess.run([sys.executable, "-m", "scorecard", "validate"], cwd=repo,
                             capture_output=True, text=True, check=False)
    # a draft that scores nothing is valid (at most a warning that its period has not
    # ended yet); as a final record it would be an error
    assert checked.returncode == 0, checked.stderr
    records = sorted((repo / "evaluations/records/example-provider").glob("*.yaml"))
    written = records[-1]
    text = written.read_text(encoding="utf-8")
    assert "status: draft" in text
    written.write_text(text.replace("status: draft", "status: final"), encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "scorecard", "validate"], cwd=repo,
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 1
    assert "this record is final but scores nothing" in checked.stderr


def test_skeleton_lists_the_rules_in_force_for_the_period_and_provider() -> None:
    from scorecard.data.model import Change, Term

    availability = replace(measured("availability", 99.9, floor=99.0),
                           changes=(Change(date(2026, 7, 1), target=99.95),))
    carbon = replace(rated("carbon"), from_day=date(2027, 1, 1))
    prog = programme(category("service", 40, availability, rated("patching"), carbon))
    acme = replace(ACME, not_applicable=("patching",),
                   terms={"availability": Term(floor=98.0)})
    text = record_skeleton(prog, acme, period("2026-Q3"), AS_OF)
    scores = yaml.safe_load(text)["scores"]
    # patching does not apply to acme; carbon is not in force before 2027
    assert list(scores) == ["availability"]
    # the target in force from July 2026, the floor of acme's contract
    assert "  # Measured in %, higher is better: target 99.95, floor 98." in text.splitlines()


# --- v1.2: adoption ----------------------------------------------------------------


def test_plan_starts_at_evaluated_from_and_refuses_a_period_before_it() -> None:
    adopted = replace(ACME, evaluated_from=period("2026-Q4"))
    # no record; 26 Nov 2026 would make 2026-Q3 next, but scoring starts with 2026-Q4
    new, problems = plan(dataset(PROG, [adopted]), "acme", None, AS_OF)
    assert problems == [] and new is not None and new.period == period("2026-Q4")
    new, [problem] = plan(dataset(PROG, [adopted]), "acme", "2026-Q3", AS_OF, data_display="d")
    assert new is None and str(problem.location) == "d/providers/acme.yaml"
    assert problem.message == ("2026-Q3 is before 2026-Q4, the first period Acme Ltd is "
                               "evaluated with this tool (evaluated_from).")
    assert problem.hint == "Name a period from 2026-Q4 on, or move evaluated_from back."
    # adopted earlier than the period due: no change (2026-Q3, as without it)
    earlier = replace(ACME, evaluated_from=period("2026-Q1"))
    new, _ = plan(dataset(PROG, [earlier]), "acme", None, AS_OF)
    assert new is not None and new.period == period("2026-Q3")
