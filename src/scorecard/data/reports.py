"""Problems as reports that CI services read: GitLab Code Quality and SARIF 2.1.0.

Both name each kind of problem by its rule id (``Problem.rule_id``), never by
text from the data, and give each problem a fingerprint that stays the same
when the file is edited elsewhere: a hash of the file, the rule, the field and
the message (with any "line N" in it left out), not of the line and column.
Two problems alike in all of those get the same hash plus their order, so each
fingerprint is still unique.

Paths are made relative to the repository's root with ``base`` (the folder
the command ran in, relative to that root, e.g. ``git rev-parse
--show-prefix``): GitLab and code scanning place a problem by that path.

May import: the standard library and ``scorecard.data.problems``.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from scorecard.data.problems import Problem, json_text, one_line, sorted_problems

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/provider-scorecard/scorecard"

_LINE_NUMBER = re.compile(r"\b(lines?) \d+(?:\s*(?:-|to|and)\s*\d+)?")


def repository_path(file: str, base: str = "") -> str:
    """``file`` (as shown, relative to where the command ran) relative to the
    repository's root, with forward slashes."""
    joined = posixpath.join(base.replace("\\", "/"), file.replace("\\", "/"))
    return posixpath.normpath(joined) if joined else file


def fingerprints(problems: list[Problem], base: str = "") -> list[str]:
    """One stable, unique fingerprint per problem (in the order given)."""
    seen: dict[str, int] = {}
    out = []
    for p in problems:
        message = _LINE_NUMBER.sub(r"\1 N", p.message)
        key = "\0".join((repository_path(p.location.file, base), p.rule_id, p.field or "",
                         p.severity, message))
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        seen[digest] = seen.get(digest, 0) + 1
        if seen[digest] > 1:  # the same problem again in the same file: number it
            digest = hashlib.sha256(f"{digest}\0{seen[digest]}".encode()).hexdigest()
        out.append(digest)
    return out


def to_gitlab(problems: Iterable[Problem], base: str = "") -> str:
    """A GitLab Code Quality report (a JSON list), so that merge requests show
    each problem beside its line."""
    ordered = sorted_problems(problems)
    items = []
    for p, fingerprint in zip(ordered, fingerprints(ordered, base), strict=True):
        items.append({
            "description": one_line(p.text()),
            "check_name": p.rule_id,
            "fingerprint": fingerprint,
            "severity": "major" if p.severity == "error" else "minor",
            "location": {"path": one_line(repository_path(p.location.file, base)),
                         "lines": {"begin": max(p.location.line, 1)}},
        })
    return json_text(items)


def rule_text(rule: str) -> str:
    """A rule's short description, from its id: ``schema/unknown-field`` is
    "Unknown field"."""
    words = rule.rsplit("/", 1)[-1].replace("-", " ").strip() or rule
    return words[:1].upper() + words[1:] + "."


def _result(p: Problem, index: int, fingerprint: str, base: str) -> dict[str, Any]:
    location: dict[str, Any] = {
        "artifactLocation": {"uri": quote(repository_path(p.location.file, base)),
                             "uriBaseId": "%SRCROOT%"},
    }
    if p.location.line:
        location["region"] = {"startLine": p.location.line,
                              "startColumn": max(p.location.column, 1)}
    return {
        "ruleId": p.rule_id,
        "ruleIndex": index,
        "level": p.severity,
        "message": {"text": one_line(p.text())},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"scorecardProblem/v1": fingerprint},
    }


def to_sarif(problems: Iterable[Problem], version: str, base: str = "") -> str:
    """A SARIF 2.1.0 log with one run: every problem a result with its rule id,
    its repository-relative path, line and column."""
    ordered = sorted_problems(problems)
    rules = sorted({p.rule_id for p in ordered})
    index = {rule: i for i, rule in enumerate(rules)}
    results = [_result(p, index[p.rule_id], fp, base)
               for p, fp in zip(ordered, fingerprints(ordered, base), strict=True)]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "scorecard",
                "version": version,
                "informationUri": HOME,
                "rules": [{"id": rule, "shortDescription": {"text": rule_text(rule)}}
                          for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json_text(log)
