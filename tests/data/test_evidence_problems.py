"""Bad source files and bad evidence settings: every problem at its file and line,
all in one run, exit 1 and never a traceback."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from evidence_folder import PROGRAMME, RECORD, TICKETS, make
from scorecard.cli import cli
from scorecard.data.load import load

TODAY = date(2026, 2, 1)
SRC = "evaluations/sources/acme/2025-12"


def _problems(folder: Path) -> list[tuple[str, str]]:
    dataset, problems = load(folder, today=TODAY)
    if any(p.severity == "error" for p in problems):
        assert dataset is None
    return [(str(p.location).removeprefix(str(folder.parent) + "/"), p.text()) for p in problems]


def _with(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_every_bad_row_is_located_in_one_run(tmp_path: Path) -> None:
    tickets = TICKETS
    tickets = _with(tickets, "2025-12-05 17:30,", "5th of December,")  # line 2: no timestamp
    tickets = _with(tickets, "2025-12-24 16:30,2025-12-29 09:00",
                    "2025-12-24 16:30,2025-12-23 09:00")  # line 3: resolved before opened
    tickets = _with(tickets, "INC6,", "INC3,")  # line 7: a second INC3 (first on line 4)
    tickets = _with(tickets, ",150,", ",lots,")  # line 4: paused is not a number
    found = _problems(make(tmp_path, tickets=tickets))
    where = [w for w, _ in found]
    assert f"{SRC}/tickets.csv:2:1" in where
    assert any(w == f"{SRC}/tickets.csv:3:1" and "resolved (resolved_at) is before opened" in t
               for w, t in found)
    assert any(w == f"{SRC}/tickets.csv:7:1" and "'INC3 (first on line 4)'" in t
               for w, t in found)
    assert any(w == f"{SRC}/tickets.csv:4:1" and "'lots'" in t and "minutes" in t
               for w, t in found)
    text = dict(found)[f"{SRC}/tickets.csv:2:1"]
    assert "'5th of December' in the column 'opened_at' (opened) is not a date and time" in text
    assert "ISO 8601" in text


def test_a_missing_column_says_did_you_mean(tmp_path: Path) -> None:
    tickets = TICKETS.replace("resolved_at", "resolved_on", 1)
    found = _problems(make(tmp_path, tickets=tickets))
    (line,) = [t for w, t in found if w == f"{SRC}/tickets.csv:1:1"]
    assert "no column named 'resolved_at'" in line
    assert "did you mean 'resolved_on'?" in line.lower()


def test_unknown_source_calendar_country_zone_and_wrong_units(tmp_path: Path) -> None:
    programme = PROGRAMME
    programme = _with(programme, "holidays: NL", "holidays: XX")
    programme = _with(programme, "timezone: Europe/Amsterdam\n    hours",
                      "timezone: Europe/Amsterdm\n    hours")
    programme = _with(programme, "limit: 4h, calendar: office}", "limit: 4h, calendar: ofice}")
    programme = _with(programme, "from: {source: tickets, median:",
                      "from: {source: tickest, median:")
    programme = _with(programme, "unit: hours\n          target: 8",
                      "unit: \"%\"\n          target: 8")
    found = _problems(make(tmp_path, programme=programme))
    texts = " | ".join(t for _, t in found)
    assert "'XX' is not a country the holidays library knows" in texts
    assert "no time zone called 'Europe/Amsterdm'" in texts and "'Europe/Amsterdam'?" in texts
    assert "no calendar called 'ofice'" in texts and "'office'?" in texts
    assert "no source called 'tickest'" in texts and "'tickets'?" in texts
    assert "p90 gives a duration, so the unit must be minutes, hours or days" in texts
    # each at its line in scorecard.yaml
    lines = {w for w, _ in found}
    assert all(w.startswith("evaluations/scorecard.yaml:") for w in lines)


def test_a_typed_value_for_a_computed_criterion_is_an_error_at_its_line(tmp_path: Path) -> None:
    record = RECORD + "  p1-in-4h: 99\n"
    found = _problems(make(tmp_path, record=record))
    assert ("evaluations/records/acme/2025-12.yaml:7:13",
            "scores.p1-in-4h: p1-in-4h is computed from sources/acme/2025-12/tickets.csv, so the "
            "record must not give its value. Remove this line; the figure comes from the file."
            ) in found


def test_without_the_file_the_typed_value_stands(tmp_path: Path) -> None:
    folder = make(tmp_path, record=RECORD + "  p1-in-4h: 99\n", outages=None)
    (folder / "sources/acme/2025-12/tickets.csv").unlink()
    dataset, problems = load(folder, today=TODAY)
    assert dataset is not None, problems
    assert dataset.records["acme"][0].scores["p1-in-4h"].value == 99.0  # type: ignore[union-attr]


def test_a_reported_file_and_the_same_figure_in_the_record(tmp_path: Path) -> None:
    programme = _with(PROGRAMME, "  outages:\n",
                      "  provider-figures: {kind: reported}\n  outages:\n")
    record = RECORD + "reported:\n  availability: 99.95\n"
    folder = make(tmp_path, programme=programme, record=record)
    (folder / "sources/acme/2025-12/provider-figures.csv").write_text(
        "criterion,value\navailability,99.97\np1-in-4h,98\navailabilty,1\n", encoding="utf-8")
    found = _problems(folder)
    assert any(w == "evaluations/records/acme/2025-12.yaml:8:17" and "also in" in t
               for w, t in found)
    assert any(w == f"{SRC}/provider-figures.csv:4:1" and "'availability'?" in t
               for w, t in found)


def test_a_reported_file_gives_the_records_reported_figures(tmp_path: Path) -> None:
    programme = _with(PROGRAMME, "  outages:\n",
                      "  provider-figures: {kind: reported}\n  outages:\n")
    folder = make(tmp_path, programme=programme)
    (folder / "sources/acme/2025-12/provider-figures.csv").write_text(
        "criterion,value\navailability,99.97\np1-in-4h,98\n", encoding="utf-8")
    dataset, problems = load(folder, today=TODAY)
    assert dataset is not None, problems
    assert dict(dataset.records["acme"][0].reported) == {"availability": 99.97, "p1-in-4h": 98.0}


def test_a_reported_file_s_figures_must_be_plausible_as_the_record_s_must(
        tmp_path: Path) -> None:
    """A provider's figure read from its file gets the checks one typed in the record
    gets (format.md v1.2, plausible values): inside the criterion's range, and not a
    fraction where a percentage is meant, each at its row."""
    programme = _with(PROGRAMME, "  outages:\n",
                      "  provider-figures: {kind: reported}\n  outages:\n")
    programme = _with(programme, "          target: 95\n",
                      "          target: 95\n          min: 0\n          max: 100\n")
    folder = make(tmp_path, programme=programme)
    (folder / "sources/acme/2025-12/provider-figures.csv").write_text(
        "criterion,value\navailability,0.9997\np1-in-4h,180\n", encoding="utf-8")
    found = _problems(folder)
    fraction = [t for w, t in found if w == f"{SRC}/provider-figures.csv:2:1"]
    assert len(fraction) == 1 and "looks like a fraction" in fraction[0]
    assert "did you mean 99.97?" in fraction[0]
    outside = [t for w, t in found if w == f"{SRC}/provider-figures.csv:3:1"]
    assert len(outside) == 1
    assert "expected a value from 0 to 100 (%), the plausible range of p1-in-4h" in outside[0]
    assert "found 180" in outside[0]


def test_a_linked_source_file_is_an_error_and_never_followed(tmp_path: Path) -> None:
    folder = make(tmp_path)
    target = tmp_path / "elsewhere.csv"
    target.write_text(TICKETS, encoding="utf-8")
    path = folder / "sources/acme/2025-12/tickets.csv"
    path.unlink()
    os.symlink(target, path)
    found = _problems(folder)
    assert any(w == f"{SRC}/tickets.csv" and "symbolic link" in t for w, t in found)


def test_control_characters_in_a_cell_are_shown_escaped(tmp_path: Path) -> None:
    tickets = _with(TICKETS, "2025-12-05 17:30,", "\x1b[31mred\x1b[0m,")
    found = _problems(make(tmp_path, tickets=tickets))
    text = dict(found)[f"{SRC}/tickets.csv:2:1"]
    assert "\x1b" not in text and "\\x1b[31mred" in text


def test_not_csv_at_all_gets_a_problem(tmp_path: Path) -> None:
    folder = make(tmp_path, outages=None)
    (folder / "sources/acme/2025-12/tickets.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    (folder / "sources/acme/2025-12/tickets.csv").unlink()
    found = _problems(folder)
    assert any(w == f"{SRC}/tickets.xlsx" and "cannot read this file as an XLSX" in t
               for w, t in found)


def test_validate_exits_1_with_every_problem_and_no_traceback(tmp_path: Path,
                                                             monkeypatch: object) -> None:
    tickets = _with(TICKETS, "2025-12-05 17:30,", "soon,")
    tickets = _with(tickets, "INC6,", "INC1,")
    make(tmp_path, tickets=tickets)
    os.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--data", "evaluations"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"{SRC}/tickets.csv:2:1" in result.output
    assert f"{SRC}/tickets.csv:7:1" in result.output


def test_a_million_bad_rows_do_not_give_a_million_lines(tmp_path: Path) -> None:
    header, *_ = TICKETS.splitlines()
    rows = [f"X{i},d,e,1,never,,,," for i in range(500)]
    found = _problems(make(tmp_path, tickets="\n".join([header, *rows]) + "\n"))
    bad = [t for w, t in found if "never" in t or "more rows like" in t]
    assert len(bad) == 21  # 20 located, then one line: 480 more
    assert any("480 more rows like the ones above" in t for t in bad)


def test_a_source_file_over_the_limit_is_not_read_and_says_so(tmp_path: Path,
                                                              monkeypatch: object) -> None:
    import pytest

    import scorecard.data.entries as entries

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    monkeypatch.setattr(entries, "MAX_SOURCE_BYTES", 200)  # the tickets file is about 1 KB
    found = _problems(make(tmp_path))
    (text,) = [t for w, t in found if w == f"{SRC}/tickets.csv"]
    assert "are not read" in text


def test_a_programme_mistake_and_bad_rows_in_one_run(tmp_path: Path) -> None:
    # a calendar named wrongly stops the figures, not the checking of the rows
    programme = _with(PROGRAMME, "limit: 4h, calendar: office}", "limit: 4h, calendar: ofice}")
    tickets = _with(TICKETS, "2025-12-05 17:30,", "05-12-2025 17:30,")
    found = _problems(make(tmp_path, programme=programme, tickets=tickets))
    assert any("no calendar called 'ofice'" in t for _, t in found)
    assert any(w == f"{SRC}/tickets.csv:2:1" and "'05-12-2025 17:30'" in t
               and "day_first: true" in t for w, t in found)
