"""Whom a provider writes to: the evaluation's lead (their address in
``distribution.people``) and our shared address (``distribution.from``), from the data.

"Write to Pieter Bakker, who led this evaluation, at pieter.bakker@example.com."
"""

from __future__ import annotations

from email.utils import parseaddr

from scorecard.data.model import Distribution

__all__ = ["reply_to_sentences"]


def _address(written: str | None) -> tuple[str, str] | None:
    if not written:
        return None
    name, address = parseaddr(written)
    return (name, address) if address else None


def reply_to_sentences(lead: str, distribution: Distribution | None) -> list[str]:
    """Where to send a reply: the lead's address, then our shared one; nothing when the
    data names neither (the reply sentence then says "to us" only)."""
    if distribution is None:
        return []
    sentences: list[str] = []
    lead_address = _address(distribution.people.get(lead))
    ours = _address(distribution.sender)
    if lead_address is not None:
        sentences.append(f"Send it to {lead} at {lead_address[1]}.")
    if ours is not None and (lead_address is None or ours[1] != lead_address[1]):
        who = ours[0] or "us"
        start = "Copy" if lead_address is not None else "Send it to"
        sentences.append(f"{start} {who} at {ours[1]}.")
    return sentences
