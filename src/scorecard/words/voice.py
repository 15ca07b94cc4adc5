"""Who a sentence speaks to: the provider ("you") or, internally, about it ("Acme").

A document for the provider speaks to it ("You met 7 of your 9 service
targets.") and calls the organisation "we"; an internal document names the
provider ("Acme met 7 of its 9 targets.").
"""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.data.model import Provider, display_name

__all__ = ["Voice", "voice_of"]


@dataclass(frozen=True)
class Voice:
    subject: str  # "You" / "Acme"
    possessive: str  # "your" / "its"
    obj: str  # "you" / "Acme"


def voice_of(provider: Provider, internal: bool) -> Voice:
    """The provider-facing voice ("You", "your") or, internally, its name."""
    if internal:
        name = display_name(provider)
        return Voice(name, "its", name)
    return Voice("You", "your", "you")
