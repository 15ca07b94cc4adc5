"""The programme's rules about computed values: each problem at its line in
scorecard.yaml, with a did-you-mean where a name is close to a known one."""

from __future__ import annotations

from collections.abc import Iterator

from scorecard.data.evidence.spec import (
    DURATION_UNITS,
    DURATIONS,
    FIELDS,
    OPERATIONS,
    TIME_FIELDS,
    EvidenceSpec,
    FromSpec,
    read_spec,
)
from scorecard.data.model import Source
from scorecard.data.problems import Problem, shown
from scorecard.data.schema.fields import did_you_mean
from scorecard.data.validation.drafts import Drafts

_ZONE_HINT = "Use an IANA time zone name, such as Europe/Amsterdam or UTC."


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _err(source: Source, path: tuple[str | int, ...], message: str,
         hint: str | None = None) -> Problem:
    named = [str(p) for p in path if isinstance(p, str)]
    return Problem(source.at(path), message, field=".".join(named[-3:]), hint=hint)


def _zone_problem(zone: str, source: Source, path: tuple[str, ...]) -> Iterator[Problem]:
    """An IANA zone that does not exist, with the closest one that does."""
    from scorecard.data.evidence.hours import known_zones, zone_of

    if zone_of(zone) is None:
        close = did_you_mean(zone, known_zones())
        yield _err(source, path, f"there is no time zone called '{shown(zone)}'",
                   _cap(close) if close else _ZONE_HINT)


def _calendar_problems(spec: EvidenceSpec, source: Source) -> Iterator[Problem]:
    # loaded only for a programme with calendars or sources (polars, holidays)
    from scorecard.data.evidence.hours import holiday_problem, parse_hours

    for name, cal in spec.calendars.items():
        yield from _zone_problem(cal.timezone, source, ("calendars", name, "timezone"))
        week = parse_hours(cal.hours)
        if isinstance(week, str):
            yield _err(source, ("calendars", name, "hours"), f"the opening hours: {week}",
                       'Write them as "Mon-Fri 08:00-18:00, Sat 09:00-13:00".')
        if cal.holidays:
            wrong = holiday_problem(cal.holidays)
            if wrong:
                yield _err(source, ("calendars", name, "holidays"), wrong,
                           "Use the two-letter ISO 3166 code, e.g. NL, DE, GB or US-NY.")


def _source_problems(spec: EvidenceSpec, source: Source) -> Iterator[Problem]:
    for name, src in spec.sources.items():
        yield from _zone_problem(src.timezone, source, ("sources", name, "timezone"))
        known = FIELDS[src.kind]
        for fld in src.columns:
            if fld not in known:
                close = did_you_mean(fld, known)
                yield _err(source, ("sources", name, "columns", fld),
                           f"a {src.kind} source has no field '{shown(fld)}'",
                           (_cap(close) + " " if close else "") +
                           f"Its fields are: {', '.join(known)}.")


def _unit_problem(frm: FromSpec) -> str | None:
    op = frm.operation
    if op in DURATIONS and frm.unit not in DURATION_UNITS:
        return f"{op} gives a duration, so the unit must be minutes, hours or days, " \
               f"not '{shown(frm.unit)}'"
    if op in ("share_within", "share_true", "availability") and frm.unit != "%":
        return f"{op} gives a per cent, so the unit must be \"%\", not '{shown(frm.unit)}'"
    return None


def _from_problems(frm: FromSpec, spec: EvidenceSpec, source: Source) -> Iterator[Problem]:
    path = frm.path
    src = spec.sources.get(frm.source)
    if src is None:
        close = did_you_mean(frm.source, spec.sources)
        yield _err(source, (*path, "source"),
                   f"the programme defines no source called '{shown(frm.source)}'",
                   _cap(close) if close else "Define it under sources: in scorecard.yaml.")
    if not frm.operation:
        yield _err(source, path, "measure.from needs exactly one computation: one of "
                   + ", ".join(OPERATIONS), "Keep one, e.g. median: {from: opened, to: resolved}.")
        return
    op_path = (*path, frm.operation)
    unit = _unit_problem(frm)
    if unit:
        yield _err(source, (*path[:-1], "unit"), unit)
    if frm.calendar is not None and frm.calendar not in spec.calendars:
        close = did_you_mean(frm.calendar, spec.calendars)
        yield _err(source, (*op_path, "calendar"),
                   f"the programme defines no calendar called '{shown(frm.calendar)}'",
                   _cap(close) if close else "Define it under calendars: in scorecard.yaml.")
    if frm.operation == "share_within" and frm.limit is None:
        yield _err(source, (*op_path, "limit"), "share_within needs a limit written as "
                   f"30m, 4h or 2d, not '{shown(frm.limit_text)}'")
    if src is None:
        return
    if (frm.operation == "availability") != (src.kind == "outages") or src.kind == "reported":
        yield _err(source, op_path, f"{frm.operation} cannot be worked out from a "
                   f"{src.kind} source", "availability needs an outages source; the other "
                   "computations a tickets source.")
        return
    if frm.operation in ("share_within", *DURATIONS):
        for key, fld in (("from", frm.start), ("to", frm.end)):
            if fld not in TIME_FIELDS or fld not in FIELDS[src.kind]:
                times = [f for f in FIELDS[src.kind] if f in TIME_FIELDS]
                yield _err(source, (*op_path, key), f"'{shown(fld)}' is not a time field of a "
                           f"{src.kind} source", f"Use one of: {', '.join(times)}.")


def evidence_is_sound(d: Drafts) -> Iterator[Problem]:
    """calendars:, sources: and every measure.from of the programme."""
    if d.programme is None or d.programme_doc is None:
        return
    source = d.programme.source
    spec = read_spec(d.programme_doc.value, source)
    yield from _calendar_problems(spec, source)
    yield from _source_problems(spec, source)
    for frm in spec.computed.values():
        yield from _from_problems(frm, spec, source)


RULES = (evidence_is_sound,)
