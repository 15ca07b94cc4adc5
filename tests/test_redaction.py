"""Nothing internal reaches a provider document: treated like a security test.

The demo data is copied into a fresh git repository, a distinct marker is put
into every internal field (format.md, "What is internal"), one record is
amended in a commit whose author and subject are markers too, and every
document is built. Then:

- no provider document (HTML source, and the text of its PDF) holds any
  marker, any other provider's name or short name, a per-evaluator rating,
  the word "disagree", or the amendment's author or subject;
- the team documents DO hold the markers, so the search above can fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from scorecard import documents, gitinfo
from scorecard.compute import compute
from scorecard.load import load
from scorecard.pdf import render_pdf
from scorecard.templating import make_environment, render_template, template_dirs

DEMO = Path(__file__).resolve().parent.parent / "evaluations"
AS_OF = date(2026, 11, 26)

# One marker per internal field. Numbers are odd enough never to occur by chance.
CURRENCY = "MKCURRENCYQX"
ALTERNATIVE = "MKALTERNATIVEQX"
ACTION_NOTE = "MKACTIONNOTEQX"
CRITERION_NOTE = "MKINTERNALNOTESQX"
INTERNAL = "MKINTERNALSUMMARYQX"
AUTHOR = "Mkauthor Qxrevisor"
SUBJECT = "MKSUBJECTQX correct the figures"
ANNUAL_VALUE = 987654321
EXIT_BUDGET = 876543219
MARKERS = (CURRENCY, ALTERNATIVE, ACTION_NOTE, CRITERION_NOTE, INTERNAL, AUTHOR, SUBJECT)
NUMBERS = ("987654321", "987,654,321", "876543219", "876,543,219")

# A record whose evaluators give ratings far apart, so a per-person breakdown
# would be plain to see: "Eve Qxrater: 5" / "Ada Qxrater: 1".
RATERS = {"Eve Qxrater": 5, "Ada Qxrater": 1}


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _git(repo: Path, *args: str, author: str = "Test Lead") -> None:
    env = {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "lead@example.org",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "lead@example.org",
        "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
        "HOME": str(repo),
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _mark_provider(path: Path) -> None:
    data = _read(path)
    contract = data.setdefault("contract", {"start": date(2024, 1, 1), "end": date(2030, 12, 31)})
    contract["currency"] = CURRENCY
    contract["annual_value"] = ANNUAL_VALUE
    plan = data.setdefault("exit_plan", {"status": "drafted"})
    plan["alternatives"] = [ALTERNATIVE, *plan.get("alternatives", [])]
    plan["budget"] = EXIT_BUDGET
    plan.setdefault("reviewed", date(2026, 6, 1))
    for action in data.get("actions", []):
        action["internal_note"] = f"{ACTION_NOTE} {action.get('internal_note', '')}"
    _write(path, data)


def _mark_record(path: Path, criteria: list[str]) -> None:
    data = _read(path)
    data["internal"] = f"{INTERNAL}\n\n{data.get('internal', '')}"
    notes = data.get("internal_notes") or {}
    for cid in criteria:
        notes[cid] = f"{CRITERION_NOTE} {notes.get(cid, '')}"
    data["internal_notes"] = notes
    _write(path, data)


@dataclass
class Built:
    root: Path
    docs: tuple[documents.Document, ...]
    names: dict[str, tuple[str, ...]]  # provider id -> its name and short name
    rated_record: tuple[str, str]  # (provider id, period) of the record with RATERS


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    repo = tmp_path_factory.mktemp("redaction")
    data = repo / "evaluations"
    shutil.copytree(DEMO, data)
    programme = _read(data / "scorecard.yaml")
    criteria = [c["id"] for cat in programme["categories"] for c in cat["criteria"]]
    rated = next(c["id"] for cat in programme["categories"] for c in cat["criteria"]
                 if "measure" not in c)
    names: dict[str, tuple[str, ...]] = {}
    for path in sorted((data / "providers").glob("*.yaml")):
        info = _read(path)
        names[info["id"]] = tuple(n for n in (info["name"], info.get("short_name")) if n)
        _mark_provider(path)
    records = sorted((data / "records").glob("*/*.yaml"))
    for path in records:
        _mark_record(path, criteria)
    # The latest record of the first provider gets two raters far apart.
    target = sorted((data / "records" / sorted(names)[0]).glob("*.yaml"))[-1]
    record = _read(target)
    record["evaluators"] = sorted({*record.get("evaluators", [record["lead"]]), *RATERS})
    record["scores"][rated] = dict(RATERS)
    _write(target, record)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "Evaluations")
    # An amendment by a marked author with a marked subject.
    record["summary"] = "The figures were corrected after the review."
    _write(target, record)
    _git(repo, "commit", "-q", "-am", SUBJECT, author=AUTHOR)

    dataset, problems = load(data)
    assert dataset is not None, [str(p) for p in problems]
    assert not [p for p in problems if p.severity == "error"]
    provenance, _ = gitinfo.provenance(data, None)
    assert provenance is not None
    portfolio = compute(dataset, AS_OF)
    paths = [r.source.repo_path for r in dataset.all_records()]
    changes = gitinfo.amendments(data, paths, None)
    docs = documents.plan(portfolio, provenance=provenance, amendments=changes)
    env = make_environment()
    out = repo / "reports"
    for doc in docs:
        html = render_template(env, doc.template, doc.context())
        path = out / doc.html_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    yield Built(out, docs, names, (target.parent.name, target.stem))


def _pdf_text(html: str, name: str) -> str:
    pdf, problems = render_pdf(html, roots=template_dirs(), source=name)
    assert pdf is not None, [str(p) for p in problems]
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def _leaks(text: str, built: Built, provider: str) -> list[str]:
    found = [m for m in (*MARKERS, *NUMBERS) if m in text]
    # Another provider's name or short name.
    for other, names in built.names.items():
        if other != provider:
            found += [n for n in names if re.search(rf"\b{re.escape(n)}\b", text)]
    # Per-evaluator ratings, disagreement.
    for who, rating in RATERS.items():
        if re.search(rf"{re.escape(who)}\W{{1,12}}(gave\s+)?{rating}\b", text):
            found.append(f"{who}'s rating")
    # The word, outside the stylesheet (which styles the team document's marks too).
    if re.search(r"disagree", re.sub(r"(?s)<style>.*?</style>", "", text), re.IGNORECASE):
        found.append("disagree")
    return found


def test_every_provider_html_is_free_of_internal_fields(built: Built) -> None:
    provider_docs = [d for d in built.docs if d.audience == "provider"]
    assert len(provider_docs) == 38  # one per demo record: 7 + 8 + 9 + 7 + 7
    for doc in provider_docs:
        assert doc.provider is not None
        html = (built.root / doc.html_path).read_text(encoding="utf-8")
        assert _leaks(html, built, doc.provider) == [], doc.html_path


def test_provider_pdf_text_is_free_of_internal_fields(built: Built) -> None:
    # PDFs are slow (about 2 s each) and the HTML test covers every document, so
    # three: the record with the far-apart raters, and the latest of two other
    # providers (one monthly, one whose internal notes name a peer).
    chosen: dict[str, documents.Document] = {}
    for doc in built.docs:
        if doc.audience == "provider" and doc.provider in ("helpwise", "northgate"):
            chosen[doc.provider] = doc
    chosen["rated"] = next(
        d for d in built.docs
        if d.audience == "provider" and (d.provider, d.period) == built.rated_record
    )
    assert len(chosen) == 3
    for key, doc in chosen.items():
        assert doc.provider is not None
        html = (built.root / doc.html_path).read_text(encoding="utf-8")
        text = _pdf_text(html, doc.html_path)
        assert "Shared with" in text, key
        assert _leaks(text, built, doc.provider) == [], doc.html_path


def test_provider_document_says_revised_but_not_by_whom(built: Built) -> None:
    pid, period = built.rated_record
    html = (built.root / pid / period / "provider.html").read_text(encoding="utf-8")
    assert "Revised on 20 November 2026" in html
    assert AUTHOR not in html and SUBJECT not in html


def test_team_documents_do_hold_the_markers(built: Built) -> None:
    """The searches above can fail: the same markers are in the internal documents."""
    pid, period = built.rated_record
    html = (built.root / pid / period / "team.html").read_text(encoding="utf-8")
    for marker in MARKERS:
        assert marker in html, marker
    assert "987,654,321" in html  # the contract's annual value
    assert "876,543,219" in html  # the exit budget
    text = _pdf_text(html, "team.pdf")
    assert INTERNAL in text and ALTERNATIVE in text and CURRENCY in text
    assert _leaks(html, built, pid)  # the detector finds them
    assert "Eve Qxrater: 5" in html and "Ada Qxrater: 1" in html
    assert "Disagree" in html
    # The team page ranks the provider against its peers: other names appear.
    others = [n for o, names in built.names.items() if o != pid for n in names]
    assert any(n in html for n in others)


def test_every_team_document_holds_the_internal_summary(built: Built) -> None:
    for doc in built.docs:
        if doc.audience == "team":
            html = (built.root / doc.html_path).read_text(encoding="utf-8")
            assert INTERNAL in html and CRITERION_NOTE in html, doc.html_path
