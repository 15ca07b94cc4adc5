"""The fields of a fillable form (outputs.md v1.2, "Forms"): their names, which are an
interface other tools fill, where each one lives in a record, and the identity a form
carries so that it is never read into the wrong record.

A form is made for one role: ``lead`` (the evaluation's owner: every figure, rating,
note and the summaries), an evaluator by name (that evaluator's ratings), or
``provider`` (its own figures and ratings, its ratings of us, its reply). Pure: no
files, no PDF.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "LEAD", "PROVIDER", "FormIdentity", "fingerprint", "path_of", "value_at",
]

LEAD = "lead"
PROVIDER = "provider"
IDENTITY_FIELD = "identity"
IDENTITY_VERSION = 1

# field name prefix -> (top-level record key, the roles that may write it)
_PER_ID: dict[str, tuple[str, str]] = {
    "score": ("scores", LEAD),
    "note": ("notes", LEAD),
    "internal_note": ("internal_notes", LEAD),
    "reported": ("reported", PROVIDER),
    "self": ("self_assessment", PROVIDER),
    "about_us": ("about_us", PROVIDER),
}
_WHOLE: dict[str, tuple[str, str]] = {
    "summary": ("summary", LEAD),
    "internal": ("internal", LEAD),
    "reply": ("provider_response", PROVIDER),
}
INTERNAL_PREFIXES = ("internal_note.", "internal")  # never on a provider's form


def _kind(role: str) -> str:
    return role if role in (LEAD, PROVIDER) else "evaluator"


def single_rater(lead: str, evaluators: Iterable[str] | None) -> bool:
    """The lead rates alone: a rated score is one number, not ratings by name."""
    listed = list(evaluators or ())
    return not listed or listed == [lead]


def path_of(name: str, role: str, lead: str, evaluators: Iterable[str] | None
            ) -> tuple[str, ...] | None:
    """Where the field ``name`` of a ``role``'s form is written in the record, or None
    when that role's form cannot hold that field."""
    kind = _kind(role)
    if name in _WHOLE:
        key, owner = _WHOLE[name]
        return (key,) if owner == kind else None
    prefix, dot, item = name.partition(".")
    if not dot or not item:
        return None
    if prefix == "rating":
        if kind == PROVIDER:
            return None
        rater = lead if kind == LEAD else role
        return ("scores", item) if kind == LEAD and single_rater(lead, evaluators) \
            else ("scores", item, rater)
    found = _PER_ID.get(prefix)
    if found is None or found[1] != kind:
        return None
    return (found[0], item)


def value_at(record: Any, path: tuple[str, ...]) -> Any:
    """The value at ``path`` in a record as parsed, or None. A rating by name whose
    criterion holds one number reads that number when the name is the lead's."""
    node = record
    for depth, part in enumerate(path):
        if isinstance(node, dict):
            node = node.get(part)
        elif depth == 2 and path[0] == "scores" and isinstance(record, dict) \
                and record.get("lead") == part:
            return node  # scores.<criterion> is the lead's one rating
        else:
            return None
    return node


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)


def fingerprint(record: Any, role: str, names: Iterable[str]) -> str:
    """What a form knew of its record: who owns and rates it, and the value of every
    field the form holds. A change anywhere else (another evaluator's ratings, say)
    leaves it as it was, so that several forms for one record can each be taken."""
    data = record if isinstance(record, dict) else {}
    lead = str(data.get("lead") or "")
    evaluators = data.get("evaluators") if isinstance(data.get("evaluators"), list) else None
    seen: dict[str, Any] = {}
    for name in sorted(set(names)):
        path = path_of(name, role, lead, evaluators)
        seen[name] = None if path is None else _plain(value_at(data, path))
    basis = {"provider": data.get("provider"), "period": _plain(data.get("period")),
             "lead": lead, "evaluators": _plain(evaluators), "role": role, "fields": seen}
    text = json.dumps(basis, sort_keys=True, ensure_ascii=False, allow_nan=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class FormIdentity:
    """The hidden identity a form carries."""

    provider: str
    period: str
    role: str
    fingerprint: str

    def text(self) -> str:
        return json.dumps({"scorecard_form": IDENTITY_VERSION, "provider": self.provider,
                           "period": self.period, "role": self.role,
                           "fingerprint": self.fingerprint}, sort_keys=True)

    @staticmethod
    def parse(text: str) -> FormIdentity | None:
        """The identity in ``text``, or None when it is not one of ours."""
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("scorecard_form") != IDENTITY_VERSION:
            return None
        parts = [data.get(k) for k in ("provider", "period", "role", "fingerprint")]
        texts = [p for p in parts if isinstance(p, str) and p]
        if len(texts) != len(parts):
            return None
        return FormIdentity(*texts)


def allowed_on_provider_form(name: str) -> bool:
    """A field a provider's form may hold: never an internal one."""
    return path_of(name, PROVIDER, "", None) is not None


def field_names_of(mapping: Mapping[str, Any]) -> list[str]:
    return sorted(k for k in mapping if k != IDENTITY_FIELD)
