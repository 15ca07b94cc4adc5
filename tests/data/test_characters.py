"""Which characters text may hold: what the shipped fonts draw, and nothing that
controls or reorders the text. The table is made from the fonts themselves."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.schema.characters import character_problem, is_drawable

ROOT = Path(__file__).resolve().parents[2]


def test_the_table_is_the_one_the_fonts_give() -> None:
    """drawable.txt is what scripts/drawable.py makes from templates/fonts/ now
    (with fontTools, reading each font's character map)."""
    script = runpy.run_path(str(ROOT / "scripts" / "drawable.py"))
    shipped = (ROOT / "src/scorecard/data/schema/drawable.txt").read_text(encoding="ascii")
    assert shipped == script["table"](), "run: python scripts/drawable.py"


@pytest.mark.parametrize("text", [
    "Zoë Müller", "Łódź, İstanbul, Ærøskøbing", "Straße", "Ελληνικά", "Россия",
    "株式会社", "中文 繁體", "ひらがな カタカナ", "한국어", "€ £ ¥ ₹ — “quoted” • ½ ✓ →",
    "two\nlines\tand a tab",
])
def test_what_people_write_can_be_shown(text: str) -> None:
    assert character_problem(text) is None


def test_an_emoji_cannot_be_drawn() -> None:
    assert character_problem("Great work 😀") == (
        "the documents' fonts cannot draw '😀' (U+1F600 GRINNING FACE) at character 12 of "
        "the text",
        "Leave it out or write it in words; the fonts draw Latin, Greek, Cyrillic, Chinese, "
        "Japanese and Korean letters and the usual signs.",
    )


@pytest.mark.parametrize("char", ["\x00", "\x02", "\x03", "\x07", "\x1b", "\r", "\x7f", "\x85"])
def test_control_characters_are_refused(char: str) -> None:
    problem = character_problem(f"a{char}b")
    assert problem is not None
    assert problem[0].startswith(f"the text holds a control character (U+{ord(char):04X}")
    assert "at character 2 of the text" in problem[0]


@pytest.mark.parametrize("cp", [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                                0x2068, 0x2069])
def test_characters_that_reorder_text_are_refused(cp: int) -> None:
    problem = character_problem(f"ok\nev{chr(cp)}il")
    assert problem is not None
    assert "at character 6 of the text, on its line 2, which would make the text around it " \
        "read in another order" in problem[0]


def test_private_and_unassigned_code_points_are_named_not_echoed() -> None:
    for cp in (0xFDD0, 0x10FFFF, 0xF0000):
        problem = character_problem(f"x{chr(cp)}")
        assert problem is not None
        assert chr(cp) not in problem[0]
        assert f"U+{cp:04X}" in problem[0]


def test_is_drawable_at_the_edges_of_ranges() -> None:
    assert is_drawable(" ") and is_drawable("~") and is_drawable("\xa0")
    assert not is_drawable("\x1f") and not is_drawable("\x9f")


# --- in validate, at the value's place ------------------------------------------

E = "evaluations/"
Q3 = "records/acme/2026-Q3.yaml"
ACME = "providers/acme.yaml"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataFolder:
    monkeypatch.chdir(tmp_path)
    return DataFolder(tmp_path)


def test_a_control_character_in_a_name_is_refused_at_its_place(data: DataFolder) -> None:
    # what looks like Python-Markdown's placeholder, written with YAML escapes
    data.edit(ACME, "name: Acme Managed IT Ltd", 'name: "Acme \\x02klzzwxh:0000\\x03 Ltd"')
    # "name: " is 6 characters, so the value starts at column 7
    assert data.problems() == [(
        E + ACME + ":2:7",
        "name: the text holds a control character (U+0002) at character 6 of the text; "
        "documents cannot show it. Remove it (in double quotes, escapes such as \\a, \\x07 or "
        "\\u0007 write such characters).",
    )]


def test_an_emoji_in_a_summary_is_refused_at_its_place(data: DataFolder) -> None:
    data.write(Q3, (data.path(Q3).read_text(encoding="utf-8")
                    + "summary: |\n  A good quarter.\n  Thanks 🎉 team\n"))
    # the summary is on line 16; its place is that of the value, the | in column 10
    assert data.problems() == [(
        E + Q3 + ":16:10",
        "summary: the documents' fonts cannot draw '🎉' (U+1F389 PARTY POPPER) at character "
        "24 of the text, on its line 2. Leave it out or write it in words; the fonts draw "
        "Latin, Greek, Cyrillic, Chinese, Japanese and Korean letters and the usual signs.",
    )]


def test_an_evaluator_name_with_a_reordering_character_is_refused(data: DataFolder) -> None:
    data.edit(Q3, "fix-quality: {Priya Shah: 4, Tom Berg: 3}",
              'fix-quality: {Priya Shah: 4, "Tom\\u202eBerg": 3}')
    data.edit(Q3, "evaluators: [Priya Shah, Tom Berg]",
              'evaluators: [Priya Shah, "Tom\\u202eBerg"]')
    problems = data.problems()
    # in the list (line 5, "evaluators: [Priya Shah, " is 25 characters) and as a key
    # (line 9, "  fix-quality: {Priya Shah: 4, " is 31 characters)
    assert [where for where, _ in problems] == [E + Q3 + ":5:26", E + Q3 + ":9:32"]
    assert all("U+202E RIGHT-TO-LEFT OVERRIDE at character 4 of the text" in text
               for _, text in problems)


def test_text_longer_than_twenty_thousand_characters_is_refused(data: DataFolder) -> None:
    data.write(Q3, data.path(Q3).read_text(encoding="utf-8") + "internal: " + "a" * 20_001
               + "\n")
    assert data.problems() == [(
        E + Q3 + ":16:11",
        "internal: expected text of at most 20,000 characters, found 20,001. Shorten it, or "
        "keep the long version elsewhere and link to it.",
    )]


def test_names_in_any_script_the_fonts_draw_are_valid(data: DataFolder) -> None:
    data.edit(ACME, "name: Acme Managed IT Ltd", "name: 株式会社アクメ (Zoë Müller GmbH)")
    data.edit(Q3, "lead: Priya Shah", "lead: 김민준")
    assert data.problems() == []
