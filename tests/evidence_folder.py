"""A small data folder with source files whose every figure is worked out by hand
(tests/data/test_evidence_figures.py has the arithmetic).

December 2025, provider acme, monthly. The office calendar is Europe/Amsterdam
(UTC+1 in December), Mon-Fri 08:00-18:00, Dutch public holidays (25 and 26
December, a Thursday and a Friday) and 24 December (a Wednesday) closed.
"""

from __future__ import annotations

from pathlib import Path

SECRET = "SECRET-CANARY-7f3a@example.com"

PROGRAMME = """\
organisation: Test Org
cadence: monthly
calendars:
  office:
    timezone: Europe/Amsterdam
    hours: "Mon-Fri 08:00-18:00"
    holidays: NL
    closed: [2025-12-24]
sources:
  tickets:
    kind: tickets
    timezone: Europe/Amsterdam
    columns: {id: number, opened: opened_at, responded: responded_at,
              resolved: resolved_at, priority: priority, paused: paused_min}
  outages:
    kind: outages
    columns: {id: ref, start: began, end: ended, planned: planned}
categories:
  - id: service
    name: Service
    criteria:
      - id: p1-in-4h
        name: Urgent tickets resolved within 4 business hours
        measure:
          unit: "%"
          target: 95
          better: higher
          from:
            source: tickets
            where: {priority: [1]}
            share_within: {from: opened, to: resolved, limit: 4h, calendar: office}
      - id: response-median
        name: Median first response
        measure:
          unit: minutes
          target: 15
          better: lower
          from: {source: tickets, median: {from: opened, to: responded}}
      - id: response-mean
        name: Mean first response
        measure:
          unit: minutes
          target: 30
          better: lower
          from: {source: tickets, mean: {from: opened, to: responded}}
      - id: resolve-p90
        name: Resolution time, 90th percentile, business hours
        measure:
          unit: hours
          target: 8
          better: lower
          from: {source: tickets, p90: {calendar: office}}
      - id: resolve-mean
        name: Mean resolution time on the clock
        measure: {unit: minutes, target: 4000, better: lower, from: {source: tickets, mean: {}}}
      - id: resolve-max
        name: Longest resolution on the clock
        measure: {unit: days, target: 5, better: lower, from: {source: tickets, max: {}}}
      - id: p2-count
        name: Priority 2 tickets
        measure:
          unit: tickets
          target: 10
          better: lower
          from: {source: tickets, where: {priority: ["2"]}, count: true}
      - id: reopened
        name: Tickets reopened
        measure:
          unit: "%"
          target: 10
          better: lower
          from: {source: tickets, share_true: reopened}
      - id: availability
        name: Availability
        measure:
          unit: "%"
          target: 99.9
          better: higher
          from: {source: outages, availability: {}}
      - id: office-availability
        name: Availability in office hours
        measure:
          unit: "%"
          target: 99.5
          better: higher
          from: {source: outages, availability: {calendar: office}}
      - id: communication
        name: Communication
"""

PROVIDER = """\
id: acme
name: Acme Managed IT Ltd
lead: Priya Shah
"""

RECORD = """\
provider: acme
period: 2025-12
evaluated: 2026-01-08
lead: Priya Shah
scores:
  communication: 4
"""

# number, opened_at, responded_at, resolved_at, priority, paused_min, reopened and two
# columns the programme never names (caller_email, short_description)
TICKETS = f"""\
number,short_description,caller_email,priority,opened_at,responded_at,resolved_at,paused_min,reopened
INC1,Printer jam,{SECRET},1,2025-12-05 17:30,2025-12-05 17:40,2025-12-08 08:45,,yes
INC2,VPN down,{SECRET},1,2025-12-24 16:00,2025-12-24 16:30,2025-12-29 09:00,,no
INC3,Mail slow,{SECRET},1,2025-12-11 09:00,2025-12-11 09:20,2025-12-11 15:00,150,
INC4,Disk full,{SECRET},1,2025-12-30 09:00,2025-12-30 09:05,,,TRUE
INC5,Login loop,{SECRET},1,2025-12-31 16:30,2025-12-31 16:50,,,0
INC6,New laptop,{SECRET},2,2025-12-02 10:00,2025-12-02 10:45,2025-12-02 12:00,,1
INC7,Old ticket,{SECRET},1,2025-11-30 10:00,2025-11-30 10:10,2025-12-01 09:00,,yes
INC8,New year,{SECRET},1,2026-01-01 00:15,2026-01-01 00:20,2026-01-05 10:00,,yes
"""

OUTAGES = f"""\
ref,began,ended,planned,notes
O1,2025-12-06T10:00:00Z,2025-12-06T12:00:00Z,no,{SECRET}
O2,2025-12-06T11:00:00Z,2025-12-06T13:00:00Z,no,overlaps O1
O3,2025-12-13T02:00:00Z,2025-12-13T06:00:00Z,yes,maintenance
O4,2025-12-13T05:00:00Z,2025-12-13T07:00:00Z,no,overran the maintenance
O5,2025-11-30T23:00:00Z,2025-12-01T01:00:00Z,no,over the start of the period
O6,2025-12-31T23:30:00Z,2026-01-01T02:00:00Z,no,over the end of the period
O7,2025-11-20T10:00:00Z,2025-11-20T11:00:00Z,no,another period
O8,2025-12-09T09:00:00Z,2025-12-09T10:30:00Z,no,a Tuesday morning
O9,2025-12-16T16:00:00Z,2025-12-16T18:00:00Z,yes,a Tuesday evening
"""


def make(root: Path, *, tickets: str | bytes = TICKETS, outages: str | None = OUTAGES,
         programme: str = PROGRAMME, record: str = RECORD) -> Path:
    """The folder ``root/evaluations``; returns it."""
    folder = root / "evaluations"
    files: dict[str, str | bytes | None] = {
        "scorecard.yaml": programme, "providers/acme.yaml": PROVIDER,
        "records/acme/2025-12.yaml": record,
        "sources/acme/2025-12/tickets.csv": tickets,
        "sources/acme/2025-12/outages.csv": outages,
    }
    for rel, content in files.items():
        if content is None:
            continue
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder
