"""Documents that go to no one: a provider scorecard in the build for a provider
with no contact. ``send`` names each such provider (a warning: the rest goes), so
that a dry run shows who would get nothing before anyone relies on it."""

from __future__ import annotations

from collections.abc import Iterable

from scorecard.data.model import Dataset
from scorecard.data.problems import Problem
from scorecard.delivery.recipients import Parcel, document_kind
from scorecard.output.manifest import Manifest

__all__ = ["without_contact"]


def without_contact(dataset: Dataset, manifest: Manifest, reached: Iterable[Parcel], *,
                    providers: tuple[str, ...] = (), periods: tuple[str, ...] = (),
                    audiences: tuple[str, ...] = ()) -> list[Problem]:
    """A warning for each provider whose provider scorecards (within the narrowing)
    have no recipient."""
    if audiences and "provider" not in audiences:
        return []
    has_parcel = {p.provider for p in reached if p.audience == "provider"}
    missing: dict[str, set[str]] = {}
    for entry in manifest.documents:
        if (entry.audience != "provider" or document_kind(entry) != "provider"
                or entry.provider is None or entry.provider in has_parcel
                or (providers and entry.provider not in providers)
                or (periods and entry.period not in periods)):
            continue
        missing.setdefault(entry.provider, set()).add(entry.period or "")
    problems = []
    for pid, labels in sorted(missing.items()):
        provider = dataset.providers.get(pid)
        if provider is None:
            continue
        listed = ", ".join(sorted(labels))
        problems.append(Problem(
            provider.where(), f"{provider.name} has no contact, so its provider scorecard "
            f"({listed}) goes to no one", field="contact", severity="warning",
            hint="Add the addresses that should get it, e.g. contact: [Dana Cole "
                 "<dana@provider.example>]."))
    return problems
