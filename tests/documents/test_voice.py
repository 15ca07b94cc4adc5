"""The provider's own ratings beside ours, and how providers rate us (views/voice.py),
worked out by hand from the small fixture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from datafolder import DataFolder, asking_about_us
from scorecard.documents.views.voice import (
    about_us_lines,
    portfolio_about_us,
    self_lines,
    self_sentence,
)
from scorecard.figures.compute import compute


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    folder = asking_about_us(tmp_path)
    q3 = folder.path("records/acme/2026-Q3.yaml")
    q3.write_text(q3.read_text(encoding="utf-8") + "self_assessment: {fix-quality: 4, "
                  "communication: 1}\nabout_us: {clear-requests: 2, pay-on-time: 4}\n",
                  encoding="utf-8")
    g = folder.path("records/globex/2026-07.yaml")
    g.write_text(g.read_text(encoding="utf-8") + "about_us: {clear-requests: 5}\n",
                 encoding="utf-8")
    return folder


def test_own_ratings_beside_ours(data: DataFolder) -> None:
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    portfolio = compute(dataset, date(2026, 11, 30))
    acme = portfolio.provider("acme")
    assert acme is not None and acme.latest is not None
    lines = self_lines(acme.latest, dataset.programme)
    # fix-quality: ours (4 + 3) / 2 = 3.5, theirs 4: half a point apart.
    # communication: ours 4 (the lead's one rating), theirs 1: 3 points apart.
    assert [(s.criterion, s.ours, s.theirs, s.apart) for s in lines] == [
        ("Quality of fixes", "3.5", "4", False),  # the fixture's scale labels 1, 3 and 5 only
        ("Communication", "4", "1 (Unacceptable)", True)]
    assert self_sentence(lines, "You") == (
        "You rated yourselves on 2 criteria; it does not change the score. On 1 criterion "
        "the ratings are two points or more apart: worth talking about.")


def test_how_providers_rate_us(data: DataFolder) -> None:
    dataset, _ = data.load()
    assert dataset is not None
    record = dataset.records["acme"][-1]
    # the scale's middle is (1 + 5) / 2 = 3: 2 is low, 4 is not
    assert [(line.question, line.rating, line.low)
            for line in about_us_lines(record, dataset.programme)] == [
        ("We make clear requests", "2", True), ("We pay on time", "4", False)]
    portfolio = compute(dataset, date(2026, 11, 30))
    # clear-requests: acme 2, globex 5: mean 3.5, not low; pay-on-time: acme alone, 4
    assert [(line.question, line.rating, line.low, line.detail)
            for line in portfolio_about_us(portfolio)] == [
        ("We make clear requests", "3.5", False, "2 providers answered; lowest: "
         "Acme Managed IT Ltd (2)"),
        ("We pay on time", "4", False, "Only Acme Managed IT Ltd answered"),
    ]


def test_the_team_scorecard_names_the_provider(data: DataFolder) -> None:
    dataset, _ = data.load()
    assert dataset is not None
    acme = compute(dataset, date(2026, 11, 30)).provider("acme")
    assert acme is not None and acme.latest is not None
    assert self_sentence(self_lines(acme.latest, dataset.programme), "Acme").startswith(
        "Acme rated itself on 2 criteria;")
