"""The rules about ``providers/<provider>.yaml``, in the order they run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scorecard.data.problems import Problem, shown
from scorecard.data.schema.fields import SLUG_RE, did_you_mean, slugify
from scorecard.data.validation.drafts import Drafts, ProviderFile, Rule, _error, _repeated_ids
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
)
