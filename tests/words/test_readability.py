"""Flesch-Kincaid grade, checked against examples counted by hand."""

from __future__ import annotations

import pytest

from scorecard.words.readability import (
    count_syllables,
    flesch_kincaid_grade,
    grade_of,
    number_syllables,
    sentences,
    spoken_number,
    text_stats,
    words,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # Short words and plain vowel groups.
        ("the", 1),
        ("cat", 1),
        ("open", 2),  # o-pen
        ("problems", 2),  # prob-lems
        ("contract", 2),  # con-tract
        ("Outstanding", 3),  # out-stand-ing
        # A silent final e, and "-le" after a consonant that is not silent.
        ("score", 1),
        ("there", 1),
        ("above", 2),  # a-bove
        ("Unacceptable", 5),  # un-ac-cept-a-ble
        ("agree", 2),  # a-gree
        # "-es" and "-ed": silent unless the sound needs them.
        ("minutes", 2),  # min-utes
        ("services", 3),  # ser-vi-ces
        ("changes", 2),  # chan-ges
        ("used", 1),
        ("scored", 1),
        ("rated", 2),  # rat-ed
        ("agreed", 2),  # a-greed
        ("needed", 2),  # need-ed
        # Vowel pairs said as two sounds, and where they are one.
        ("period", 3),  # pe-ri-od
        ("actual", 3),  # ac-tu-al
        ("evaluation", 5),  # e-val-u-a-tion
        ("expectations", 4),  # ex-pec-ta-tions
        ("quality", 3),  # qual-i-ty
        ("special", 2),  # spe-cial
        ("criteria", 4),  # cri-te-ri-a
        ("idea", 3),  # i-de-a
        ("ideas", 3),  # i-de-as
        # A leading y is a consonant; endings that keep their own syllable.
        ("year", 1),
        ("lately", 2),  # late-ly
        ("only", 2),  # on-ly
        ("helpful", 2),  # help-ful
        # Hyphens join words whose syllables add up.
        ("on-call", 2),
        ("half-year", 2),
        # Punctuation around a word does not count.
        ("targets.", 2),
        ("(open)", 2),
    ],
)
def test_count_syllables(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("7", 2),  # sev-en
        ("12", 1),  # twelve
        ("11", 3),  # e-lev-en
        ("17", 3),  # sev-en-teen
        ("42", 3),  # for-ty two
        ("70", 3),  # sev-en-ty
        ("100", 3),  # one hun-dred
        ("105", 5),  # one hun-dred and five
        # Four-digit whole numbers from 1100 to 2099 are read as years.
        ("2026", 5),  # twen-ty twen-ty six
        ("1998", 5),  # nine-teen nine-ty eight
        ("2005", 5),  # two thou-sand and five
        ("1905", 4),  # nine-teen oh five
        ("2000", 3),  # two thou-sand
        ("1900", 4),  # nine-teen hun-dred
        ("2150", 9),  # not a year: two thou-sand one hun-dred and fif-ty
        ("1,500", 6),  # one thou-sand five hun-dred
        ("0.7", 5),  # ze-ro point sev-en
        ("99.95%", 8),  # nine-ty nine point nine five per-cent
        ("30.", 2),  # thir-ty, with a full stop after it
    ],
)
def test_numbers_count_as_said_aloud(token: str, expected: int) -> None:
    assert count_syllables(token) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("42", (1, 3)),  # "forty-two": one word, like "on-call"
        ("100", (2, 3)),  # "one hundred"
        ("105", (4, 5)),  # "one hundred and five"
        ("2026", (2, 5)),  # "twenty twenty-six"
        ("1905", (3, 4)),  # "nineteen oh five"
        ("99.95%", (5, 8)),  # "ninety-nine point nine five percent"
        ("1,500", (4, 6)),  # "one thousand five hundred"
    ],
)
def test_spoken_numbers_count_words_and_syllables(token: str, expected: tuple[int, int]) -> None:
    assert spoken_number(token) == expected


def test_a_number_counts_as_the_words_said() -> None:
    # Availability(6) was(1) 99.95%(5 words, 8 syllables): 7 words, 15 syllables.
    # 0.39 * 7 + 11.8 * 15/7 - 15.59 = 2.73 + 25.2857 - 15.59 = 12.4257
    stats = text_stats("Availability was 99.95%.")
    assert (stats.words, stats.syllables, stats.sentences) == (7, 15, 1)
    assert stats.grade == pytest.approx(12.4257, abs=1e-4)


def test_number_syllables_rejects_words() -> None:
    assert number_syllables("forty") is None
    assert number_syllables("2026-Q3") is None


def test_words_skip_lone_punctuation() -> None:
    assert words("Due: 30 September 2026 — late.") == ["Due:", "30", "September", "2026", "late."]


def test_sentences_split_after_stops_but_not_inside_numbers() -> None:
    assert sentences("Availability was 99.95%. The target was met.") == [
        "Availability was 99.95%",
        "The target was met",
    ]
    assert len(sentences("Is it late? Yes! It is.")) == 3
    assert sentences("No full stop at the end") == ["No full stop at the end"]
    assert sentences("") == []


def test_grade_of_one_sentence() -> None:
    # 6 words, 6 syllables, 1 sentence:
    # 0.39 * 6/1 + 11.8 * 6/6 - 15.59 = 2.34 + 11.8 - 15.59 = -1.45
    assert flesch_kincaid_grade("The cat sat on the mat.") == pytest.approx(-1.45)


def test_grade_with_numbers() -> None:
    # We(1) used(1) 5(1) of(1) the(1) 8(1) services(3) in(1) your(1) contract(2):
    # 10 words, 13 syllables, 1 sentence.
    # 0.39 * 10 + 11.8 * 13/10 - 15.59 = 3.9 + 15.34 - 15.59 = 3.65
    text = "We used 5 of the 8 services in your contract."
    stats = text_stats(text)
    assert (stats.words, stats.syllables, stats.sentences) == (10, 13, 1)
    assert flesch_kincaid_grade(text) == pytest.approx(3.65)


def test_grade_over_two_sentences() -> None:
    # There(1) are(1) 2(1) open(2) problems(2): 5 words, 7 syllables.
    # One(1) of(1) them(1) is(1) past(1) its(1) due(1) day(1): 8 words, 8 syllables.
    # 13 words, 15 syllables, 2 sentences:
    # 0.39 * 13/2 + 11.8 * 15/13 - 15.59 = 2.535 + 13.6154 - 15.59 = 0.5604
    text = "There are 2 open problems. One of them is past its due day."
    assert flesch_kincaid_grade(text) == pytest.approx(0.560385, abs=1e-6)
    # Read as separate pieces, the same sentences give the same grade.
    assert grade_of(["There are 2 open problems.", "One of them is past its due day."]) == (
        pytest.approx(0.560385, abs=1e-6)
    )


def test_long_words_and_sentences_read_harder() -> None:
    plain = "The work was done on time. We are glad."
    hard = (
        "Notwithstanding considerable organisational complexity, implementation "
        "responsibilities were satisfactorily accomplished."
    )
    assert flesch_kincaid_grade(hard) > 12 > flesch_kincaid_grade(plain)


def test_empty_text_has_grade_zero() -> None:
    assert flesch_kincaid_grade("") == 0.0
    assert flesch_kincaid_grade(" — ") == 0.0
