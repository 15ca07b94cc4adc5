"""Which characters text in the data may hold: what the documents can show.

Every document is also a PDF, drawn with the fonts scorecard ships (Inter, and
Droid Sans Fallback for Chinese, Japanese and Korean): a character none of them
has would be an empty box, or a glyph taken from whatever fonts the machine
happens to have. So text may hold only characters those fonts draw (the table
``drawable.txt``, made from the fonts by ``scripts/drawable.py``), line breaks
and tabs; never a control character, nor one that reorders the text around it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import cache
from importlib import resources

__all__ = ["LONGEST_TEXT", "character_problem", "is_drawable"]

#: The most characters one text may hold (some ten pages of prose).
LONGEST_TEXT = 20_000

_PLAIN = re.compile(r"[\x20-\x7e\n\t]*")  # printable ASCII: the usual case, checked at once
# Characters that make the text around them read in another order ("Trojan Source").
_REORDERING = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))


@cache
def _ranges() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The drawable ranges: their first and last code points, in order."""
    text = resources.files("scorecard.data.schema").joinpath("drawable.txt")
    firsts: list[int] = []
    lasts: list[int] = []
    for line in text.read_text(encoding="ascii").splitlines():
        if line and not line.startswith("#"):
            lo, hi = line.split("-")
            firsts.append(int(lo, 16))
            lasts.append(int(hi, 16))
    return tuple(firsts), tuple(lasts)


@cache
def is_drawable(char: str) -> bool:
    """Whether the shipped fonts draw ``char`` (line breaks and tabs need no glyph)."""
    if char in "\n\t":
        return True
    cp = ord(char)
    if cp in _REORDERING:
        return False
    firsts, lasts = _ranges()
    i = bisect.bisect_right(firsts, cp) - 1
    return i >= 0 and cp <= lasts[i]


def _named(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def character_problem(text: str) -> tuple[str, str] | None:
    """The first character the documents cannot show, in words, with a likely fix:
    (message, hint); None when every character can be shown."""
    if _PLAIN.fullmatch(text):
        return None
    for index, char in enumerate(text):
        if is_drawable(char):
            continue
        where = f"character {index + 1} of the text"
        if "\n" in text:
            where += f", on its line {text.count(chr(10), 0, index) + 1}"
        cp = ord(char)
        if cp < 0x20 or 0x7F <= cp < 0xA0:
            return (f"the text holds a control character ({_named(char)}) at {where}; "
                    "documents cannot show it",
                    "Remove it (in double quotes, escapes such as \\a, \\x07 or \\u0007 "
                    "write such characters).")
        if cp in _REORDERING:
            return (f"the text holds {_named(char)} at {where}, which would make the text "
                    "around it read in another order than it is written",
                    "Remove it.")
        # a surrogate, private or unassigned code point is not echoed: it may not even print
        shown = _named(char) if unicodedata.category(char) in ("Cs", "Co", "Cn") \
            else f"'{char}' ({_named(char)})"
        return (f"the documents' fonts cannot draw {shown} at {where}",
                "Leave it out or write it in words; the fonts draw Latin, Greek, Cyrillic, "
                "Chinese, Japanese and Korean letters and the usual signs.")
    return None
