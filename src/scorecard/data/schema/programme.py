"""What ``scorecard.yaml``, the programme, may hold."""

from __future__ import annotations

from scorecard.data.periods import CADENCES
from scorecard.data.schema.compound import Field, ListOf, MapOf, Obj, OneOrList
from scorecard.data.schema.days import Day
from scorecard.data.schema.evidence import CALENDARS, FROM, SOURCES
from scorecard.data.schema.fields import Choice, Number, Slug, Text

WEIGHT = Number(above=0, maximum=1000, fix=(
    "Weights only count against each other: 3 and 1 give the same shares as 300 and 100."
    " To leave something out, remove it."))
DAY_COUNT = Number(whole=True, minimum=0, maximum=3650, fix=(
    "Count in days: 30 is about a month, 365 a year; 3650 (ten years) is the most."))
RATING = Number(whole=True, minimum=-1000, maximum=1000, fix=(
    "A scale such as 1 to 5 or 0 to 10 is easiest to rate on."))

MEASURE = Obj(
    description="Makes the criterion measured: the record gives one number in this unit.",
    fields=(
        Field("unit", Text(), True, "The unit of the number, e.g. % or minutes.", '"%"'),
        Field("target", Number(), True, "The value we contracted for.", "99.9"),
        Field("floor", Number(), False,
              "The worst acceptable value; on the far side of the target from better."),
        Field("better", Choice(options=("higher", "lower")), True,
              "Whether a higher or a lower number is better.", "higher"),
        Field("min", Number(), False,
              "The least plausible value: a value below it is an error (a slip of the unit)."),
        Field("max", Number(), False,
              "The greatest plausible value: a value above it is an error."),
        Field("tolerance", Number(minimum=0), False,
              "How far the provider's reported value may differ from ours before both "
              "parties are told (default 0)."),
        Field("from", FROM, False, "Computed from a source file instead of typed (v1.2)."),
    ),
)

_FROM = Field("from", Day(), True,
              "The first day: the change applies to periods that start on or after it.",
              "2026-01-01")

CRITERION_CHANGE = Obj(
    description="New values from a day on; target, floor and weight may change.",
    fields=(
        _FROM,
        Field("target", Number(), False, "The new target (measured criteria)."),
        Field("floor", Number(), False, "The new floor (measured criteria)."),
        Field("weight", Number(above=0), False, "The new weight inside its category."),
    ),
)

CATEGORY_CHANGE = Obj(
    description="A new weight from a day on.",
    fields=(
        _FROM,
        Field("weight", Number(above=0), False, "The new weight of the category (above 0)."),
    ),
)

_CHANGES = "Oldest first: new values for the periods that start on or after each from day."

CRITERION = Obj(fields=(
    Field("id", Slug(), True, "Unique across the whole programme; records use it in scores.",
          "availability"),
    Field("name", Text(), True, "The criterion as reports name it.", "Availability"),
    Field("weight", WEIGHT, False, "Weight inside its category (above 0, at most 1000).",
          default=1),
    Field("explain", Text(), False, "A plain-language gloss shown beside the name."),
    Field("measure", MEASURE, False,
          "Present: a measured criterion. Absent: a rated one, judged on the scale."),
    Field("from", Day(), False,
          "The criterion applies to periods that start on or after this day."),
    Field("until", Day(), False,
          "The criterion applies to periods that end on or before this day."),
    Field("changes", ListOf(item=CRITERION_CHANGE), False, _CHANGES),
))

CATEGORY = Obj(fields=(
    Field("id", Slug(), True, "The category's id.", "service"),
    Field("name", Text(), True, "The category as reports name it.", "Service delivery"),
    Field("weight", WEIGHT, False,
          "Relative weight of the category (above 0, at most 1000).", default=1),
    Field("criteria", ListOf(item=CRITERION, min_items=1), True,
          "What is evaluated in this category (at least one).", "[...]"),
    Field("changes", ListOf(item=CATEGORY_CHANGE), False, _CHANGES),
))

SCALE = Obj(
    description="The rating scale for judged criteria (default 1 to 5).",
    fields=(
        Field("min", RATING, False, "The lowest rating.", default=1),
        Field("max", RATING, False, "The highest rating.", default=5),
        Field("labels", MapOf(key=RATING, value=Text(), key_words="a rating"),
              False, "What each rating means, e.g. {1: Unacceptable, 5: Outstanding}."),
    ),
)

BAND = Obj(fields=(
    Field("name", Text(), True, "The status shown for scores in this band.", "Strong"),
    Field("min", Number(minimum=0, maximum=100), True,
          "The lowest overall score (0-100) in this band.", "80"),
))

QUESTION = Obj(fields=(
    Field("id", Slug(), True, "The question's id; records use it in about_us.",
          "clear-requests"),
    Field("name", Text(), True, "What the provider rates us on, as a statement.",
          "We make clear requests"),
))

CADENCE_SPEC = Choice(options=CADENCES)

DISTRIBUTION = Obj(
    description="What scorecard send needs: who sends, who is internal, our people's "
                "addresses.",
    fields=(
        Field("from", Text(), False, "The sender of every message, e.g. "
              "IT vendor management <vendors@northwind.example>."),
        Field("internal_domains", ListOf(item=Text()), False,
              "Team and portfolio documents go only to addresses in these domains."),
        Field("people", MapOf(key=Text(), value=Text(), key_words="a person's name"), False,
              "Our people, by the names used for leads and evaluators, to their address."),
        Field("executives", OneOrList(item=Text()), False,
              "Who receives the portfolio: one address or a list."),
        Field("reply_days", Number(whole=True, minimum=1), False,
              "A provider is asked to reply within this many days.", default=14),
    ),
)

PROGRAMME = Obj(
    title="scorecard.yaml: the programme",
    description="What we evaluate and how.",
    fields=(
        Field("organisation", Text(), True, "Whose programme this is.", "Northwind Freight"),
        Field("title", Text(), False, "The title of the reports.", default="Provider scorecards"),
        Field("cadence", CADENCE_SPEC, False, "How often providers are evaluated.",
              default="quarterly"),
        Field("grace_days", DAY_COUNT, False,
              "An evaluation is due this many days after its period ends (0 to 3650).",
              default=30),
        Field("min_coverage", Number(minimum=0, maximum=1), False,
              "Below this share of weight scored, no band is given (0 to 1).", default=0.5),
        Field("concentration_share", Number(minimum=0, maximum=1), False,
              "INTERNAL: a provider above this share of spend is flagged (0 to 1).",
              default=0.5),
        Field("scale", SCALE, False, "The rating scale for judged criteria."),
        Field("bands", ListOf(item=BAND, min_items=1), False,
              "Overall score (0-100) to status; one band must start at 0."),
        Field("categories", ListOf(item=CATEGORY, min_items=1), True,
              "What is evaluated, grouped and weighted (at least one).", "[...]"),
        Field("distribution", DISTRIBUTION, False,
              "Who receives which document by e-mail (scorecard send)."),
        Field("about_us", ListOf(item=QUESTION), False,
              "Questions the provider answers about us, on the scale (scorecard form)."),
        Field("calendars", CALENDARS, False, "Business hours by name, for computed values."),
        Field("sources", SOURCES, False, "The kinds of source file, by name."),
    ),
)
