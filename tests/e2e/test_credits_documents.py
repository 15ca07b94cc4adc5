"""Service credits in the real documents of the test data (tests/fixtures/small), built
by the real ``scorecard build``: shared in the provider scorecard, the termination rights
only in the team scorecard, the portfolio, data.json and ``due``.

Acme (quarterly) gets the worked example's contract: charges 60,000, at_risk 0.12
(7,200 at risk), pool availability 0.5 (3,600) and p1-response 0.3 (2,160), repeat 2,
earn_back 1. Its records: 2026-Q2 availability 99.5 (missed), p1-response 45 (missed,
target 30); 2026-Q3 availability 99.95 (met), p1-response 42 (missed again).

- 2026-Q2: 3,600 + 2,160 = 5,760. Availability met in Q3: its 3,600 is earned back in
  2026-Q3; p1-response missed in Q3: its 2,160 is final.
- 2026-Q3: p1-response again: 2,160 x 2 = 4,320, pending (2026-Q4 is due 30 Jan 2027).
- The 12 months to 26 Nov 2026: 5,760 + 4,320 = 10,080, of which 3,600 earned back.
Termination (INTERNAL): p1-response 2 within 2 holds (2026-Q2 and Q3); availability
2 within 3 is one miss away, by 2026-Q4 (window 2026-Q2 .. 2026-Q4 holds Q2's miss).
Globex (monthly): charges 20,000, at_risk 0.1, availability 1.0; its one record
(2026-07, 99.99) met: no credit; availability 1 within 12: one more by 2027-07.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import GitRepo, run_cli

AS_OF = "2026-11-26"
ACME_CREDITS = """service_credits:
  charges: 60000
  currency: EUR
  at_risk: 0.12
  pool: {availability: 0.5, p1-response: 0.3}
  repeat: 2
  earn_back: 1
  termination:
    - {criterion: p1-response, misses: 2, within: 2}
    - {criterion: availability, misses: 2, within: 3}
"""
GLOBEX_CREDITS = """service_credits:
  charges: 20000
  currency: EUR
  at_risk: 0.1
  pool: {availability: 1.0}
  termination:
    - {criterion: availability, misses: 1, within: 12}
"""
TERMINATION = re.compile(r"right\s+to\s+end|end\s+the\s+contract|terminat|"
                         r"more\s+missed\s+targets?|with\s+credits\s+at\s+the\s+cap|"
                         r"of\s+any\s+\d+\s+\w+\s+in\s+a\s+row", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import SMALL, make_repo

    repo: GitRepo = make_repo(tmp_path_factory.mktemp("credits") / "repo", SMALL)
    for name, block in (("acme", ACME_CREDITS), ("globex", GLOBEX_CREDITS)):
        path = repo.data / "providers" / f"{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + block, encoding="utf-8")
    repo.commit("Service credits")
    out = repo.root / "reports"
    result = repo.build("--as-of", AS_OF, "--jobs", "1", out=out)
    assert result.exit_code == 0, result.output
    return out


def _text(path: Path) -> str:
    if path.suffix == ".pdf":
        done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        return " ".join(done.stdout.decode("utf-8").split())
    visible = re.sub(r"<style.*?</style>|<[^>]+>", " ", path.read_text(encoding="utf-8"),
                     flags=re.S)
    return " ".join(visible.replace("&#39;", "'").split())


def test_no_termination_right_or_distance_in_any_provider_document(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    docs = [d for d in manifest["documents"] if d["audience"] == "provider"]
    assert len(docs) == 6  # three records, HTML and PDF each
    for doc in docs:
        text = _text(built / doc["path"])
        assert "Service credits for this" in text, doc["path"]
        assert not TERMINATION.search(text), (doc["path"], TERMINATION.search(text))


def test_the_provider_scorecard_shows_its_credits(built: Path) -> None:
    q2 = _text(built / "acme" / "2026-Q2" / "provider.html")
    # As issued on its evaluated day: Q3 was not yet known, so both are pending.
    assert "Availability Missed EUR 3,600 EUR 3,600 Pending" in q2
    assert "First response to urgent tickets Missed EUR 2,160 EUR 2,160 Pending" in q2
    assert "The credit for this quarter is EUR 5,760." in q2
    assert "A credit is earned back when its target is met in the next quarter after it." in q2
    assert "Missed again: counted twice EUR 4,320 EUR 4,320 Pending" in _text(
        built / "acme" / "2026-Q3" / "provider.html")
    q3 = _text(built / "acme" / "2026-Q3" / "provider.pdf")  # the sentences, in the PDF
    assert "2026-Q2: EUR 3,600 for Availability. It was earned back in 2026-Q3." in q3
    assert ("2026-Q2: EUR 2,160 for First response to urgent tickets. It is final: the target "
            "was missed again in 2026-Q3.") in q3
    assert "It is earned back if you meet this target in 2026-Q4." in q3
    globex = _text(built / "globex" / "2026-07" / "provider.html")
    assert "No credit is due for this month. You met every target that earns one." in globex
    assert "Credits are final: none can be earned back." in globex


def test_the_team_scorecard_adds_the_year_and_the_rights(built: Path) -> None:
    team = _text(built / "acme" / "2026-Q3" / "team.html")
    assert ("Acme owed EUR 10,080 in service credits in the last 12 months; EUR 3,600 of it "
            "was earned back.") in team
    assert ("We have the right to end the contract: First response to urgent tickets was "
            "missed in 2026-Q2 and 2026-Q3.") in team
    assert ("One more missed target for Availability by 2026-Q4 gives us the right to end "
            "the contract.") in team
    globex = _text(built / "globex" / "2026-07" / "team.html")
    assert ("One more missed target for Availability by 2027-07 gives us the right to end "
            "the contract.") in globex


def test_the_portfolio_data_json_and_due_hold_the_right(built: Path) -> None:
    portfolio = _text(built / "portfolio.html")
    assert "We have the right to end the contract with Acme: First response to urgent " \
           "tickets was missed in 2026-Q2 and 2026-Q3." in portfolio
    assert "EUR 10,080" in portfolio
    data = json.loads((built / "data.json").read_text(encoding="utf-8"))
    acme = next(p for p in data["providers"] if p["id"] == "acme")
    assert acme["credits_12_months"] == {"amount": 10080, "earned_back": 3600, "kept": 6480,
                                         "currency": "EUR", "periods": ["2026-Q2", "2026-Q3"]}
    assert [(t["holds"], t["periods"], t["misses_to_hold"]) for t in acme["termination"]] == [
        (True, ["2026-Q2", "2026-Q3"], None), (False, ["2026-Q2"], 1)]
    result = run_cli("due", "--data", str(built.parent / "evaluations"), "--as-of", AS_OF)
    assert "We have the right to end the contract with Acme" in result.output
