"""Service credits and termination rights in plain words (scoring.md v1.2).

Money is written as the documents write money (``EUR 7,200``, cents only when
there are some: ``EUR 1,661.54``), from the exact decimal, never a float.
Termination sentences are INTERNAL: only the team scorecard, the portfolio, the
renewal brief and ``due`` use them.
"""

from __future__ import annotations

from decimal import Decimal

from scorecard.data.periods import Period
from scorecard.figures.credits import CreditItem, Credits, PeriodCredits, Skipped, cents
from scorecard.figures.termination import TerminationRight
from scorecard.words.numbers import count_word, join_words, noun_form
from scorecard.words.voice import Voice

__all__ = [
    "amount_text",
    "cap_sentences",
    "earlier_sentence",
    "earn_back_sentence",
    "item_what",
    "pending_sentence",
    "right_sentence",
    "rule_text",
    "skipped_sentence",
    "state_text",
    "termination_due_sentence",
    "terms_sentence",
    "twelve_months_sentence",
]

_REASONS = {
    "not scored": "it was not scored",
    "not in force": "it was not yet in force",
    "does not apply": "it does not apply to this contract",
}


def amount_text(amount: Decimal, currency: str) -> str:
    """``EUR 7,200``; ``EUR 1,661.54``: as ``words.spend.money`` writes money."""
    whole = f"{cents(amount):,.2f}".removesuffix(".00")
    return f"{currency} {whole}"


def terms_sentence(credits: Credits, noun: str, voice: Voice) -> str:
    """What the credits are, in the provider's voice or about it. The word "contract"
    is kept for internal documents (a provider document never says it)."""
    terms = credits.terms
    cap = amount_text(terms.at_risk_amount, terms.currency)
    miss = "you miss" if voice.subject == "You" else f"{voice.subject} misses"
    return (f"We get a service credit when {miss} a key target. The credits come to at most "
            f"{cap} a {noun}.")


def item_what(item: CreditItem, times: Decimal) -> str:
    """What the credit is for: "Missed", "Missed again: counted 2 times"."""
    if item.repeat:
        return f"Missed again: counted {_times(times)}"
    return "Missed"


def _times(times: Decimal) -> str:
    text = f"{times.normalize():f}"
    return "twice" if text == "2" else f"{text} times"


def cap_sentences(pc: PeriodCredits, credits: Credits, noun: str, voice: Voice) -> list[str]:
    """The period's credit in words, with the caps when they cut it."""
    cur = credits.currency
    if not pc.items:
        if pc.met and not pc.skipped:
            return [f"No credit is due for this {noun}. {voice.subject} met every target "
                    "that earns one."]
        return [f"No credit is due for this {noun}."]
    words = []
    if pc.before_caps > pc.at_risk:
        words.append(f"Together that is {amount_text(pc.before_caps, cur)}. The most one "
                     f"{noun} can earn is {amount_text(pc.at_risk, cur)}, so the credit is "
                     f"{amount_text(pc.at_risk, cur)}.")
    elif pc.at_cap:
        words.append(f"That is {amount_text(pc.at_risk, cur)}, the most one {noun} can earn.")
    if pc.year_cut > 0:
        words.append(f"The yearly cap takes {amount_text(pc.year_cut, cur)} off.")
    if pc.year_cut > 0 or not pc.at_cap:  # at the cap, the sentence above said the amount
        words.append(f"The credit for this {noun} is {amount_text(pc.amount, cur)}.")
    return words


def skipped_sentence(skipped: tuple[Skipped, ...], noun: str) -> str:
    """Pool criteria with no miss and no credit, and why, in one or more sentences."""
    return " ".join(
        f"No credit for {s.criterion.name}: {_REASONS[s.reason]} this {noun}."
        if s.reason != "does not apply" else
        f"No credit for {s.criterion.name}: {_REASONS[s.reason]}."
        for s in skipped
    )


def pending_sentence(pc: PeriodCredits, earn_back: int | None, voice: Voice) -> str:
    """How this period's credits can still be earned back ("" when none can)."""
    if earn_back is None or not any(i.state == "pending" for i in pc.items):
        return ""
    later, labels = pc.period, []
    for _ in range(earn_back):
        later = later.next()
        labels.append(later.label)
    who = "you meet" if voice.subject == "You" else f"{voice.subject} meets"
    what = "this target" if len(pc.items) == 1 else "each of these targets"
    return (f"It is earned back if {who} {what} in {join_words(labels)}. "
            "A miss first makes it final.")


def state_text(item: CreditItem, earn_back: int | None) -> str:
    """``Pending``, ``Earned back in 2026-Q4``, ``Final``."""
    if item.state == "earned_back" and item.settled is not None:
        return f"Earned back in {item.settled.label}"
    if item.state == "pending":
        return "Pending"
    return "Final"


def earn_back_sentence(n: int, noun: str) -> str:
    """How a credit is earned back: "... in each of the next two quarters after it"."""
    periods = f"the next {noun}" if n == 1 else \
        f"each of the next {count_word(n).lower()} {noun_form(n, noun)}"
    return (f"A credit is earned back when its target is met in {periods} after it. "
            "Until then it is pending.")


def earlier_sentence(pc: PeriodCredits, item: CreditItem, credits: Credits,
                     voice: Voice) -> str:
    """One earlier credit and its state now."""
    what = f"{pc.period.label}: {amount_text(item.credited, credits.currency)} for " \
           f"{item.criterion.name}"
    n = credits.terms.earn_back
    if item.state == "earned_back" and item.settled is not None:
        return f"{what}. It was earned back in {item.settled.label}."
    if item.state == "pending" and n is not None:
        goal = "meets" if voice.subject != "You" else "meet"
        who = voice.subject if voice.subject != "You" else "you"
        return (f"{what}. It is pending. It is earned back if {who} {goal} the target for "
                f"{count_word(n).lower()} {noun_form(n, pc.period.noun)} in a row after it.")
    if item.settled is not None and item.why_final is not None:
        return f"{what}. It is final: {_FINAL[item.why_final]} {item.settled.label}."
    return f"{what}. It is final."


_FINAL = {"missed": "the target was missed again in", "not scored": "it was not scored in",
          "no record": "there was no evaluation for"}


def twelve_months_sentence(credits: Credits, name: str) -> str:
    """INTERNAL: credits over the 12 months up to the as-of day."""
    year = credits.last_12_months()
    total = sum((pc.amount for pc in year), Decimal(0))
    back = sum((pc.earned_back for pc in year), Decimal(0))
    cur = credits.currency
    if total == 0:
        return f"{name} owed no service credits in the last 12 months."
    text = f"{name} owed {amount_text(total, cur)} in service credits in the last 12 months"
    if back > 0:
        return f"{text}; {amount_text(back, cur)} of it was earned back."
    return f"{text}."


def rule_text(right: TerminationRight, noun: str) -> str:
    """INTERNAL: the rule in words: "Availability missed in 3 of any 6 quarters in a row"."""
    rule = right.rule
    plural = noun_form(rule.within, noun)
    if right.criterion is None:
        return (f"Credits at the cap in {rule.count} of any {rule.within} {plural} in a row")
    return f"{right.criterion.name} missed in {rule.count} of any {rule.within} {plural} in a row"


def right_sentence(right: TerminationRight, noun: str) -> str:
    """INTERNAL: whether the right holds, over which periods, or how far it is."""
    if right.holds:
        labels = join_words([p.label for p in right.periods])
        thing = ("credits were at the cap" if right.criterion is None
                 else f"{right.criterion.name} was missed")
        return f"We have the right to end the contract: {thing} in {labels}."
    n = right.misses_to_hold or 0
    if right.criterion is None:
        what = f"{noun_form(n, noun)} with credits at the cap"
    else:
        what = f"missed {noun_form(n, 'target')} for {right.criterion.name}"
    verb = "gives" if n == 1 else "give"
    by = f" by {right.by.label}" if isinstance(right.by, Period) else ""
    return f"{count_word(n)} more {what}{by} {verb} us the right to end the contract."


def termination_due_sentence(name: str, right: TerminationRight) -> str:
    """INTERNAL (``due``, the portfolio): a right that holds, with whom and why."""
    labels = join_words([p.label for p in right.periods])
    why = (f"its credits were at the cap in {labels}" if right.criterion is None
           else f"{right.criterion.name} was missed in {labels}")
    return f"We have the right to end the contract with {name}: {why}."
