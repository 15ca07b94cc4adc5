"""``scorecard take``: a filled form into its record, like ``reply``: only the fields
the form holds, every other byte as it was, validated before anything is written.

Refused, with the record left byte for byte as it was: a form whose record has
changed since the form was made (its fingerprint), a field the form's role cannot
hold, a value that is not a number or a rating, values that would overwrite others
already in the record (unless ``replace``), and a result that does not validate.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scorecard.authoring.files import WriteRefused, write_over
from scorecard.authoring.forms.edit import Edit, apply_edits
from scorecard.authoring.forms.read import FilledForm, FormError, read_form
from scorecard.authoring.forms.values import parse_value, same
from scorecard.data.formfields import fingerprint, path_of, value_at
from scorecard.data.load import read_drafts
from scorecard.data.problems import has_errors
from scorecard.data.sources import read_data
from scorecard.data.validation import validate
from scorecard.data.yaml.reader import parse_text

__all__ = ["Taken", "take"]

_SAFE = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
_PERIOD = re.compile(r"[0-9]{4}(-[A-Z0-9]{1,3})?\Z")


@dataclass(frozen=True)
class Taken:
    record: Path
    role: str
    written: tuple[str, ...]  # the fields written, by name
    same: tuple[str, ...]  # filled in, but the record already held that value
    again: bool = False  # the form was taken before: all it holds is in the record


def _record_path(data_dir: Path, form: FilledForm) -> Path:
    ident = form.identity
    if not _SAFE.match(ident.provider) or not _PERIOD.match(ident.period):
        raise FormError("the form's identity names no record of ours")
    path = data_dir / "records" / ident.provider / f"{ident.period}.yaml"
    if path.is_symlink():
        raise FormError(f"the record {path} is a symbolic link; scorecard does not write "
                        "through links")
    if not path.is_file():
        raise FormError(f"there is no record {path} for this form "
                        f"({ident.provider}, {ident.period})")
    return path


def _plan(form: FilledForm, record: dict[str, Any], replace: bool
          ) -> tuple[list[Edit], list[str], list[str]]:
    role = form.identity.role
    lead = str(record.get("lead") or "")
    evaluators = record.get("evaluators") if isinstance(record.get("evaluators"), list) else None
    edits: list[Edit] = []
    written: list[str] = []
    unchanged: list[str] = []
    clashes: list[str] = []
    mistakes: list[str] = []
    for name, text in sorted(form.values.items()):
        path = path_of(name, role, lead, evaluators)
        if path is None:
            raise FormError(f"the form holds a field '{name}' that a form for "
                            f"'{role}' cannot hold; it is not one of ours as made")
        try:
            value = parse_value(name, text)
        except ValueError as exc:
            mistakes.append(str(exc))
            continue
        if value is None:
            continue
        current = value_at(record, path)
        if same(current, value):
            unchanged.append(name)
            continue
        if current is not None and not replace:
            clashes.append(f"{name} ({_short(current)} in the record, {_short(value)} "
                           "on the form)")
            continue
        edits.append((path, value))
        written.append(name)
    if mistakes:
        raise FormError("; ".join(mistakes))
    if clashes:
        raise FormError("the form would overwrite values already in the record: "
                        + "; ".join(clashes) + ". Take it with --replace to overwrite them")
    return edits, written, unchanged


def _already_taken(form: FilledForm, record: dict[str, Any]) -> bool:
    """Whether every value the form holds is in the record already (taken before)."""
    try:
        edits, _, unchanged = _plan(form, record, replace=True)
    except FormError:
        return False
    return not edits and bool(unchanged)


def _short(value: Any) -> str:
    text = str(value).strip().replace("\n", " ")
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _validated(data_dir: Path, record: Path, new: bytes) -> None:
    files, problems = read_data(data_dir)
    rel = record.relative_to(data_dir).parts
    files = [dataclasses.replace(f, data=new, size=len(new)) if f.rel == rel else f
             for f in files]
    drafts, found = read_drafts(files, data_dir)
    mine = [p for p in (*problems, *found, *validate(drafts))
            if p.severity == "error" and str(p.location.file).endswith(os.sep.join(rel))]
    if has_errors(mine):
        first = mine[0]
        more = f" (and {len(mine) - 1} more)" if len(mine) > 1 else ""
        raise FormError(f"with the form's values the record would not be valid: "
                        f"{first.location}: {first.text()}{more}")


def take(data_dir: Path, pdf: bytes, *, replace: bool = False) -> Taken:
    """Read the filled form ``pdf`` into its record in ``data_dir``."""
    form = read_form(pdf)
    path = _record_path(data_dir, form)
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormError(f"{path} is not UTF-8 text; fix it first") from None
    parsed = parse_text(text).value
    if not isinstance(parsed, dict):
        raise FormError(f"{path} cannot be read as YAML; fix it first (scorecard validate)")
    if fingerprint(parsed, form.identity.role, form.values) != form.identity.fingerprint:
        if _already_taken(form, parsed):
            return Taken(path, form.identity.role, (), tuple(sorted(form.values)), again=True)
        raise FormError(f"{path} has changed since this form was made (what the form "
                        "shows is no longer what the record holds); make a new form with "
                        "scorecard form and copy the answers into it")
    edits, written, unchanged = _plan(form, parsed, replace)
    if edits:
        new = (b"\xef\xbb\xbf" if bom else b"") + apply_edits(
            text, edits, str(parsed.get("lead") or "")).encode("utf-8")
        _validated(data_dir, path, new)
        try:
            write_over(path, new)
        except WriteRefused as exc:
            raise FormError(str(exc)) from None
    return Taken(path, form.identity.role, tuple(written), tuple(unchanged))
