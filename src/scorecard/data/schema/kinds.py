"""The three kinds of file, each with its spec, and checking a parsed file."""

from __future__ import annotations

from typing import Any

from scorecard.data.problems import Problem
from scorecard.data.schema.compound import Obj
from scorecard.data.schema.fields import Checker
from scorecard.data.schema.programme import PROGRAMME
from scorecard.data.schema.provider import PROVIDER
from scorecard.data.schema.record import RECORD
from scorecard.data.yaml.document import INVALID, YamlDoc

KINDS: dict[str, Obj] = {"programme": PROGRAMME, "provider": PROVIDER, "record": RECORD}


def check(kind: str, doc: YamlDoc) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Check a parsed file against its kind's spec: the sound parts and the problems."""
    if doc.value is None:
        return None, []
    ctx = Checker(doc)
    clean = KINDS[kind].check(doc.value, (), ctx)
    if clean is INVALID:
        return None, ctx.problems
    return clean, ctx.problems
