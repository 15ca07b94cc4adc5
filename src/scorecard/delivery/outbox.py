"""A dry run's outbox: each message as a standard ``.eml`` file, which any mail
program opens. The outbox holds internal documents; the ``.gitignore`` that
``init`` writes keeps it out of git."""

from __future__ import annotations

import re
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

from scorecard.delivery.recipients import Parcel

__all__ = ["eml_name", "parcel_eml_name", "write_outbox"]


def eml_name(number: int, *parts: str) -> str:
    """``001-acme-2026-Q3-provider-dana.eml``: numbered in sending order."""
    name = "-".join([f"{number:03d}", *(p for p in parts if p)])
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name) + ".eml"


def parcel_eml_name(number: int, parcel: Parcel) -> str:
    return eml_name(number, parcel.provider or "portfolio", parcel.period or "",
                    parcel.audience if parcel.provider else "", parcel.to.address.split("@")[0])


def write_outbox(outbox: Path, messages: Sequence[tuple[str, EmailMessage]]) -> list[Path]:
    """Write the messages under their file names, after removing the ``.eml`` files of
    an earlier dry run."""
    outbox.mkdir(parents=True, exist_ok=True)
    for old in outbox.glob("*.eml"):
        if old.is_file() and not old.is_symlink():
            old.unlink()
    written = []
    for name, msg in messages:
        path = outbox / name
        tmp = path.with_suffix(".eml.tmp")
        tmp.write_bytes(msg.as_bytes())  # the message's own policy: CRLF, long lines kept
        tmp.replace(path)
        written.append(path)
    return written
