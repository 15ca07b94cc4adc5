"""The fields of a filled PDF form, read with pypdf: the hidden identity and every
value, as text. A file that is not a PDF, is cut short, or holds no scorecard form is
refused in one sentence."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader

from scorecard.data.formfields import IDENTITY_FIELD, FormIdentity

__all__ = ["FilledForm", "FormError", "read_form"]


class FormError(Exception):
    """Why a form cannot be taken, in one sentence for the person who gave it."""


@dataclass(frozen=True)
class FilledForm:
    identity: FormIdentity
    values: dict[str, str]  # field name -> its text ("" when left empty), identity left out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # a list box with several choices: not one of ours
        return ", ".join(_text(v) for v in value)
    text = str(value)
    return "" if text == "/Off" else text


def _fields(data: bytes) -> dict[str, Any]:
    if not data.lstrip()[:1024].startswith(b"%PDF-") and b"%PDF-" not in data[:1024]:
        raise FormError("the file is not a PDF")
    if b"%%EOF" not in data[-2048:]:
        raise FormError("the PDF is cut short (it has no end); ask for the whole file again")
    try:
        fields = PdfReader(io.BytesIO(data), strict=False).get_fields()
    # pypdf raises many kinds of error on a damaged file; any of them means the same here
    except Exception as exc:
        raise FormError(f"the PDF cannot be read ({type(exc).__name__}); ask for the file "
                        "again") from None
    if not fields:
        raise FormError("the PDF holds no form fields: it is not a filled scorecard form "
                        "(was it printed to PDF, which drops the fields?)")
    return fields


def read_form(data: bytes) -> FilledForm:
    """The identity and values of a filled scorecard form."""
    fields = _fields(data)
    values: dict[str, str] = {}
    for name, field in fields.items():
        values[str(name)] = _text(field.get("/V")).replace("\r\n", "\n").replace("\r", "\n")
    identity = FormIdentity.parse(values.pop(IDENTITY_FIELD, ""))
    if identity is None:
        raise FormError("the PDF's form is not a scorecard form (it has no form identity); "
                        "make one with scorecard form")
    return FilledForm(identity, values)
