"""Service credits, as of a day (scoring.md v1.2, "Service credits (as of D)").

Money is ``decimal.Decimal``: each credit is worked out exactly from the amounts
as written and rounded once, to the cent, halves away from zero; caps are then
applied to those cents, so no float drift reaches a document.

For each evaluation (a final record known on the as-of day), oldest first:

1. each pool criterion scored and not met under the rules in force is missed;
   its credit is charges x at_risk x its share, times ``repeat`` when it was also
   missed in the period just before. Not scored, not in force or not applicable:
   no miss and no credit (``Skipped`` says which);
2. the period's credits are capped at the at-risk amount (``at_cap`` when the
   credits before the cap reach it);
3. the year cap: the period's credits are cut so that they and the credits of the
   periods that ended in the 365 days up to its end (its end minus 364 days to its
   end, as the README's "the 365 days up to D") stay within year_cap x charges x
   periods a year, periods taken oldest first;
4. each credit is pending, earned back or final (``figures.earnback``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from scorecard.data.credits import ServiceCredits
from scorecard.data.model import Criterion, Programme
from scorecard.data.periods import PER_YEAR, Cadence, Period
from scorecard.figures.results import Evaluation

__all__ = [
    "CENT",
    "CreditItem",
    "Credits",
    "PeriodCredits",
    "Skipped",
    "cents",
    "period_credits",
    "pool_outcome",
    "year_window",
]

CENT = Decimal("0.01")
ZERO = Decimal(0)

SkipReason = Literal["not scored", "not in force", "does not apply"]
State = Literal["pending", "earned_back", "final"]
FinalReason = Literal["missed", "not scored", "no record"]


def cents(amount: Decimal) -> Decimal:
    """To the cent, halves away from zero (scoring.md's rounding)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class CreditItem:
    """One missed pool criterion's credit in one period."""

    criterion: Criterion
    amount: Decimal  # charges x at_risk x share (x repeat), to the cent, before the caps
    repeat: bool  # also missed in the period just before
    credited: Decimal  # its part of the period's credit after the caps (pro rata)
    state: State = "final"
    settled: Period | None = None  # earned back or made final in this period; None: pending
    why_final: FinalReason | None = None  # with earn-back: what made it final in ``settled``


@dataclass(frozen=True)
class Skipped:
    """A pool criterion with no miss and no credit in a period, and why."""

    criterion: Criterion
    reason: SkipReason


@dataclass(frozen=True)
class PeriodCredits:
    period: Period
    items: tuple[CreditItem, ...]  # pool order
    skipped: tuple[Skipped, ...]
    met: tuple[Criterion, ...]  # pool criteria that met their target
    before_caps: Decimal  # the items added up
    at_risk: Decimal  # the period cap: charges x at_risk, to the cent
    at_cap: bool  # before_caps reached the period cap
    year_cut: Decimal  # what the year cap took off (0 when it did not cut)
    amount: Decimal  # what is credited for the period, after both caps

    @property
    def earned_back(self) -> Decimal:
        return sum((i.credited for i in self.items if i.state == "earned_back"), ZERO)

    @property
    def pending(self) -> Decimal:
        return sum((i.credited for i in self.items if i.state == "pending"), ZERO)

    @property
    def kept(self) -> Decimal:
        """Credited and not earned back."""
        return self.amount - self.earned_back


@dataclass(frozen=True)
class Credits:
    """A provider's service credits as of a day, one entry per evaluation, oldest first."""

    terms: ServiceCredits
    cadence: Cadence
    as_of: date
    periods: tuple[PeriodCredits, ...]

    @property
    def currency(self) -> str:
        return self.terms.currency

    def of(self, period: Period) -> PeriodCredits | None:
        for pc in self.periods:
            if pc.period == period:
                return pc
        return None

    def upto(self, period: Period) -> tuple[PeriodCredits, ...]:
        return tuple(pc for pc in self.periods if pc.period <= period)

    def last_12_months(self) -> tuple[PeriodCredits, ...]:
        """The periods that ended in the 365 days up to the as-of day."""
        return tuple(pc for pc in self.periods
                     if self.as_of - timedelta(days=364) <= pc.period.end <= self.as_of)


def pool_outcome(
    evaluation: Evaluation, criterion_id: str
) -> tuple[Criterion | None, bool | SkipReason]:
    """The criterion, and True (missed), False (met) or why it has no miss."""
    for cat in evaluation.categories:
        for cr in cat.criteria:
            if cr.criterion.id == criterion_id:
                if not cr.scored or cr.met is None:
                    return cr.criterion, "not scored"
                return cr.criterion, not cr.met
        for c in cat.not_applicable:
            if c.id == criterion_id:
                return c, "does not apply"
    return None, "not in force"


def _missed(evaluation: Evaluation | None, criterion_id: str) -> bool:
    return evaluation is not None and pool_outcome(evaluation, criterion_id)[1] is True


def year_window(period: Period, earlier: tuple[PeriodCredits, ...]) -> tuple[PeriodCredits, ...]:
    """The earlier periods that ended in the 365 days up to ``period``'s end (not itself)."""
    first = period.end - timedelta(days=364)
    return tuple(pc for pc in earlier if first <= pc.period.end < period.end)


def _prorated(items: list[CreditItem], total: Decimal) -> tuple[CreditItem, ...]:
    """Share ``total`` (the period's credit after the caps) among the items in proportion
    to their amounts, to the cent; the last item takes the rounding rest, so they add up."""
    whole = sum((i.amount for i in items), ZERO)
    done: list[CreditItem] = []
    left = total
    for n, item in enumerate(items):
        if whole == 0:  # every item rounded to nothing (tiny charges): nothing to share
            part = ZERO
        else:
            part = left if n == len(items) - 1 else cents(item.amount * total / whole)
        left -= part
        done.append(CreditItem(item.criterion, item.amount, item.repeat, part))
    return tuple(done)


def _period(
    terms: ServiceCredits,
    evaluation: Evaluation,
    before: Evaluation | None,
    programme: Programme,
    earlier: tuple[PeriodCredits, ...],
) -> PeriodCredits:
    items: list[CreditItem] = []
    skipped: list[Skipped] = []
    met: list[Criterion] = []
    for cid, share in terms.pool.items():
        criterion, outcome = pool_outcome(evaluation, cid)
        criterion = criterion or programme.criterion(cid)
        if criterion is None:  # pragma: no cover - validation names every pool criterion
            continue
        if outcome is False:
            met.append(criterion)
        elif outcome is True:
            repeat = _missed(before, cid)
            times = terms.repeat if repeat else Decimal(1)
            amount = cents(terms.charges * terms.at_risk * share * times)
            items.append(CreditItem(criterion, amount, repeat, amount))
        else:
            skipped.append(Skipped(criterion, outcome))
    before_caps = sum((i.amount for i in items), ZERO)
    cap = cents(terms.at_risk_amount)
    capped = min(before_caps, cap)
    amount = capped
    if terms.year_cap is not None:
        per_year = PER_YEAR[evaluation.period.cadence]
        limit = cents(terms.year_cap * terms.charges * per_year)
        already = sum((pc.amount for pc in year_window(evaluation.period, earlier)), ZERO)
        amount = max(ZERO, min(capped, limit - already))
    return PeriodCredits(
        period=evaluation.period,
        items=_prorated(items, amount) if items else (),
        skipped=tuple(skipped),
        met=tuple(met),
        before_caps=before_caps,
        at_risk=cap,
        at_cap=before_caps > 0 and before_caps >= cap,
        year_cut=capped - amount,
        amount=amount,
    )


def period_credits(
    programme: Programme, terms: ServiceCredits, evaluations: tuple[Evaluation, ...]
) -> tuple[PeriodCredits, ...]:
    """Each evaluation's credits after both caps, oldest first, every item still "final"
    (``figures.earnback`` gives the states)."""
    by_period = {e.period: e for e in evaluations}
    done: list[PeriodCredits] = []
    for e in sorted(evaluations, key=lambda e: e.period):
        done.append(_period(terms, e, by_period.get(e.period.previous()), programme,
                            tuple(done)))
    return tuple(done)
