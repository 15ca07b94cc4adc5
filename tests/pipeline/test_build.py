"""``scorecard build`` end to end, on committed copies of the demo data and of the
small fixture in real git repositories: what it makes, what the manifest says,
provenance, ``--ref``, narrowing, failed builds, what it deletes, templates,
paper and the Markdown summary."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import COMMIT_DAY, DEMO, SMALL, GitRepo, make_repo, sha256_file, tree_bytes

# The demo data's records, counted by hand from evaluations/records/:
# castellan 7 (2025-Q1..2026-Q3), deskone 8 (2024-Q3..2026-Q2), helpwise 9
# (2026-01..2026-09), northgate 7, sentinel-bay 7: 7 + 8 + 9 + 7 + 7 = 38.
# Each record gives a provider and a team scorecard, plus one portfolio, plus
# (v1.1) the renewal brief of northgate, whose decision is due (notice by
# 2026-12-31, within 120 days of the commit day): 38 * 2 + 1 + 1 = 78 HTML documents.
DEMO_RECORDS = 38
DEMO_DOCUMENTS = DEMO_RECORDS * 2 + 1 + 1


def expected_documents(data: Path) -> set[str]:
    """Every HTML document a full --no-pdf build of ``data`` makes, from its records
    (and the demo's one renewal brief)."""
    paths = {"portfolio.html", "northgate/renewal.html"}
    for record in (data / "records").glob("*/*.yaml"):
        for audience in ("provider", "team"):
            paths.add(f"{record.parent.name}/{record.stem}/{audience}.html")
    return paths


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v is not None]


def links(html: Path) -> list[str]:
    parser = Links()
    parser.feed(html.read_text(encoding="utf-8"))
    return parser.hrefs


def manifest(out: Path) -> dict[str, Any]:
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def manifest_paths(out: Path) -> list[str]:
    documents = manifest(out)["documents"]
    assert isinstance(documents, list)
    return [d["path"] for d in documents]


def html_is_draft(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return 'class="draft-banner"' in text


# --- one full build of the demo data, shared by the read-only tests ------------


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, str]:
    repo = make_repo(tmp_path_factory.mktemp("demo") / "repo")
    result = repo.build("--no-pdf")
    assert result.exit_code == 0, result.output
    return repo, result.stdout


def test_full_build_makes_every_document(demo_build: tuple[GitRepo, str]) -> None:
    repo, stdout = demo_build
    out = repo.reports
    made = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    assert len(expected_documents(repo.data)) == DEMO_DOCUMENTS
    assert made == expected_documents(repo.data) | {"index.html"}
    assert not list(out.rglob("*.pdf"))
    assert (out / "data.json").is_file() and (out / "manifest.json").is_file()
    assert stdout.startswith(f"Built {DEMO_DOCUMENTS} documents in ")


def test_manifest_lists_exactly_the_documents(demo_build: tuple[GitRepo, str]) -> None:
    repo, _ = demo_build
    out = repo.reports
    data = manifest(out)
    head = repo.git("rev-parse", "HEAD").strip()
    assert data["as_of"] == COMMIT_DAY
    assert data["source"] == {"commit": head, "dirty": False}
    assert isinstance(data["documents"], list)
    assert [d["path"] for d in data["documents"]] == sorted(d["path"] for d in data["documents"])
    # v1.2: the evidence behind computed figures that missed, for the provider, beside
    # its scorecard (in the demo: Northgate 2026-Q3 and Helpwise 2026-09)
    evidence = [d for d in data["documents"] if d["format"] == "csv"]
    assert [(d["path"], d["audience"], d["provider"], d["period"]) for d in evidence] == [
        ("helpwise/2026-09/evidence.csv", "provider", "helpwise", "2026-09"),
        ("northgate/2026-Q3/evidence.csv", "provider", "northgate", "2026-Q3")]
    assert all(d["sha256"] == sha256_file(out / d["path"]) for d in evidence)
    documents = [d for d in data["documents"] if d["format"] != "csv"]
    paths = [d["path"] for d in documents]
    assert set(paths) == expected_documents(repo.data)
    for entry in documents:
        path = entry["path"]
        assert entry["format"] == "html"
        assert entry["sha256"] == sha256_file(out / path)
        if path == "portfolio.html":
            assert (entry["audience"], entry["document"], entry["provider"], entry["period"]) == (
                "portfolio", "portfolio", None, None,
            )
        elif path == "northgate/renewal.html":  # v1.1: internal, no period
            assert (entry["audience"], entry["document"], entry["provider"], entry["period"]) == (
                "team", "renewal", "northgate", None,
            )
        else:
            provider, period, name = path.split("/")
            assert name == f"{entry['audience']}.html" == f"{entry['document']}.html"
            assert (entry["provider"], entry["period"]) == (provider, period)
            assert (repo.data / "records" / provider / f"{period}.yaml").is_file()


def test_index_links_every_document_and_every_link_resolves(
    demo_build: tuple[GitRepo, str],
) -> None:
    repo, _ = demo_build
    out = repo.reports
    hrefs = links(out / "index.html")
    # every document; evidence.csv goes with its provider scorecard (attached by send)
    assert {p for p in manifest_paths(out) if not p.endswith(".csv")} <= set(hrefs)
    for href in hrefs:
        assert "://" not in href and not href.startswith("/"), href
        target = href.split("#", 1)[0]
        if target:
            assert (out / target).is_file(), href


def test_data_json_parses(demo_build: tuple[GitRepo, str]) -> None:
    repo, _ = demo_build
    data = json.loads((repo.reports / "data.json").read_text(encoding="utf-8"))
    assert data["as_of"] == COMMIT_DAY
    assert data["source"]["dirty"] is False
    # providers by id; the five files in evaluations/providers/
    ids = [p["id"] for p in data["providers"]]
    assert ids == sorted(p.stem for p in (DEMO / "providers").glob("*.yaml"))
    northgate = next(p for p in data["providers"] if p["id"] == "northgate")
    # oldest first; the 2026-Q3 record says availability: 99.74
    assert [e["period"] for e in northgate["evaluations"]][-1] == "2026-Q3"
    assert northgate["evaluations"][-1]["criteria"]["availability"]["value"] == 99.74


def test_a_clean_build_is_not_a_draft(demo_build: tuple[GitRepo, str]) -> None:
    repo, _ = demo_build
    assert not html_is_draft(repo.reports / "northgate/2026-Q3/provider.html")
    assert not html_is_draft(repo.reports / "portfolio.html")


# --- provenance ----------------------------------------------------------------


def test_as_of_defaults_to_the_committers_day_in_utc(tmp_path: Path) -> None:
    # 01:30 at +05:00 on 4 December is 20:30 UTC on 3 December.
    repo = make_repo(tmp_path / "repo", SMALL,
                     when="2026-12-04T01:30:00+05:00")
    result = repo.build("--no-pdf")
    assert result.exit_code == 0, result.output
    assert manifest(repo.reports)["as_of"] == "2026-12-03"
    assert " as of 2026-12-03 " in result.stdout


def test_uncommitted_change_makes_a_draft_as_of_today(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo", SMALL, when="2026-11-02T12:00:00+00:00")
    clean = repo.build("--no-pdf", out=tmp_path / "clean")
    assert clean.exit_code == 0 and manifest(tmp_path / "clean")["as_of"] == "2026-11-02"
    repo.edit("records/acme/2026-Q3.yaml", "p1-response: 42", "p1-response: 41")
    result = repo.build("--no-pdf")
    assert result.exit_code == 0, result.output
    data = manifest(repo.reports)
    assert date.today().isoformat() != "2026-11-02"
    assert data["as_of"] == date.today().isoformat()
    assert data["source"] == {"commit": repo.git("rev-parse", "HEAD").strip(), "dirty": True}
    # the documents made from the changed record, and the portfolio made from everything
    for path in ("acme/2026-Q3/provider.html", "acme/2026-Q3/team.html", "portfolio.html"):
        assert html_is_draft(repo.reports / path), path
        assert not html_is_draft(tmp_path / "clean" / path), path
    assert "(draft: uncommitted changes)" in result.stdout


def test_ref_builds_the_earlier_commit_without_touching_the_tree(small_repo: GitRepo) -> None:
    first = small_repo.git("rev-parse", "HEAD").strip()
    small_repo.edit("records/acme/2026-Q3.yaml", "availability: 99.95", "availability: 99.5")
    second = small_repo.commit("Correct availability", "2026-12-01T09:00:00+00:00")
    before = tree_bytes(small_repo.data)

    old = small_repo.build("--no-pdf", "--ref", "HEAD~1", out=small_repo.root / "old")
    new = small_repo.build("--no-pdf", out=small_repo.root / "new")
    assert old.exit_code == 0 and new.exit_code == 0, old.output + new.output

    def availability(out: str) -> float:
        data = json.loads((small_repo.root / out / "data.json").read_text())
        acme = next(p for p in data["providers"] if p["id"] == "acme")
        q3 = next(e for e in acme["evaluations"] if e["period"] == "2026-Q3")
        value = q3["criteria"]["availability"]["value"]
        assert isinstance(value, float)
        return value

    assert availability("old") == 99.95  # as first committed
    assert availability("new") == 99.5
    assert manifest(small_repo.root / "old")["source"] == {"commit": first, "dirty": False}
    assert manifest(small_repo.root / "old")["as_of"] == COMMIT_DAY
    assert manifest(small_repo.root / "new")["source"] == {"commit": second, "dirty": False}
    assert manifest(small_repo.root / "new")["as_of"] == "2026-12-01"
    assert tree_bytes(small_repo.data) == before
    assert small_repo.git("status", "--porcelain", "--", "evaluations") == ""


# --- narrowing -----------------------------------------------------------------


def test_provider_narrowing_builds_only_that_provider_and_keeps_the_rest(
    small_repo: GitRepo,
) -> None:
    assert small_repo.build("--no-pdf").exit_code == 0
    out = small_repo.reports
    full = tree_bytes(out)
    full_paths = manifest_paths(out)
    # change both providers' data; only acme's documents may change
    small_repo.edit("records/acme/2026-Q3.yaml", "p1-response: 42", "p1-response: 41")
    small_repo.edit("providers/globex.yaml", "name: Globex Corporation", "name: Globex Ltd")
    small_repo.commit("Both providers change", "2026-11-27T12:00:00+00:00")

    result = small_repo.build("--no-pdf", "--provider", "acme")
    assert result.exit_code == 0, result.output
    after = tree_bytes(out)
    assert manifest_paths(out) == full_paths
    for path in full_paths:
        if path.startswith("acme/2026-Q3/"):
            assert after[path] != full[path], path  # rebuilt from the new commit
        else:
            # globex and portfolio untouched; acme's 2026-Q2 documents show the state on
            # their evaluated day, before the 2026-Q3 record existed: as issued
            assert after[path] == full[path], path
    # the index is written again and still links every document the folder holds
    assert after["index.html"] != full["index.html"]  # it names the new commit
    assert set(links(out / "index.html")) == set(full_paths)
    # data.json always holds every figure, so it describes the new commit
    assert json.loads(after["data.json"])["source"]["commit"] == small_repo.git(
        "rev-parse", "HEAD"
    ).strip()
    assert result.stdout.startswith("Built 4 documents")  # acme: 2 records x 2 audiences


def test_narrowing_into_an_empty_folder(small_repo: GitRepo, tmp_path: Path) -> None:
    by_audience = small_repo.build("--no-pdf", "--audience", "provider", out=tmp_path / "a")
    by_period = small_repo.build("--no-pdf", "--period", "2026-Q3", out=tmp_path / "p")
    assert by_audience.exit_code == 0 and by_period.exit_code == 0
    # provider scorecards only: acme 2026-Q2, acme 2026-Q3, globex 2026-07
    assert manifest_paths(tmp_path / "a") == [
        "acme/2026-Q2/provider.html", "acme/2026-Q3/provider.html",
        "globex/2026-07/provider.html",
    ]
    assert {d["audience"] for d in manifest(tmp_path / "a")["documents"]} == {"provider"}
    # globex is monthly, so only acme has a 2026-Q3
    assert manifest_paths(tmp_path / "p") == [
        "acme/2026-Q3/provider.html", "acme/2026-Q3/team.html",
    ]
    for folder in ("a", "p"):
        made = {p.relative_to(tmp_path / folder).as_posix()
                for p in (tmp_path / folder).rglob("*.html")}
        # the documents made, plus an index linking exactly those
        assert made == {*manifest_paths(tmp_path / folder), "index.html"}
        listed = set(manifest_paths(tmp_path / folder))
        assert set(links(tmp_path / folder / "index.html")) == listed


# --- failed builds --------------------------------------------------------------


def test_a_data_error_fails_and_leaves_the_reports_alone(small_repo: GitRepo) -> None:
    assert small_repo.build("--no-pdf").exit_code == 0
    before = tree_bytes(small_repo.reports)
    # line 7 of the record is "  availability: 99.95"; the value starts in column 17
    small_repo.edit("records/acme/2026-Q3.yaml", "availability: 99.95", "availability: lots")
    result = small_repo.build("--no-pdf")
    assert result.exit_code == 1
    assert re.search(r"records/acme/2026-Q3\.yaml:7:17: .*availability", result.stderr)
    assert "Build failed" in result.stderr
    assert result.stdout == ""
    assert tree_bytes(small_repo.reports) == before


BROKEN_TEMPLATE = """\
{% extends "base.html" %}
{% block content %}
<p>{{ p.no_such_field }}</p>
{% endblock %}
"""


def test_a_template_error_fails_and_leaves_the_reports_alone(
    small_repo: GitRepo, tmp_path: Path,
) -> None:
    assert small_repo.build("--no-pdf").exit_code == 0
    before = tree_bytes(small_repo.reports)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "provider.html").write_text(BROKEN_TEMPLATE, encoding="utf-8")
    result = small_repo.build("--no-pdf", "--templates", str(broken))
    assert result.exit_code == 1
    assert f"{broken / 'provider.html'}:3:1: undefined value" in result.stderr
    assert tree_bytes(small_repo.reports) == before

    (broken / "provider.html").write_text("{% if %}\n", encoding="utf-8")
    result = small_repo.build("--no-pdf", "--templates", str(broken))
    assert result.exit_code == 1
    assert re.search(r"provider\.html:1:1: template syntax error", result.stderr)
    assert tree_bytes(small_repo.reports) == before


# --- what the build deletes -------------------------------------------------------


def test_only_its_own_files_are_deleted(small_repo: GitRepo) -> None:
    assert small_repo.build("--no-pdf").exit_code == 0
    out = small_repo.reports
    (out / "notes.txt").write_text("my notes\n")
    (out / "acme/2026-Q2/notes.txt").write_text("about Q2\n")
    (small_repo.data / "records/acme/2026-Q2.yaml").unlink()
    small_repo.commit("Drop acme 2026-Q2", "2026-11-27T12:00:00+00:00")

    result = small_repo.build("--no-pdf")
    assert result.exit_code == 0, result.output
    assert (out / "notes.txt").read_text() == "my notes\n"
    assert (out / "acme/2026-Q2/notes.txt").read_text() == "about Q2\n"
    assert not (out / "acme/2026-Q2/provider.html").exists()
    assert not (out / "acme/2026-Q2/team.html").exists()
    assert manifest_paths(out) == [
        "acme/2026-Q3/provider.html", "acme/2026-Q3/team.html",
        "globex/2026-07/provider.html", "globex/2026-07/team.html", "portfolio.html",
    ]
    assert not any("2026-Q2" in href for href in links(out / "index.html"))


# --- templates, paper, summary ------------------------------------------------------


def test_templates_folder_overrides_stylesheet_and_partial(
    small_repo: GitRepo, tmp_path: Path,
) -> None:
    ours = small_repo.build("--no-pdf", out=tmp_path / "ours")
    assert ours.exit_code == 0
    house = tmp_path / "house"
    (house / "partials").mkdir(parents=True)
    (house / "documents.css").write_text(".house-marker { color: #123456; }\n")
    (house / "partials/how-to-read.html").write_text("<p>House rules apply.</p>\n")
    theirs = small_repo.build("--no-pdf", "--templates", str(house), out=tmp_path / "theirs")
    assert theirs.exit_code == 0, theirs.output
    mine = (tmp_path / "theirs/acme/2026-Q3/provider.html").read_text()
    plain = (tmp_path / "ours/acme/2026-Q3/provider.html").read_text()
    assert ".house-marker { color: #123456; }" in mine and "#123456" not in plain
    assert "<p>House rules apply.</p>" in mine and "House rules" not in plain


def test_letter_paper(small_repo: GitRepo) -> None:
    result = small_repo.build(
        "--provider", "acme", "--period", "2026-Q3", "--audience", "provider", "--paper", "Letter"
    )
    assert result.exit_code == 0, result.output
    reader = PdfReader(small_repo.reports / "acme/2026-Q3/provider.pdf")
    for page in reader.pages:
        # US Letter is 8.5 x 11 inches = 612 x 792 points
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            612, 792,
        )
    entry = manifest(small_repo.reports)["documents"][1]
    assert entry["path"] == "acme/2026-Q3/provider.pdf" and entry["format"] == "pdf"


def test_summary_appends_markdown(small_repo: GitRepo, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n\n", encoding="utf-8")
    result = small_repo.build("--no-pdf", "--summary", str(summary))
    assert result.exit_code == 0, result.output
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n\n## ")
    assert "Internal: for our team only." in text
    assert "Acme" in text and "Globex" in text
    assert re.search(r"^\|.*\|$", text, re.MULTILINE)  # a Markdown table
    once = len(text)
    assert small_repo.build("--no-pdf", "--summary", str(summary)).exit_code == 0
    assert len(summary.read_text(encoding="utf-8")) == once + (once - len("# Earlier step\n\n"))


def test_a_period_nobody_was_evaluated_in_fails(small_repo: GitRepo) -> None:
    result = small_repo.build("--no-pdf", "--period", "2031-Q1")
    assert result.exit_code == 1
    assert "no evaluation as of" in result.output and "2031-Q1" in result.output
    assert not small_repo.reports.exists()


def test_an_output_folder_inside_the_data_folder_is_warned_about(small_repo: GitRepo) -> None:
    out = small_repo.data / "built"
    result = small_repo.build("--no-pdf", out=out)
    assert result.exit_code == 0, result.output
    assert "the output folder is inside the data folder" in result.output
