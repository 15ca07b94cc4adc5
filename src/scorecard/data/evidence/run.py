"""The work behind ``apply``: computed values for every record, and every problem.

For the record of provider X and period P, each source N with a file
``sources/X/P/N.csv`` (or ``.xlsx``) is read once, checked row by row, and gives
the value of every criterion whose ``measure.from`` names it. A ``reported``
source gives the provider's own figures for the record instead.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from scorecard.data.evidence.apply import Evidence
from scorecard.data.evidence.check import prepare
from scorecard.data.evidence.compute import Judge, compute
from scorecard.data.evidence.figures import Computed
from scorecard.data.evidence.hours import BusinessClock, clock_for, zone_of
from scorecard.data.evidence.outages import availability
from scorecard.data.evidence.reported import read_reported
from scorecard.data.evidence.spec import REQUIRED, EvidenceSpec, FromSpec, SourceSpec, read_spec
from scorecard.data.evidence.table import read_table
from scorecard.data.model import Criterion
from scorecard.data.periods import Period, parse_period
from scorecard.data.problems import Location, Problem, shown
from scorecard.data.schema.fields import did_you_mean
from scorecard.data.sources import SourceFile
from scorecard.data.validation.drafts import Drafts, RecordFile


def _files(files: list[SourceFile], spec: EvidenceSpec, ev: Evidence
           ) -> dict[tuple[str, str, str], SourceFile]:
    """The source files by (provider folder, period folder, source name)."""
    found: dict[tuple[str, str, str], SourceFile] = {}
    for f in files:
        name = f.stem
        if name not in spec.sources:
            close = did_you_mean(name, spec.sources)
            ev.problems.append(Problem(
                Location(f.display), f"the programme defines no source called '{shown(name)}', "
                "so this file is not read", hint=(_cap(close) + " " if close else "")
                + "Name the file after a source under sources: in scorecard.yaml.",
                severity="warning"))
            continue
        key = (f.rel[1], f.rel[2], name)
        if key in found:
            ev.problems.append(Problem(Location(f.display), f"a second file for the source "
                                       f"'{shown(name)}' (the first is {found[key].display})",
                                       hint="Keep one: the .csv or the .xlsx."))
            continue
        found[key] = f
    return found


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _target(criterion: Criterion | None, frm: FromSpec, period: Period) -> float:
    target = frm.target
    for change in criterion.changes if criterion is not None else ():
        if change.from_day <= period.start and change.target is not None:
            target = change.target
    return target


def _midnight(day: date, zone_name: str) -> int:
    zone = zone_of(zone_name)
    return int(datetime(day.year, day.month, day.day, tzinfo=zone).timestamp())


def _judge(frm: FromSpec, src: SourceSpec, spec: EvidenceSpec, period: Period,
           target: float) -> Judge:
    cal = spec.calendars.get(frm.calendar) if frm.calendar else None
    zone = cal.timezone if cal is not None else src.timezone
    clock: BusinessClock | None = None
    if cal is not None:
        zone_info = zone_of(cal.timezone)
        assert zone_info is not None  # the rules checked it
        clock = clock_for(zone_info, cal.hours, cal.holidays, cal.closed,
                          period.start - timedelta(days=1), period.end + timedelta(days=366))
    return Judge(target, frm.better, clock, _midnight(period.start, zone),
                 _midnight(period.end + timedelta(days=1), zone))


def _wanted(src: SourceSpec, froms: list[FromSpec]) -> dict[str, str]:
    """field (or column) -> column: only what the programme names is read."""
    names = set(REQUIRED[src.kind])
    if src.kind == "tickets" and "paused" in src.columns:
        names.add("paused")
    if src.kind == "outages":
        names |= {"planned", "id"} & set(src.columns)
    for frm in froms:
        names |= set(frm.where)
        if frm.operation in ("share_within", "median", "mean", "p90", "max"):
            names |= {frm.start, frm.end}
        if frm.flag:
            names.add(frm.flag)
    return {n: src.column(n) for n in sorted(names)}


def _one_file(f: SourceFile, src: SourceSpec, froms: list[FromSpec], spec: EvidenceSpec,
              period: Period, criteria: Mapping[str, Criterion], work: bool = True,
              ) -> tuple[dict[str, Computed], list[Problem]]:
    wanted = _wanted(src, froms)
    table, problems = read_table(f.display, f.rel[-1], f.data, f.size, wanted)
    if table is None:
        return {}, problems
    sha = hashlib.sha256(f.data or b"").hexdigest()
    rows, found = prepare(table, src, "/".join(f.rel), sha, set(wanted))
    if found or not work:
        return {}, problems + found
    out: dict[str, Computed] = {}
    for frm in froms:
        judge = _judge(frm, src, spec, period, _target(criteria.get(frm.criterion), frm, period))
        out[frm.criterion] = availability(rows, frm, judge) if frm.operation == "availability" \
            else compute(rows, frm, judge)
    return out, problems


def _typed_values(r: RecordFile, computed: Mapping[str, Computed]) -> list[Problem]:
    """A record value for a criterion its period's source file computes: an error."""
    problems = []
    for cid in r.mapping("scores"):
        if cid in computed:
            c = computed[cid]
            problems.append(Problem(
                r.doc.source.at(("scores", cid)),
                f"{cid} is computed from {c.path}, so the record must not give its value",
                field=f"scores.{cid}", hint="Remove this line; the figure comes from the file."))
    return problems


def _reported_twice(r: RecordFile, values: Mapping[str, float], f: SourceFile) -> list[Problem]:
    """A reported value both in a ``reported`` file and in the record: an error."""
    return [Problem(r.doc.source.at(("reported", cid)),
                    f"the provider's figure for {cid} is also in {f.display}",
                    field=f"reported.{cid}", hint="Keep it in one place: the file or the record.")
            for cid in r.mapping("reported") if cid in values]


def evaluate(drafts: Drafts, files: list[SourceFile], *, work: bool = True) -> Evidence:
    """Every record's computed values and reported figures, and every problem; with
    ``work`` false, only the rows' problems (a source whose zone is unknown is not
    read: its timestamps cannot be placed)."""
    ev = Evidence()
    if drafts.programme is None or drafts.programme_doc is None:
        return ev
    spec = read_spec(drafts.programme_doc.value, drafts.programme.source)
    if not files:
        return ev
    by_key = _files(files, spec, ev)
    used: set[tuple[str, str, str]] = set()
    for r in drafts.records:
        provider, label = r.provider, r.period
        cadence = drafts.cadence_of(provider)[0] if provider else None
        period = parse_period(label, cadence) if label and cadence else None
        if provider is None or period is None:
            continue
        key = (provider, period.label)
        for name, src in spec.sources.items():
            f = by_key.get((r.folder, r.file.stem, name))
            if f is None:
                continue
            used.add((r.folder, r.file.stem, name))
            if src.kind == "reported":
                values, found = read_reported(f, drafts.criteria, period)
                ev.reported.setdefault(key, {}).update(values)
                ev.problems += found + _reported_twice(r, values, f)
                continue
            froms = [x for x in spec.computed.values() if x.source == name and x.operation]
            if not froms or (not work and zone_of(src.timezone) is None):
                continue
            out, found = _one_file(f, src, froms, spec, period, drafts.criteria, work)
            ev.computed.setdefault(key, {}).update(out)
            ev.problems += found
        ev.problems += _typed_values(r, ev.computed.get(key, {}))
    for k, f in by_key.items():
        if k not in used:
            ev.problems.append(Problem(Location(f.display), "there is no record for this "
                                       "provider and period, so this file is not read yet",
                                       hint="It is read once records/"
                                       f"{k[0]}/{k[1]}.yaml exists.", severity="warning"))
    return ev


__all__ = ["evaluate"]
