"""Rules that look at more than one value, or at more than one file.

Each rule is a small function named for what it requires; ``RULES`` lists them
all, in the order of format.md's "What is an error". A rule gets the whole
data set as far as it could be read (``Drafts``) and yields the problems it
finds; it skips what earlier checks already found broken, so that one mistake
gives one message.

The rules live in one module per kind of file they are about: ``programme``
(scorecard.yaml), ``providers``, ``records`` (and ``evaluations``, a record
as an evaluation: in force, status, days) and ``distribution`` (addresses);
``drafts`` holds what they look at. ``RULES`` runs them in that order, each
module's in its own order.

May import: the standard library and other modules of ``scorecard.data`` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from scorecard.data.problems import Problem
from scorecard.data.validation import (
    adoption,
    credits,
    distribution,
    evaluations,
    evidence,
    plausible,
    programme,
    providers,
    records,
    reported,
    voice,
)
from scorecard.data.validation.drafts import Drafts, Rule

__all__ = ["RULES", "rule_id", "validate"]

RULES: tuple[Rule, ...] = (
    *programme.RULES, *plausible.PROGRAMME_RULES, *providers.RULES, *records.RULES,
    *evaluations.RULES, *reported.RULES, *plausible.RECORD_RULES, *adoption.RULES,
    *credits.RULES,
    *distribution.RULES, *voice.RULES, *evidence.RULES,
)


def validate(drafts: Drafts, rules: Iterable[Rule] = RULES) -> list[Problem]:
    """Every problem every rule finds."""
    problems: list[Problem] = []
    for rule in rules:
        name = rule_id(rule)
        problems.extend(p if p.rule else replace(p, rule=name) for p in rule(drafts))
    return problems


def rule_id(rule: Rule) -> str:
    """A rule's id, from its function's name: ``data/scale-min-below-max``."""
    return "data/" + getattr(rule, "__name__", "rule").strip("_").replace("_", "-")
