"""A fillable PDF form from its view (outputs.md v1.2, "Forms"): WeasyPrint turns the
form's inputs into PDF form fields (``pdf_forms``), and pypdf then hides the field
that carries the form's identity and makes it read-only, so that a person filling
the form neither sees nor changes it."""

from __future__ import annotations

import io
from pathlib import Path

import weasyprint
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject
from weasyprint.text.fonts import FontConfiguration

from scorecard.data.formfields import IDENTITY_FIELD
from scorecard.data.problems import Location, Problem
from scorecard.documents.pdf import FONTS_STYLESHEET, TemplateFetcher
from scorecard.documents.templating import make_environment, render_template, template_dirs
from scorecard.documents.views.form import FormPage

__all__ = ["form_html", "render_form"]

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
    html = form_html(page, user_templates)
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
