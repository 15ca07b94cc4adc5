"""INTERNAL. The renewal brief's page one: our position and what to ask for.

Each ask is one sentence that asks for something, followed by the figure it is
built from (scoring.md v1.1 "The renewal brief's negotiation points": built from
figures of the brief, never from text written in the data; names of criteria,
services and providers are used, notes and titles are not). The points of
``words.renewal`` say what the figures show; the asks say what to do with them.
"""

from __future__ import annotations

from scorecard.data.model import Programme, display_name
from scorecard.figures.change import shown_change
from scorecard.figures.renewal import MissedTarget, RenewalFigures
from scorecard.figures.rounding import display
from scorecard.figures.scoring import lowest_band
from scorecard.words.numbers import count_word, counted, day_words, noun_form
from scorecard.words.renewal import MAX_MISSED_POINTS, NegotiationPoint, gap_words
from scorecard.words.spend import money

__all__ = ["MIN_ASKS", "asks", "position"]

MIN_ASKS = 3
MAX_ASKS = 7


def _lowest_band(f: RenewalFigures, programme: Programme) -> bool:
    latest = f.term[-1] if f.term else None
    return latest is not None and latest.band is not None and \
        latest.band == lowest_band(programme)


def _weak(f: RenewalFigures, programme: Programme) -> bool:
    """Weak: the latest status is the lowest, the score fell over the term, or a target
    was missed in at least a third of the periods."""
    fell = shown_change(f.first_score, f.last_score)
    return _lowest_band(f, programme) or any(m.often for m in f.missed) \
        or (fell is not None and fell < 0 and f.term_change is not None)


def position(f: RenewalFigures, programme: Programme) -> str:
    """Our position in two sentences, from the latest score, status, trend and targets."""
    name = display_name(f.result.provider)
    latest = f.term[-1] if f.term else None
    if latest is None or latest.overall is None or f.score is None:
        return f"Our position: we have no score for {name} in this contract yet. Ask for one."
    band = f" ({latest.band.name})" if latest.band is not None else ""
    figure = f"{name} scores {display(f.score)} out of 100{band}"
    if _lowest_band(f, programme):
        return f"Our position: do not renew on the same terms. {figure}."
    if _weak(f, programme):
        return f"Our position: renew only with the changes below. {figure}."
    return f"Our position: renew. {figure}."


def _missed_ask(m: MissedTarget, noun: str) -> NegotiationPoint:
    name = m.criterion.name[0].lower() + m.criterion.name[1:]
    periods = noun_form(m.measured, noun, f"{noun}s")
    return NegotiationPoint(
        f"Ask for a plan to meet the target for {name}, and a credit for each miss. "
        f"It was missed in {m.missed} of {m.measured} {periods}, "
        f"by {gap_words(m.mean_gap, m.unit)} on average.",
        "targets",
    )


def _figure_asks(f: RenewalFigures, name: str, currency: str | None) -> list[NegotiationPoint]:
    noun = f.term[-1].period.noun if f.term else "period"
    out = [_missed_ask(m, noun) for m in f.missed if m.often][:MAX_MISSED_POINTS]
    for u in f.leverage.unused:
        cost = f" and save {money(u.annual_value, currency)} a year" \
            if u.annual_value is not None else ""
        out.append(NegotiationPoint(
            f"Ask to take {u.service.name} out of the contract{cost}. "
            "We did not use it in the last year.", "scope"))
    a = f.actions
    if a.open:
        n = len(a.open)
        late = f" {count_word(len(a.overdue))} {'is' if len(a.overdue) == 1 else 'are'} " \
            "overdue." if a.overdue else ""
        out.append(NegotiationPoint(
            f"Ask {name} to fix the {counted(n, 'open problem')} before we sign.{late}",
            "problems"))
    fell = shown_change(f.first_score, f.last_score) if f.term_change is not None else None
    if fell is not None and fell < 0 and f.first_score is not None and f.last_score is not None:
        out.append(NegotiationPoint(
            f"Ask for a recovery plan with dates. The score fell from "
            f"{display(f.first_score)} to {display(f.last_score)} over the contract.", "scores"))
    peer = f.best_peer
    if peer is not None and peer.score is not None and f.score is not None \
            and display(peer.score) > display(f.score):
        out.append(NegotiationPoint(
            f"Ask for a lower price, or move work to {display_name(peer.result.provider)}. "
            f"It scores {display(peer.score)} to {name}'s {display(f.score)} in the same area.",
            "peers"))
    return out


def _standing_asks(f: RenewalFigures, currency: str | None) -> list[NegotiationPoint]:
    """Asks that hold for any contract, each from a figure: the targets met, the price,
    renewal by itself, or else the offer before the notice deadline."""
    out: list[NegotiationPoint] = []
    latest = next((e for e in reversed(f.term) if e.targets_measured), None)
    if latest is not None:
        out.append(NegotiationPoint(
            f"Ask to keep every target in the new contract. They met {latest.targets_met} of "
            f"{latest.targets_measured} in {latest.period.label}.", "scores"))
    if f.leverage.spend is not None:
        out.append(NegotiationPoint(
            f"Ask to keep the price at {money(f.leverage.spend.annual_value, currency)} a year "
            "or less. That is what we pay now.", "deadline"))
    status, contract = f.result.contract, f.result.provider.contract
    if contract is not None and contract.auto_renew and status is not None \
            and status.notice_deadline is not None:
        out.append(NegotiationPoint(
            "Ask for a contract that does not renew by itself. This one renews unless we give "
            f"notice by {day_words(status.notice_deadline)}.", "deadline"))
    elif contract is not None and status is not None and status.notice_deadline is not None:
        out.append(NegotiationPoint(
            f"Ask for their offer in writing before {day_words(status.notice_deadline)}. That "
            "is the last day to give notice.", "deadline"))
    return out


def asks(f: RenewalFigures) -> tuple[NegotiationPoint, ...]:
    """What to ask for, most telling first; at least ``MIN_ASKS`` when the figures allow."""
    name = display_name(f.result.provider)
    contract = f.result.provider.contract
    currency = contract.currency if contract is not None else None
    out = _figure_asks(f, name, currency)
    for ask in _standing_asks(f, currency):
        if len(out) >= MIN_ASKS:
            break
        out.append(ask)
    return tuple(out[:MAX_ASKS])
