"""Any text a form can hold is written so that it reads back as written, or refused with
a FormError; never another error, never a changed rest of the record (derandomized,
so CI sees the same examples every run)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.authoring.forms.edit import apply_edits
from scorecard.authoring.forms.read import FormError
from scorecard.authoring.forms.values import parse_value
from scorecard.data.yaml.reader import parse_text

RECORD = ("provider: acme  # ours\nlead: Priya Shah\nscores:\n  availability: 99.5\n"
          "  fix: {Priya Shah: 4}\nnotes:\n  availability: |\n    Two lines\n    here.\n"
          "summary: Short.\n")
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["note.availability", "note.new", "summary", "reply",
                              "internal"]))
def test_any_text_reads_back_as_written_or_is_refused(text: str, name: str) -> None:
    value = parse_value(name, text)
    if value is None:
        return
    path = {"note.availability": ("notes", "availability"), "note.new": ("notes", "new"),
            "summary": ("summary",), "reply": ("provider_response",),
            "internal": ("internal",)}[name]
    try:
        new = apply_edits(RECORD, [(path, value)], "Priya Shah")
    except FormError:
        return
    read = parse_text(new).value
    node = read
    for part in path:
        node = node[part]
    assert node.rstrip("\n") == value.rstrip("\n")
    assert new.startswith("provider: acme  # ours\nlead: Priya Shah\nscores:\n  availability: "
                          "99.5\n  fix: {Priya Shah: 4}\n")
