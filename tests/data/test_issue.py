"""A record's amendments count from its first issue: a draft made final is issued,
not revised (scoring.md v1.2)."""

from __future__ import annotations

from datetime import date

from scorecard.data.issue import issued_amendments
from scorecard.data.provenance import Amendment

DRAFT = b"provider: acme\nperiod: 2026-Q3\nstatus: draft\n"
FINAL = b"provider: acme\nperiod: 2026-Q3\n"
FINAL_2 = b"provider: acme\nperiod: 2026-Q3\nsummary: Better.\n"
PATH = "evaluations/records/acme/2026-Q3.yaml"


def change(commit: str) -> Amendment:
    return Amendment(date(2026, 10, int(commit[1:]) + 1), "Priya Shah", commit, commit)


def amended(contents: list[bytes]) -> list[str]:
    commits = [f"c{i}" for i in range(len(contents))]
    versions = {PATH: list(zip(commits, contents, strict=True))}
    history = {PATH: [change(c) for c in commits[1:]]}  # every commit after the adding one
    order = {c: i for i, c in enumerate(commits)}
    return [a.commit for a in issued_amendments(history, versions, order)[PATH]]


def test_the_drafts_and_the_commit_that_made_it_final_are_not_amendments() -> None:
    # c0 adds a draft, c1 edits it, c2 makes it final: its first issue; c3 amends it
    assert amended([DRAFT, DRAFT, FINAL, FINAL_2]) == ["c3"]
    assert amended([DRAFT, FINAL]) == []


def test_a_record_final_from_the_start_keeps_every_amendment() -> None:
    assert amended([FINAL, FINAL_2, FINAL]) == ["c1", "c2"]


def test_a_record_made_a_draft_again_after_its_issue_keeps_its_amendments() -> None:
    # issued at c1; c2 makes it a draft, c3 final again: both change what was issued
    assert amended([DRAFT, FINAL, DRAFT, FINAL_2]) == ["c2", "c3"]
