"""Write src/scorecard/data/schema/drawable.txt: the characters the shipped fonts draw.

``validate`` refuses text with a character the documents' fonts cannot draw, so
that a PDF never shows an empty box or takes a glyph from whatever fonts the
machine happens to have. The fonts are those in templates/fonts/: every face of
Inter, then Droid Sans Fallback for Chinese, Japanese and Korean. A character is
drawable when every Inter face has it or the fallback has it.

Run it after changing a font: ``python scripts/drawable.py``. The test
tests/data/test_characters.py fails while the table is out of date.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "templates" / "fonts"
TABLE = ROOT / "src" / "scorecard" / "data" / "schema" / "drawable.txt"
MAIN = ("Inter-Regular.otf", "Inter-Italic.otf", "Inter-SemiBold.otf", "Inter-Bold.otf")
FALLBACK = ("DroidSansFallback.ttf",)


def code_points(name: str) -> set[int]:
    return set(TTFont(FONTS / name).getBestCmap())


def drawable() -> set[int]:
    """Every character each main face draws, or the fallback does; no control characters."""
    fallback: set[int] = set()
    for name in FALLBACK:
        fallback |= code_points(name)
    faces = [code_points(name) | fallback for name in MAIN]
    result = set.intersection(*faces)
    controls = set(range(0x20)) | set(range(0x7F, 0xA0))
    return result - controls


def ranges(points: Iterable[int]) -> list[tuple[int, int]]:
    result: list[tuple[int, int]] = []
    for cp in sorted(points):
        if result and result[-1][1] == cp - 1:
            result[-1] = (result[-1][0], cp)
        else:
            result.append((cp, cp))
    return result


def table() -> str:
    head = ("# The characters scorecard's shipped fonts draw, as ranges of code points\n"
            "# (hexadecimal, first-last). Made by scripts/drawable.py from templates/fonts/;\n"
            "# do not edit by hand.\n")
    return head + "".join(f"{lo:04X}-{hi:04X}\n" for lo, hi in ranges(drawable()))


if __name__ == "__main__":
    TABLE.write_text(table(), encoding="ascii")
    sys.stdout.write(f"wrote {TABLE.relative_to(ROOT)}\n")
