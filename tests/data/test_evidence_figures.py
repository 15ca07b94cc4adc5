"""Every computation of scoring.md v1.2, worked out by hand from the small exports in
tests/evidence_folder.py (December 2025; office hours Mon-Fri 08:00-18:00 in
Europe/Amsterdam, UTC+1; 24 December closed; 25 and 26 December Dutch holidays).

The tickets, in office minutes (o) and clock minutes (c); paused minutes come off:
  INC1 P1 Fri 05 17:30 -> Mon 08 08:45   o: 30 (Fri) + 45 (Mon) = 75      c: 2d 15h15m = 3795
        responded 17:40: 10 on the clock
  INC2 P1 Wed 24 16:00 -> Mon 29 09:00   o: 24th closed, 25th/26th holidays, weekend,
        Mon 08-09 = 60                   c: 4d 17h = 6780; responded 16:30: 30
  INC3 P1 Thu 11 09:00 -> 15:00, paused 150  o: 360 - 150 = 210   c: 210
        responded 09:20: 20 - 150 -> never below zero: 0
  INC4 P1 Tue 30 09:00, still open       to the period's end: 540 (Tue) + 600 (Wed 31) = 1140
        responded 09:05: 5
  INC5 P1 Wed 31 16:30, still open       to the period's end: 90; responded 16:50: 20
  INC6 P2 Tue 02 10:00 -> 12:00          o: 120   c: 120; responded 10:45: 45
  INC7 opened 30 November: another period; INC8 opened 1 January 00:15 local
        (31 December 23:15 UTC): another period, in the calendar's zone.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from evidence_folder import OUTAGES, TICKETS, make
from scorecard.data.evidence.figures import Computed
from scorecard.data.load import load
from scorecard.data.model import Measured, Record

TODAY = date(2026, 2, 1)


def _record(folder: Path, ref: str | None = None) -> Record:
    dataset, problems = load(folder, ref=ref, today=None if ref else TODAY)
    assert dataset is not None, [str(p.location) + " " + p.text() for p in problems]
    (record,) = dataset.records["acme"]
    return record


@pytest.fixture
def record(tmp_path: Path) -> Record:
    return _record(make(tmp_path))


def _c(record: Record, cid: str) -> Computed:
    return record.computed[cid]


def test_share_within_business_hours_weekend_holiday_pause_and_still_open(record: Record) -> None:
    # P1 rows opened in December: INC1 75, INC2 60, INC3 210 are within 240 minutes;
    # INC4 is still open and already 1140 > 240: a miss, counted; INC5 still open at 90:
    # left out. 3 within of 4 counted = 75.00 %
    c = _c(record, "p1-in-4h")
    assert (c.value, c.counted, dict(c.left_out)) == (75.0, 4, {"still open": 1})
    assert record.scores["p1-in-4h"] == Measured(75.0)
    # the row behind the miss: its id and times only
    (miss,) = c.misses
    assert (miss.row_id, miss.start, miss.end, miss.duration, miss.limit) == (
        "INC4", "2025-12-30T08:00:00Z", "", "1140", "4h")


def test_median_and_mean_on_the_clock_with_a_paused_ticket(record: Record) -> None:
    # responses 10, 30, 0, 5, 20, 45 -> sorted 0 5 10 20 30 45: median (10 + 20) / 2 = 15
    # mean 110 / 6 = 18.333... kept as 18.33
    assert _c(record, "response-median").value == 15.0
    assert _c(record, "response-mean").value == 18.33
    assert _c(record, "response-mean").counted == 6
    # 15 is the target (lower is better): not a miss, so no rows behind it
    assert _c(record, "response-median").misses == ()


def test_p90_in_business_hours_and_mean_and_max_on_the_clock(record: Record) -> None:
    # resolved: office minutes 75, 60, 210, 120 -> rank ceil(0.9 x 4) = 4 -> 210 min = 3.5 h
    p90 = _c(record, "resolve-p90")
    assert (p90.value, p90.counted, dict(p90.left_out)) == (3.5, 4, {"still open": 2})
    # clock: (3795 + 6780 + 210 + 120) / 4 = 10905 / 4 = 2726.25 minutes
    assert _c(record, "resolve-mean").value == 2726.25
    # max 6780 minutes = 4.708333 days -> 4.71
    assert _c(record, "resolve-max").value == 4.71


def test_count_where_and_share_true(record: Record) -> None:
    # priority 2 in December: INC6 only
    assert _c(record, "p2-count").value == 1.0
    # reopened among the 6 December rows: yes, TRUE, 1 are true; no, "", 0 are not: 3/6
    c = _c(record, "reopened")
    assert c.value == 50.0
    # 50 % misses the 10 % target (lower is better): the rows where it is not true
    assert sorted(m.row_id for m in c.misses) == ["INC2", "INC3", "INC5"]


def test_availability_on_the_clock(record: Record) -> None:
    # T = 31 x 1440 = 44640. Planned: O3 240 + O9 120 = M 360.
    # Unplanned, merged, clipped, outside planned: O1+O2 10:00-13:00 = 180; O4 05-07 less
    # the planned 05-06 = 60; O5 clipped at 1 December 00:00 = 60; O6 clipped at
    # 1 January 00:00 = 30; O8 = 90; O7 is in November. D = 420.
    # 100 x (44640 - 360 - 420) / (44640 - 360) = 100 x 43860 / 44280 = 99.0515 -> 99.05
    c = _c(record, "availability")
    assert (c.value, c.counted) == (99.05, 8)
    assert [m.row_id for m in c.misses] == ["O5", "O1", "O2", "O8", "O4", "O6"]
    assert {m.row_id: m.duration for m in c.misses}["O4"] == "60"


def test_availability_in_office_hours(record: Record) -> None:
    # open days: 23 weekdays less 24 (closed), 25 and 26 (holidays) = 20 x 600 = T 12000.
    # Local time is UTC+1: O1, O2, O3, O4 fall on Saturdays, O5 before 08:00, O6 in
    # January; O8 Tue 9 10:00-11:30 = 90 unplanned; O9 Tue 16 17:00-19:00 planned: 60.
    # 100 x (12000 - 60 - 90) / (12000 - 60) = 100 x 11850 / 11940 = 99.2462 -> 99.25
    assert _c(record, "office-availability").value == 99.25


def test_provenance_counts_and_hash(record: Record, tmp_path: Path) -> None:
    import hashlib

    c = _c(record, "p1-in-4h")
    data = (tmp_path / "evaluations/sources/acme/2025-12/tickets.csv").read_bytes()
    assert c.provenance() == {"file": "tickets.csv", "sha256": hashlib.sha256(data).hexdigest(),
                              "rows": 8, "counted": 4, "left_out": {"still open": 1}}


def _xlsx(csv_text: str) -> bytes:
    """The CSV's rows in a real workbook, timestamps as text in the first sheet."""
    import io

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for line in csv_text.splitlines():
        sheet.append([int(x) if x.isdigit() else x for x in line.split(",")])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_reads_the_same_as_its_csv_twin(tmp_path: Path) -> None:
    from_csv = _record(make(tmp_path / "csv"))
    folder = make(tmp_path / "xlsx", tickets=b"", outages=None)
    (folder / "sources/acme/2025-12/tickets.csv").unlink()
    (folder / "sources/acme/2025-12/tickets.xlsx").write_bytes(_xlsx(TICKETS))
    (folder / "sources/acme/2025-12/outages.xlsx").write_bytes(_xlsx(OUTAGES))
    from_xlsx = _record(folder)
    for cid, c in from_csv.computed.items():
        x = from_xlsx.computed[cid]
        assert (x.value, x.counted, x.left_out, x.misses) == \
            (c.value, c.counted, c.left_out, c.misses), cid
        assert x.file.endswith(".xlsx")


def test_xlsx_dates_stored_as_dates_read_as_their_times(tmp_path: Path) -> None:
    import io
    from datetime import datetime

    folder = make(tmp_path, outages=None)
    (folder / "sources/acme/2025-12/tickets.csv").unlink()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["number", "priority", "opened_at", "responded_at", "resolved_at",
                  "paused_min", "reopened"])
    # Fri 5 December 17:30 -> Mon 8 December 08:45 in office hours: 30 + 45 = 75 minutes
    sheet.append(["INC1", 1, datetime(2025, 12, 5, 17, 30), datetime(2025, 12, 5, 17, 40),
                  datetime(2025, 12, 8, 8, 45), None, "no"])
    out = io.BytesIO()
    book.save(out)
    (folder / "sources/acme/2025-12/tickets.xlsx").write_bytes(out.getvalue())
    record = _record(folder)
    assert record.computed["p1-in-4h"].value == 100.0
    assert record.computed["resolve-p90"].value == 1.25  # 75 minutes in hours


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
                        "GIT_AUTHOR_DATE": "2026-01-20T12:00:00Z",
                        "GIT_COMMITTER_DATE": "2026-01-20T12:00:00Z", "PATH": "/usr/bin:/bin"})


def test_a_ref_reads_the_source_files_as_committed(tmp_path: Path) -> None:
    folder = make(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "December")
    # after the commit, INC4 is resolved in the working tree: within the limit there
    path = folder / "sources/acme/2025-12/tickets.csv"
    path.write_text(TICKETS.replace("2025-12-30 09:05,,", "2025-12-30 09:05,2025-12-30 10:00,"),
                    encoding="utf-8")
    assert _record(folder).computed["p1-in-4h"].value == 100.0  # 4 of 4, INC5 left out
    assert _record(folder, ref="HEAD").computed["p1-in-4h"].value == 75.0  # as committed


def test_a_period_boundary_is_midnight_in_the_source_zone(tmp_path: Path) -> None:
    # INC8 opened at 2025-12-31T23:15:00Z, written with its zone: 1 January 00:15 in
    # Amsterdam, so not a December ticket while the source's zone is Europe/Amsterdam ...
    tickets = TICKETS.replace("2026-01-01 00:15,", "2025-12-31T23:15:00Z,")
    amsterdam = _record(make(tmp_path / "a", tickets=tickets))
    assert amsterdam.computed["reopened"].value == 50.0  # 3 of 6, as before
    # ... but it is one when the period runs in UTC (the source's zone, no calendar):
    # INC1..INC6 and INC8 (yes): 4 true of 7 = 57.142... -> 57.14
    folder = make(tmp_path / "u", tickets=tickets)
    programme = (folder / "scorecard.yaml").read_text(encoding="utf-8")
    (folder / "scorecard.yaml").write_text(
        programme.replace("    kind: tickets\n    timezone: Europe/Amsterdam\n",
                          "    kind: tickets\n    timezone: UTC\n"), encoding="utf-8")
    in_utc = _record(folder)
    assert in_utc.computed["reopened"].value == 57.14
    assert in_utc.computed["p2-count"].value == 1.0  # INC7 (30 November) stays out


def test_a_figure_that_met_its_target_has_no_rows_behind_it(tmp_path: Path) -> None:
    # with a 99 % target, 99.05 meets it: no rows, and the sentence points to no list
    from scorecard.words.evidence import source_sentences

    folder = make(tmp_path)
    programme = (folder / "scorecard.yaml").read_text(encoding="utf-8")
    (folder / "scorecard.yaml").write_text(
        programme.replace("target: 99.9\n", "target: 99\n"), encoding="utf-8")
    record = _record(folder)
    assert record.computed["availability"].misses == ()
    assert source_sentences(record)["availability"] == (
        "From 8 outages in outages.csv, in December 2025.")
    assert source_sentences(record)["p1-in-4h"].endswith(
        "The tickets behind the miss are listed in evidence.csv.")
