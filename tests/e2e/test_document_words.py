"""The words of every document of the demo, as rendered (HTML, built in a real git
repository): the reading grade of each document, the glossary's one word for one thing,
no jargon on a provider's copy, no sentence said three times (issue 23).

Measured over the tool's own text (tests/document_words.py): generated sentences and
template text (headings, captions, table headers, "How to read this"), not what people
wrote in the data.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, GitRepo, make_repo
from document_words import own_blocks
from scorecard.words.glossary import TERMS, avoided, jargon
from scorecard.words.readability import grade_of, words

GRADE = 8  # outputs.md: grade 8 or lower; we aim for 6
# The reference a provider can quote back (words.provenance_line): a commit id, on purpose.
REFERENCE = re.compile(r"reference [0-9a-f]{7}\b")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Each HTML document of the demo (every kind) -> its own blocks of text."""
    repo: GitRepo = make_repo(tmp_path_factory.mktemp("words-repo"))
    result = repo.build("--no-pdf", "--jobs", "1", "--audience", "provider", "--audience",
                        "team", "--audience", "portfolio", "--audience", "renewal")
    assert result.exit_code == 0, result.output
    return {str(p.relative_to(repo.reports)): own_blocks(p.read_text("utf-8"))
            for p in sorted(repo.reports.rglob("*.html")) if p.name != "index.html"}


def _kind(path: str) -> str:
    return Path(path).stem


def _sentences(blocks: list[str]) -> list[str]:
    """The blocks that are sentences: they end with a full stop (or ! or ?). Headings,
    labels and table cells are not sentences, and Flesch-Kincaid measures sentences;
    subtitles, captions and "How to read this" are, and are measured."""
    return [b for b in blocks if re.search(r"(?<![A-Z])[.!?]$", b.rstrip())]


def test_every_document_reads_at_grade_8_or_lower(documents: dict[str, list[str]]) -> None:
    grades = {path: grade_of(_sentences(blocks)) for path, blocks in documents.items()}
    worst: dict[str, float] = {}
    for path, grade in grades.items():
        worst[_kind(path)] = max(worst.get(_kind(path), 0.0), grade)
    print("\nworst Flesch-Kincaid grade per kind:",
          {k: round(v, 2) for k, v in sorted(worst.items())})
    assert set(worst) == {"provider", "team", "portfolio", "renewal"}
    assert {p: round(g, 2) for p, g in grades.items() if g > GRADE} == {}
    # The level reached (worst kind 6.87, rounded up to the next 0.5), not the contract
    # bar: a change cannot drift back up unseen. Lower it as the aim of 6 comes nearer.
    assert max(worst.values()) <= 7.0


def test_template_text_is_measured(documents: dict[str, list[str]]) -> None:
    provider = " ".join(documents["castellan/2026-Q3/provider.html"])
    # "How to read this", a caption, a table's headers: the template's own words.
    assert "How to read this scorecard" in provider
    assert "Each criterion gets a score from 0 to 100." in provider
    assert "What we looked at" in provider
    assert "The overall score, period by period." in provider
    # People's words are not measured: Northgate's reply is left out.
    reply = " ".join(documents["northgate/2026-Q3/provider.html"])
    assert "apologise" not in reply


def test_one_word_for_one_thing_in_every_document(documents: dict[str, list[str]]) -> None:
    found = {path: avoided(" ".join(blocks)) for path, blocks in documents.items()}
    assert {path: hits for path, hits in found.items() if hits} == {}
    # "points" are points of the score; a gap between percentages is in percentage points.
    bare = re.compile(r"(?<!percentage )\b\d+(?:\.\d+)? points? (?:short|more|less)\b")
    assert [p for p, blocks in documents.items() if bare.search(" ".join(blocks))] == []
    text = " ".join(" ".join(b) for b in documents.values())
    assert "percentage points short of the target" in text


def test_the_glossary_is_published() -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text("utf-8")
    missing = [term for term in TERMS if f"**{term}**" not in glossary]
    assert missing == []


def test_no_jargon_on_a_provider_copy(documents: dict[str, list[str]]) -> None:
    found = {path: jargon(REFERENCE.sub("", " ".join(blocks)))
             for path, blocks in documents.items() if _kind(path) == "provider"}
    assert len(found) > 20
    assert {path: hits for path, hits in found.items() if hits} == {}
    # The internal copies still name the version of our records.
    team = " ".join(documents["northgate/2026-Q3/team.html"])
    assert re.search(r"from version [0-9a-f]{7} of our records", team)


def test_no_sentence_is_said_three_times(documents: dict[str, list[str]]) -> None:
    # A paragraph, list item or cell of 7 words or more, said a third time in one document
    # (the gap of one missed target was said on page one, in a list and in its row).
    repeated = {}
    for path, blocks in documents.items():
        said = Counter(b for b in _sentences(blocks) if len(words(b)) >= 7)
        thrice = [s for s, n in said.items() if n >= 3]
        if thrice:
            repeated[path] = thrice
    assert repeated == {}
