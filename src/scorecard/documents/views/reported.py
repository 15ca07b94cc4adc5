"""The provider's reported figures on the provider and team scorecards: a sentence
under each criterion it reported, and page one's list of differences to discuss.
Shared fields only: what the provider reported is its own figure."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from scorecard.data.model import Provider
from scorecard.figures.results import Evaluation
from scorecard.words.reported import reported_sentence, to_discuss

if TYPE_CHECKING:
    from scorecard.documents.views.provider import CategoryLine, ProviderPage

__all__ = ["with_reported"]


def _lines(page: ProviderPage, evaluation: Evaluation, provider: Provider,
           internal: bool) -> tuple[CategoryLine, ...]:
    results = {cr.criterion.id: cr for cr in evaluation.criteria()}
    return tuple(
        replace(cat, criteria=tuple(
            replace(line, reported=reported_sentence(results[line.id], provider,
                                                     internal=internal))
            if line.id in results else line
            for line in cat.criteria))
        for cat in page.categories
    )


def with_reported(page: ProviderPage, evaluation: Evaluation, provider: Provider, *,
                  internal: bool) -> ProviderPage:
    """``page`` with the reported figures in words (the same page when none was reported)."""
    if not any(cr.reported is not None for cr in evaluation.criteria()):
        return page
    return replace(page, categories=_lines(page, evaluation, provider, internal),
                   to_discuss=to_discuss(evaluation.criteria(), provider, internal=internal))
