"""What ``providers/<provider>.yaml``, a provider, may hold."""

from __future__ import annotations

from scorecard.data.schema.compound import Field, ListOf, MapOf, Obj, OneOrList
from scorecard.data.schema.credits import SERVICE_CREDITS
from scorecard.data.schema.currency import Currency
from scorecard.data.schema.days import Day, PeriodText
from scorecard.data.schema.fields import MARKDOWN, Boolean, Choice, Number, Slug, Text
from scorecard.data.schema.programme import CADENCE_SPEC, DAY_COUNT

SERVICE = Obj(fields=(
    Field("id", Slug(), True, "The service's id; records name it in services_used.",
          "service-desk"),
    Field("name", Text(), True, "The service as reports name it.", "Service desk"),
    Field("annual_value", Number(minimum=0), False,
          "INTERNAL: what this service costs a year, in the contract's currency."),
))

DECISION = Obj(
    description="INTERNAL: what we decided about the contract's next term.",
    fields=(
        Field("status", Choice(options=("renew", "renegotiate", "exit", "notice-given")), True,
              "renew, renegotiate, exit or notice-given.", "renegotiate"),
        Field("day", Day(), True, "The day it was decided.", "2026-09-15"),
        Field("note", Text(), False, f"{MARKDOWN}, INTERNAL."),
    ),
)

CONTRACT = Obj(
    description="INTERNAL: the contract's dates and value.",
    fields=(
        Field("start", Day(), False, "The day the contract started."),
        Field("end", Day(fix="Check the year; leave end out if the contract has no end day."),
              False, "The day the contract ends."),
        Field("notice_days", DAY_COUNT, False,
              "Days of notice needed before the end (0 to 3650).", default=0),
        Field("auto_renew", Boolean(), False, "Whether it renews unless notice is given."),
        Field("annual_value", Number(minimum=0), False, "What it costs a year."),
        Field("currency", Currency(), False,
              "The currency of annual_value: an ISO 4217 code in capitals, e.g. EUR."),
        Field("decision", DECISION, False,
              "INTERNAL: what we decided about the next term, and when."),
    ),
)

EXIT_PLAN = Obj(
    description="INTERNAL: how ready we are to leave this provider.",
    fields=(
        Field("status", Choice(options=("none", "drafted", "tested")), False,
              "none, drafted or tested.", default="none"),
        Field("reviewed", Day(), False, "The day the plan was last reviewed."),
        Field("alternatives", ListOf(item=Text()), False, "Provider ids or free names."),
        Field("budget", Number(minimum=0), False, "What leaving would cost."),
    ),
)

ACTION = Obj(fields=(
    Field("id", Slug(), True, "Unique among this provider's actions.", "a-7"),
    Field("kind", Choice(options=("deficiency", "idea")), True,
          "deficiency (something to fix) or idea (something to try).", "deficiency"),
    Field("title", Text(), True, "What it is about, in a few words.", "Weekend on-call cover"),
    Field("raised", Day(), True, "The day it was raised.", "2026-07-10"),
    Field("owner", Choice(options=("provider", "us")), False, "Who must act: provider or us."),
    Field("due", Day(), False, "When it must be done (required for deficiencies)."),
    Field("status", Choice(options=("open", "done", "dropped", "proposed", "adopted",
                                    "declined")), True,
          "deficiency: open, done or dropped; idea: proposed, adopted or declined.", "open"),
    Field("closed", Day(), False,
          "The day it was closed; required unless the status is open or proposed."),
    Field("note", Text(), False, f"{MARKDOWN}, shared with the provider."),
    Field("internal_note", Text(), False, f"{MARKDOWN}, INTERNAL."),
))

TERM = Obj(
    description="This contract's own target and floor for a measured criterion; shared.",
    fields=(
        Field("target", Number(), False, "The target this contract agreed."),
        Field("floor", Number(), False, "The floor this contract agreed."),
        Field("from", Day(), False, "From the periods that start on or after this day."),
    ),
)

PROVIDER = Obj(
    title="providers/<provider>.yaml: a provider",
    description="A provider's profile, scope, contract, exit plan and actions.",
    fields=(
        Field("id", Slug(), True, "The provider's id; equals the file name.", "acme"),
        Field("name", Text(), True, "The provider's full name.", "Acme Managed IT Ltd"),
        Field("short_name", Text(), False,
              "How sentences name the provider, e.g. Acme (default: name)."),
        Field("service_area", Text(), False,
              "Providers in one area are compared head to head."),
        Field("cadence", CADENCE_SPEC, False, "Overrides the programme's cadence."),
        Field("lead", Text(), False, "Our team leader who owns this provider's evaluations."),
        Field("contact", OneOrList(item=Text()), False,
              "Who at the provider receives its scorecard: one address such as "
              "Dana Cole <dana@acme.example>, or a list of them."),
        Field("services", ListOf(item=SERVICE), False,
              "What the contract lets us use (the scope)."),
        Field("contract", CONTRACT, False, "INTERNAL: the contract."),
        Field("exit_plan", EXIT_PLAN, False, "INTERNAL: the exit plan."),
        Field("actions", ListOf(item=ACTION), False,
              "A running log of deficiencies and ideas."),
        Field("terms", MapOf(key=Slug(), value=TERM, key_words="a criterion id"), False,
              "Criterion id to this contract's own target and floor; shared."),
        Field("not_applicable", ListOf(item=Slug()), False,
              "Criteria that do not apply to this provider's service."),
        Field("evaluated_from", PeriodText(), False,
              "The first period evaluated with this tool, in the provider's cadence form "
              "(2026-Q2): earlier periods are never due, late or overdue, and hold no records."),
        Field("service_credits", SERVICE_CREDITS, False,
              "Service credits and termination rights (termination is INTERNAL)."),
    ),
)
