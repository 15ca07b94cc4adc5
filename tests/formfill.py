"""Filling a PDF form as a reader's viewer does, for the forms tests: pypdf's writer
sets each field's value, draws its appearance, and asks the viewer to redraw
(NeedAppearances), then saves a whole new file."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter


def fill(form: Path, out: Path, values: dict[str, str]) -> Path:
    writer = PdfWriter(clone_from=PdfReader(form))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=True)
    writer.set_need_appearances_writer(True)
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def fields(pdf: Path) -> dict[str, str]:
    found = PdfReader(pdf).get_fields() or {}
    return {name: str(f.get("/V", "")) for name, f in found.items()}
