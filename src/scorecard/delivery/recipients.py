"""Who gets what: one parcel (a document for one recipient) per address.

A provider's contacts get that provider's provider scorecard; the record's
lead and evaluators (their addresses from ``distribution.people``) get the
team scorecard; ``distribution.executives`` get the portfolio. Team and
portfolio parcels exist only when ``internal_domains`` is set. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from scorecard.data.addresses import Mailbox, parse_mailbox
from scorecard.data.model import Dataset, Distribution, Provider, Record
from scorecard.output.manifest import Audience, Manifest, ManifestEntry

__all__ = ["AUDIENCES", "Parcel", "document_kind", "parcels", "record_of"]

AUDIENCES: tuple[Audience, ...] = ("provider", "team", "portfolio")


@dataclass(frozen=True)
class Parcel:
    """One document for one recipient."""

    audience: Audience
    provider: str | None  # None for the portfolio
    period: str | None  # None for the portfolio
    to: Mailbox
    document: ManifestEntry  # the file attached (the PDF, or the HTML when no PDF was built)

    def key(self) -> tuple[str, str]:
        """What the sent log is checked by: the recipient and the document's path."""
        return self.to.key, self.document.path

    def sort_key(self) -> tuple[bool, str, str, int, str]:
        """Provider by provider, period by period, the portfolio last."""
        return (self.audience == "portfolio", self.provider or "", self.period or "",
                AUDIENCES.index(self.audience), self.to.key)


def document_kind(entry: ManifestEntry) -> str:
    """provider, team, portfolio or another kind (the renewal brief), from the manifest
    entry's ``document`` key when it has one, else from the file's name."""
    kind = getattr(entry, "document", None)
    return kind if isinstance(kind, str) else PurePosixPath(entry.path).stem


_Key = tuple[Audience, str | None, str | None]


def _attachments(manifest: Manifest) -> dict[_Key, ManifestEntry]:
    """One file per document: its PDF, or its HTML when the build made no PDF."""
    chosen: dict[_Key, ManifestEntry] = {}
    for entry in manifest.documents:
        if entry.format not in ("pdf", "html") or document_kind(entry) != entry.audience:
            continue
        key = (entry.audience, entry.provider, entry.period)
        if key not in chosen or entry.format == "pdf":
            chosen[key] = entry
    return chosen


def _mailboxes(texts: tuple[str, ...] | list[str],
               names: tuple[str, ...] | list[str] = ()) -> list[Mailbox]:
    """The addresses that parse, each once; ``names`` (our people's) are shown for an
    address written without one."""
    found: list[Mailbox] = []
    for i, text in enumerate(texts):
        mailbox, _ = parse_mailbox(text)
        if mailbox is None or mailbox.key in {m.key for m in found}:
            continue
        if not mailbox.name and i < len(names):
            mailbox = Mailbox(names[i], mailbox.address)
        found.append(mailbox)
    return found


def record_of(dataset: Dataset, provider: str | None, period: str | None) -> Record | None:
    for record in dataset.records.get(provider or "", ()):
        if record.period.label == period:
            return record
    return None


def team_of(record: Record, dist: Distribution) -> list[Mailbox]:
    """The lead and evaluators who have an address, the lead first."""
    names = [n for n in dict.fromkeys([record.lead, *record.evaluators]) if n in dist.people]
    return _mailboxes([dist.people[n] for n in names], names)


def lead_of(record: Record | None, dist: Distribution | None) -> Mailbox | None:
    if record is None or dist is None or record.lead not in dist.people:
        return None
    found = _mailboxes([dist.people[record.lead]], [record.lead])
    return found[0] if found else None


def _who(entry: ManifestEntry, provider: Provider | None, record: Record | None,
         dist: Distribution) -> list[Mailbox]:
    if entry.audience == "provider":
        return _mailboxes(provider.contacts) if provider is not None else []
    if not dist.internal_domains:
        return []  # no internal domain configured: no internal document is sent at all
    if entry.audience == "team":
        return team_of(record, dist) if record is not None else []
    return _mailboxes(dist.executives)


def parcels(dataset: Dataset, manifest: Manifest) -> list[Parcel]:
    """Every parcel the build and the data call for, in sending order."""
    dist = dataset.programme.distribution or Distribution()
    found: list[Parcel] = []
    for (audience, pid, period), entry in _attachments(manifest).items():
        provider = dataset.providers.get(pid or "")
        record = record_of(dataset, pid, period)
        for mailbox in _who(entry, provider, record, dist):
            found.append(Parcel(audience, pid, period, mailbox, entry))
    return sorted(found, key=Parcel.sort_key)
