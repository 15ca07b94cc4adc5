"""The rules about ``providers/<provider>.yaml``, in the order they run."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from scorecard.data.model import Criterion
from scorecard.data.problems import Problem, shown
from scorecard.data.schema.fields import SLUG_RE, did_you_mean, slugify
from scorecard.data.validation.drafts import Drafts, ProviderFile, Rule, _error, _repeated_ids
from scorecard.data.validation.programme import floor_message, wrong_side
from scorecard.data.yaml.document import YamlDoc


def provider_id_matches_file_name(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        p = pf.provider
        if p.id and p.id != pf.file.stem:
            yield _error(p.where("id"), ("id",),
                         f"the id is '{shown(p.id)}' but the file is named "
                         f"{shown(pf.file.rel[-1])}", _rename_hint(p.id, pf.file.stem))


def _rename_hint(pid: str, stem: str) -> str:
    """Rename the file or change the id: only to names that are valid ids."""
    fixes = []
    if SLUG_RE.match(pid):
        fixes.append(f"rename the file to {pid}.yaml")
    if SLUG_RE.match(stem):
        fixes.append(f"change the id to '{stem}'")
    if not fixes:
        fixes.append(f"name the file and the id alike, e.g. {slugify(pid) or 'provider'}")
    text = ", or ".join(fixes)
    return text[0].upper() + text[1:] + "."


def one_file_per_provider(d: Drafts) -> Iterator[Problem]:
    first: dict[str, ProviderFile] = {}
    for pf in d.providers:
        pid = pf.provider.id
        if not pid:
            continue
        if pid in first:
            yield _error(pf.provider.where("id"), ("id",),
                         f"a second file for the provider '{shown(pid)}'; the first is "
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
                             f"the status '{shown(a.status)}' does not fit {article} {a.kind}; "
                             f"expected {', '.join(allowed[:-1])} or {allowed[-1]}",
                             did_you_mean(a.status, allowed))


def closed_date_when_closed(d: Drafts) -> Iterator[Problem]:
    for pf in d.providers:
        for a in pf.provider.actions:
            if a.status not in _STATUSES[a.kind]:
                continue  # reported by action_status_fits_kind
            if a.is_open and a.closed is not None:
                yield _error(a.where("closed"), (*a.path, "closed"),
                             f"a closed date is given, but the status is {shown(a.status)}",
                             "Remove closed, or change the status.")
            elif not a.is_open and a.closed is None and not _has(pf.doc, (*a.path, "closed")):
                yield _error(a.where(), (*a.path, "closed"),
                             f"the status is {shown(a.status)}, so the day it was closed is needed",
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


def notice_deadline_not_before_start(d: Drafts) -> Iterator[Problem]:
    """format.md v1.2: a notice deadline (``end`` minus ``notice_days``) before the
    contract's ``start`` is an error."""
    for pf in d.providers:
        c = pf.provider.contract
        if c is None or c.start is None or c.end is None or c.end < c.start:
            continue
        deadline = date.fromordinal(max(1, c.end.toordinal() - c.notice_days))
        if deadline < c.start:
            most = (c.end - c.start).days
            yield _error(c.where("notice_days"), ("contract", "notice_days"),
                         f"{c.notice_days} days of notice before the end ({c.end.isoformat()}) "
                         f"is {deadline.isoformat()}, before the contract started "
                         f"({c.start.isoformat()})",
                         f"Check notice_days: this contract lasts {most} days, so at most "
                         f"{most}.")


def _unknown(d: Drafts, pf: ProviderFile, path: tuple[Any, ...], cid: str,
             key: bool) -> Problem:
    hint = did_you_mean(cid, d.criteria) or "The criteria are listed in scorecard.yaml."
    loc = pf.doc.key_at(path) if key else pf.doc.at(path)
    return _error(loc, path, f"there is no criterion '{cid}' in the programme", hint)


def terms_name_measured_criteria(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for pf in d.providers:
        for cid in pf.provider.terms:
            c = d.criteria.get(cid)
            if c is None:
                yield _unknown(d, pf, ("terms", cid), cid, True)
            elif c.measure is None:
                yield _error(pf.doc.key_at(("terms", cid)), ("terms", cid),
                             f"{cid} is rated on the scale, so it has no target or floor "
                             "a contract could set", "Remove this term.")


def _programme_values(c: Criterion, day: date | None) -> tuple[float, float | None]:
    """The programme's target and floor for ``c`` in force from ``day`` (None: base)."""
    assert c.measure is not None
    target, floor = c.measure.target, c.measure.floor
    for ch in c.changes:
        if day is not None and ch.from_day <= day:
            target = target if ch.target is None else ch.target
            floor = floor if ch.floor is None else ch.floor
    return target, floor


def terms_floor_on_the_right_side(d: Drafts) -> Iterator[Problem]:
    """Against the programme's values in force from the term's day and at each later change."""
    for pf in d.providers:
        for cid, term in pf.provider.terms.items():
            c = d.criteria.get(cid)
            if c is None or c.measure is None or (term.target is None and term.floor is None):
                continue
            start = term.from_day
            days = [start, *(ch.from_day for ch in c.changes
                             if start is None or ch.from_day > start)]
            for day in days:
                target, floor = _programme_values(c, day)
                t = target if term.target is None else term.target
                f = floor if term.floor is None else term.floor
                side = wrong_side(c.measure.better, t, f)
                if side is None or f is None:
                    continue
                name = "floor" if term.floor is not None else "target"
                yield _error(term.where(name), (*term.path, name),
                             floor_message(c.measure, t, f, side, day),
                             "Check the term's target and floor against scorecard.yaml.")
                break


def not_applicable_names_criteria(d: Drafts) -> Iterator[Problem]:
    if d.programme is None:
        return
    for pf in d.providers:
        for i, cid in enumerate(pf.provider.not_applicable):
            if cid not in d.criteria:
                yield _unknown(d, pf, ("not_applicable", i), cid, False)


RULES: tuple[Rule, ...] = (
    provider_id_matches_file_name,
    one_file_per_provider,
    unique_service_ids,
    unique_action_ids,
    action_status_fits_kind,
    closed_date_when_closed,
    closed_not_before_raised,
    deficiency_has_due_date,
    contract_ends_after_start,
    notice_deadline_not_before_start,
    terms_name_measured_criteria,
    terms_floor_on_the_right_side,
    not_applicable_names_criteria,
)
