"""Scope: how many of the contracted services we used, and which we did not."""

from __future__ import annotations

from scorecard.data.model import Provider, display_name
from scorecard.figures.results import Evaluation
from scorecard.words.numbers import counted, join_words

__all__ = ["scope_sentences"]


def scope_sentences(ev: Evaluation, provider: Provider, *, internal: bool) -> list[str]:
    """How many of the contracted services we used, and which we did not."""
    whom = display_name(provider) if internal else "you"
    noun = ev.period.noun
    scope = ev.scope
    if scope is None:
        if provider.services:
            return [f"We did not record which services we used this {noun}."]
        return []
    total = scope.contracted
    if total == 0:
        return []
    used = len(scope.used)
    if used == total:
        if total == 1:
            return [f"We used the one service we buy from {whom}."]
        return [f"We used all {total} services we buy from {whom}."]
    if used == 0:
        return [f"We used none of the {counted(total, 'service')} we buy from {whom}."]
    return [
        f"We used {used} of the {total} services we buy from {whom}.",
        f"We did not use {join_words([s.name for s in scope.unused])}.",
    ]
