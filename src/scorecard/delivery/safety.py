"""What must never go out, checked before anything is sent or written.

Each refusal is a Problem (an error): a run with any refusal sends nothing.

- a draft build (made from uncommitted data), or one without a manifest;
- a file that does not match the sha256 the manifest gives it;
- a document for a record that is a draft, or that the data does not have;
- a provider's address given anything but that provider's provider documents;
- a team or portfolio document for an address outside ``internal_domains``,
  or an internal domain that is a provider's domain.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from scorecard.data.addresses import parse_mailbox
from scorecard.data.model import Dataset
from scorecard.data.problems import Location, Problem
from scorecard.delivery.recipients import Parcel, record_of
from scorecard.output.manifest import MANIFEST, Manifest, regular_bytes, sha256

__all__ = ["build_refusals", "parcel_refusals"]


def build_refusals(manifest: Manifest, out_dir: Path) -> list[Problem]:
    if not manifest.dirty:
        return []
    return [Problem(
        Location(str(out_dir / MANIFEST)),
        "this build was made from uncommitted data (a draft build); nothing is sent from it",
        hint="Commit the data, build again, then send.")]


def _contacts_by_address(dataset: Dataset) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for provider in dataset.providers.values():
        for text in provider.contacts:
            mailbox, _ = parse_mailbox(text)
            if mailbox is not None:
                owners.setdefault(mailbox.key, set()).add(provider.id)
    return owners


def domain_refusals(dataset: Dataset) -> Iterator[Problem]:
    """An internal domain that is also the domain of a provider's contact."""
    dist = dataset.programme.distribution
    if dist is None:
        return
    internal = {d.lower() for d in dist.internal_domains}
    for provider in dataset.providers.values():
        for i, text in enumerate(provider.contacts):
            mailbox, _ = parse_mailbox(text)
            if mailbox is not None and mailbox.domain in internal:
                yield Problem(
                    provider.where("contact", i) if len(provider.contacts) > 1
                    else provider.where("contact"),
                    f"{mailbox.address}, a contact of {provider.name}, is in one of our "
                    f"internal_domains ({mailbox.domain}); internal documents could reach "
                    "the provider, so nothing is sent",
                    field="contact", hint="Remove the provider's domain from "
                    "distribution.internal_domains, or correct the contact.")


def _address_refusal(parcel: Parcel, dataset: Dataset,
                     owners: dict[str, set[str]]) -> str | None:
    who = parcel.to.address
    providers = owners.get(parcel.to.key, set())
    if parcel.audience == "provider":
        others = sorted(providers - {parcel.provider or ""})
        if others:
            return (f"{who} is a contact of {', '.join(others)} as well as of "
                    f"{parcel.provider}; a provider's address only gets its own documents")
        return None
    what = f"the {parcel.audience} document {parcel.document.path}"
    if providers:
        return (f"{who} is a contact of {', '.join(sorted(providers))} and would get "
                f"{what}, which is internal")
    dist = dataset.programme.distribution
    domains = dist.internal_domains if dist is not None else ()
    if parcel.to.domain not in {d.lower() for d in domains}:
        return (f"{who} is outside our internal_domains ({', '.join(domains) or 'none'}) "
                f"and would get {what}, which is internal")
    return None


def _is_draft(dataset: Dataset, provider: str, period: str | None) -> bool:
    """A draft record (format.md, "Draft records") is held apart from the evaluations."""
    if any(r.period.label == period for r in dataset.drafts.get(provider, ())):
        return True
    record = record_of(dataset, provider, period)
    return record is not None and record.status == "draft"


def _record_refusal(parcel: Parcel, dataset: Dataset) -> str | None:
    if parcel.provider is None:
        return None
    if _is_draft(dataset, parcel.provider, parcel.period):
        return (f"the record for {parcel.provider} {parcel.period} is a draft "
                "(status: draft); drafts are never sent")
    record = record_of(dataset, parcel.provider, parcel.period)
    if record is None:
        return (f"the build has {parcel.document.path} but the data has no record for "
                f"{parcel.provider} {parcel.period}; build again from the current data")
    return None


def _file_refusal(parcel: Parcel, out_dir: Path) -> str | None:
    path = out_dir / parcel.document.path
    content = regular_bytes(path)
    if content is None:
        return f"{path} is missing (the manifest lists it); build again"
    if sha256(content) != parcel.document.sha256:
        return (f"{path} does not match the build's manifest (its sha256 differs): it was "
                "changed after the build; build again")
    return None


def parcel_refusals(parcels: Iterable[Parcel], dataset: Dataset, out_dir: Path) -> list[Problem]:
    """Every reason not to send these parcels (one message per reason)."""
    owners = _contacts_by_address(dataset)
    reasons: dict[str, None] = {}
    for parcel in parcels:
        for check in (_file_refusal(parcel, out_dir), _record_refusal(parcel, dataset),
                      _address_refusal(parcel, dataset, owners)):
            if check is not None:
                reasons.setdefault(check)
    found = [Problem(Location(str(out_dir / MANIFEST)), r) for r in reasons]
    return list(domain_refusals(dataset)) + found
