"""`scorecard due` in a CI log: the names and titles it quotes come from the data, so
they are escaped, and no line of its output can start a GitHub workflow command."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import SMALL, make_repo, run_cli

LEAD = "Tom Berg\\n::add-mask::secret\\n::error::pwned"  # YAML escapes: two line breaks
# (a line separator, U+2028, is refused by validate: the fonts cannot draw it)


def test_due_escapes_what_it_quotes_in_text_and_json(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", SMALL)
    repo.edit("records/globex/2026-07.yaml", "lead: Tom Berg", f'lead: "{LEAD}"')
    repo.commit("A lead with a workflow command in it")
    before = os.getcwd()
    os.chdir(repo.root)
    try:
        text = run_cli("due", "--as-of", "2026-11-26")
        as_json = run_cli("due", "--as-of", "2026-11-26", "--format", "json")
    finally:
        os.chdir(before)
    assert text.exit_code == 0 and as_json.exit_code == 0
    for output in (text.stdout, as_json.stdout):
        assert "\u2028" not in output
        assert not [line for line in output.splitlines() if line.lstrip().startswith("::")]
    assert "Tom Berg\\n::add-mask::secret\\n::error::pwned leads it." in " ".join(
        line.strip() for line in text.stdout.splitlines())
    items = json.loads(as_json.stdout)["items"]  # JSON keeps the value as it is
    assert any("Tom Berg\n::add-mask::secret\n::error::pwned" in i["text"] for i in items)
