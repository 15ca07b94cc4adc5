"""Rules the adversarial round on delivery found elsewhere, each on the small
fixture in a real git repository: currencies are ISO 4217 capitals and a
provider alone in its currency is not "dependence"; a notice deadline before
the contract began is an error; our own actions (``owner: us``) are not the
provider's days to fix or problems raised; a criterion's ``explain`` keeps its
case; ``due --format markdown`` escapes what it quotes from the data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import SMALL, GitRepo, make_repo, run_cli

AS_OF = "2026-11-26"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return make_repo(tmp_path / "repo", SMALL)


def contract(repo: GitRepo, provider: str, text: str) -> None:
    anchor = "name: Acme Managed IT Ltd\n" if provider == "acme" else \
        "name: Globex Corporation\n"
    repo.edit(f"providers/{provider}.yaml", anchor, anchor + "contract:\n" + text)


def errors(repo: GitRepo) -> list[str]:
    result = run_cli("validate", "--data", str(repo.data))
    return [line for line in result.output.splitlines() if ": " in line and ".yaml:" in line]


def data_json(repo: GitRepo) -> dict[str, object]:
    built = repo.build("--no-pdf", "--as-of", AS_OF, "--jobs", "1")
    assert built.exit_code == 0, built.output
    loaded = json.loads((repo.reports / "data.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def provider_data(data: dict[str, object], pid: str) -> dict[str, object]:
    providers = data["providers"]
    assert isinstance(providers, list)
    found = next(p for p in providers if p["id"] == pid)
    assert isinstance(found, dict)
    return found


def test_a_currency_in_small_letters_is_an_error_with_the_code_meant(repo: GitRepo) -> None:
    contract(repo, "acme", "  annual_value: 100000\n  currency: eur\n")
    contract(repo, "globex", "  annual_value: 50000\n  currency: EUR\n")
    repo.commit("Spend")
    [line] = errors(repo)
    assert re.search(r"providers/acme\.yaml:\d+:\d+: contract\.currency: expected an ISO 4217 "
                     r'currency code in capitals, such as EUR, GBP or USD, found "eur"', line)
    assert "did you mean EUR?" in line


def test_a_code_that_is_no_currency_is_an_error(repo: GitRepo) -> None:
    contract(repo, "acme", "  annual_value: 100000\n  currency: EUROS\n")
    repo.commit("Spend")
    [line] = errors(repo)
    assert 'found "EUROS"' in line


def test_a_provider_alone_in_its_currency_is_not_dependence(repo: GitRepo) -> None:
    contract(repo, "acme", "  annual_value: 100000\n  currency: EUR\n")
    contract(repo, "globex", "  annual_value: 50000\n  currency: GBP\n")
    repo.commit("Spend in two currencies")
    data = data_json(repo)
    # each is 100% of its own currency: 100000/100000 = 1 > 0.5, but alone in it
    for pid in ("acme", "globex"):
        p = provider_data(data, pid)
        assert p["spend"]["share"] == 1  # type: ignore[index]
        assert "above the concentration share" not in p["dependence"]  # type: ignore[operator]


def test_a_provider_above_the_share_of_a_shared_currency_is_dependence(repo: GitRepo) -> None:
    contract(repo, "acme", "  annual_value: 300000\n  currency: EUR\n")
    contract(repo, "globex", "  annual_value: 100000\n  currency: EUR\n")
    repo.commit("Spend in one currency")
    data = data_json(repo)
    # acme: 300000 / (300000 + 100000) = 0.75 > 0.5; globex: 0.25
    assert "above the concentration share" in provider_data(data, "acme")["dependence"]  # type: ignore[operator]
    assert "above the concentration share" not in provider_data(data, "globex")["dependence"]  # type: ignore[operator]


def test_a_notice_deadline_before_the_contract_began_is_an_error(repo: GitRepo) -> None:
    contract(repo, "acme", "  start: 2026-01-01\n  end: 2026-12-31\n  notice_days: 400\n")
    repo.commit("Long notice")
    [line] = errors(repo)
    # 2026-12-31 minus 400 days: minus 365 is 2025-12-31, minus 35 more is 2025-11-26;
    # the contract lasts 2026-01-01..2026-12-31: 364 days
    assert re.search(r"providers/acme\.yaml:\d+:\d+: contract\.notice_days: 400 days of notice "
                     r"before the end \(2026-12-31\) is 2025-11-26, before the contract started "
                     r"\(2026-01-01\)", line)
    assert "at most 364" in line
    repo.edit("providers/acme.yaml", "notice_days: 400", "notice_days: 364")
    repo.commit("Notice that fits")
    assert errors(repo) == []


OURS = """\
  - id: a-3
    kind: deficiency
    title: Give Acme access to the monitoring
    raised: 2026-07-01
    owner: us
    due: 2026-08-31
    status: done
    closed: 2026-09-29
"""


def test_our_own_actions_are_not_the_providers_days_to_fix(repo: GitRepo) -> None:
    repo.edit("providers/acme.yaml", "  - id: a-2\n", OURS + "  - id: a-2\n")
    repo.commit("An action of ours")
    actions = provider_data(data_json(repo), "acme")["actions"]
    # a-1 (provider): 2026-07-10 to 2026-09-12 = 21 + 31 + 12 = 64 days; a-3 (us, 90 days)
    # is ours: the median is 64, not (64 + 90) / 2 = 77
    assert actions["median_days_to_resolve"] == 64  # type: ignore[index]
    assert actions["resolved"] == 1  # type: ignore[index]


def test_our_own_actions_are_not_problems_raised_in_the_renewal_brief(repo: GitRepo) -> None:
    repo.edit("providers/acme.yaml", "  - id: a-2\n", OURS + "  - id: a-2\n")
    contract(repo, "acme", "  start: 2026-01-01\n  end: 2027-06-30\n  notice_days: 90\n")
    repo.commit("A contract and an action of ours")
    built = repo.build("--no-pdf", "--as-of", AS_OF, "--jobs", "1", "--audience", "renewal",
                       "--provider", "acme")
    assert built.exit_code == 0, built.output
    [brief] = list(repo.reports.rglob("renewal*.html"))
    text = re.sub(r"<[^>]+>", " ", brief.read_text(encoding="utf-8"))
    text = " ".join(text.split())
    # a-1 only (raised 2026-07-10, in the term); a-3 was ours to do
    assert "We raised 1 problem in the term" in text
    assert "Raised in the term 1 " in text


def test_explain_keeps_its_case(repo: GitRepo) -> None:
    repo.edit("scorecard.yaml", "        name: Availability\n",
              "        name: Availability\n        explain: the SOC and the NOC watch it\n")
    repo.commit("Explain")
    built = repo.build("--no-pdf", "--as-of", AS_OF, "--jobs", "1", "--provider", "acme",
                       "--audience", "provider")
    assert built.exit_code == 0, built.output
    html = (repo.reports / "acme" / "2026-Q3" / "provider.html").read_text(encoding="utf-8")
    assert "The SOC and the NOC watch it." in html
    assert "The soc" not in html


def test_due_for_markdown_escapes_what_it_quotes(repo: GitRepo) -> None:
    title = "<img src=x onerror=alert(1)> [click](https://evil.example) **now**"
    repo.edit("providers/acme.yaml", "  - id: a-2\n",
              f"  - id: a-4\n    kind: deficiency\n    title: \"{title}\"\n"
              "    raised: 2026-08-01\n    owner: provider\n    due: 2026-09-30\n"
              "    status: open\n  - id: a-2\n")
    repo.commit("A hostile title")
    result = run_cli("due", "--data", str(repo.data), "--as-of", AS_OF, "--format", "markdown")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("### What is due, as of 26 November 2026\n")
    [line] = [x for x in out.splitlines() if "evil.example" in x]
    assert line.startswith("- 2026-09-30: ")
    assert r"\<img src=x onerror=alert(1)\> \[click\](https://evil.example) \*\*now\*\*" in line
    assert "<img" not in out.replace(r"\<img", "")


def test_due_into_the_github_step_summary_is_markdown(repo: GitRepo, tmp_path: Path) -> None:
    """The CI files run ``scorecard due >> "$GITHUB_STEP_SUMMARY"``; that file is a
    Markdown page, so ``due`` writes Markdown into it, escaped, without being asked."""
    import os
    import subprocess
    import sys

    title = "<img src=x onerror=alert(1)> [click](https://evil.example)"
    repo.edit("providers/acme.yaml", "  - id: a-2\n",
              f"  - id: a-4\n    kind: deficiency\n    title: \"{title}\"\n"
              "    raised: 2026-08-01\n    owner: provider\n    due: 2026-09-30\n"
              "    status: open\n  - id: a-2\n")
    repo.commit("A hostile title")
    summary = tmp_path / "step-summary.md"
    summary.write_text("## Build\n\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary),
           "PYTHONPATH": os.pathsep.join(p for p in (os.environ.get("PYTHONPATH"),
                                                     str(root / "src")) if p)}
    with summary.open("a", encoding="utf-8") as out:  # >> "$GITHUB_STEP_SUMMARY"
        done = subprocess.run([sys.executable, "-m", "scorecard", "due", "--data",
                               str(repo.data), "--as-of", AS_OF], stdout=out, env=env,
                              stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    page = summary.read_text(encoding="utf-8")
    assert page.startswith("## Build\n\n### What is due, as of 26 November 2026\n")
    assert r"\<img src=x onerror=alert(1)\> \[click\](https://evil.example)" in page
    # to a terminal or a pipe, the same command still prints the plain text
    piped = subprocess.run([sys.executable, "-m", "scorecard", "due", "--data",
                            str(repo.data), "--as-of", AS_OF], capture_output=True, env=env,
                           text=True, timeout=120, check=False)
    assert piped.stdout.startswith("As of 26 November 2026:")
