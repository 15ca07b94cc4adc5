"""The pieces more than one document's view uses.

Numbers in words, the page's meta, action lines (provider and team
scorecards), peer lines and exit-plan words (team scorecard and portfolio).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from scorecard.data.model import Action, Programme, Provider, display_name
from scorecard.data.provenance import Provenance
from scorecard.documents.templating import DocumentMeta, audience_label, band_class, format_score
from scorecard.figures.change import shown_trend
from scorecard.figures.priorities import priorities, reply_by
from scorecard.figures.results import Evaluation, ProviderResult
from scorecard.figures.rounding import display, round_half_away
from scorecard.figures.rules import changed_between
from scorecard.figures.scoring import bands_of
from scorecard.words.change import change_from_to, change_words
from scorecard.words.contact import reply_to_sentences
from scorecard.words.priorities import fix_first_sentences, reply_sentences

__all__ = ["ActionLine", "PeerLine", "fix_first", "reply_text"]


# --- numbers in words -------------------------------------------------------


def _trend_words(change: int | None, none: str) -> str:
    """scoring.md: "About the same" under 1 point, else "Up N points" / "Down N points";
    ``change`` is worked from the printed scores (``figures.change.shown_trend``)."""
    return change_words(change, none, capital=True)


def _rating_text(x: float) -> str:
    """A mean rating: "4", "3.5" (one decimal, halves away from zero)."""
    return str(int(x)) if x == int(x) else f"{round_half_away(x, 1):.1f}"


def _score(x: float | None) -> int | None:
    return display(x) if x is not None else None


def _bands(programme: Programme) -> tuple[tuple[str, float], ...]:
    return tuple((b.name, b.min) for b in programme.bands)


def _meta(
    *,
    title: str,
    audience: Literal["provider", "team", "portfolio", "index"],
    programme: Programme,
    as_of: date,
    provenance: Provenance,
    provider_name: str | None = None,
    period: str | None = None,
) -> DocumentMeta:
    """What the base layout needs. The index is internal, like the portfolio."""
    kind: Literal["provider", "team", "portfolio"] = (
        "portfolio" if audience == "index" else audience
    )
    return DocumentMeta(
        title=title,
        audience=kind,
        audience_label=audience_label(kind, provider_name),
        as_of=as_of,
        commit=provenance.commit or "",
        dirty=provenance.dirty,
        provider=provider_name,
        period=period,
        organisation=programme.organisation,
        commit_day=provenance.commit_day,
    )


# --- action lines: the provider and team scorecards ---------------------------


@dataclass(frozen=True)
class ActionLine:
    id: str
    kind: str  # "Problem" (a deficiency in the data) or "Idea" (words.glossary)
    title: str
    raised: date
    due: date | None
    overdue: bool
    status: str  # "Open", "Proposed", ...
    owner: str  # "You", "Us" (provider view) / provider name, "Us" (team view) or ""
    note: str | None  # Markdown, shared


_STATUS = {
    "open": "Open", "done": "Done", "dropped": "Dropped",
    "proposed": "Proposed", "adopted": "Adopted", "declined": "Declined",
}  # fmt: skip


def _action_line(action: Action, as_of: date, owner: str) -> ActionLine:
    return ActionLine(
        id=action.id,
        kind="Problem" if action.kind == "deficiency" else "Idea",
        title=action.title,
        raised=action.raised,
        due=action.due,
        overdue=action.kind == "deficiency"
        and action.due is not None
        and action.due < as_of
        and _open_on(action, as_of),
        status=_STATUS[action.status] if not _open_on(action, as_of) or action.is_open
        else ("Open" if action.kind == "deficiency" else "Proposed"),
        owner=owner,
        note=action.note,
    )


def _open_on(action: Action, as_of: date) -> bool:
    """Open on ``as_of``: not closed by then (see ``actions.is_open_on``)."""
    return action.closed is None or action.closed > as_of


def _owner(action: Action, you: str) -> str:
    if action.owner == "provider":
        return you
    if action.owner == "us":
        return "Us"
    return ""


# --- exit plans and peer lines: the team scorecard and the portfolio ----------


_EXIT_STATUS = {"none": "No plan", "drafted": "Drafted", "tested": "Tested"}


@dataclass(frozen=True)
class PeerLine:
    rank: int
    name: str
    score: int | None
    band: str | None
    band_class: str
    this: bool  # the provider the document is about


def _peer(result: ProviderResult, rank: int, programme: Programme, this_id: str) -> PeerLine:
    latest = _latest_scored(result)
    band = latest.band.name if latest is not None and latest.band is not None else None
    return PeerLine(
        rank=rank,
        name=result.provider.name,
        score=_score(latest.overall) if latest is not None else None,
        band=band,
        band_class=band_class(band, _bands(programme)),
        this=result.provider.id == this_id,
    )


def _latest_scored(result: ProviderResult) -> Evaluation | None:
    for evaluation in reversed(result.evaluations):
        if evaluation.overall is not None:
            return evaluation
    return None


def rules_changed_since(programme: Programme, result: ProviderResult, e: Evaluation) -> bool:
    """Whether ``e`` was judged by other rules than the provider's evaluation before it."""
    earlier = [x for x in result.evaluations if x.period < e.period]
    return bool(earlier) and changed_between(
        programme, result.provider, e.period, earlier[-1].period
    )


def _trend_text(evaluation: Evaluation, programme: Programme, provider: Provider, *,
                note: bool = True) -> str:
    """The trend in words; when the rules changed since the period compared with,
    it says so beside it (scoring.md v1.1), unless ``note`` is False (then the page
    prints ``trend_note`` under it)."""
    text = _trend_words(shown_trend(evaluation), "No earlier score to compare with")
    if evaluation.previous_overall is not None and evaluation.overall is not None:
        text = change_from_to(display(evaluation.previous_overall), display(evaluation.overall))
    said = trend_note(evaluation, programme, provider) if note else ""
    return f"{text} ({said[0].lower()}{said[1:-1]})" if said else text


def trend_note(evaluation: Evaluation, programme: Programme, provider: Provider) -> str:
    """"The rules changed since 2026-Q2." when they did since the period compared with."""
    before = evaluation.previous
    if evaluation.trend is not None and before is not None and \
            changed_between(programme, provider, evaluation.period, before):
        return f"The rules changed since {before.label}."
    return ""


def fix_first(
    result: ProviderResult, evaluation: Evaluation, as_of: date, *, internal: bool
) -> tuple[str, ...]:
    """Page one's "What to fix first": the open deficiencies the page shows, and the
    evaluation's missed targets (shared fields only)."""
    items = priorities(evaluation, result.actions.open_deficiencies, as_of)
    return tuple(fix_first_sentences(items, internal=internal))


def reply_text(
    result: ProviderResult, evaluation: Evaluation, programme: Programme, *, internal: bool
) -> str:
    """How and by when to reply, while no provider reply is on file ("" once it is)."""
    dist = programme.distribution
    days = dist.reply_days if dist is not None else 14
    sentences = reply_sentences(reply_by(evaluation, days), days,
                                display_name(result.provider), internal=internal)
    if sentences and not internal:  # whom to write to, from the data (issue 23)
        sentences[1:1] = reply_to_sentences(evaluation.record.lead, dist)
    return " ".join(sentences)


def _band_texts(programme: Programme) -> tuple[str, ...]:
    """The bands in words, highest first: "Strong: 80 or more", "At risk: below 60"."""
    ordered = bands_of(programme)
    texts: list[str] = []
    for i, band in enumerate(ordered):
        low = format_score(band.min)
        if i == 0:
            texts.append(f"{band.name}: {low} or more")
        elif band.min <= 0:
            texts.append(f"{band.name}: below {format_score(ordered[i - 1].min)}")
        else:
            texts.append(f"{band.name}: {low} to under {format_score(ordered[i - 1].min)}")
    return tuple(texts)
