"""The computed figures, as typed, immutable objects.

``scorecard.figures.scoring`` and its sibling modules produce these from a
``Dataset`` and an as-of day; narration, export and rendering consume them.
Scores are kept in full precision (0 to 100); rounding is for display only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from scorecard.data.model import (
    Action,
    Band,
    Category,
    Criterion,
    Decision,
    Programme,
    Provider,
    Record,
    Service,
)
from scorecard.data.periods import Cadence, Period
from scorecard.figures.reported import Reported
from scorecard.figures.rules import Rules


@dataclass(frozen=True)
class CriterionResult:
    criterion: Criterion
    score: float | None  # 0..100; None when not scored
    value: float | None = None  # measured criteria: the number recorded
    met: bool | None = None  # measured criteria: the target was met
    ratings: Mapping[str, int] | None = None  # rated: evaluator -> rating (INTERNAL)
    mean_rating: float | None = None  # rated: the mean the provider sees
    disagreement: bool = False  # rated: ratings span 2 or more points (INTERNAL)
    reported: Reported | None = None  # measured: the provider's own figure, beside ours

    @property
    def scored(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class CategoryResult:
    category: Category
    score: float | None  # None when no criterion in it was scored
    criteria: tuple[CriterionResult, ...]
    scored_weight: float  # sum of the weights of its scored criteria
    total_weight: float  # sum of the weights of all its criteria in force that apply
    not_applicable: tuple[Criterion, ...] = ()  # in force, but not for this provider


@dataclass(frozen=True)
class ScopeResult:
    """Which contracted services were used in one period."""

    used: tuple[Service, ...]
    unused: tuple[Service, ...]

    @property
    def contracted(self) -> int:
        return len(self.used) + len(self.unused)

    @property
    def share(self) -> float | None:
        return len(self.used) / self.contracted if self.contracted else None


@dataclass(frozen=True)
class Evaluation:
    """One record, scored."""

    record: Record
    categories: tuple[CategoryResult, ...]
    overall: float | None  # None when nothing was scored
    coverage: float  # 0..1
    band: Band | None  # None below min_coverage or when nothing was scored
    trend: float | None  # overall minus the previous evaluated period's; None if none
    previous: Period | None  # the period the trend compares with
    targets_met: int  # measured criteria whose target was met
    targets_measured: int  # measured criteria that were scored
    scope: ScopeResult | None  # None when services_used was not recorded
    due: date  # the day this evaluation was due
    late: bool  # evaluated after its due day
    rules: Rules | None = None  # the rules in force it was judged by
    previous_overall: float | None = None  # the overall score of `previous`, as computed

    @property
    def period(self) -> Period:
        return self.record.period

    def criteria(self) -> tuple[CriterionResult, ...]:
        return tuple(c for cat in self.categories for c in cat.criteria)

    def criterion(self, criterion_id: str) -> CriterionResult | None:
        for c in self.criteria():
            if c.criterion.id == criterion_id:
                return c
        return None


@dataclass(frozen=True)
class Schedule:
    """Evaluations expected as of a day, and which are overdue or were late."""

    expected: tuple[Period, ...]
    overdue: tuple[Period, ...]  # expected, with no record
    late: tuple[Period, ...]  # recorded after the due day
    next_period: Period | None  # the first period not yet recorded after the last expected one
    next_due: date | None  # its due day


@dataclass(frozen=True)
class ActionSummary:
    """A provider's actions as of a day (only those raised on or before it)."""

    open_deficiencies: tuple[Action, ...]
    overdue: tuple[Action, ...]  # open deficiencies due before the as-of day
    days_to_resolve: tuple[int, ...]  # for deficiencies closed as done on or before it
    median_days_to_resolve: float | None
    ideas_proposed: tuple[Action, ...]
    ideas_adopted: tuple[Action, ...]
    ideas_declined: tuple[Action, ...]

    @property
    def open_count(self) -> int:
        return len(self.open_deficiencies)


@dataclass(frozen=True)
class ContractStatus:
    """INTERNAL: the contract's notice deadline, as of a day."""

    notice_deadline: date | None  # None when the contract has no end
    decision_due: bool  # deadline on or after as-of day, within 120 days
    deadline_passed: bool  # deadline before as-of day, contract not ended
    ended: bool  # contract end before the as-of day
    auto_renew: bool
    days_to_deadline: int | None  # negative when passed
    # v1.1: the contract.decision dated on or after the decision window opened
    # (and on or before the as-of day); it clears decision_due and deadline_passed.
    decided: Decision | None = None
    window_opens: date | None = None  # the notice deadline minus 120 days


@dataclass(frozen=True)
class ExitReadiness:
    """INTERNAL: whether the exit plan needs attention."""

    missing: bool
    stale: bool


@dataclass(frozen=True)
class Rank:
    """INTERNAL: position by latest overall score; 1 is best."""

    portfolio: int
    portfolio_size: int
    area: int | None  # None when the provider has no service area
    area_size: int | None


@dataclass(frozen=True)
class ProviderResult:
    provider: Provider
    cadence: Cadence
    evaluations: tuple[Evaluation, ...]  # oldest first; records evaluated after as-of are left out
    schedule: Schedule
    actions: ActionSummary
    contract: ContractStatus | None  # None without a contract
    exit: ExitReadiness
    rank: Rank | None  # None when the provider has no scored evaluation

    @property
    def latest(self) -> Evaluation | None:
        return self.evaluations[-1] if self.evaluations else None

    def evaluation(self, period: Period) -> Evaluation | None:
        for e in self.evaluations:
            if e.period == period:
                return e
        return None


@dataclass(frozen=True)
class Portfolio:
    """Every figure, for every provider, as of one day."""

    as_of: date
    programme: Programme
    providers: tuple[ProviderResult, ...]  # by id
    ranking: tuple[ProviderResult, ...]  # best first; only providers with a scored evaluation
    areas: Mapping[str, tuple[ProviderResult, ...]]  # service area -> ranking inside it

    def provider(self, provider_id: str) -> ProviderResult | None:
        # every document asks for its provider, often: an index made on first use
        # keeps a build linear in the number of providers
        index: dict[str, ProviderResult] | None = self.__dict__.get("_by_id")
        if index is None:
            index = {}
            for p in self.providers:
                index.setdefault(p.provider.id, p)
            object.__setattr__(self, "_by_id", index)
        return index.get(provider_id)


# --- v1.1: spend, dependence, unused scope (INTERNAL) ------------------------


@dataclass(frozen=True)
class Spend:
    """INTERNAL: a provider's yearly spend and its share of its currency's total."""

    annual_value: float
    currency: str | None  # None: not stated; such spend is its own group
    share: float  # annual_value over the total of its currency (0..1)


@dataclass(frozen=True)
class UnusedService:
    """INTERNAL: a contracted service no record named in the last year."""

    service: Service
    annual_value: float | None  # what it costs a year, when given
    last_used: Period | None  # the latest period a record named it; None: never


@dataclass(frozen=True)
class Leverage:
    """INTERNAL: one provider's spend, dependence, unused scope and contract decision."""

    provider: ProviderResult
    spend: Spend | None  # None without contract.annual_value
    only_in_area: bool  # its service area has no other provider
    concentrated: bool  # its share is above the programme's concentration_share
    unused: tuple[UnusedService, ...]  # unused in every record of the last year
    year: tuple[Period, ...]  # the periods that ended in the 365 days up to the as-of day
    leaving_without_plan: bool  # decided exit or notice-given, and no exit plan

    @property
    def unused_cost(self) -> float:
        return sum(u.annual_value or 0.0 for u in self.unused)

    @property
    def dependence(self) -> tuple[str, ...]:
        """The plain flags of data.json."""
        flags = []
        if self.only_in_area:
            flags.append("only provider in its area")
        if self.concentrated:
            flags.append("above the concentration share")
        return tuple(flags)


@dataclass(frozen=True)
class SpendTotal:
    currency: str | None
    total: float
    providers: int


@dataclass(frozen=True)
class PortfolioLeverage:
    """INTERNAL: spend and dependence across the portfolio, as of a day."""

    as_of: date
    concentration_share: float
    providers: tuple[Leverage, ...]  # by provider id
    totals: tuple[SpendTotal, ...]  # one per currency, largest total first
    single_areas: tuple[str, ...]  # service areas with exactly one provider, by name

    def of(self, provider_id: str) -> Leverage | None:
        for lev in self.providers:
            if lev.provider.provider.id == provider_id:
                return lev
        return None
