"""Values written into a record's YAML by position: what is written, and that every
other byte (comments, quoting, flow mappings, Windows line ends) stays as it was."""

from __future__ import annotations

import pytest

from scorecard.authoring.forms.edit import apply_edits
from scorecard.authoring.forms.read import FormError
from scorecard.authoring.forms.values import parse_value

LEAD = "Priya Shah"


def test_a_value_replaces_the_one_it_stands_for_keeping_its_comment() -> None:
    text = "scores:\n  availability: 99.5   # from the monthly report\n  p1: 40\n"
    assert apply_edits(text, [(("scores", "availability"), 99.95)], LEAD) == (
        "scores:\n  availability: 99.95   # from the monthly report\n  p1: 40\n")


def test_a_new_entry_goes_after_the_last_of_its_mapping_and_its_comment() -> None:
    text = "notes:\n  a: One.  # shared\n# the end\n"
    assert apply_edits(text, [(("notes", "b"), "Two: three")], LEAD) == (
        "notes:\n  a: One.  # shared\n  b: 'Two: three'\n# the end\n")


def test_an_entry_goes_into_a_flow_mapping_and_a_lone_rating_gains_a_second() -> None:
    text = "scores:\n  fix: {Priya Shah: 4}\n  comms: 3\n  other: null\n"
    new = apply_edits(text, [(("scores", "fix", "Tom Berg"), 2),
                             (("scores", "comms", "Tom Berg"), 5),
                             (("scores", "other", "Tom Berg"), 1)], LEAD)
    # comms: 3 was the lead's one rating; it stays hers beside Tom's
    assert new == ("scores:\n  fix: {Priya Shah: 4, Tom Berg: 2}\n"
                   "  comms: {Priya Shah: 3, Tom Berg: 5}\n  other: {Tom Berg: 1}\n")


def test_several_lines_become_a_literal_block_and_replace_one() -> None:
    text = "summary: |\n  Old words.\n  More.\ninternal: x\n"
    assert apply_edits(text, [(("summary",), "New words.\nSecond line.\n")], LEAD) == (
        "summary: |\n  New words.\n  Second line.\ninternal: x\n")


def test_windows_line_ends_and_a_missing_final_line_break() -> None:
    text = "provider: acme\r\nscores:\r\n  a: 1\r\n  b: 2"
    assert apply_edits(text, [(("scores", "c"), 3), (("reply_field",), "Yes")], LEAD) == (
        "provider: acme\r\nscores:\r\n  a: 1\r\n  b: 2\r\n  c: 3\r\nreply_field: 'Yes'\r\n")


def test_text_that_yaml_would_read_as_something_else_is_quoted() -> None:
    text = "a: 1\n"
    for words in ("yes", "1e3", "null", "2026-10-06", "- item", "#hash", " lead space"):
        new = apply_edits(text, [(("note",), words)], LEAD)
        assert new.startswith("a: 1\nnote: ")
        assert new != f"a: 1\nnote: {words}\n"


def test_a_value_under_a_list_is_refused() -> None:
    with pytest.raises(FormError):
        apply_edits("scores: [1, 2]\n", [(("scores", "a"), 1)], LEAD)


@pytest.mark.parametrize(("name", "text", "value"), [
    ("score.a", "99.95", 99.95), ("score.a", " 42 ", 42), ("reported.a", "28,5", 28.5),
    ("score.a", "-3", -3), ("rating.a", "4", 4), ("rating.a", "4 - Good", 4),
    ("note.a", "  Fine.  \r\n", "Fine."), ("summary", "One\r\ntwo\n\n", "One\ntwo\n"),
    ("note.a", "   ", None),
])
def test_form_text_into_values(name: str, text: str, value: object) -> None:
    assert parse_value(name, text) == value


@pytest.mark.parametrize(("name", "text"), [
    ("score.a", "about 40"), ("score.a", "1e999"), ("score.a", "99.9%"),
    ("rating.a", "four"), ("rating.a", "3.5"),
])
def test_form_text_that_is_not_a_value(name: str, text: str) -> None:
    with pytest.raises(ValueError, match=name):
        parse_value(name, text)
