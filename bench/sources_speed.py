"""How fast are figures computed from a large source file, next to DuckDB?

Generates a data folder whose one record (provider ``bigdesk``, September 2026)
has a ServiceNow-shaped ticket export of ``--rows`` rows (default 1,000,000;
14 columns, of which the programme names 5; a few per cent opened in August,
a few still open), then measures, each in a fresh subprocess:

- ours: ``scorecard.data.load.load`` of the folder: reading the file (only the
  named columns), checking every row (timestamps, order, duplicate ids) and
  working out the record's figures (median resolution, share resolved within 4h,
  both on the clock; and p90 and share-within in business hours, which DuckDB
  is not asked for);
- DuckDB: the same median and share-within, in SQL, from the same CSV file;
- ``scorecard validate`` over the folder, the whole command.

It prints each time, the ratio ours / DuckDB, each process's peak memory (max
RSS) and both pairs of figures, which must agree to 0.01. Run::

    .venv/bin/python -m pip install -e '.[bench]'   # or: uv pip install duckdb
    .venv/bin/python bench/sources_speed.py [--rows 1000000] [--json]

Not part of the test suite. The machine may be shared: compare ratios taken in
one run, and note the load (printed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

PROGRAMME = """\
organisation: Bench Org
cadence: monthly
calendars:
  office: {timezone: Europe/Amsterdam, hours: "Mon-Fri 08:00-18:00", holidays: NL}
sources:
  tickets: {kind: tickets, preset: servicenow}
categories:
  - id: service
    name: Service
    criteria:
      - id: resolution-median
        name: Median resolution time
        measure:
          unit: minutes
          target: 240
          better: lower
          from: {source: tickets, median: {from: opened, to: resolved}}
      - id: resolved-4h
        name: Resolved within 4 hours
        measure:
          unit: "%"
          target: 80
          better: higher
          from: {source: tickets, share_within: {from: opened, to: resolved, limit: 4h}}
      - id: resolution-p90-office
        name: Resolution p90 in office hours
        measure:
          unit: hours
          target: 16
          better: lower
          from: {source: tickets, p90: {calendar: office}}
      - id: p1-in-4h-office
        name: Urgent resolved within 4 office hours
        measure:
          unit: "%"
          target: 95
          better: higher
          from:
            source: tickets
            where: {priority: ["1 - Critical"]}
            share_within: {limit: 4h, calendar: office}
"""

PROVIDER = "id: bigdesk\nname: Big Desk Ltd\nlead: Priya Shah\n"
RECORD = "provider: bigdesk\nperiod: 2026-09\nevaluated: 2026-10-05\nlead: Priya Shah\n"
HEADER = ("number,short_description,caller_id,opened_at,resolved_at,priority,state,category,"
          "assignment_group,assigned_to,business_service,contact_type,impact,urgency\n")
START = datetime(2026, 9, 1, tzinfo=UTC)
END = datetime(2026, 10, 1, tzinfo=UTC)
PRIORITIES = ("1 - Critical", "2 - High", "3 - Moderate", "4 - Low")


def _stamp(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S")


def generate(root: Path, rows: int, seed: int = 7) -> Path:
    """The data folder ``root/evaluations`` with a ``rows``-row ticket export."""
    rng = random.Random(seed)
    data = root / "evaluations"
    for rel, text in (("scorecard.yaml", PROGRAMME), ("providers/bigdesk.yaml", PROVIDER),
                      ("records/bigdesk/2026-09.yaml", RECORD)):
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(text, encoding="utf-8")
    path = data / "sources/bigdesk/2026-09/tickets.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    span = int((END - START).total_seconds())
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for i in range(rows):
            opened = START + timedelta(seconds=rng.randrange(-3 * 86400, span))
            minutes = rng.lognormvariate(5.0, 1.1)
            resolved = "" if rng.random() < 0.02 else _stamp(opened + timedelta(minutes=minutes))
            out.write(f"INC{i:08d},Ticket {i} about something,user{i % 5000}@example.com,"
                      f"{_stamp(opened)},{resolved},{rng.choice(PRIORITIES)},Resolved,Software,"
                      f"Service Desk,agent{i % 300},Email,Phone,2,3\n")
    return data


DUCKDB_SQL = """
WITH t AS (
  SELECT CAST(opened_at AS TIMESTAMP) AS o, CAST(resolved_at AS TIMESTAMP) AS r
  FROM read_csv('{path}', all_varchar = true, header = true)
), p AS (
  SELECT o, r, (epoch(coalesce(r, TIMESTAMP '2026-10-01 00:00:00')) - epoch(o)) / 60.0 AS m
  FROM t WHERE o >= TIMESTAMP '2026-09-01 00:00:00' AND o < TIMESTAMP '2026-10-01 00:00:00'
)
SELECT
  (SELECT median(m) FROM p WHERE r IS NOT NULL) AS median,
  (SELECT 100.0 * count(*) FILTER (WHERE r IS NOT NULL AND m <= 240)
          / count(*) FILTER (WHERE r IS NOT NULL OR m > 240) FROM p) AS share
"""


def _child(mode: str, data: Path) -> dict[str, Any]:
    """One side's figures, timed from after its libraries are imported."""
    if mode == "ours":
        import holidays.countries  # noqa: F401  (imported on first use; Python's, not ours)

        from scorecard.data.load import load

        began = time.perf_counter()
        dataset, problems = load(data, today=datetime(2026, 11, 1).date())
        assert dataset is not None, [p.text() for p in problems]
        computed = dataset.records["bigdesk"][0].computed
        figures = {"median": computed["resolution-median"].value,
                   "share": computed["resolved-4h"].value,
                   "p90_office_hours": computed["resolution-p90-office"].value,
                   "p1_in_4h_office": computed["p1-in-4h-office"].value}
    else:
        import duckdb

        began = time.perf_counter()
        path = data / "sources/bigdesk/2026-09/tickets.csv"
        (row,) = duckdb.connect().execute(DUCKDB_SQL.format(path=path)).fetchall()
        figures = {"median": float(row[0]), "share": float(row[1])}
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB on Linux
    return {"seconds": seconds, "figures": figures, "peak_mib": peak}


def _run_child(mode: str, data: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(data)],
                          capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _validate(data: Path) -> dict[str, Any]:
    scorecard = Path(sys.executable).with_name("scorecard")
    began = time.perf_counter()
    done = subprocess.run([str(scorecard), "validate", "--data", str(data)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": seconds, "exit": done.returncode, "peak_mib_children": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DATA"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child[0], Path(args.child[1]))))
        return
    with tempfile.TemporaryDirectory(prefix="sources-speed-") as tmp:
        data = generate(Path(tmp), args.rows)
        size = (data / "sources/bigdesk/2026-09/tickets.csv").stat().st_size
        duck = _run_child("duckdb", data)  # DuckDB first: the file is then in the page cache
        ours = _run_child("ours", data)
        validate = _validate(data)
    agree = all(abs(ours["figures"][k] - duck["figures"][k]) <= 0.01 for k in ("median", "share"))
    report = {
        "rows": args.rows, "file_mib": round(size / 2**20, 1), "load": os.getloadavg()[0],
        "ours_s": round(ours["seconds"], 3), "duckdb_s": round(duck["seconds"], 3),
        "ratio": round(ours["seconds"] / duck["seconds"], 2),
        "validate_s": round(validate["seconds"], 3), "validate_exit": validate["exit"],
        "ours_peak_mib": round(ours["peak_mib"]), "duckdb_peak_mib": round(duck["peak_mib"]),
        "validate_peak_mib": round(validate["peak_mib_children"]),
        "ours": ours["figures"], "duckdb": {k: round(v, 4) for k, v in duck["figures"].items()},
        "agree_to_0.01": agree,
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.rows:,} rows, {report['file_mib']} MiB CSV, load average {report['load']:.2f}")
    print(f"  ours (read, check, figures)  {report['ours_s']:8.3f} s   peak "
          f"{report['ours_peak_mib']} MiB")
    print(f"  DuckDB (median, share, SQL)  {report['duckdb_s']:8.3f} s   peak "
          f"{report['duckdb_peak_mib']} MiB")
    print(f"  ratio ours / DuckDB          {report['ratio']:8.2f}")
    print(f"  scorecard validate (command) {report['validate_s']:8.3f} s   peak "
          f"{report['validate_peak_mib']} MiB   exit {report['validate_exit']}")
    print(f"  figures ours   {report['ours']}")
    print(f"  figures DuckDB {report['duckdb']}   agree to 0.01: {agree}")


if __name__ == "__main__":
    main()
