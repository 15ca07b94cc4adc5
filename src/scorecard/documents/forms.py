"""A fillable PDF form from its view (outputs.md v1.2, "Forms"): WeasyPrint turns the
form's inputs into PDF form fields (``pdf_forms``), and pypdf then hides the field
that carries the form's identity and makes it read-only, so that a person filling
the form neither sees nor changes it."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import weasyprint
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject
from weasyprint.text.fonts import FontConfiguration

from scorecard.data.formfields import IDENTITY_FIELD, LEAD, PROVIDER, FormIdentity, fingerprint
from scorecard.data.model import Dataset, Provider, Record
from scorecard.data.problems import Location, Problem
from scorecard.data.yaml.reader import parse_text
from scorecard.documents.pdf import FONTS_STYLESHEET, TemplateFetcher
from scorecard.documents.templating import (
    TemplateRenderError,
    make_environment,
    render_template,
    template_dirs,
)
from scorecard.documents.views.form import FormPage, field_names, form_view

__all__ = ["FormRefused", "MadeForm", "form_html", "make_form", "render_form"]

TEMPLATE = "forms/form.html"
_HIDDEN = 1 << 1  # annotation flag: Hidden (PDF 32000-1, 12.5.3)
_READ_ONLY = 1  # field flag: ReadOnly (12.7.3.1)


def form_html(page: FormPage, user_templates: Path | None = None) -> str:
    return render_template(make_environment(user_templates), TEMPLATE, {"form": page})


def _hide_identity(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for pdf_page in writer.pages:
        for ref in pdf_page.get("/Annots") or ():
            annot = ref.get_object()
            if annot.get("/T") == IDENTITY_FIELD:
                annot[NameObject("/F")] = NumberObject(_HIDDEN)
                annot[NameObject("/Ff")] = NumberObject(_READ_ONLY)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def render_form(page: FormPage, *, user_templates: Path | None = None,
                source: str = "form.pdf") -> tuple[bytes | None, list[Problem]]:
    """The form as PDF bytes, or None and why not."""
    dirs = template_dirs(user_templates)
    try:
        html = form_html(page, user_templates)
    except TemplateRenderError as exc:
        return None, [exc.problem]
    fetcher = TemplateFetcher(dirs)
    fonts_css = next((d / FONTS_STYLESHEET for d in dirs if (d / FONTS_STYLESHEET).is_file()),
                     None)
    if fonts_css is None:
        return None, [Problem(Location(source), f"{FONTS_STYLESHEET} was not found")]
    font_config = FontConfiguration()
    fonts = weasyprint.CSS(url=fonts_css.as_uri(), url_fetcher=fetcher, font_config=font_config)
    pdf = weasyprint.HTML(string=html, base_url=dirs[0].as_uri() + "/",
                          url_fetcher=fetcher).write_pdf(
        stylesheets=[fonts], font_config=font_config, pdf_forms=True)
    if fetcher.refused:
        return None, [Problem(Location(source), f"refused to load {url}: {why}")
                      for url, why in fetcher.refused]
    return _hide_identity(pdf), []


class FormRefused(Exception):
    """Why no form can be made, in one sentence."""


@dataclass(frozen=True)
class MadeForm:
    pdf: bytes | None
    problems: list[Problem]
    period: str
    role: str  # lead, provider or an evaluator's name
    what: str  # the form's title
    who: str
    by_when: str


def _record(dataset: Dataset, provider: Provider, period: str | None) -> Record:
    records = sorted((*dataset.records.get(provider.id, ()), *dataset.drafts.get(provider.id, ())),
                     key=lambda r: r.period)
    if not records:
        raise FormRefused(f"{provider.id} has no record yet; write one first "
                          f"(scorecard new {provider.id})")
    if period is None:
        return records[-1]
    for record in records:
        if str(record.period) == period:
            return record
    known = ", ".join(str(r.period) for r in records)
    raise FormRefused(f"{provider.id} has no record for {period} (it has: {known})")


def _role(record: Record, role: str) -> str:
    if role in (LEAD, PROVIDER) or role == record.lead:
        return LEAD if role == record.lead else role
    if role not in record.evaluators:
        listed = ", ".join(record.evaluators)
        raise FormRefused(f"{role} is not an evaluator of this record (evaluators: {listed}); "
                          "add them to evaluators first, or use --for lead or --for provider")
    return role


def make_form(dataset: Dataset, data_dir: Path, provider_id: str, period: str | None,
              role: str, user_templates: Path | None = None, today: date | None = None
              ) -> MadeForm:
    """The form of one record for one role, with its identity: the PDF, or why not."""
    provider = dataset.providers.get(provider_id)
    if provider is None:
        raise FormRefused(f"there is no provider '{provider_id}'")
    record = _record(dataset, provider, period)
    role = _role(record, role)
    path = data_dir / "records" / provider.id / f"{record.period}.yaml"
    parsed = parse_text(path.read_bytes().decode("utf-8-sig")).value
    page = form_view(dataset, provider, record, role, "", today=today or date.today())
    identity = FormIdentity(provider.id, str(record.period), role,
                            fingerprint(parsed, role, field_names(page)))
    page = replace(page, identity=identity.text())
    pdf, problems = render_form(page, user_templates=user_templates,
                                source=f"{provider.id}-{record.period}.pdf")
    return MadeForm(pdf, problems, str(record.period), role, page.title, page.who,
                    page.by_when)
