"""What ``service_credits`` in ``providers/<provider>.yaml`` may hold (format.md v1.2).

Shared with the provider (it is their contract), except ``termination``, which is
INTERNAL. The ranges of single values are checked here, at their line; the rules
that look at more than one value (pool criteria, shares adding up, misses within)
are in ``scorecard.data.validation.credits``.
"""

from __future__ import annotations

from scorecard.data.schema.compound import Field, ListOf, MapOf, Obj
from scorecard.data.schema.currency import Currency
from scorecard.data.schema.fields import Number, Slug

SHARE = Number(above=0, maximum=1, fix="Write a share as a fraction above 0 and at most 1: "
               "0.12 for 12%.")
COUNT = Number(whole=True, minimum=1, maximum=120,
               fix="Count periods of the provider's cadence: a whole number from 1 to 120.")

TERMINATION_RULE = Obj(
    description="INTERNAL: a failure that lets us end the contract. Either criterion and "
                "misses (missed in `misses` of any `within` periods in a row), or at_cap "
                "(credits at the at-risk amount in `at_cap` of any `within` periods in a row).",
    fields=(
        Field("criterion", Slug(), False, "A measured criterion whose misses count.",
              "availability"),
        Field("misses", COUNT, False, "How many misses, with criterion.", "3"),
        Field("at_cap", COUNT, False, "How many periods with credits at the cap.", "2"),
        Field("within", COUNT, True, "Within how many periods in a row.", "6"),
    ),
)

SERVICE_CREDITS = Obj(
    description="Service credits: what the provider credits us when it misses a target. "
                "Shared with the provider, except termination (INTERNAL).",
    fields=(
        Field("charges", Number(above=0), True,
              "The charges for one period of this provider's cadence.", "60000"),
        Field("currency", Currency(), True, "The currency of the charges, e.g. EUR.", "EUR"),
        Field("at_risk", SHARE, True,
              "The share of a period's charges at risk: the most credited in one period.",
              "0.12"),
        Field("pool", MapOf(key=Slug(), value=SHARE, key_words="a criterion id"), True,
              "Measured criterion id to its share of the at-risk amount when missed.",
              "{availability: 0.5}"),
        Field("repeat", Number(minimum=1, maximum=10, fix="A number from 1 to 10: 2 doubles."),
              False, "A miss in the period before too is credited this many times.",
              default=1),
        Field("year_cap", SHARE, False,
              "Credits over any 12 months at most this share of their charges."),
        Field("earn_back", Number(whole=True, minimum=1, maximum=24,
                                  fix="A whole number of periods from 1 to 24."), False,
              "A credit is earned back when its criterion meets its target in each of the "
              "next N periods."),
        Field("termination", ListOf(item=TERMINATION_RULE), False,
              "INTERNAL: failures that let us end the contract."),
    ),
)

__all__ = ["SERVICE_CREDITS"]
