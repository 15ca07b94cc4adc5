"""Incremental builds: after each change, a build that reuses the previous output
is byte-identical to a --force full build in a fresh folder, and renders only
the PDFs whose data changed.

The steps run in turn on one repository (a module fixture), each starting
from the output of the one before. Which PDFs a change must re-render follows
from the rule in ``sources.document_sources``: a provider document is made from
the programme, its provider's file and its records up to its period; a team
document from the programme, its provider's file, all its records, every
provider's latest scored record (ranks), and its peers' files (their names);
the portfolio carries the build's commit: the latest commit that changed the
data folder (v1.2), so a commit outside it re-renders nothing.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from buildrepo import PDFS, Repo, differences, tree

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Step:
    rendered: int
    reused: int
    changed_pdfs: set[str]  # PDFs whose bytes differ from the previous output
    differences: list[str]  # files where the incremental and the full build differ
    incremental: dict[str, bytes]


def _changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {p for p in PDFS if before.get(p) != after.get(p)}


Chain = tuple[dict[str, Step], dict[str, str]]  # the steps, and commit ids by step


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Chain:
    tmp = tmp_path_factory.mktemp("incremental")
    repo = Repo(tmp / "repo")
    out = tmp / "out"
    first = repo.build(out, jobs=2)
    assert (first.rendered, first.reused) == (7, 0)
    templates = tmp / "templates"
    done: dict[str, Step] = {}
    commits: dict[str, str] = {}
    options: dict[str, object] = {"jobs": 2}

    def step(name: str) -> None:
        before = tree(out)
        report = repo.build(out, **options)
        full = tmp / f"full-{name}"
        repo.build(full, force=True, **options)
        after = tree(out)
        done[name] = Step(report.rendered, report.reused, _changed(before, after),
                          differences(out, full), after)

    repo.edit("evaluations/records/beta/2026-Q2.yaml", "availability: 99.2",
              "availability: 99.6")
    commits["record"] = repo.commit("Beta Q2: corrected availability")
    step("record")

    repo.edit("evaluations/providers/alpha.yaml", "Alpha Managed IT Ltd", "Alpha IT Ltd")
    step("provider-uncommitted")

    repo.edit("evaluations/scorecard.yaml", "target: 99.9", "target: 99.8")
    commits["programme"] = repo.commit("Alpha's new name; availability target 99.8")
    step("programme")

    shutil.copytree(ROOT / "templates", templates,
                    ignore=shutil.ignore_patterns("fonts", "*.html", "partials"))
    with (templates / "documents.css").open("a", encoding="utf-8") as css:
        css.write("\nh1 { letter-spacing: 0.01em; }\n")
    options["templates"] = templates
    step("templates")

    repo.edit("evaluations/records/alpha/2026-Q1.yaml", "fix-quality: 3", "fix-quality: 2")
    commits["old-record"] = repo.commit("Alpha Q1: fix quality rated again")
    step("old-record")

    (repo.root / "README.md").write_text("Evaluations of our IT providers.\n")
    commits["unrelated"] = repo.commit("A README outside the data folder")
    step("unrelated")
    return done, commits


@pytest.fixture
def steps(chain: Chain) -> dict[str, Step]:
    return chain[0]


@pytest.fixture
def commits(chain: Chain) -> dict[str, str]:
    return chain[1]


@pytest.mark.parametrize(
    "name", ["record", "provider-uncommitted", "programme", "templates", "old-record",
             "unrelated"]
)
def test_incremental_build_equals_full_build(steps: dict[str, Step], name: str) -> None:
    assert steps[name].differences == []


def test_changed_record_rerenders_its_documents_and_the_portfolio(
    steps: dict[str, Step],
) -> None:
    # beta's latest record: beta's 2 documents and the portfolio: 3 of 7. Alpha's team
    # documents show rank and peers as on their evaluated days (2026-04-10 and
    # 2026-07-10), before beta's 2026-Q2 record (evaluated 2026-07-12) existed, so
    # they stay as issued
    step = steps["record"]
    assert step.changed_pdfs == {
        "beta/2026-Q2/provider.pdf", "beta/2026-Q2/team.pdf", "portfolio.pdf",
    }
    assert (step.rendered, step.reused) == (3, 4)


def test_uncommitted_provider_change_makes_only_its_documents_drafts(
    steps: dict[str, Step],
) -> None:
    # alpha's file: alpha's 4 documents, beta's team document (alpha is its peer in
    # Infrastructure, named in its table), the portfolio: 6 of 7; beta's provider
    # document does not read alpha's file and stays as it was, not a draft
    step = steps["provider-uncommitted"]
    assert step.changed_pdfs == set(PDFS) - {"beta/2026-Q2/provider.pdf"}
    assert (step.rendered, step.reused) == (6, 1)
    draft = b'<html lang="en" class="draft">'
    assert draft in step.incremental["alpha/2026-Q1/provider.html"]
    assert draft in step.incremental["beta/2026-Q2/team.html"]
    assert draft not in step.incremental["beta/2026-Q2/provider.html"]


def test_programme_and_templates_rerender_everything(steps: dict[str, Step]) -> None:
    for name in ("programme", "templates"):
        assert steps[name].changed_pdfs == set(PDFS)
        assert (steps[name].rendered, steps[name].reused) == (7, 0)


def test_old_record_rerenders_that_provider_from_that_period_on(steps: dict[str, Step]) -> None:
    # alpha's Q1 record: alpha's Q1 documents, its Q2 provider document (the trend
    # compares with Q1), its Q2 team document (whole history), the portfolio: 5 of 7.
    # beta's team document reads alpha's latest scored record (Q2), not Q1.
    step = steps["old-record"]
    assert step.changed_pdfs == {
        "alpha/2026-Q1/provider.pdf", "alpha/2026-Q1/team.pdf",
        "alpha/2026-Q2/provider.pdf", "alpha/2026-Q2/team.pdf", "portfolio.pdf",
    }
    assert (step.rendered, step.reused) == (5, 2)


def test_commit_outside_the_data_rerenders_nothing(steps: dict[str, Step]) -> None:
    # the portfolio names the build's commit, the latest that changed the data folder
    # (v1.2); every other document names the last commit of its own data: none of
    # them changed, 0 of 7 (before v1.2 the portfolio named HEAD: 1 of 7)
    step = steps["unrelated"]
    assert step.changed_pdfs == set()
    assert (step.rendered, step.reused) == (0, 7)


def test_documents_name_the_commit_of_their_own_data(
    steps: dict[str, Step], commits: dict[str, str]
) -> None:
    # After the README commit: beta's provider document reads the programme, beta's
    # file and beta's record, last changed by the programme commit; alpha's Q2 team
    # document also reads alpha's Q1 record, changed later; the portfolio names
    # the build's commit: the latest that changed the data, not the README one.
    html = steps["unrelated"].incremental
    marker = b'name="scorecard-commit" content="'

    def commit_of(path: str) -> str:
        page = html[path]
        start = page.index(marker) + len(marker)
        return page[start:page.index(b'"', start)].decode()

    assert commit_of("beta/2026-Q2/provider.html") == commits["programme"]
    assert commit_of("alpha/2026-Q2/team.html") == commits["old-record"]
    # beta's team document reads alpha's latest scored record (Q2) and alpha's file,
    # not alpha's Q1 record: its data last changed in the programme commit
    assert commit_of("beta/2026-Q2/team.html") == commits["programme"]
    assert commit_of("portfolio.html") == commits["old-record"]


# --- the git facts the per-document provenance rests on ------------------------------


def test_latest_commit_of_files_and_files_with_uncommitted_changes(tmp_path: Path) -> None:
    from scorecard.data.gitinfo import changed_files, data_history

    repo = Repo(tmp_path / "repo")  # commit 1 adds every file
    first = repo.git("rev-parse", "HEAD").strip()
    repo.edit("evaluations/records/beta/2026-Q2.yaml", "Slow fixes.", "Slower fixes.")
    second = repo.commit("beta")
    repo.edit("evaluations/records/alpha/2026-Q1.yaml", "A quiet", "A calm")
    third = repo.commit("alpha Q1")
    history = data_history(repo.data, None)
    alpha_q1 = "evaluations/records/alpha/2026-Q1.yaml"
    alpha_q2 = "evaluations/records/alpha/2026-Q2.yaml"
    beta_q2 = "evaluations/records/beta/2026-Q2.yaml"
    assert history.latest([alpha_q2]) == first
    assert history.latest([alpha_q2, beta_q2]) == second
    assert history.latest([beta_q2, alpha_q1, alpha_q2]) == third
    assert history.latest(["evaluations/nowhere.yaml"]) is None
    # at an earlier ref, the later commit is not known
    assert data_history(repo.data, second).latest([alpha_q1, beta_q2]) == second

    assert changed_files(repo.data) == frozenset()
    repo.edit("evaluations/providers/beta.yaml", "Tom Berg", "Ann Lee")
    (repo.data / "records" / "beta" / "2026-Q3.yaml").write_text("provider: beta\n")
    repo.git("mv", "evaluations/records/alpha/2026-Q1.yaml", "evaluations/q1.yaml")
    (repo.root / "README.md").write_text("outside the data folder\n")
    assert changed_files(repo.data) == {
        "evaluations/providers/beta.yaml",
        "evaluations/records/beta/2026-Q3.yaml",
        alpha_q1,
        "evaluations/q1.yaml",
    }
