"""Rules that look at more than one value, or at more than one file.

Each rule is a small function named for what it requires; ``RULES`` lists them
all, in the order of format.md's "What is an error". A rule gets the whole
data set as far as it could be read (``Drafts``) and yields the problems it
finds; it skips what earlier checks already found broken, so that one mistake
gives one message.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from scorecard.data.model import Criterion, Programme, Provider
from scorecard.data.periods import EXAMPLES, Cadence, parse_period
from scorecard.data.problems import Location, Problem
from scorecard.data.schema.fields import SLUG_RE, did_you_mean, found
from scorecard.data.sources import SourceFile
from scorecard.data.yamlsrc import INVALID, YamlDoc, field_name

# --- what the rules look at ---------------------------------------------------


@dataclass(frozen=True)
class ProviderFile:
    provider: Provider
    doc: YamlDoc
    file: SourceFile


@dataclass(frozen=True)
class RecordFile:
    """A record as far as it passed the field checks (``data``: the sound fields)."""

    data: Mapping[str, Any]
    doc: YamlDoc
    file: SourceFile

    def text(self, name: str) -> str | None:
        value = self.data.get(name)
        return value if isinstance(value, str) else None

    @property
    def provider(self) -> str | None:
        return self.text("provider")

    @property
    def period(self) -> str | None:
        return self.text("period")

    @property
    def folder(self) -> str:
        return self.file.rel[1]

    @property
    def evaluators(self) -> tuple[str, ...] | None:
        """The listed evaluators, or None when the field is absent (the lead alone)."""
        value = self.data.get("evaluators")
        if isinstance(value, list):
            return tuple(v for v in value if isinstance(v, str))
        return None

    def mapping(self, name: str) -> Mapping[Any, Any]:
        value = self.data.get(name)
        return value if isinstance(value, dict) else {}


@dataclass
class Drafts:
    """Everything that could be read, including files with problems."""

    programme: Programme | None
    programme_doc: YamlDoc | None
    providers: list[ProviderFile] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)
    unreadable_providers: set[str] = field(default_factory=set)  # file stems

    @cached_property
    def provider_by_id(self) -> dict[str, ProviderFile]:
        result: dict[str, ProviderFile] = {}
        for pf in self.providers:
            result.setdefault(pf.provider.id, pf)
        return result

    @cached_property
    def _provider_by_stem(self) -> dict[str, ProviderFile]:
        result: dict[str, ProviderFile] = {}
        for pf in self.providers:
            result.setdefault(pf.file.stem, pf)
        return result

    def provider_file(self, provider_id: str) -> ProviderFile | None:
        """The provider's file, found by its id or, failing that, by its file name
        (so that an id that disagrees with its file name gives one message, not many)."""
        return self.provider_by_id.get(provider_id) or self._provider_by_stem.get(provider_id)

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        if self.programme is None:
            return {}
        result: dict[str, Criterion] = {}
        for c in self.programme.criteria():
            result.setdefault(c.id, c)
        return result

    def cadence_of(self, provider_id: str) -> tuple[Cadence | None, str]:
        """The provider's cadence, and where it was set (for messages)."""
        pf = self.provider_file(provider_id)
        if pf is not None and pf.provider.cadence is not None:
            return pf.provider.cadence, f"cadence in {pf.file.display}"
        if self.programme is not None and self._programme_cadence_ok:
            return self.programme.cadence, "the programme's cadence in scorecard.yaml"
        return None, ""

    @property
    def _programme_cadence_ok(self) -> bool:
        doc = self.programme_doc
        if doc is None or not isinstance(doc.value, dict):
            return False
        return doc.value.get("cadence", "quarterly") == self.programme.cadence \
            if self.programme is not None else False


Rule = Callable[[Drafts], Iterable[Problem]]


def _error(loc: Location, path: tuple[Any, ...], message: str,
           hint: str | None = None) -> Problem:
    return Problem(loc, message, field=field_name(path), hint=hint)


def _twice(what: str, value: str, first: Location) -> str:
    return f"{what} '{value}' is used twice (first on line {first.line})"


def _repeated_ids(items: Iterable[Any], what: str, hint: str | None = None) -> Iterator[Problem]:
    """An error at each item whose ``id`` an earlier item already has."""
    seen: dict[str, Location] = {}
    for item in items:
        if item.id in seen:
            yield _error(item.where("id"), (*item.path, "id"),
                         _twice(what, item.id, seen[item.id]), hint)
        else:
            seen[item.id] = item.where("id")


# --- scorecard.yaml -------------------------------------------------------------


def unique_category_ids(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    yield from _repeated_ids(d.programme.categories, "the category id",
                             "Give each category its own id.")


def unique_criterion_ids(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    yield from _repeated_ids(d.programme.criteria(), "the criterion id",
                             "Criterion ids must be unique across the whole programme.")


def scale_min_below_max(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    scale = d.programme.scale
    if scale.min >= scale.max:
        yield _error(scale.where("max"), ("scale", "max"),
                     f"the scale must run upwards: max ({scale.max}) is not above "
                     f"min ({scale.min})", "Swap them, e.g. min: 1 and max: 5.")


def scale_labels_inside_scale(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    scale = d.programme.scale
    for rating in scale.labels:
        if not scale.min <= rating <= scale.max:
            yield _error(scale.where("labels", rating), ("scale", "labels"),
                         f"a label for {rating}, which is outside the scale "
                         f"{scale.min} to {scale.max}",
                         "Remove it, or widen the scale with min and max.")


def bands_start_at_zero(d: Drafts) -> Iterator[Problem]:
    if d.programme is None or not d.programme.bands:
        return
    bands = d.programme.bands
    if not any(b.min == 0 for b in bands):
        yield _error(d.programme.where("bands"), ("bands",),
                     "no band starts at 0, so low scores would have no status",
                     "Give the lowest band min: 0.")


def bands_distinct_minimums(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    seen: dict[float, str] = {}
    for band in sorted(d.programme.bands, key=lambda b: b.path):
        if band.min in seen:
            yield _error(band.where("min"), (*band.path, "min"),
                         f"two bands start at {band.min:g}: {seen[band.min]} and {band.name}",
                         "Give each band its own min.")
        else:
            seen[band.min] = band.name


def floor_on_the_right_side(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for c in d.programme.criteria():
        m = c.measure
        if m is None or m.floor is None or math.isnan(m.target):
            continue
        if m.better == "higher" and m.floor > m.target:
            side = "below"
        elif m.better == "lower" and m.floor < m.target:
            side = "above"
        else:
            continue
        yield _error(m.where("floor"), (*m.path, "floor"),
                     f"the floor ({m.floor:g}) is on the wrong side of the target "
                     f"({m.target:g}): when {m.better} is better, the floor must be "
                     f"{side} the target",
                     "Swap floor and target, or check better.")


# --- providers/<provider>.yaml --------------------------------------------------


def provider_id_matches_file_name(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        p = pf.provider
        if p.id and p.id != pf.file.stem:
            yield _error(p.where("id"), ("id",),
                         f"the id is '{p.id}' but the file is named {pf.file.rel[-1]}",
                         f"Rename the file to {p.id}.yaml, or change the id to "
                         f"'{pf.file.stem}'.")


def one_file_per_provider(d: Drafts) -> Iterator[Problem]:
    first: dict[str, ProviderFile] = {}
    for pf in d.providers:
        pid = pf.provider.id
        if not pid:
            continue
        if pid in first:
            yield _error(pf.provider.where("id"), ("id",),
                         f"a second file for the provider '{pid}'; the first is "
                         f"{first[pid].file.display}", "Keep one file per provider.")
        else:
            first[pid] = pf


def unique_service_ids(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        yield from _repeated_ids(pf.provider.services, "the service id")


def unique_action_ids(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        yield from _repeated_ids(pf.provider.actions, "the action id",
                                 "Give each action of a provider its own id.")


_STATUSES = {"deficiency": ("open", "done", "dropped"), "idea": ("proposed", "adopted", "declined")}


def action_status_fits_kind(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        for a in pf.provider.actions:
            allowed = _STATUSES[a.kind]
            if a.status not in allowed:
                article = "an" if a.kind == "idea" else "a"
                yield _error(a.where("status"), (*a.path, "status"),
                             f"the status '{a.status}' does not fit {article} {a.kind}; "
                             f"expected {', '.join(allowed[:-1])} or {allowed[-1]}",
                             did_you_mean(a.status, allowed))


def closed_date_when_closed(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        for a in pf.provider.actions:
            if a.status not in _STATUSES[a.kind]:
                continue  # reported by action_status_fits_kind
            if a.is_open and a.closed is not None:
                yield _error(a.where("closed"), (*a.path, "closed"),
                             f"a closed date is given, but the status is {a.status}",
                             "Remove closed, or change the status.")
            elif not a.is_open and a.closed is None and not _has(pf.doc, (*a.path, "closed")):
                yield _error(a.where(), (*a.path, "closed"),
                             f"the status is {a.status}, so the day it was closed is needed",
                             "Add closed: YYYY-MM-DD.")


def _has(doc: YamlDoc, path: tuple[Any, ...]) -> bool:
    """Whether ``path`` was written in the file (even with a value that failed its check)."""
    return path in doc.source.marks


def closed_not_before_raised(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        for a in pf.provider.actions:
            if a.closed is not None and a.closed < a.raised:
                yield _error(a.where("closed"), (*a.path, "closed"),
                             f"closed ({a.closed.isoformat()}) is before raised "
                             f"({a.raised.isoformat()})", "Check both dates.")


def deficiency_has_due_date(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        for a in pf.provider.actions:
            if a.kind == "deficiency" and a.due is None and not _has(pf.doc, (*a.path, "due")):
                yield _error(a.where(), (*a.path, "due"),
                             "a deficiency needs a due date: the day it must be fixed by",
                             "Add due: YYYY-MM-DD.")


def contract_ends_after_start(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        c = pf.provider.contract
        if c is not None and c.start is not None and c.end is not None and c.end < c.start:
            yield _error(c.where("end"), ("contract", "end"),
                         f"the contract ends ({c.end.isoformat()}) before it starts "
                         f"({c.start.isoformat()})", "Check both dates.")


# --- records/<provider>/<period>.yaml ---------------------------------------------


def record_provider_matches_folder(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        pid = r.provider
        if pid is not None and pid != r.folder:
            yield _error(r.doc.at(("provider",)), ("provider",),
                         f"the provider is '{pid}' but the record is in the folder "
                         f"records/{r.folder}/",
                         f"Move the file to records/{pid}/, or correct the provider.")


def record_period_matches_file_name(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        period = r.period
        if period is not None and period != r.file.stem:
            yield _error(r.doc.at(("period",)), ("period",),
                         f"the period is {period} but the file is named {r.file.rel[-1]}",
                         f"Rename the file to {period}.yaml, or correct the period.")


def record_provider_has_file(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        pid = r.provider
        if pid is not None and d.provider_file(pid) is None \
                and pid not in d.unreadable_providers:
            hint = did_you_mean(pid, d.provider_by_id) or \
                f"Add providers/{pid}.yaml, or correct the provider."
            yield _error(r.doc.at(("provider",)), ("provider",),
                         f"there is no provider file for '{pid}' (providers/{pid}.yaml)", hint)


def period_fits_cadence(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        pid, period = r.provider, r.period
        if pid is None or period is None or d.provider_file(pid) is None:
            continue
        cadence, where = d.cadence_of(pid)
        if cadence is None or parse_period(period, cadence) is not None:
            continue
        yield _error(r.doc.at(("period",)), ("period",),
                     f"expected a {cadence} period such as {EXAMPLES[cadence]}, found {period}",
                     f"{pid} is evaluated {cadence} ({where}).")


def one_record_per_period(d: Drafts) -> Iterator[Problem]:
    first: dict[tuple[str, str], RecordFile] = {}
    for r in sorted(d.records, key=lambda r: r.file.rel):
        key = (r.provider or r.folder, r.period or r.file.stem)
        if key in first:
            yield _error(r.doc.at(("period",)), ("period",),
                         f"a second record for {key[0]} in {key[1]}; the first is "
                         f"{first[key].file.display}", "Keep one record per provider and period.")
        else:
            first[key] = r


def _unknown_criterion(d: Drafts, r: RecordFile, path: tuple[Any, ...], cid: str) -> Problem:
    hint = did_you_mean(cid, d.criteria) or "The criteria are listed in scorecard.yaml."
    return _error(r.doc.key_at(path), path,
                  f"there is no criterion '{cid}' in the programme", hint)


def scores_name_criteria(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for r in d.records:
        for cid in r.mapping("scores"):
            if cid not in d.criteria:
                yield _unknown_criterion(d, r, ("scores", cid), cid)


def measured_scores_are_numbers(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        for cid, value in r.mapping("scores").items():
            c = d.criteria.get(cid)
            if c is None or c.measure is None or value is None or value is INVALID:
                continue
            path = ("scores", cid)
            unit = c.measure.unit
            if isinstance(value, dict):
                yield _error(r.doc.at(path), path,
                             f"{cid} is a measured criterion ({unit}), so it needs one number, "
                             "not ratings by evaluator",
                             f"Write the measured value, e.g. {cid}: {c.measure.target:g}")
            elif isinstance(value, bool) or not isinstance(value, int | float) \
                    or not math.isfinite(value):
                hint = None
                if isinstance(value, str):
                    digits = value.replace(unit, "").strip() if unit else value
                    try:
                        hint = f"Write the number alone: {cid}: {float(digits):g}"
                    except ValueError:
                        hint = "Leave it out, or write null, if it was not measured."
                yield _error(r.doc.at(path), path,
                             f"expected a number ({unit}), found "
                             f"{found(value, r.doc.raw.get(path))}", hint)


def ratings_on_the_scale(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    scale = d.programme.scale
    if scale.min >= scale.max:
        return  # reported by scale_min_below_max; every rating would fail
    expect = f"expected a whole number from {scale.min} to {scale.max}"
    for r in d.records:
        for cid, value in r.mapping("scores").items():
            c = d.criteria.get(cid)
            if c is None or c.measure is not None or value is None or value is INVALID:
                continue
            pairs = value.items() if isinstance(value, dict) else [(None, value)]
            for name, rating in pairs:
                if rating is INVALID:
                    continue
                path = ("scores", cid) if name is None else ("scores", cid, name)
                if isinstance(rating, int) and not isinstance(rating, bool) \
                        and scale.min <= rating <= scale.max:
                    continue
                hint = None
                if isinstance(rating, float) and scale.min <= rating <= scale.max:
                    hint = "Ratings are whole numbers; round it, or ask the evaluators."
                elif isinstance(rating, float):
                    hint = f"{cid} is rated on the scale, not measured."
                if name is None and isinstance(rating, str):
                    hint = "For ratings by several evaluators write {Name: rating, ...}."
                yield _error(r.doc.at(path), path,
                             f"{expect}, found {found(rating, r.doc.raw.get(path))}", hint)


def raters_are_evaluators(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        listed = r.evaluators
        lead = r.text("lead")
        allowed = listed if listed is not None else ((lead,) if lead else ())
        for cid, value in r.mapping("scores").items():
            c = d.criteria.get(cid)
            if not isinstance(value, dict) or (c is not None and c.measure is not None):
                continue
            for name in value:
                if name in allowed:
                    continue
                path = ("scores", cid, name)
                if listed is None:
                    hint = (f"Add evaluators: [{', '.join([*allowed, str(name)])}]; without it "
                            "only the lead rates.")
                else:
                    hint = did_you_mean(name, listed) or f"Add {name} to evaluators."
                yield _error(r.doc.key_at(path), path,
                             f"{name} rated {cid} but is not listed in evaluators", hint)


def notes_name_criteria(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for r in d.records:
        for name in ("notes", "internal_notes"):
            for cid in r.mapping(name):
                if cid not in d.criteria:
                    yield _unknown_criterion(d, r, (name, cid), cid)


def services_used_exist(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        pid = r.provider
        used = r.data.get("services_used")
        pf = d.provider_file(pid) if pid else None
        if pf is None or not isinstance(used, list):
            continue
        services = [s.id for s in pf.provider.services]
        for i, sid in enumerate(used):
            if not isinstance(sid, str) or sid in services or not SLUG_RE.match(sid):
                continue
            if services:
                hint = did_you_mean(sid, services) or \
                    f"The services of {pid} are: {', '.join(services)}."
            else:
                hint = f"{pf.file.display} lists no services."
            yield _error(r.doc.at(("services_used", i)), ("services_used",),
                         f"{pid} has no service '{sid}'", hint)


RULES: tuple[Rule, ...] = (
    unique_category_ids,
    unique_criterion_ids,
    scale_min_below_max,
    scale_labels_inside_scale,
    bands_start_at_zero,
    bands_distinct_minimums,
    floor_on_the_right_side,
    provider_id_matches_file_name,
    one_file_per_provider,
    unique_service_ids,
    unique_action_ids,
    action_status_fits_kind,
    closed_date_when_closed,
    closed_not_before_raised,
    deficiency_has_due_date,
    contract_ends_after_start,
    record_provider_matches_folder,
    record_period_matches_file_name,
    record_provider_has_file,
    period_fits_cadence,
    one_record_per_period,
    scores_name_criteria,
    measured_scores_are_numbers,
    ratings_on_the_scale,
    raters_are_evaluators,
    notes_name_criteria,
    services_used_exist,
)


def validate(drafts: Drafts, rules: Iterable[Rule] = RULES) -> list[Problem]:
    """Every problem every rule finds."""
    problems: list[Problem] = []
    for rule in rules:
        problems.extend(rule(drafts))
    return problems
