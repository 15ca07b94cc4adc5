"""``about_us`` questions, ``self_assessment`` and ``about_us`` ratings (format.md v1.2):
built into the model, and each mistake reported at its line (counted by hand in the
small fixture, noted beside each)."""

from __future__ import annotations

from pathlib import Path

import pytest

from datafolder import DataFolder, asking_about_us

Q3 = "evaluations/records/acme/2026-Q3.yaml"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    folder = asking_about_us(tmp_path)
    return folder


def _append(data: DataFolder, text: str) -> None:
    path = data.path("records/acme/2026-Q3.yaml")
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_questions_and_ratings_reach_the_model(data: DataFolder) -> None:
    _append(data, "self_assessment: {fix-quality: 4}\n"
                  "about_us: {clear-requests: 2, pay-on-time: 5}\n")
    dataset, problems = data.load()
    assert problems == []
    assert dataset is not None
    assert [(q.id, q.name) for q in dataset.programme.about_us] == [
        ("clear-requests", "We make clear requests"), ("pay-on-time", "We pay on time")]
    record = dataset.records["acme"][-1]
    assert record.self_assessment == {"fix-quality": 4}
    assert record.about_us == {"clear-requests": 2, "pay-on-time": 5}


def test_a_self_assessment_of_a_measured_criterion(data: DataFolder) -> None:
    # the record has 15 lines; the new line is 16, the key starts at column 18
    _append(data, "self_assessment: {availability: 4}\n")
    assert data.problems() == [(
        Q3 + ":16:19",
        "self_assessment.availability: availability is a measured criterion: the provider "
        "rates only rated ones itself. Put the provider's own figure in reported: "
        "availability: ...",
    )]


def test_a_rating_of_us_off_the_scale_and_an_unknown_question(data: DataFolder) -> None:
    # line 16: "about_us: {clear-requests: 7, pay-ontime: 5}"; the 7 is at column 28,
    # pay-ontime at column 31
    _append(data, "about_us: {clear-requests: 7, pay-ontime: 5}\n")
    found = data.problems()
    assert (Q3 + ":16:28", "about_us.clear-requests: expected a whole number from 1 to 5, "
            "found 7") in found
    assert any(loc == Q3 + ":16:31" and "no about_us question 'pay-ontime'" in text
               and "did you mean 'pay-on-time'" in text for loc, text in found)


def test_a_self_rating_for_an_unknown_criterion(data: DataFolder) -> None:
    _append(data, "self_assessment: {fix-qualty: 4}\n")
    found = data.problems()
    assert len(found) == 1
    assert found[0][0] == Q3 + ":16:19"
    assert "there is no criterion 'fix-qualty'" in found[0][1]


def test_two_questions_with_one_id(data: DataFolder) -> None:
    data.edit("scorecard.yaml", "  - {id: pay-on-time,", "  - {id: clear-requests,")
    found = data.problems()
    assert len(found) == 1 and "clear-requests" in found[0][1]
    assert found[0][0].startswith("evaluations/scorecard.yaml:")
