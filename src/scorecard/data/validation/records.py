"""The rules about ``records/<provider>/<period>.yaml``, in the order they run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scorecard.data.periods import EXAMPLES, parse_period
from scorecard.data.problems import Problem, shown
from scorecard.data.schema.fields import MAGNITUDE_FIX, SLUG_RE, Number, did_you_mean, found
from scorecard.data.validation.drafts import Drafts, RecordFile, Rule, _error
from scorecard.data.yaml.document import INVALID


def record_provider_matches_folder(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        pid = r.provider
        if pid is not None and pid != r.folder:
            yield _error(r.doc.at(("provider",)), ("provider",),
                         f"the provider is '{shown(pid)}' but the record is in the folder "
                         f"records/{shown(r.folder)}/",
                         f"Move the file to records/{pid}/, or correct the provider."
                         if SLUG_RE.match(pid) else "Correct the provider.")


def record_period_matches_file_name(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        period = r.period
        if period is not None and period != r.file.stem:
            yield _error(r.doc.at(("period",)), ("period",),
                         f"the period is {shown(period)} but the file is named "
                         f"{shown(r.file.rel[-1])}",
                         f"Rename the file to {shown(period)}.yaml, or correct the period.")


def record_provider_has_file(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        pid = r.provider
        if pid is not None and d.provider_file(pid) is None \
                and pid not in d.unreadable_providers:
            hint = did_you_mean(pid, d.provider_by_id, slugs=True) or (
                f"Add providers/{pid}.yaml, or correct the provider." if SLUG_RE.match(pid)
                else "Correct the provider.")
            yield _error(r.doc.at(("provider",)), ("provider",),
                         f"there is no provider file for '{shown(pid)}' "
                         f"(providers/{shown(pid)}.yaml)", hint)


def period_fits_cadence(d: Drafts) -> Iterator[Problem]:
    for r in d.records:
        pid, period = r.provider, r.period
        if pid is None or period is None or d.provider_file(pid) is None:
            continue
        cadence, where = d.cadence_of(pid)
        if cadence is None or parse_period(period, cadence) is not None:
            continue
        yield _error(r.doc.at(("period",)), ("period",),
                     f"expected a {cadence} period such as {EXAMPLES[cadence]}, "
                     f"found {shown(period)}",
                     f"{shown(pid)} is evaluated {cadence} ({where}).")


def one_record_per_period(d: Drafts) -> Iterator[Problem]:
    first: dict[tuple[str, str], RecordFile] = {}
    for r in sorted(d.records, key=lambda r: r.file.rel):
        key = (r.provider or r.folder, r.period or r.file.stem)
        if key in first:
            yield _error(r.doc.at(("period",)), ("period",),
                         f"a second record for {shown(key[0])} in {shown(key[1])}; the first is "
                         f"{first[key].file.display}", "Keep one record per provider and period.")
        else:
            first[key] = r


def _unknown_criterion(d: Drafts, r: RecordFile, path: tuple[Any, ...], cid: str) -> Problem:
    hint = did_you_mean(cid, d.criteria, slugs=True) or "The criteria are listed in scorecard.yaml."
    return _error(r.doc.key_at(path), path,
                  f"there is no criterion '{shown(cid)}' in the programme", hint)


def criteria_of_kind(d: Drafts, field: str, *, measured: bool, message: str,
                     hint: str) -> Iterator[Problem]:
    """Each key of a record's mapping ``field`` names a criterion of the programme, measured
    or rated as ``measured`` says; ``message`` and ``hint`` may name it as ``{cid}``."""
    if d.programme is None:
        return
    for r in d.records:
        for cid in r.mapping(field):
            path = (field, cid)
            c = d.criteria.get(cid)
            if c is None:
                yield _unknown_criterion(d, r, path, cid)
            elif (c.measure is not None) != measured:
                yield _error(r.doc.key_at(path), path, message.format(cid=shown(cid)),
                             hint.format(cid=shown(cid)))


def scores_name_criteria(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for r in d.records:
        for cid in r.mapping("scores"):
            if cid not in d.criteria:
                yield _unknown_criterion(d, r, ("scores", cid), cid)


# A measured value: any finite number of sane size.
MEASURED = Number()


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
                             f"{shown(cid)} is a measured criterion ({shown(unit)}), "
                             "so it needs one number, "
                             "not ratings by evaluator",
                             f"Write the measured value, e.g. {shown(cid)}: {c.measure.target:g}")
            elif MEASURED.is_kind(value) and not MEASURED.in_range(value):
                yield _error(r.doc.at(path), path,
                             f"expected {MEASURED.expect_range()} ({unit}), found "
                             f"{found(value, r.doc.raw.get(path))}", MAGNITUDE_FIX)
            elif not MEASURED.is_kind(value):
                hint = _number_hint(cid, value, unit) if isinstance(value, str) else None
                yield _error(r.doc.at(path), path,
                             f"expected a number ({shown(unit)}), found "
                             f"{found(value, r.doc.raw.get(path))}", hint)


def _number_hint(cid: str, value: str, unit: str) -> str:
    """How to write a number given as text (``"99.5 %"``), in a form YAML reads as one."""
    digits = value.replace(unit, "").strip() if unit else value
    try:
        number = float(digits)
    except ValueError:
        return "Leave it out, or write null, if it was not measured."
    if not MEASURED.fits(number):
        return MAGNITUDE_FIX
    text = str(int(number)) if number.is_integer() else repr(number)
    if "e" in text:  # 1e-05: YAML reads that as text; write the digits out
        text = f"{number:.20f}".rstrip("0")
    return f"Write the number alone: {shown(cid)}: {text}"


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
                    hint = f"{shown(cid)} is rated on the scale, not measured."
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
                    hint = did_you_mean(name, listed) or f"Add {shown(name)} to evaluators."
                yield _error(r.doc.key_at(path), path,
                             f"{shown(name)} rated {shown(cid)} but is not listed in "
                             "evaluators", hint)


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
                hint = did_you_mean(sid, services, slugs=True) or \
                    f"The services of {shown(pid)} are: {', '.join(services)}."
            else:
                hint = f"{pf.file.display} lists no services."
            yield _error(r.doc.at(("services_used", i)), ("services_used",),
                         f"{shown(pid)} has no service '{shown(sid)}'", hint)


RULES: tuple[Rule, ...] = (
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
