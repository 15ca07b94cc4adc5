"""A small data set, built in code, whose figures are worked out by hand below.

Shared by the narration, export and due tests. As of 2026-11-26.

Programme (quarterly, grace 30 days, min coverage 0.5, scale 1..5, bands
Strong 80 / Adequate 60 / At risk 0):

- service "Service delivery", weight 60:
  availability (%, target 99.9, floor 99.0, higher), p1-response (minutes,
  target 30, floor 120, lower), fix-quality (rated, weight 2)
- relationship "Relationship", weight 40:
  communication (rated), reports (%, target 100, higher, no floor)

acme ("Acme", lead Priya Shah), contract 2026-01-01..2026-12-31, 90 days'
notice, auto-renew -> notice deadline 2026-10-02, passed on 2026-11-26.

- 2026-Q1 (evaluated 2026-04-20): availability 99.95 -> 100 (met);
  p1-response 25 -> 100 (met); fix-quality {Priya Shah: 3} -> 100*(3-1)/4 = 50;
  communication 3 -> 50; reports 100 -> 100 (met).
  service = (100 + 100 + 2*50) / 4 = 75; relationship = (50 + 100) / 2 = 75;
  overall = (75*60 + 75*40) / 100 = 75 -> Adequate. Targets 3 of 3.
- 2026-Q2: no record -> overdue (due 2026-06-30 + 30 = 2026-07-30).
- 2026-Q3 (evaluated 2026-11-05, due 2026-10-30: 6 days late):
  availability 99.2 -> 100*(99.2-99.0)/(99.9-99.0) = 22.22 (missed by 0.7 points);
  p1-response 42 -> 100*(120-42)/(120-30) = 86.67 (missed: 12 minutes slower);
  fix-quality {Priya Shah: 4, Tom Berg: 2}: mean 3 -> 50, span 2 -> disagreement;
  communication {Priya Shah: 4, Tom Berg: 3}: mean 3.5 -> 62.5; reports null.
  service = (22.222 + 86.667 + 2*50) / 4 = 52.222; relationship = 62.5;
  overall = (52.222*60 + 62.5*40) / 100 = 31.333 + 25 = 56.333 -> At risk;
  coverage = (60 * 4/4 + 40 * 1/2) / 100 = 0.8; trend = 56.333 - 75 = -18.667.
  Targets 0 of 2. Services used: desk, network of desk, backup, network.
- Actions: a-1 open, due 2026-09-30 (overdue); a-2 done in 21 days
  (2026-05-01 -> 2026-05-22); a-3 done in 10 days (2026-08-01 -> 2026-08-11):
  median 15.5; a-4 idea proposed; a-5 idea adopted.
- Exit plan drafted, reviewed 2025-06-01: more than 365 days before -> stale.

globex ("Globex Services", no lead), contract 2026-04-01..2027-03-31, 60 days'
notice, no auto-renew -> deadline 2027-01-30, 65 days away -> decision due.

- 2026-Q2 (evaluated 2026-07-15 by Tom Berg): everything met or 5 -> 100 -> Strong.
- 2026-Q3 (evaluated 2026-10-20 by Tom Berg): availability 99.95, p1-response 20,
  fix-quality 4 -> 75, communication 4 -> 75, reports 100:
  service = (100 + 100 + 2*75) / 4 = 87.5; relationship = (75 + 100) / 2 = 87.5;
  overall 87.5 -> Strong; trend 87.5 - 100 = -12.5.
- Actions: g-1 open, due 2026-12-10 (14 days away).

Ranking by latest overall: globex (87.5) 1st, acme (56.333) 2nd, both in
"Managed infrastructure".
"""

from __future__ import annotations

from datetime import date

from scorecard.data.model import (
    DEFAULT_SCALE_LABELS,
    Action,
    Band,
    Category,
    Contract,
    Criterion,
    Dataset,
    ExitPlan,
    Measure,
    Measured,
    Programme,
    Provider,
    Rated,
    Record,
    Scale,
    Service,
)
from scorecard.data.periods import Period
from scorecard.figures.compute import compute
from scorecard.figures.results import Portfolio

AS_OF = date(2026, 11, 26)


def q(year: int, index: int) -> Period:
    return Period(year, index, "quarterly")


def programme() -> Programme:
    service = Category(
        "service",
        "Service delivery",
        60,
        (
            Criterion("availability", "Availability", "service",
                      measure=Measure("%", 99.9, "higher", floor=99.0)),
            Criterion("p1-response", "First response to urgent tickets", "service",
                      measure=Measure("minutes", 30, "lower", floor=120)),
            Criterion("fix-quality", "Quality of fixes", "service", weight=2),
        ),
    )
    relationship = Category(
        "relationship",
        "Relationship",
        40,
        (
            Criterion("communication", "Communication", "relationship"),
            Criterion("reports", "Monthly reports on time", "relationship",
                      measure=Measure("%", 100, "higher")),
        ),
    )
    return Programme(
        organisation="Test Org",
        categories=(service, relationship),
        cadence="quarterly",
        grace_days=30,
        min_coverage=0.5,
        scale=Scale(1, 5, DEFAULT_SCALE_LABELS),
        bands=(Band("Strong", 80), Band("Adequate", 60), Band("At risk", 0)),
    )


def acme() -> Provider:
    return Provider(
        id="acme",
        name="Acme Managed IT Ltd",
        short_name="Acme",
        service_area="Managed infrastructure",
        lead="Priya Shah",
        services=(
            Service("desk", "Service desk"),
            Service("backup", "Backup and recovery"),
            Service("network", "Network"),
        ),
        contract=Contract(
            start=date(2026, 1, 1), end=date(2026, 12, 31), notice_days=90, auto_renew=True
        ),
        exit_plan=ExitPlan(status="drafted", reviewed=date(2025, 6, 1)),
        actions=(
            Action("a-1", "deficiency", "Weekend on-call cover", date(2026, 7, 10), "open",
                   owner="provider", due=date(2026, 9, 30)),
            Action("a-2", "deficiency", "Patch reports", date(2026, 5, 1), "done",
                   due=date(2026, 6, 1), closed=date(2026, 5, 22)),
            Action("a-3", "deficiency", "Backup alerts", date(2026, 8, 1), "done",
                   closed=date(2026, 8, 11)),
            Action("a-4", "idea", "Self-service password reset", date(2026, 9, 1), "proposed"),
            Action("a-5", "idea", "Shared status page", date(2026, 3, 1), "adopted",
                   closed=date(2026, 4, 1)),
        ),
    )


def globex() -> Provider:
    return Provider(
        id="globex",
        name="Globex Services",
        service_area="Managed infrastructure",
        contract=Contract(
            start=date(2026, 4, 1), end=date(2027, 3, 31), notice_days=60, auto_renew=False
        ),
        actions=(
            Action("g-1", "deficiency", "Asset list", date(2026, 10, 1), "open",
                   owner="us", due=date(2026, 12, 10)),
        ),
    )


def acme_records() -> tuple[Record, ...]:
    return (
        Record(
            provider="acme", period=q(2026, 1), evaluated=date(2026, 4, 20),
            lead="Priya Shah", evaluators=("Priya Shah",),
            scores={
                "availability": Measured(99.95), "p1-response": Measured(25),
                "fix-quality": Rated({"Priya Shah": 3}),
                "communication": Rated({"Priya Shah": 3}), "reports": Measured(100),
            },
        ),
        Record(
            provider="acme", period=q(2026, 3), evaluated=date(2026, 11, 5),
            lead="Priya Shah", evaluators=("Priya Shah", "Tom Berg"),
            scores={
                "availability": Measured(99.2), "p1-response": Measured(42),
                "fix-quality": Rated({"Priya Shah": 4, "Tom Berg": 2}),
                "communication": Rated({"Priya Shah": 4, "Tom Berg": 3}),
                "reports": None,
            },
            services_used=("desk", "network"),
        ),
    )


def globex_records() -> tuple[Record, ...]:
    return (
        Record(
            provider="globex", period=q(2026, 2), evaluated=date(2026, 7, 15),
            lead="Tom Berg", evaluators=("Tom Berg",),
            scores={
                "availability": Measured(99.9), "p1-response": Measured(30),
                "fix-quality": Rated({"Tom Berg": 5}), "communication": Rated({"Tom Berg": 5}),
                "reports": Measured(100),
            },
        ),
        Record(
            provider="globex", period=q(2026, 3), evaluated=date(2026, 10, 20),
            lead="Tom Berg", evaluators=("Tom Berg",),
            scores={
                "availability": Measured(99.95), "p1-response": Measured(20),
                "fix-quality": Rated({"Tom Berg": 4}), "communication": Rated({"Tom Berg": 4}),
                "reports": Measured(100),
            },
        ),
    )


def dataset() -> Dataset:
    return Dataset(
        programme=programme(),
        providers={"acme": acme(), "globex": globex()},
        records={"acme": acme_records(), "globex": globex_records()},
    )


def portfolio(as_of: date = AS_OF) -> Portfolio:
    return compute(dataset(), as_of)
