"""Attaching ``evidence.csv`` to the provider's message (outputs.md v1.2)."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from scorecard.delivery.recipients import Parcel
from scorecard.output.evidence import NAME
from scorecard.output.manifest import Manifest, regular_bytes, sha256


def attach_evidence(msg: EmailMessage, parcel: Parcel, manifest: Manifest, out_dir: Path) -> None:
    """Add the period's evidence.csv to a provider's message, when the build made one
    and the file is still as the manifest lists it."""
    if parcel.audience != "provider":
        return
    for entry in manifest.documents:
        if (entry.format == "csv" and entry.provider == parcel.provider
                and entry.period == parcel.period and entry.path.endswith("/" + NAME)):
            content = regular_bytes(out_dir / entry.path)
            if content is not None and sha256(content) == entry.sha256:
                msg.add_attachment(content, maintype="text", subtype="csv",
                                   filename=f"evidence {parcel.provider} {parcel.period}.csv")
