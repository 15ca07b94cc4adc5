"""The README's "Use it in your repository", run as written: every shell block
of the section, in order, in a new folder, with the real scorecard, git and
pre-commit. Three lines cannot run here as written and are stood in for:
installing scorecard (this suite's own install is used), installing Pango
(scripts/system-packages.sh does it) and the GitHub remote (a local bare
repository takes its place). Step 3's renaming of the example provider, which
the README describes in words, is done as it says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import git_env

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Use it in your repository"  # up to the next section of that level

STAND_INS = {
    "python3 -m venv .venv && . .venv/bin/activate": "true  # this suite's environment",
    "python -m pip install provider-scorecard": "scorecard --version",
    "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0":
        "true  # scripts/system-packages.sh installs them",
    "python -m pip install pre-commit": "python -m pre_commit --version",
    "git remote add origin git@github.com:YOUR-ORG/provider-scorecards.git":
        'git remote add origin "$REMOTE"',
}

# step 3, in words in the README: rename the example provider to acme
RENAME = """
mv evaluations/providers/example-provider.yaml evaluations/providers/acme.yaml
sed -i 's/^id: example-provider$/id: acme/' evaluations/providers/acme.yaml
mv evaluations/records/example-provider evaluations/records/acme
sed -i 's/^provider: example-provider$/provider: acme/' evaluations/records/acme/*.yaml
scorecard validate
"""


def blocks() -> list[str]:
    text = (ROOT / "README.md").read_text()
    start = text.index(SECTION)
    section = text[start:text.index("\n## ", start + len(SECTION))]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def script() -> str:
    lines = ["set -euo pipefail"]
    for n, block in enumerate(blocks()):
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            lines.append(STAND_INS.get(command, command))
        if n == 4:  # after "Then commit": step 3 was done before it
            lines.insert(-2, RENAME)
    return "\n".join(lines) + "\n"


def test_the_section_is_what_this_test_runs() -> None:
    commands = [line.split("  #")[0].strip() for b in blocks() for line in b.splitlines()]
    assert [c for c in commands if c in STAND_INS] == list(STAND_INS)
    assert "scorecard new acme" in commands and "git push" in commands


def test_use_it_in_your_repository_works_as_written(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True, env=git_env())
    env = {**git_env(), "PYTHONPATH": str(ROOT / "src"), "REMOTE": str(remote),
           "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", script()], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    repo = tmp_path / "provider-scorecards"
    assert "evaluations: 1 provider, 1 record, no problems." in done.stdout + done.stderr
    assert (repo / "reports/index.html").is_file()
    assert (repo / ".git/hooks/pre-commit").is_file()
    assert len(list((repo / "evaluations/records/acme").glob("*.yaml"))) == 2  # and new's
    log = subprocess.run(["git", "log", "--format=%s", "main"], cwd=remote, env=git_env(),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert log[0] == "Evaluate Acme for 2026-Q4"
    assert "Start our provider evaluations" in log
