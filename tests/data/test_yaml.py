"""Safe YAML reading: hostile input, positions, and YAML's surprises (read by
YAML 1.2's rules, as editors read them)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from datafolder import DataFolder
from scorecard.data.model import Source
from scorecard.data.yaml.document import INVALID
from scorecard.data.yaml.reader import MAX_BYTES, MAX_NODES, parse, parse_text

Q2 = "records/acme/2026-Q2.yaml"
E = "evaluations/"


def messages(text: str | bytes) -> list[tuple[int, int, str]]:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    doc = parse(data, Source("f.yaml", "f.yaml"))
    return [(p.location.line, p.location.column, p.text()) for p in doc.problems]


# --- positions ---------------------------------------------------------------


def test_every_value_item_and_key_has_its_line_and_column() -> None:
    doc = parse_text("a: 1\nb:\n  - x\n  - {c: 2}\n")
    marks = doc.source.marks
    assert marks[()] == (1, 1)
    assert marks[("a",)] == (1, 4)
    assert marks[("b",)] == (3, 3)  # the list starts at its first "-"
    assert marks[("b", 0)] == (3, 5)
    assert marks[("b", 1, "c")] == (4, 9)  # "  - {c: " is 8 characters
    assert doc.key_marks[("b", 1, "c")] == (4, 6)
    assert doc.value == {"a": 1, "b": ["x", {"c": 2}]}


# --- hostile input -------------------------------------------------------------


def test_alias_bomb_is_refused_quickly() -> None:
    # nine times nine ... ten levels deep would be 9**10 (3.5 billion) values
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghijk":
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
        previous = name
    started = time.perf_counter()
    doc = parse_text("\n".join(lines) + "\n")
    elapsed = time.perf_counter() - started
    # a hang guard, not a speed test: refused, it takes milliseconds; expanded, hours
    assert elapsed < 60.0
    assert doc.value is None
    assert [p.message for p in doc.problems] == [
        f"this file expands to more than {MAX_NODES:,} values through aliases "
        "(&anchor and *alias); it is refused"
    ]


def test_recursive_alias_is_refused() -> None:
    assert messages("a: &x [1, *x]\n") == [(
        1, 4, "a: an alias here refers to a value that contains it; such loops are refused. "
        "Remove the alias (*name).",
    )]


def test_file_that_is_not_utf8() -> None:
    # "name: Caf" then Latin-1 é (0xE9) on line 2: "name: " is 6 bytes, "Caf" 3 more
    assert messages(b"id: acme\nname: Caf\xe9\n") == [(
        2, 10, "this file is not UTF-8 text: the byte 0xE9 cannot be read. "
        "Save the file with UTF-8 encoding.",
    )]


def test_empty_file_and_comments_only() -> None:
    expected = [(1, 1, "the file is empty. "
                 "Write the fields this kind of file needs (see format.md).")]
    assert messages("") == expected
    assert messages("# nothing yet\n\n") == expected


def test_huge_file_is_refused_before_parsing() -> None:
    data = b"x: " + b"a" * MAX_BYTES + b"\n"
    started = time.perf_counter()
    doc = parse(data, Source("f.yaml", "f.yaml"))
    assert time.perf_counter() - started < 0.5
    assert doc.value is None
    assert [p.text() for p in doc.problems] == [
        "the file is 2.0 MiB; files over 2 MiB are refused. "
        "Split it, or remove large pasted content."
    ]


def test_huge_file_in_a_data_folder_is_not_even_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.write(Q2, b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    assert data.problems() == [(
        E + Q2, "the file is 3.0 MiB; files over 2 MiB are refused. "
        "Split it, or remove large pasted content.",
    )]


def test_impossible_date_is_reported_at_its_node() -> None:
    assert messages("provider: acme\nevaluated: 2026-02-30\n") == [
        (2, 12, "evaluated: 2026-02-30 is not a real day"),
    ]


def test_impossible_date_in_quotes_is_reported_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit(Q2, "evaluated: 2026-07-08", 'evaluated: "2026-02-30"')
    assert data.problems() == [(E + Q2 + ":3:12", "evaluated: 2026-02-30 is not a real day")]


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/name:os.system",
                                 "!!binary", "!!set", "!!omap", "!foo"])
def test_tags_beyond_plain_yaml_are_never_constructed(tag: str) -> None:
    doc = parse_text(f"a: {tag} x\nb: ok\n")
    assert doc.value == {"a": INVALID, "b": "ok"}
    assert [(p.location.line, p.location.column, p.message) for p in doc.problems] == [(
        1, 4, f"the tag {tag} is not allowed; only plain YAML values (text, numbers, "
        "true/false, dates, lists and mappings) are read",
    )]


def test_python_object_on_a_mapping_is_refused() -> None:
    doc = parse_text("a: !!python/object/apply:os.system {args: [echo hi]}\n")
    assert doc.value == {"a": INVALID}
    assert doc.problems[0].message.startswith("the tag !!python/object/apply:os.system")


def test_plain_tags_are_allowed() -> None:
    doc = parse_text("a: !!str 2026\nb: !!int '7'\nc: !!float 1\n")
    assert doc.problems == []
    assert doc.value == {"a": "2026", "b": 7, "c": 1.0}


def test_duplicate_key_names_the_first_line() -> None:
    assert messages("a: 1\nb: 2\na: 3\n") == [
        (3, 1, "a: a appears twice in this mapping (first on line 1). "
         "Remove one of them or merge them."),
    ]


def test_duplicate_key_inside_a_flow_mapping() -> None:
    assert messages("scores: {x: 1, x: 2}\n") == [
        (1, 16, "scores.x: x appears twice in this mapping (first on line 1). "
         "Remove one of them or merge them."),
    ]


def test_merge_keys_are_refused() -> None:
    assert messages("base: &b {a: 1}\nother:\n  <<: *b\n") == [
        (3, 3, "other: merge keys (<<) are not supported. Write the fields out in full."),
    ]


def test_tab_indentation() -> None:
    assert messages("a:\n\t- x\n") == [
        (2, 1, "YAML syntax error: a tab character. "
         "YAML indents with spaces only; replace tabs with spaces."),
    ]


def test_two_documents() -> None:
    assert messages("a: 1\n---\nb: 2\n") == [
        (2, 1, "YAML syntax error: more than one YAML document (a second ---). "
         "Keep one document per file."),
    ]


def test_control_character() -> None:
    # "a: b" then U+0007 (bell) at line 1, column 5
    assert messages("a: b\x07\n") == [
        (1, 5, "this file holds a control character (U+0007) that YAML does not allow. "
         "Delete it; it is often invisible."),
    ]


# --- YAML re-typing (YAML 1.2 rules) -------------------------------------------


@pytest.mark.parametrize(
    ("written", "described"),
    [
        ("true", "the boolean true"),
        ("FALSE", "the boolean false"),
        ("0755", "the number 755"),  # YAML 1.2: decimal (1.1 made it octal 493)
        ("0o17", "the number 15"),  # YAML 1.2's octal
        ("1.10", "the number 1.1"),
        ("null", "nothing (null)"),
        ("~", "nothing (null)"),
        ("2026-01-05", "the date 2026-01-05"),
    ],
)
def test_yaml_retyping_of_a_text_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, described: str
) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit(Q2, "lead: Priya Shah", f"lead: {written}")
    assert data.problems() == [(
        E + Q2 + ":4:7",
        f"lead: YAML read {written} as {described}; this field expects text. "
        f'Write it in quotes: "{written}".',
    )]


@pytest.mark.parametrize("written", ["no", "yes", "off", "on", "y", "N", "12:30", "1_000"])
def test_what_yaml_1_1_retyped_is_text_as_editors_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit(Q2, "lead: Priya Shah", f"lead: {written}")
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    [record] = [r for r in dataset.records["acme"] if r.period.label == "2026-Q2"]
    assert record.lead == written


def test_quoted_text_is_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit(Q2, "lead: Priya Shah", 'lead: "no"')
    data.edit("providers/acme.yaml", "lead: Priya Shah", "lead: 'no'")
    dataset, problems = data.load()
    assert problems == [] and dataset is not None
    assert dataset.records["acme"][0].lead == "no"


def test_an_empty_text_field_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit(Q2, "lead: Priya Shah", "lead:")
    assert data.problems() == [(
        E + Q2 + ":4:6", "lead: expected text, found nothing (an empty value)",
    )]


def test_yaml_retyping_of_a_score_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit(Q2, "  communication: null\n", "  communication: null\n  true: 3\n")
    assert data.problems() == [(
        E + Q2 + ":10:3",
        "scores.true: YAML read true as the boolean true; this key should be a criterion id. "
        'Write it in quotes: "true".',
    )]


def test_yaml_retyping_of_an_evaluator_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit("records/acme/2026-Q3.yaml", "Tom Berg: 3}", "False: 3}")
    # the key: column 16 + 16, as in test_validation
    assert data.problems() == [(
        E + "records/acme/2026-Q3.yaml:9:32",
        "scores.fix-quality.False: YAML read False as the boolean false; this key should be an "
        'evaluator\'s name. Write it in quotes: "False".',
    )]


def test_yearly_period_as_a_number_and_dates_as_quoted_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = DataFolder(tmp_path)
    data.edit("providers/globex.yaml", "cadence: monthly", "cadence: yearly")
    data.path("records/globex/2026-07.yaml").rename(data.path("records/globex/2026.yaml"))
    data.edit("records/globex/2026.yaml", "period: 2026-07", "period: 2026")
    dataset, problems = data.load()
    # evaluated in August 2026, before the year 2026 ended: a warning (v1.1), no error
    assert [(p.severity, p.field) for p in problems] == [("warning", "evaluated")]
    assert dataset is not None
    record = dataset.records["globex"][0]
    assert record.period.label == "2026" and record.period.cadence == "yearly"
    assert record.evaluated == date(2026, 8, 5)  # written "2026-08-05", in quotes


def test_the_pure_python_composer_gives_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import yaml

    from scorecard.data.yaml import reader

    text = "a: &x [1, *x]\nb: 2026-02-30\nc: !!binary aGk=\nd: 12:30\nd: 2\n"
    with_libyaml = messages(text)
    monkeypatch.setattr(reader, "_Loader", reader.yaml_1_2(yaml.SafeLoader))
    assert messages(text) == with_libyaml
    assert [line for line, _, _ in with_libyaml] == [1, 2, 3, 5]
