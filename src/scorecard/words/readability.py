"""How hard a text is to read: the Flesch-Kincaid grade level.

grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

Syllables are counted with a rule-of-thumb for English (vowel groups, with the
usual corrections for a silent ``e`` and for vowel pairs said as two sounds).
Numbers count as the words a person says aloud, both in words and syllables:
"42" is "forty-two", one word of three syllables; "99.95%" is "ninety-nine
point nine five percent", five words of eight syllables; a four-digit whole
number from 1100 to 2099 is read as a year ("twenty twenty-six").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "TextStats",
    "count_syllables",
    "flesch_kincaid_grade",
    "grade_of",
    "number_syllables",
    "sentences",
    "spoken_number",
    "text_stats",
    "words",
]

_VOWELS = "aeiouy"
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs that are usually two sounds: "period", "ratio", "actual", "create".
_TWO_SOUND_PAIRS = ("ia", "io", "iu", "eo", "ua", "uo", "ii")
# Where such a pair is one sound after all: "-tion", "-sion", "-cial", "quality".
_ONE_SOUND_CONTEXT = re.compile(r"(?:[tsc]i[oa]|gio|qu[aeiou]|gua)")
# Endings added to a word that keep their own syllable count.
_SUFFIXES = ("ment", "ness", "less", "ful", "ly")

# Syllables of the number words, for numbers said aloud.
_UNITS = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # zero, one, ..., nine
_TEENS = (1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # ten, eleven, twelve, thirteen, ..., nineteen
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # -, -, twenty, thirty, ..., ninety
_HUNDRED = 2
_SCALES = ((10**9, 3), (10**6, 3), (10**3, 2))  # billion, million, thousand
_POINT = 1
_PERCENT = 2
_AND = (1, 1)

_NUMBER = re.compile(r"^(\d+)(?:\.(\d+))?(%?)$")
_YEAR = re.compile(r"^(?:1[1-9]|20)\d\d$")  # 1100..2099, four digits, read as a year
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?%?$")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"'”’)]*(?:\s|$))")


@dataclass(frozen=True)
class TextStats:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """The Flesch-Kincaid grade; 0.0 for a text without words."""
        if not self.words or not self.sentences:
            return 0.0
        return (
            0.39 * (self.words / self.sentences)
            + 11.8 * (self.syllables / self.words)
            - 15.59
        )


Spoken = tuple[int, int]  # (words, syllables) of something said aloud


def _add(*parts: Spoken) -> Spoken:
    return (sum(p[0] for p in parts), sum(p[1] for p in parts))


def _whole(n: int) -> Spoken:
    """A whole number said in English words: "forty-two" is one word of three
    syllables; "one hundred and five" four words of five syllables."""
    if n < 10:
        return (1, _UNITS[n])
    if n < 20:
        return (1, _TEENS[n - 10])
    if n < 100:
        tens, unit = divmod(n, 10)
        return (1, _TENS[tens] + (_UNITS[unit] if unit else 0))
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        said = (2, _UNITS[hundreds] + _HUNDRED)
        # "three hundred and five": "and" is one more word.
        return _add(said, _AND, _whole(rest)) if rest else said
    for size, scale_syllables in _SCALES:
        if n >= size:
            high, rest = divmod(n, size)
            said = _add(_whole(high), (1, scale_syllables))
            return _add(said, _whole(rest)) if rest else said
    raise AssertionError("unreachable")  # pragma: no cover


def _year(year: int) -> Spoken:
    """A year as people say it: 2026 "twenty twenty-six", 2005 "two thousand and
    five", 1998 "nineteen ninety-eight", 1900 "nineteen hundred"."""
    century, rest = divmod(year, 100)
    if year % 1000 < 10:  # 2000 "two thousand", 2005 "two thousand and five"
        return _add(_whole(year), _AND) if rest else _whole(year)
    if rest == 0:
        return _add(_whole(century), (1, _HUNDRED))
    if rest < 10:  # 1905 "nineteen oh five"
        return _add(_whole(century), (1, 1), (1, _UNITS[rest]))
    return _add(_whole(century), _whole(rest))


def spoken_number(token: str) -> Spoken | None:
    """(words, syllables) of a number said aloud, or None if ``token`` is not one.

    Decimals are said digit by digit after "point"; a trailing ``%`` is "percent".
    """
    grouped = bool(_THOUSANDS.match(token))
    if grouped:
        token = token.replace(",", "")
    match = _NUMBER.match(token)
    if match is None:
        return None
    whole, decimals, percent = match.groups()
    if not grouped and not decimals and not percent and _YEAR.match(whole):
        return _year(int(whole))
    said = _whole(int(whole))
    if decimals:
        said = _add(said, (1, _POINT), (len(decimals), sum(_UNITS[int(d)] for d in decimals)))
    if percent:
        said = _add(said, (1, _PERCENT))
    return said


def number_syllables(token: str) -> int | None:
    """Syllables of a number said aloud, or None if ``token`` is not a number."""
    said = spoken_number(token)
    return said[1] if said is not None else None


def _strip(token: str) -> str:
    return token.strip(".,;:!?()\"'“”‘’")


def count_syllables(word: str) -> int:
    """Syllables in one English word (at least 1 for any word with a letter or digit)."""
    said = number_syllables(_strip(word))
    if said is not None:
        return said
    parts = [p for p in re.split(r"[-–/]", word) if p]
    if len(parts) > 1:
        return sum(count_syllables(p) for p in parts)
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1 if re.search(r"\d", word) else 0
    return _letters_syllables(w)


def _letters_syllables(w: str) -> int:
    if len(w) <= 3:
        return 1
    for suffix in _SUFFIXES:
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 3 and _VOWEL_GROUP.search(stem):
            return _letters_syllables(stem) + _letters_syllables(suffix)
    # A leading "y" is a consonant ("year", "yes").
    body = w[1:] if w[0] == "y" else w
    count = len(_VOWEL_GROUP.findall(body))
    # Vowel pairs said as two sounds add one ("pe-ri-od", "ac-tu-al").
    for pair in _TWO_SOUND_PAIRS:
        for match in re.finditer(pair, w):
            context = w[max(0, match.start() - 1) : match.end() + 1]
            if not _ONE_SOUND_CONTEXT.search(context):
                count += 1
    # A final "ea" is two sounds ("i-de-a", "ar-e-a").
    if w.endswith(("ea", "eas")):
        count += 1
    if _silent_final_e(w):
        count -= 1
    return max(1, count)


def _silent_final_e(w: str) -> bool:
    """Whether the last ``e`` of a word (of four letters or more) is not said."""
    if w.endswith("e"):
        # "make", "score"; but not "-le" after a consonant ("table"), nor "agree".
        return not w.endswith(("ee", "ye")) and not (w.endswith("le") and w[-3] not in _VOWELS)
    if w.endswith("es"):
        # "makes"; but not after a sound that needs it ("boxes", "changes").
        return w[-3] not in "sxzcg" and not w.endswith(("ches", "shes", "ees"))
    if w.endswith("ed"):
        # "scored"; but not "wanted", "needed", "agreed".
        return w[-3] not in "td" and not w.endswith("eed")
    return False


def words(text: str) -> list[str]:
    """The words of a text: runs of non-space characters holding a letter or a digit."""
    return [t for t in text.split() if re.search(r"[A-Za-z0-9]", t)]


def sentences(text: str) -> list[str]:
    """The sentences of a text: split after ``.``, ``!`` or ``?`` followed by a space.

    A full stop inside a number ("99.95") does not end a sentence; the last
    piece counts as a sentence even without a full stop.
    """
    pieces = _SENTENCE_END.split(text)
    return [p.strip() for p in pieces if words(p)]


def text_stats(text: str) -> TextStats:
    """Words, sentences and syllables of a text, with numbers as said aloud:
    "99.95%" is five words ("ninety-nine point nine five percent") of eight syllables."""
    n_words = n_syllables = 0
    for token in words(text):
        said = spoken_number(_strip(token))
        if said is None:
            said = (1, count_syllables(token))
        n_words += said[0]
        n_syllables += said[1]
    return TextStats(words=n_words, sentences=len(sentences(text)), syllables=n_syllables)


def flesch_kincaid_grade(text: str) -> float:
    """The Flesch-Kincaid grade level of ``text`` (0.0 for a text without words)."""
    return text_stats(text).grade


def grade_of(texts: Iterable[str]) -> float:
    """The grade of several texts read as one (each should end its sentences)."""
    return flesch_kincaid_grade("\n".join(texts))
