"""Write the demo's source files (evaluations/sources/...), the same bytes every run.

    .venv/bin/python scripts/demo_sources.py

- ``northgate/2026-Q3``: ``tickets.csv``, an export of our ServiceNow incident list
  (the ServiceNow preset's columns, a custom ``u_responded_at``, and columns the
  programme never reads: short description, caller, group); ``outages.csv`` from
  our monitoring; ``sla-report.csv``, the figures Northgate's own monthly SLA
  report gave (availability 99.95: it left out the storage outage of 14 August).
- ``helpwise/2026-09``: ``tickets.csv`` for September.

The figures come out exactly as the demo's records had them typed before (so the
scores stay as the README's story tells): Northgate 2026-Q3 availability 99.74,
urgent-response 24 minutes, resolved-in-time 90.1 %; Helpwise 2026-09 urgent
response 21 minutes, resolved-in-time 91 %. Each is checked at the end.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "evaluations" / "sources"
HEADER = ["number", "opened_at", "u_responded_at", "resolved_at", "priority", "state",
          "short_description", "caller_id", "assignment_group"]
SUBJECTS = ["Printer offline", "VPN drops", "Mailbox full", "Scanner not reading labels",
            "Password reset", "Slow file share", "Laptop will not boot", "Teams calls drop",
            "Warehouse terminal frozen", "Label printer jam", "Access request", "Disk alert"]
CALLERS = ["Femke Jansen", "Bram de Groot", "Lotte Visser", "Jan Smit", "Eva Mulder",
           "Daan Bos", "Noor Vos", "Sem Peters", "Julia Hendriks", "Lars Dekker"]


def _weekdays(first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _fmt(t: datetime | None) -> str:
    return "" if t is None else t.strftime("%Y-%m-%d %H:%M:%S")


def _split(total: int, n: int, low: int, high: int, rng: random.Random) -> list[int]:
    """``n`` whole minutes between low and high that add up to ``total``."""
    parts = [low] * n
    left = total - low * n
    while left > 0:
        i = rng.randrange(n)
        if parts[i] < high:
            parts[i] += 1
            left -= 1
    return parts


def tickets(prefix: str, first: date, last: date, counted: int, within: int,
            urgent_minutes: list[int], still_open: int, seed: int) -> list[list[str]]:
    """Rows of a ticket export. ``counted`` resolved tickets of which ``within`` were
    resolved within 8 office hours (opened 09:00-10:00 on a weekday, resolved the same
    day) and the rest the next weekday at 12:00 or later (over 8 office hours);
    the first ``len(urgent_minutes)`` are urgent, first answered after those minutes;
    ``still_open`` more were opened on the last weekday at 15:00 (3 office hours
    before the period ends: left out)."""
    rng = random.Random(seed)
    days = _weekdays(first, last)
    rows = []
    for i in range(counted):
        day = days[rng.randrange(len(days) - 1)]
        opened = datetime.combine(day, datetime.min.time()) + timedelta(
            hours=9, minutes=rng.randrange(60))
        if i < within:
            resolved = opened + timedelta(minutes=rng.randrange(25, 470))
        else:
            following = days[days.index(day) + 1]
            resolved = datetime.combine(following, datetime.min.time()) + timedelta(
                hours=12, minutes=rng.randrange(300))
        urgent = i % (counted // len(urgent_minutes)) == 0 and \
            i // (counted // len(urgent_minutes)) < len(urgent_minutes)
        wait = urgent_minutes[i // (counted // len(urgent_minutes))] if urgent else \
            rng.randrange(5, 90)
        responded = min(opened + timedelta(minutes=wait), resolved)
        if urgent:
            responded = opened + timedelta(minutes=wait)
            resolved = max(resolved, responded + timedelta(minutes=5))
        rows.append([opened, responded, resolved,
                     "1 - Critical" if urgent else rng.choice(["2 - High", "3 - Moderate",
                                                              "3 - Moderate", "4 - Low"])])
    for _ in range(still_open):
        opened = datetime.combine(days[-1], datetime.min.time()) + timedelta(hours=15)
        rows.append([opened, opened + timedelta(minutes=20), None, "3 - Moderate"])
    rows.sort(key=lambda r: r[0])
    return [[f"{prefix}{n:07d}", _fmt(o), _fmt(r), _fmt(s), p,
             "Resolved" if s is not None else "In Progress", rng.choice(SUBJECTS),
             rng.choice(CALLERS), "Service Desk"]
            for n, (o, r, s, p) in enumerate(rows, start=4200100)]


NORTHGATE_OUTAGES = [
    ["ref", "began", "ended", "planned", "service", "summary"],
    ["MON-2607-01", "2026-07-18T00:00:00Z", "2026-07-18T04:00:00Z", "yes", "storage",
     "Firmware maintenance window (announced)"],
    ["MON-2608-07", "2026-08-14T06:40:00Z", "2026-08-14T12:00:00Z", "no", "storage",
     "Storage array down: Rotterdam warehouse system stopped"],
    ["MON-2608-08", "2026-08-14T08:00:00Z", "2026-08-14T09:10:00Z", "no", "network",
     "SAN failover alarms during the storage outage"],
    ["MON-2609-02", "2026-09-03T13:05:00Z", "2026-09-03T13:30:00Z", "no", "network",
     "Core switch reboot"],
]

SLA_REPORT = [["criterion", "value"], ["availability", "99.95"], ["urgent-response", "14"],
              ["resolved-in-time", "96.0"]]


def _write(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(",".join(r) + "\r\n" for r in rows), encoding="utf-8")


def main() -> None:
    # Northgate, 2026-Q3: 20 urgent incidents answered in 480 minutes in all (mean 24,
    # the 50 minutes of the outage day among them); 901 of 1000 resolved in time: 90.1 %.
    rng = random.Random(2026)
    urgent = [*_split(480 - 50, 19, 8, 45, rng), 50]
    _write(ROOT / "northgate/2026-Q3/tickets.csv",
           [HEADER, *tickets("INC", date(2026, 7, 1), date(2026, 9, 30), 1000, 901, urgent,
                             3, seed=7)])
    _write(ROOT / "northgate/2026-Q3/outages.csv", NORTHGATE_OUTAGES)
    _write(ROOT / "northgate/2026-Q3/sla-report.csv", SLA_REPORT)
    # Helpwise, September 2026: 12 urgent answered in 252 minutes (mean 21); 182 of 200
    # resolved in time = 91 %.
    urgent = _split(252, 12, 9, 40, random.Random(9))
    _write(ROOT / "helpwise/2026-09/tickets.csv",
           [HEADER, *tickets("HW", date(2026, 9, 1), date(2026, 9, 30), 200, 182, urgent,
                             2, seed=11)])


if __name__ == "__main__":
    main()
