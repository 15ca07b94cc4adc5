"""The git workflow end to end, through the real command line, in a new repository:
init, validate, new, fill in, commit, validate, build; and the files init
writes for CI and pre-commit, checked by the real tools."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-26"  # init's example record is then for 2026-Q3


def env(tmp: Path) -> dict[str, str]:
    """A clean environment: our own git identity and pre-commit cache, and the
    virtualenv's scripts (scorecard, pre-commit) first on PATH."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    e.update(
        HOME=str(tmp / "home"),
        PRE_COMMIT_HOME=str(tmp / "pre-commit-cache"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Sam Taylor", GIT_AUTHOR_EMAIL="sam@example.com",
        GIT_COMMITTER_NAME="Sam Taylor", GIT_COMMITTER_EMAIL="sam@example.com",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    (tmp / "home").mkdir(exist_ok=True)
    return e


def run(args: list[str], cwd: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env(tmp), capture_output=True, text=True,
                          check=False)


def scorecard(*args: str, cwd: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", "scorecard", *args], cwd, tmp)


def git(*args: str, cwd: Path, tmp: Path) -> str:
    done = run(["git", *args], cwd, tmp)
    assert done.returncode == 0, done.stderr
    return done.stdout


def snapshot(repo: Path) -> dict[str, tuple[bytes, int]]:
    """Every file outside .git and reports/, with its bytes and modification time."""
    return {
        str(p.relative_to(repo)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(repo.rglob("*"))
        if p.is_file() and p.relative_to(repo).parts[0] not in (".git", "reports")
    }


# the new quarter's results, as the lead types them over the nulls
FILLED = {
    "availability": "99.95",
    "p1-response": "25",
    "resolved-on-time": "97",
    "work-quality": "{Sam Taylor: 4, Jo Rivera: 4}",
    "patching": "100",
    "security-incidents": "0",
    "security-care": "4",
    "communication": "4",
    "initiative": "3",
    "cost-variance": "1",
}


def fill_in(path: Path) -> None:
    text = path.read_text()
    text = text.replace("evaluators: [Sam Taylor]", "evaluators: [Sam Taylor, Jo Rivera]")
    for criterion, value in FILLED.items():
        assert f"\n  {criterion}: null\n" in text, criterion
        text = text.replace(f"\n  {criterion}: null\n", f"\n  {criterion}: {value}\n")
    # `new` writes a draft; the evaluation is done, so the lead makes it final
    assert "\nstatus: draft\n" in text
    text = text.replace("\nstatus: draft\n", "\nstatus: final\n")
    path.write_text(text)


def test_from_init_to_built_scorecards(tmp_path: Path) -> None:
    repo = tmp_path / "evaluations-repo"

    done = scorecard("init", str(repo), "--organisation", "Northwind Freight",
                     "--as-of", AS_OF, cwd=tmp_path, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (repo / ".git").is_dir()

    done = scorecard("validate", cwd=repo, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    git("add", ".", cwd=repo, tmp=tmp_path)
    git("commit", "-q", "-m", "Start the evaluations", cwd=repo, tmp=tmp_path)

    # the next period after the example's 2026-Q3 is 2026-Q4; evaluated on 30 November
    # 2026 (a record evaluated after today is an error, so not in 2027: at worst a warning
    # that the quarter had not ended)
    done = scorecard("new", "example-provider", "--as-of", "2026-11-30", cwd=repo, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    record = repo / "evaluations/records/example-provider/2026-Q4.yaml"
    fill_in(record)
    data = yaml.safe_load(record.read_text())
    assert data["scores"]["value-for-money"] is None  # left unscored: still valid
    assert data["scores"]["work-quality"] == {"Sam Taylor": 4, "Jo Rivera": 4}

    done = scorecard("validate", cwd=repo, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    git("add", "evaluations", cwd=repo, tmp=tmp_path)
    git("commit", "-q", "-m", "Evaluate 2026-Q4", cwd=repo, tmp=tmp_path)
    assert git("status", "--porcelain", cwd=repo, tmp=tmp_path) == ""

    summary = tmp_path / "summary.md"  # as $GITHUB_STEP_SUMMARY, outside the repository
    done = scorecard("build", "--no-pdf", "--as-of", "2027-01-20", "--summary", str(summary),
                     cwd=repo, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert summary.read_text().startswith("## IT provider scorecards: as of 20 January 2027\n")
    assert "| Example Managed IT Ltd | 2026-Q4 |" in summary.read_text()
    reports = repo / "reports"
    for doc in ("index.html", "portfolio.html", "data.json", "manifest.json",
                "example-provider/2026-Q4/provider.html", "example-provider/2026-Q4/team.html"):
        assert (reports / doc).is_file(), doc
    exported = json.loads((reports / "data.json").read_text())
    [provider] = exported["providers"]
    assert [e["period"] for e in provider["evaluations"]] == ["2026-Q3", "2026-Q4"]
    # reports/ is ignored: the build leaves the work tree clean
    assert git("status", "--porcelain", cwd=repo, tmp=tmp_path) == ""

    # a second init changes nothing: same bytes, same modification times
    before = snapshot(repo)
    done = scorecard("init", str(repo), cwd=tmp_path, tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote" not in done.stdout
    assert snapshot(repo) == before


def test_pre_commit_hook_stops_a_commit_with_bad_data(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    assert scorecard("init", str(repo), "--as-of", AS_OF, cwd=tmp_path,
                     tmp=tmp_path).returncode == 0
    installed = run([sys.executable, "-m", "pre_commit", "install"], repo, tmp_path)
    assert installed.returncode == 0, installed.stderr
    git("add", ".", cwd=repo, tmp=tmp_path)
    git("commit", "-q", "-m", "Start", cwd=repo, tmp=tmp_path)  # the hook passes

    record = repo / "evaluations/records/example-provider/2026-Q3.yaml"
    record.write_text(record.read_text().replace("communication: 3", "communication: 9"))
    git("add", ".", cwd=repo, tmp=tmp_path)
    refused = run(["git", "commit", "-q", "-m", "Rate too high"], repo, tmp_path)
    assert refused.returncode != 0
    said = refused.stdout + refused.stderr
    assert "scorecard validate" in said and "Failed" in said
    assert "2026-Q3.yaml" in said and "found 9" in said
    assert git("log", "--format=%s", cwd=repo, tmp=tmp_path).splitlines() == ["Start"]


# --- the CI and pre-commit files, checked by the real tools --------------------


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("init")
    done = scorecard("init", str(tmp / "repo"), "--as-of", AS_OF, cwd=tmp, tmp=tmp)
    assert done.returncode == 0, done.stderr
    return tmp / "repo"


def check(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", *args], tmp, tmp)


def test_pre_commit_accepts_the_config_and_our_hook_manifest(written: Path) -> None:
    tmp = written.parent
    done = check("pre_commit", "validate-config", str(written / ".pre-commit-config.yaml"),
                 tmp=tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    done = check("pre_commit", "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"),
                 tmp=tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "scorecard-validate" and hook["entry"] == "scorecard validate"
    assert hook["language"] == "python" and hook["pass_filenames"] is False


# a mistake for each schema to catch: the text, and what it becomes
BREAK = {
    "vendor.github-workflows": ("\njobs:\n", "\njobz:\n"),  # no jobs
    "vendor.gitlab-ci": ("  timeout: 10 minutes\n", "  timeout: [10]\n"),  # not text  # not a list
}


@pytest.mark.parametrize(("path", "schema"), [
    (".github/workflows/scorecard.yml", "vendor.github-workflows"),
    (".gitlab-ci.yml", "vendor.gitlab-ci"),
])
def test_ci_files_fit_the_published_schemas(written: Path, path: str, schema: str) -> None:
    tmp = written.parent
    done = check("check_jsonschema", "--builtin-schema", schema, str(written / path), tmp=tmp)
    assert done.returncode == 0, done.stdout + done.stderr
    # and the same check rejects a broken file, so a pass means something
    text = (written / path).read_text()
    wrong, right = BREAK[schema]
    assert wrong in text
    broken = tmp / f"broken-{Path(path).name}"
    broken.write_text(text.replace(wrong, right))
    done = check("check_jsonschema", "--builtin-schema", schema, str(broken), tmp=tmp)
    assert done.returncode == 1, done.stdout


def steps_of(job: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s.get("name") or s["uses"].split("@")[0]: s for s in job["steps"]}


def test_github_workflow_installs_scorecard_and_uploads_one_artifact_per_audience(
    written: Path,
) -> None:
    flow = yaml.safe_load((written / ".github/workflows/scorecard.yml").read_text())
    on = flow[True]  # YAML 1.1 reads the key `on` as true
    assert "push" in on and "pull_request" in on and on["schedule"]
    assert flow["permissions"] == {}
    assert flow["env"]["SCORECARD_INSTALL"] == "provider-scorecard==0.1.0"  # from the source tree
    validate = steps_of(flow["jobs"]["validate"])
    assert validate["Validate the evaluations"]["run"] == "scorecard validate --format github"
    assert validate["Install scorecard"]["run"] == (
        'python -m pip install --quiet "$SCORECARD_INSTALL"')
    build = flow["jobs"]["build"]
    assert build["needs"] == "validate"
    assert "github.event.repository.default_branch" in build["if"]
    assert all(job["timeout-minutes"] for job in flow["jobs"].values())
    uploads = [s["with"] for s in build["steps"] if s.get("uses", "").startswith(
        "actions/upload-artifact")]
    assert [u["name"] for u in uploads] == [
        "scorecards-provider", "scorecards-team", "scorecards-portfolio"]
    assert [u["path"] for u in uploads] == [
        "by-audience/provider/", "by-audience/team/", "by-audience/portfolio/"]
    [cache] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/cache")]
    assert cache["with"]["path"] == "reports/"
    runs = [s.get("run", "") for s in build["steps"]]
    assert 'scorecard due >> "$GITHUB_STEP_SUMMARY"' in runs
    # each audience's folder gets its own index.html and manifest.json from the tool
    assert runs.index("scorecard split --out by-audience") > runs.index(
        'scorecard build --summary "$GITHUB_STEP_SUMMARY"')


def test_github_actions_are_pinned_to_commits_and_checkouts_keep_no_token(
    written: Path,
) -> None:
    text = (written / ".github/workflows/scorecard.yml").read_text()
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert uses
    for ref, comment in uses:
        assert re.fullmatch(r"actions/[\w/-]+@[0-9a-f]{40}", ref), ref
        assert re.fullmatch(r"  # v\d+\.\d+\.\d+", comment), comment  # Dependabot reads it
    flow = yaml.safe_load(text)
    for job in flow["jobs"].values():
        [checkout] = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout")]
        assert checkout["with"]["persist-credentials"] is False


def test_github_delivery_waits_for_no_build_and_only_its_push_holds_the_token(
    written: Path,
) -> None:
    text = (written / ".github/workflows/scorecard.yml").read_text()
    flow = yaml.safe_load(text)
    assert "concurrency" not in flow  # builds never queue behind a delivery
    for name in ("validate", "build"):
        assert "concurrency" not in flow["jobs"][name]
    for name in ("deliver", "remind"):
        assert flow["jobs"][name]["concurrency"] == {"group": "scorecard-delivery",
                                                     "cancel-in-progress": False}
    # reminders are not written to the sent log: that job cannot write at all
    assert flow["jobs"]["remind"]["permissions"] == {"contents": "read"}
    assert "github.token" not in json.dumps(flow["jobs"]["remind"])
    for name in ("deliver",):
        job = flow["jobs"][name]
        assert job["permissions"] == {"contents": "write"}
        holding = [s.get("name") for s in job["steps"] if "github.token" in json.dumps(s)
                   or "secrets.GITHUB_TOKEN" in json.dumps(s)]
        assert holding == ["Commit the sent log and push it (rebased and retried if the "
                           "branch moved)"], name
        steps = steps_of(job)
        push = steps["Commit the sent log and push it (rebased and retried if the branch moved)"]
        assert "scorecard push-log --branch \"$GITHUB_REF_NAME\"" in push["run"]
        assert push["env"] == {"PUSH_TOKEN": "${{ github.token }}"}
        keep = steps["Keep the sent log when it could not be pushed"]
        assert keep["if"] == "failure()" and keep["with"]["path"] == "sent.jsonl"
        assert job["steps"][-1] is keep


def test_github_delivery_runs_by_hand_in_a_protected_environment(written: Path) -> None:
    flow = yaml.safe_load((written / ".github/workflows/scorecard.yml").read_text())
    deliver = flow["jobs"]["deliver"]
    assert deliver["environment"] == "scorecard-delivery"
    assert deliver["if"] == "github.event_name == 'workflow_dispatch' && inputs.send"
    steps = steps_of(deliver)
    send = steps["Send the provider documents"]
    assert send["run"] == 'scorecard send --starttls --smtp "$SCORECARD_SMTP_HOST"'  # TLS
    assert send["env"]["SCORECARD_SMTP_PASSWORD"] == "${{ secrets.SCORECARD_SMTP_PASSWORD }}"
    assert send["env"]["SCORECARD_SMTP_USER"] == "${{ secrets.SCORECARD_SMTP_USER }}"
    remind = flow["jobs"]["remind"]
    assert remind["if"] == "github.event_name == 'schedule'"
    steps = steps_of(remind)
    assert steps["Remind the leads of what is due"]["run"] == (
        'scorecard send --reminders --starttls --smtp "$SCORECARD_SMTP_HOST"')
    # the password appears nowhere but as a secret reference
    text = (written / ".github/workflows/scorecard.yml").read_text()
    uses = [line.strip() for line in text.splitlines()
            if "SCORECARD_SMTP_PASSWORD" in line and not line.lstrip().startswith("#")]
    assert uses == ["SCORECARD_SMTP_PASSWORD: ${{ secrets.SCORECARD_SMTP_PASSWORD }}"] * 2


def test_gitlab_pipeline_validates_everywhere_and_builds_on_the_default_branch(
    written: Path,
) -> None:
    ci = yaml.safe_load((written / ".gitlab-ci.yml").read_text())
    assert ci["validate"]["script"] == [
        "scorecard validate --format gitlab > gl-code-quality-report.json"]
    assert ci["validate"]["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert "rules" not in ci["validate"]  # every pipeline: pushes and merge requests
    assert ci["build"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert any(s.startswith("scorecard build") for s in ci["build"]["script"])
    assert any(s.startswith("scorecard split --out by-audience") for s in ci["build"]["script"])
    assert ci["variables"]["SCORECARD_INSTALL"] == "provider-scorecard==0.1.0"
    assert ci["variables"]["PIP_CACHE_DIR"] == "$CI_PROJECT_DIR/.cache/pip"
    for audience in ("provider", "team", "portfolio"):
        job = ci[f"scorecards-{audience}"]
        assert job["artifacts"]["paths"] == [f"by-audience/{audience}/"]
    deliver = ci["deliver"]
    [scheduled, by_hand] = deliver["rules"]
    assert scheduled["variables"] == {"SCORECARD_SEND": "--reminders"}
    assert by_hand["when"] == "manual"
    assert ('scorecard send $SCORECARD_SEND --starttls --smtp "$SCORECARD_SMTP_HOST"'
            in deliver["script"])


def test_gitlab_delivery_sends_one_at_a_time_and_keeps_the_log_when_its_push_fails(
    written: Path,
) -> None:
    deliver = yaml.safe_load((written / ".gitlab-ci.yml").read_text())["deliver"]
    assert deliver["resource_group"] == "scorecard-delivery"
    [push] = [s for s in deliver["script"] if "push-log" in s]
    assert push.startswith('SCORECARD_PUSH_REMOTE="https://oauth2:${SCORECARD_PUSH_TOKEN}@')
    assert 'scorecard push-log --branch "$CI_COMMIT_BRANCH" --push-option ci.skip' in push
    assert deliver["artifacts"]["when"] == "on_failure"
    assert deliver["artifacts"]["paths"] == ["sent.jsonl"]
    assert deliver["script"][-1] is push  # the token is used by the last command alone
    assert sum("SCORECARD_PUSH_TOKEN" in s for s in deliver["script"]) == 1


def test_gitlab_sets_up_the_image_once_and_no_other_job_runs_apt_get(written: Path) -> None:
    ci = yaml.safe_load((written / ".gitlab-ci.yml").read_text())
    setup = ci["system-packages"]
    assert setup["stage"] == ".pre" and setup["artifacts"]["paths"] == [".apt/"]
    assert "apt-get update -qq" in setup["script"]
    assert not any("apt-get" in line for line in ci["default"]["before_script"])
    for name, job in ci.items():
        if name != "system-packages" and isinstance(job, dict):
            assert "apt-get" not in json.dumps(job.get("script", [])), name
    assert "dpkg -i .apt/*.deb" in ci["default"]["before_script"][0]


def test_gitignore_keeps_outbox_out_as_it_keeps_reports(written: Path) -> None:
    lines = (written / ".gitignore").read_text().splitlines()
    assert "reports/" in lines and "outbox/" in lines


def remote_in(script: str, env: dict[str, str]) -> str:
    """Run a push step's shell text with `scorecard` standing for a command that
    prints the remote and the arguments it was given (the step's own bash runs)."""
    stand_in = 'scorecard() { printf "%s %s\\n" "$SCORECARD_PUSH_REMOTE" "$*"; }\n'
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", stand_in + script],
                          env={"PATH": os.environ["PATH"], **env}, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_push_steps_build_the_remote_with_the_token_in_bash(written: Path) -> None:
    flow = yaml.safe_load((written / ".github/workflows/scorecard.yml").read_text())
    [push] = [s for s in flow["jobs"]["deliver"]["steps"] if "push-log" in s.get("run", "")]
    got = remote_in(push["run"], {"GITHUB_SERVER_URL": "https://github.com", "PUSH_TOKEN": "t0k",
                                  "GITHUB_REPOSITORY": "northwind/scorecards",
                                  "GITHUB_REF_NAME": "main"})
    assert got == "https://x-access-token:t0k@github.com/northwind/scorecards.git " \
                  "push-log --branch main"
    ci = yaml.safe_load((written / ".gitlab-ci.yml").read_text())
    [line] = [s for s in ci["deliver"]["script"] if "push-log" in s]
    got = remote_in(line, {"SCORECARD_PUSH_TOKEN": "glpat-x", "CI_SERVER_HOST": "gitlab.example",
                           "CI_PROJECT_PATH": "it/scorecards", "CI_COMMIT_BRANCH": "main"})
    assert got == "https://oauth2:glpat-x@gitlab.example/it/scorecards.git " \
                  "push-log --branch main --push-option ci.skip"
