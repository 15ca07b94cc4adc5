"""What a fillable form shows (outputs.md v1.2, "Forms"): the view of one record for one
role. An evaluator's form (the lead, or one evaluator by name) has a field per
criterion in force and applicable; a provider's form has its own figures and ratings,
its ratings of us and its reply, and is built from shared fields only: nothing
internal has a place in :class:`FormPage` when the role is the provider.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from scorecard.data.formfields import LEAD, PROVIDER, single_rater
from scorecard.data.model import Criterion, Dataset, Measured, Provider, Rated, Record
from scorecard.figures.rules import rules_in_force
from scorecard.words.numbers import day_words, number_text, value_text

__all__ = ["FormField", "FormPage", "FormRow", "FormSection", "field_names", "form_view"]


@dataclass(frozen=True)
class FormField:
    name: str  # the interface name: score.<criterion>, note.<criterion>, ...
    label: str  # what the person reads beside it
    kind: str  # number | choice | note (a few lines) | text (a paragraph or more)
    value: str  # filled in: what is known already ("" for nothing)
    options: tuple[tuple[str, str], ...] = ()  # choice: (value, words)


@dataclass(frozen=True)
class FormRow:
    title: str
    explain: str | None
    asks: str  # what to write, in words (unit and target, or the scale)
    fields: tuple[FormField, ...]
    shown: str | None = None  # a value shown, not editable (computed from a source)


@dataclass(frozen=True)
class FormSection:
    title: str
    intro: str
    rows: tuple[FormRow, ...]


@dataclass(frozen=True)
class FormPage:
    title: str
    organisation: str
    provider: str
    period: str
    role: str
    who: str  # who fills it in
    purpose: str  # what it is for
    by_when: str  # a day in words
    how: tuple[str, ...]  # how to fill and return it, step by step
    sections: tuple[FormSection, ...]
    identity: str  # the hidden identity (formfields.FormIdentity.text())


def _number(value: float | None) -> str:
    return "" if value is None else number_text(value)


def _computed(criterion: Criterion, record: Record) -> str | None:
    """How a value computed from the period's source file is shown (``measure.from``,
    format.md v1.2), or None when the record's own value stands (no such file)."""
    found = record.computed.get(criterion.id)
    if found is None or criterion.measure is None:
        return None
    value, file = found.value, found.file
    shown = "no rows counted, so not scored" if value is None else \
        value_text(value, criterion.measure.unit)
    return f"Computed from {file}: {shown}. Nothing to type here."


def _choices(dataset: Dataset) -> tuple[tuple[str, str], ...]:
    scale = dataset.programme.scale
    options = [("", "(not rated)")]
    for n in range(scale.min, scale.max + 1):
        label = scale.label(n)
        options.append((str(n), f"{n} - {label}" if label else str(n)))
    return tuple(options)


def _asks(criterion: Criterion, dataset: Dataset) -> str:
    m = criterion.measure
    if m is None:
        return _rating_words(dataset)
    better = "higher" if m.better == "higher" else "lower"
    floor = "" if m.floor is None else f"; at worst {value_text(m.floor, m.unit)}"
    return f"A number in {m.unit}. Target {value_text(m.target, m.unit)} ({better} is " \
           f"better{floor})."


def _rating_of(record: Record, cid: str, name: str) -> str:
    result = record.scores.get(cid)
    if isinstance(result, Rated) and name in result.ratings:
        return str(result.ratings[name])
    return ""


def _evaluator_row(c: Criterion, dataset: Dataset, record: Record, role: str) -> FormRow:
    rater = record.lead if role == LEAD else role
    fields: list[FormField] = []
    shown = None
    if c.measure is not None:
        result = record.scores.get(c.id)
        shown = _computed(c, record)
        if shown is not None:
            pass
        elif role == LEAD:
            value = result.value if isinstance(result, Measured) else None
            fields.append(FormField(f"score.{c.id}", f"Our figure ({c.measure.unit})",
                                    "number", _number(value)))
        elif isinstance(result, Measured):
            shown = f"Our figure: {value_text(result.value, c.measure.unit)} (the lead's)."
    else:
        mine = "Your rating" if role != LEAD or single_rater(record.lead, record.evaluators) \
            else f"Your rating ({rater})"
        fields.append(FormField(f"rating.{c.id}", mine, "choice",
                                _rating_of(record, c.id, rater), _choices(dataset)))
    if role == LEAD:
        fields.append(FormField(f"note.{c.id}", "Note for the provider (shared)", "note",
                                record.notes.get(c.id, "")))
        fields.append(FormField(f"internal_note.{c.id}", "Internal note (never shared)",
                                "note", record.internal_notes.get(c.id, "")))
    return FormRow(c.name, c.explain, _asks(c, dataset), tuple(fields), shown)


def _provider_row(c: Criterion, dataset: Dataset, record: Record) -> FormRow:
    if c.measure is not None:
        value = record.reported.get(c.id)
        field = FormField(f"reported.{c.id}", f"Your figure ({c.measure.unit})", "number",
                          _number(value))
    else:
        mine = record.self_assessment.get(c.id)
        field = FormField(f"self.{c.id}", "Your own rating", "choice",
                          "" if mine is None else str(mine), _choices(dataset))
    return FormRow(c.name, c.explain, _asks(c, dataset), (field,))




_OPEN = ("Open this file in a PDF reader (a web browser will do) and type into the boxes. "
         "Leave a box empty when you have nothing to say: an empty box changes nothing.")
_FIGURES = "Figures: digits only, with a point for decimals (99.95). Ratings: pick one from " \
    "the list."
_RATINGS = "Ratings: pick one from the list. Our figures are shown for reference."


def _evaluator_page(dataset: Dataset, provider: Provider, record: Record, role: str
                    ) -> tuple[str, str, str, list[FormSection]]:
    sections: list[FormSection] = []
    rules = rules_in_force(dataset.programme, provider, record.period)
    for cat in rules.categories:
        rows = tuple(_evaluator_row(c, dataset, record, role) for c in cat.criteria)
        if any(r.fields or r.shown for r in rows):
            sections.append(FormSection(cat.name, "", rows))
    if role == LEAD:
        sections.append(FormSection("The evaluation as a whole", "", (
            FormRow("Summary", None, "A few sentences for the provider: shared with them.",
                    (FormField("summary", "Summary (shared)", "text", record.summary or ""),)),
            FormRow("Internal summary", None, "For our team only: never shared.",
                    (FormField("internal", "Internal (never shared)", "text",
                               record.internal or ""),)),
        )))
        return (f"Evaluation form: {provider.name}, {record.period}",
                f"{record.lead}, who leads this evaluation",
                f"Our evaluation of {provider.name} for {record.period}: a figure or "
                "rating for each criterion, a note where it helps, and the summary.", sections)
    return (f"Rating form for {role}: {provider.name}, {record.period}",
            f"{role}, one of the evaluators",
            f"Your own rating of {provider.name} for {record.period} on each criterion "
            f"that is judged rather than measured. {record.lead}, who leads the "
            "evaluation, adds the figures and the notes.", sections)


def _provider_page(dataset: Dataset, provider: Provider, record: Record
                   ) -> tuple[str, str, str, list[FormSection]]:
    org = dataset.programme.organisation
    sections: list[FormSection] = []
    rules = rules_in_force(dataset.programme, provider, record.period)
    for cat in rules.categories:
        sections.append(FormSection(cat.name, "", tuple(
            _provider_row(c, dataset, record) for c in cat.criteria)))
    questions = dataset.programme.about_us
    if questions:
        sections.append(FormSection(
            f"How {org} does as your customer",
            "Rate us as we rate you: we read every answer.",
            tuple(FormRow(q.name, None, _rating_words(dataset), (FormField(
                f"about_us.{q.id}", "Your rating of us", "choice",
                str(record.about_us.get(q.id, "")), _choices(dataset)),)) for q in questions)))
    sections.append(FormSection("Your reply", "", (FormRow(
        "Your reply to our evaluation", None,
        "In your own words; we show it beside our figures in your scorecard.",
        (FormField("reply", "Your reply", "text", record.provider_response or ""),)),)))
    return (f"Your view: {provider.name}, {record.period}",
            f"{provider.name}, the provider evaluated",
            f"Give {org} your own figure for each thing it measures and your own rating "
            "for each thing it judges, tell it how it does as your customer, and reply to "
            "its evaluation. Your figures and ratings are shown beside ours; they do not "
            "change your score.", sections)


def _rating_words(dataset: Dataset) -> str:
    scale = dataset.programme.scale
    named = "; ".join(f"{n} {scale.labels[n]}" for n in sorted(scale.labels))
    return f"A rating from {scale.min} (worst) to {scale.max} (best), picked from the list" \
        + (f" ({named})." if named else ".")


def _due(dataset: Dataset, record: Record, role: str) -> date:
    if role == PROVIDER:
        dist = dataset.programme.distribution
        return record.evaluated + timedelta(days=dist.reply_days if dist else 14)
    return record.period.end + timedelta(days=dataset.programme.grace_days)


def _return_to(dataset: Dataset, role: str) -> str:
    dist = dataset.programme.distribution
    if role == PROVIDER:
        sender = dist.sender if dist is not None and dist.sender else "us"
        return f"Save the file and e-mail it back to {sender}, as an attachment."
    return "Save the file and send it to whoever keeps the evaluation records; they read " \
           "it in with scorecard take."


def _by_when(due: date, today: date | None) -> str:
    if today is not None and due < today:
        return f"{day_words(due)}: that day has passed, so as soon as you can"
    return day_words(due)


def form_view(dataset: Dataset, provider: Provider, record: Record, role: str,
              identity: str, today: date | None = None) -> FormPage:
    """The form of ``record`` for ``role`` (lead, an evaluator's name, or provider);
    ``today``: the day it is made, to say when its day has passed."""
    if role == PROVIDER:
        title, who, purpose, sections = _provider_page(dataset, provider, record)
    else:
        title, who, purpose, sections = _evaluator_page(dataset, provider, record, role)
    return FormPage(
        title=title, organisation=dataset.programme.organisation, provider=provider.name,
        period=str(record.period), role=role, who=who, purpose=purpose,
        by_when=_by_when(_due(dataset, record, role), today),
        how=(_OPEN, _FIGURES if role in (LEAD, PROVIDER) else _RATINGS,
             _return_to(dataset, role)), sections=tuple(sections),
        identity=identity,
    )


def field_names(page: FormPage) -> list[str]:
    """Every field name on the form."""
    return [f.name for s in page.sections for r in s.rows for f in r.fields]
