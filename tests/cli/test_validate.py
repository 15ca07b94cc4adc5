"""``scorecard validate``: output formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from datafolder import DataFolder
from scorecard.cli import cli

Q3 = "records/acme/2026-Q3.yaml"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["validate", *args])
    return result.exit_code, result.stdout, result.stderr


def break_two_things(data: DataFolder) -> None:
    data.edit(Q3, "  communication: 4", "  communication: 7")
    data.edit("providers/acme.yaml", "status: proposed", "status: open")


def test_clean_data_exits_0_with_one_ok_line(data: DataFolder) -> None:
    code, out, err = run()
    assert (code, out, err) == (0, "evaluations: 2 providers, 3 records, no problems.\n", "")


def test_errors_exit_1_with_file_line_col_lines_and_a_count(data: DataFolder) -> None:
    break_two_things(data)
    code, out, err = run("--data", "evaluations")
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "evaluations/providers/acme.yaml:21:13: actions.status: the status 'open' does not "
        "fit an idea; expected proposed, adopted or declined",
        "evaluations/records/acme/2026-Q3.yaml:10:18: scores.communication: expected a whole "
        "number from 1 to 5, found 7",
        "2 errors in 2 files.",
    ]


def test_github_format(data: DataFolder) -> None:
    break_two_things(data)
    code, _, err = run("--format", "github")
    assert code == 1
    lines = err.splitlines()
    assert lines[1] == (
        "::error file=evaluations/records/acme/2026-Q3.yaml,line=10,col=18,"
        "title=scorecard%3A scores.communication::scores.communication: expected a whole "
        "number from 1 to 5, found 7"
    )
    assert lines[0].startswith("::error file=evaluations/providers/acme.yaml,line=21,col=13,")
    assert lines[2] == "2 errors in 2 files."


def test_json_format_is_a_list_on_stdout(data: DataFolder) -> None:
    break_two_things(data)
    code, out, err = run("--format", "json")
    assert code == 1
    items = json.loads(out)
    assert items[1] == {
        "file": "evaluations/records/acme/2026-Q3.yaml", "line": 10, "column": 18,
        "severity": "error", "field": "scores.communication",
        "message": "expected a whole number from 1 to 5, found 7", "hint": None,
    }
    assert len(items) == 2
    assert err == "2 errors in 2 files.\n"


def test_json_format_when_clean(data: DataFolder) -> None:
    code, out, err = run("--format", "json")
    assert (code, json.loads(out)) == (0, [])
    assert err == "evaluations: 2 providers, 3 records, no problems.\n"


def test_warnings_alone_exit_0(data: DataFolder) -> None:
    data.write("stray.yaml", "a: 1\n")
    code, out, err = run()
    assert code == 0
    assert err.splitlines() == [
        "evaluations/stray.yaml: warning: this YAML file is not where scorecard looks for "
        "data, so it is ignored. The programme is scorecard.yaml, providers are "
        "providers/<provider>.yaml and records are records/<provider>/<period>.yaml.",
        "evaluations: 2 providers, 3 records, no errors, 1 warning.",
    ]
    assert out == ""


def test_misuse_exits_2(data: DataFolder) -> None:
    code, _, err = run("--format", "xml")
    assert code == 2
    assert "Invalid value for '--format'" in err
    assert run("--no-such-option")[0] == 2


def test_missing_folder_and_bad_ref_exit_2_without_a_traceback(data: DataFolder) -> None:
    code, _, err = run("--data", "nope")
    assert code == 2  # misuse: the command names what is not there
    assert err.splitlines()[-1] == "1 error in 1 file."
    code, _, err = run("--ref", "nope")
    assert code == 2
    assert "Traceback" not in err
    assert err.splitlines()[0].startswith("evaluations: --ref needs a git repository")


def test_validate_starts_without_the_rendering_stack(data: DataFolder) -> None:
    # a fresh interpreter: which modules did `scorecard validate` import?
    code = (
        "import sys\n"
        "from scorecard.cli import cli\n"
        "try:\n"
        "    cli(['validate'], standalone_mode=False)\n"
        "finally:\n"
        "    heavy = sorted(m for m in ('weasyprint', 'jinja2', 'markdown') if m in sys.modules)\n"
        "    print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr
    assert "evaluations: 2 providers, 3 records, no problems." in done.stdout
