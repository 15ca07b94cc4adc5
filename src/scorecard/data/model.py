"""The validated evaluation data, as typed, immutable objects.

These are what the loader produces once a file passed validation, and what
scoring, narration and rendering consume. Every object remembers where it came
from (``source`` and ``path``), so that any later stage can point a problem at
the exact line and column of the YAML it is about.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from scorecard.data.evidence.figures import Computed
from scorecard.data.periods import Cadence, Period
from scorecard.data.problems import Location

if TYPE_CHECKING:
    from scorecard.data.credits import ServiceCredits

PathPart = str | int
YamlPath = tuple[PathPart, ...]


@dataclass(frozen=True)
class Source:
    """One loaded YAML file and the position of every node in it.

    ``display`` is the path shown to users (relative to where the command runs);
    ``repo_path`` is the path inside the git repository, for history look-ups.
    ``marks`` maps a path of keys and list indexes, such as
    ``("scores", "availability")``, to the 1-based line and column of its value;
    the empty path is the whole document.
    """

    display: str
    repo_path: str
    marks: Mapping[YamlPath, tuple[int, int]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def at(self, path: YamlPath = ()) -> Location:
        """The location of ``path``, or of its nearest ancestor that has one."""
        while True:
            mark = self.marks.get(path)
            if mark is not None:
                return Location(self.display, mark[0], mark[1])
            if not path:
                return Location(self.display)
            path = path[:-1]


NOWHERE = Source("<built in>", "")


@dataclass(frozen=True)
class Located:
    """Mixin: where an object was written (``NOWHERE`` for objects made in code)."""

    source: Source = field(default=NOWHERE, compare=False, repr=False, kw_only=True)
    path: YamlPath = field(default=(), compare=False, repr=False, kw_only=True)

    def where(self, *sub: PathPart) -> Location:
        """The location of this object, or of one of its fields or items."""
        return self.source.at(self.path + sub)


# --- scorecard.yaml ---------------------------------------------------------


@dataclass(frozen=True)
class Measure(Located):
    unit: str
    target: float
    better: Literal["higher", "lower"]
    floor: float | None = None
    min: float | None = None  # v1.2: the plausible range of a value (None: no limit)
    max: float | None = None
    tolerance: float = 0.0  # v1.2: how far a reported value may differ from ours
    computed_from: str | None = None  # the source named in measure.from (v1.2)


@dataclass(frozen=True)
class Change(Located):
    """New values from a day on (v1.1 ``changes``): for the periods that start on or
    after ``from_day``, until a later change. None: that value does not change."""

    from_day: date
    target: float | None = None
    floor: float | None = None
    weight: float | None = None


@dataclass(frozen=True)
class Criterion(Located):
    id: str
    name: str
    category: str  # the id of the category that holds it
    weight: float = 1.0
    explain: str | None = None
    measure: Measure | None = None
    from_day: date | None = None  # applies to periods that start on or after it
    until: date | None = None  # applies to periods that end on or before it
    changes: tuple[Change, ...] = ()  # oldest first

    @property
    def measured(self) -> bool:
        return self.measure is not None


@dataclass(frozen=True)
class Category(Located):
    id: str
    name: str
    weight: float
    criteria: tuple[Criterion, ...]
    changes: tuple[Change, ...] = ()  # oldest first; only weight changes


@dataclass(frozen=True)
class Scale(Located):
    min: int = 1
    max: int = 5
    labels: Mapping[int, str] = field(default_factory=dict)

    def label(self, rating: int) -> str | None:
        return self.labels.get(rating)


DEFAULT_SCALE_LABELS: Mapping[int, str] = {
    1: "Unacceptable",
    2: "Below expectations",
    3: "Meets expectations",
    4: "Exceeds expectations",
    5: "Outstanding",
}


@dataclass(frozen=True)
class Band(Located):
    name: str
    min: float


DEFAULT_BANDS: tuple[tuple[str, float], ...] = (("Strong", 80), ("Adequate", 60), ("At risk", 0))


@dataclass(frozen=True)
class Distribution(Located):
    """Who sends, who is internal, and our people's addresses (``scorecard send``).

    Addresses are kept as written (``Name <a@b>`` or ``a@b``); validation has
    checked that each parses."""

    sender: str | None = None  # ``from`` in the YAML
    internal_domains: tuple[str, ...] = ()
    people: Mapping[str, str] = field(default_factory=dict)
    executives: tuple[str, ...] = ()
    reply_days: int = 14


@dataclass(frozen=True)
class Question(Located):
    """A question the provider answers about us, on the scale (v1.2 ``about_us``)."""

    id: str
    name: str


@dataclass(frozen=True)
class Programme(Located):
    organisation: str
    categories: tuple[Category, ...]
    title: str = "Provider scorecards"
    cadence: Cadence = "quarterly"
    grace_days: int = 30
    min_coverage: float = 0.5
    scale: Scale = field(default_factory=lambda: Scale(labels=DEFAULT_SCALE_LABELS))
    bands: tuple[Band, ...] = ()  # sorted by min, highest first
    distribution: Distribution | None = None  # None: no distribution block
    concentration_share: float = 0.5  # INTERNAL: a provider above this share of spend is flagged
    about_us: tuple[Question, ...] = ()  # what providers rate us on (v1.2)

    def criteria(self) -> tuple[Criterion, ...]:
        """Every criterion, in programme order."""
        return tuple(c for cat in self.categories for c in cat.criteria)

    def criterion(self, criterion_id: str) -> Criterion | None:
        for c in self.criteria():
            if c.id == criterion_id:
                return c
        return None


# --- providers/<provider>.yaml ----------------------------------------------


@dataclass(frozen=True)
class Service(Located):
    id: str
    name: str
    annual_value: float | None = None  # INTERNAL: what this service costs a year


DecisionStatus = Literal["renew", "renegotiate", "exit", "notice-given"]


@dataclass(frozen=True)
class Decision(Located):
    """INTERNAL: what we decided about the contract's next term, and when."""

    status: DecisionStatus
    day: date
    note: str | None = None  # Markdown, INTERNAL


@dataclass(frozen=True)
class Contract(Located):
    start: date | None = None
    end: date | None = None
    notice_days: int = 0
    auto_renew: bool = False
    annual_value: float | None = None
    currency: str | None = None
    decision: Decision | None = None  # INTERNAL


ExitStatus = Literal["none", "drafted", "tested"]


@dataclass(frozen=True)
class ExitPlan(Located):
    status: ExitStatus = "none"
    reviewed: date | None = None
    alternatives: tuple[str, ...] = ()
    budget: float | None = None


ActionKind = Literal["deficiency", "idea"]
ActionStatus = Literal["open", "done", "dropped", "proposed", "adopted", "declined"]
DEFICIENCY_STATUSES: tuple[ActionStatus, ...] = ("open", "done", "dropped")
IDEA_STATUSES: tuple[ActionStatus, ...] = ("proposed", "adopted", "declined")
OPEN_STATUSES: tuple[ActionStatus, ...] = ("open", "proposed")


@dataclass(frozen=True)
class Action(Located):
    id: str
    kind: ActionKind
    title: str
    raised: date
    status: ActionStatus
    owner: Literal["provider", "us"] | None = None
    due: date | None = None
    closed: date | None = None
    note: str | None = None  # Markdown, shared
    internal_note: str | None = None  # Markdown, INTERNAL

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class Term(Located):
    """A contract's own target and floor for one measured criterion (v1.1 ``terms``)."""

    target: float | None = None
    floor: float | None = None
    from_day: date | None = None  # from the periods that start on or after it


@dataclass(frozen=True)
class Provider(Located):
    id: str
    name: str
    short_name: str | None = None  # optional extension: how sentences name the provider
    service_area: str | None = None
    cadence: Cadence | None = None  # None: the programme's
    lead: str | None = None
    contact: str | None = None  # every contact, as written, joined with ", " (for display)
    contacts: tuple[str, ...] = ()  # each contact address as written
    services: tuple[Service, ...] = ()
    contract: Contract | None = None  # INTERNAL
    exit_plan: ExitPlan | None = None  # INTERNAL
    actions: tuple[Action, ...] = ()
    terms: Mapping[str, Term] = field(default_factory=dict)  # criterion id -> term; shared
    not_applicable: tuple[str, ...] = ()  # criterion ids that do not apply to this provider
    evaluated_from: Period | None = None  # v1.2: the first period evaluated with this tool
    service_credits: ServiceCredits | None = None  # v1.2; shared but for its termination rules


# --- records/<provider>/<period>.yaml ---------------------------------------


@dataclass(frozen=True)
class Rated:
    """A rated result: each evaluator's whole-number rating on the scale."""

    ratings: Mapping[str, int]


@dataclass(frozen=True)
class Measured:
    """A measured result: one number in the criterion's unit."""

    value: float


Result = Rated | Measured


@dataclass(frozen=True)
class Record(Located):
    provider: str
    period: Period
    evaluated: date
    lead: str
    evaluators: tuple[str, ...]  # defaults to (lead,)
    scores: Mapping[str, Result | None] = field(default_factory=dict)  # None: explicitly null
    notes: Mapping[str, str] = field(default_factory=dict)  # Markdown, shared
    internal_notes: Mapping[str, str] = field(default_factory=dict)  # Markdown, INTERNAL
    reported: Mapping[str, float] = field(default_factory=dict)  # the provider's own figures
    summary: str | None = None  # Markdown, shared
    internal: str | None = None  # Markdown, INTERNAL
    services_used: tuple[str, ...] | None = None  # None: scope not recorded
    provider_response: str | None = None  # Markdown, shared
    status: Literal["draft", "final"] = "final"  # a draft is not an evaluation
    self_assessment: Mapping[str, int] = field(default_factory=dict)  # provider's own ratings
    about_us: Mapping[str, int] = field(default_factory=dict)  # question id -> its rating of us
    computed: Mapping[str, Computed] = field(default_factory=dict)  # values from source files

    def result(self, criterion_id: str) -> Result | None:
        """The result for a criterion, or None when it was not scored."""
        return self.scores.get(criterion_id)


# --- the whole data set -----------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """Everything in one data folder, validated.

    ``providers`` is ordered by id; ``records`` maps each provider id to its
    final records, oldest period first (every provider has an entry, maybe
    empty); ``drafts`` holds the draft records, which are not evaluations.
    """

    programme: Programme
    providers: Mapping[str, Provider]
    records: Mapping[str, tuple[Record, ...]]  # final records only
    drafts: Mapping[str, tuple[Record, ...]] = field(default_factory=dict)  # status: draft

    def cadence_of(self, provider: Provider) -> Cadence:
        return provider.cadence or self.programme.cadence

    def all_records(self) -> tuple[Record, ...]:
        return tuple(r for pid in self.providers for r in self.records.get(pid, ()))


def display_name(provider: Provider) -> str:
    """The name sentences use: ``short_name`` when given, else ``name``."""
    return provider.short_name or provider.name
