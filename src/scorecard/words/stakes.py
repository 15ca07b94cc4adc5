"""INTERNAL. Who takes a contract decision and what is at stake, for the portfolio's
"Decisions to take": "Pieter Bakker decides. At stake: EUR 640,000 a year."

The owner is the provider's lead (``figures.due.lead_of``): the person who owns its
evaluations owns the decision too (README, "Where the contract was silent").
"""

from __future__ import annotations

from scorecard.figures.due import lead_of
from scorecard.figures.results import ProviderResult, Spend
from scorecard.words.spend import money

__all__ = ["decision_stake"]


def decision_stake(result: ProviderResult, spend: Spend | None) -> str:
    """The owner and the amount at stake, as two short sentences."""
    lead = lead_of(result)
    owner = f"{lead} decides." if lead else "No one is named to decide."
    if spend is None:
        return f"{owner} The contract's value is not on file."
    return f"{owner} At stake: {money(spend.annual_value, spend.currency)} a year."
