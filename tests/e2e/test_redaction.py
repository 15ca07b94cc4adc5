"""Nothing internal reaches a provider document: treated like a security test.

The demo data is copied into a fresh git repository, a distinct marker is put
into every internal field (format.md, "What is internal"), one record is
amended in a commit whose author and subject are markers too, and the REAL
``scorecard build`` is run on it, in this process: once with ``--no-pdf`` for
every HTML document, once with ``--audience provider`` for every provider
document with its PDF. The provider documents are found as a distributor finds
them, through ``manifest.json``'s ``audience``. Then:

- the manifest marks exactly the provider scorecards as ``provider`` (never a
  team document, the portfolio, the index or data.json, which hold everything);
- no provider document (the HTML source, the text of its PDF, the PDF's
  metadata and XMP, its file path) holds any marker, any other provider's id,
  name or short name, a per-evaluator rating, the word "disagree", the
  amendment's author or subject, or, outside the shared free text, the words
  "contract", "notice", "renew", "exit plan", "drafted" or "rank";
- the team documents DO hold the markers, and a template that leaks (given
  with ``--templates``) is caught, so the searches above can fail.

v1.1: every service gets a marked ``annual_value`` and every contract a
``decision`` with a marked note; a third build makes every renewal brief
(``--audience renewal``, with PDFs). Then no provider document holds a service's
cost, the decision's note or status, words of spend, dependence or negotiation
("we pay", "spend", "unused", "negotiate", "renegotiate", "alternative
provider"), or any sentence of a renewal brief; the briefs are listed as
``team`` documents of kind ``renewal``, hold the markers, and say "Internal: do
not forward" on every page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from conftest import DEMO, GitRepo, git_env, sha256_file

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2026-11-26"
# Both commits are made on 20 November, so the provider document says "Revised on
# 20 November 2026"; the figures are as of AS_OF (given with --as-of).
COMMIT_TIME = "2026-11-20T10:00:00+00:00"
AMEND_TIME = "2026-11-20T11:00:00+00:00"

# One marker per internal field. Numbers are odd enough never to occur by chance.
CURRENCY = "ZWG"  # a real ISO 4217 code (validate refuses others) that no document uses
ALTERNATIVE = "MKALTERNATIVEQX"
ACTION_NOTE = "MKACTIONNOTEQX"
CRITERION_NOTE = "MKINTERNALNOTESQX"
INTERNAL = "MKINTERNALSUMMARYQX"
AUTHOR = "Mkauthor Qxrevisor"
SUBJECT = "MKSUBJECTQX correct the figures"
ANNUAL_VALUE = 987654321
EXIT_BUDGET = 876543219
NOTICE_DAYS = 173
SERVICE_VALUE = 765432189  # v1.1: every service's annual_value
DECISION_NOTE = "MKDECISIONNOTEQX"  # v1.1: contract.decision.note
MARKERS = (CURRENCY, ALTERNATIVE, ACTION_NOTE, CRITERION_NOTE, INTERNAL, AUTHOR, SUBJECT,
           DECISION_NOTE)
NUMBERS = ("987654321", "987,654,321", "876543219", "876,543,219", f"{NOTICE_DAYS} days",
           "765432189", "765,432,189")
# The decision's day (before the window opens in 2030, so it settles nothing).
DECIDED = date(2026, 6, 17)

# Contract and exit-plan days. Every provider's contract ends on END; its
# notice deadline is END - 173 days: 13 July 2031 back to 13 February is
# 30 + 31 + 30 + 31 + 28 = 150 days (2031 is not a leap year), 23 more is
# 21 January 2031.
END = date(2031, 7, 13)
END_WORDS = "13 July 2031"
DEADLINE_ISO, DEADLINE_WORDS = "2031-01-21", "21 January 2031"
REVIEWED = date(2026, 6, 23)
REVIEWED_WORDS = "23 June 2026"
# Each start is moved to the 13th of the demo's own start month, so the first
# period due (schedule.first_period) does not change.
STARTS = {
    "castellan": (date(2025, 1, 13), "13 January 2025"),
    "deskone": (date(2024, 7, 13), "13 July 2024"),
    "helpwise": (date(2026, 1, 13), "13 January 2026"),
    "northgate": (date(2025, 1, 13), "13 January 2025"),
    "sentinel-bay": (date(2025, 2, 13), "13 February 2025"),
}
DAYS = (
    END.isoformat(), END_WORDS, DEADLINE_ISO, DEADLINE_WORDS,
    REVIEWED.isoformat(), REVIEWED_WORDS, DECIDED.isoformat(), "17 June 2026",
    *(d.isoformat() for d, _ in STARTS.values()), *(w for _, w in STARTS.values()),
)

# A record whose evaluators give ratings far apart, so a per-person breakdown
# would be plain to see: "Eve Qxrater: 5" / "Ada Qxrater: 1".
RATERS = {"Eve Qxrater": 5, "Ada Qxrater": 1}

# Words of the internal parts (the team page's "Contract" and "Exit plan" boxes:
# notice, renews by itself, the plan's status "Drafted"; the rank against peers).
# The demo's SHARED free text legitimately uses some of them: the summary "A good
# first quarter under the new contract", a criterion's explanation "fixed within
# the time the contract allows", an action note "The contract asks for one full
# restore test", "they notice the difference". Those are words the lead wrote for
# the provider, not the tool leaking. So the words are searched for in a provider
# document's text with every shared free text of the data (which we know exactly:
# every string that is not under an internal field) cut out first: what is left
# is the template's text, the generated sentences and the short data (names,
# services, figures), where none of these words belongs. The internal free texts
# themselves are covered by the markers. In a PDF, whose text cannot be cut as
# exactly (line breaks, running headers), each word may occur at most as often as
# it does inside the shared free text of the same document's HTML.
WORDS = {
    "contract": re.compile(r"\bcontract\w*", re.IGNORECASE),
    "notice": re.compile(r"\bnotice\w*", re.IGNORECASE),
    "renew": re.compile(r"\brenew\w*", re.IGNORECASE),
    "exit plan": re.compile(r"\bexit\s+plans?\b", re.IGNORECASE),
    "drafted": re.compile(r"\bdrafted\b", re.IGNORECASE),
    "rank": re.compile(r"\brank(s|ed|ing)?\b", re.IGNORECASE),
}
V1_WORDS = frozenset(WORDS)
WORDS |= {
    # v1.1: spend, dependence, unused scope with its cost, decisions, negotiation
    "we pay": re.compile(r"\bwe\s+pay\b", re.IGNORECASE),
    "spend": re.compile(r"\bspen[dt]\w*", re.IGNORECASE),
    "unused": re.compile(r"\bunused\b", re.IGNORECASE),
    "negotiate": re.compile(r"\b(re)?negotiat\w*", re.IGNORECASE),
    "alternative": re.compile(r"\balternative\s+provider|\bno\s+other\s+provider",
                              re.IGNORECASE),
    "a year": re.compile(r"\ba\s+year\b", re.IGNORECASE),
}
V11_WORDS = frozenset(WORDS)
# v1.2: termination rights and their distance (service_credits.termination is INTERNAL;
# the rest of service_credits is shared). Every sentence about them says one of these.
WORDS |= {
    "right to end": re.compile(r"\bright\s+to\s+end\b", re.IGNORECASE),
    "end the contract": re.compile(r"\bend\s+the\s+contract\b", re.IGNORECASE),
    "terminat": re.compile(r"\bterminat\w*", re.IGNORECASE),
    "more missed": re.compile(r"\bmore\s+missed\s+targets?\b|\bwith\s+credits\s+at\s+the\s+cap",
                              re.IGNORECASE),
    "in a row": re.compile(r"\bof\s+any\s+\d+\s+\w+\s+in\s+a\s+row\b", re.IGNORECASE),
}
TERMINATION_WORDS = frozenset(WORDS) - V11_WORDS
# Fields whose contents are internal (format.md); everything else is shared.
INTERNAL_KEYS = frozenset({"contract", "exit_plan", "internal_note", "internal_notes", "internal"})


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _mark_provider(path: Path) -> None:
    data = _read(path)
    contract = data.setdefault("contract", {})
    contract.update(
        start=STARTS[data["id"]][0], end=END, notice_days=NOTICE_DAYS, auto_renew=True,
        currency=CURRENCY, annual_value=ANNUAL_VALUE,
        decision={"status": "renegotiate", "day": DECIDED, "note": DECISION_NOTE},
    )
    for service in data.get("services", []):
        service["annual_value"] = SERVICE_VALUE
    plan = data.setdefault("exit_plan", {})
    plan.update(
        status="drafted", reviewed=REVIEWED, budget=EXIT_BUDGET,
        alternatives=[ALTERNATIVE, *plan.get("alternatives", [])],
    )
    for action in data.get("actions", []):
        action["internal_note"] = f"{ACTION_NOTE} {action.get('internal_note', '')}"
    # v1.2: every provider has service credits with termination rules: one that holds
    # after a single missed availability target (every provider but Castellan missed one),
    # one at distance (Castellan: one more miss), and an at-cap rule.
    credits = data.setdefault("service_credits", {
        "charges": 10000, "currency": "EUR", "at_risk": 0.1, "pool": {"availability": 1.0}})
    credits.setdefault("termination", []).extend([
        {"criterion": "availability", "misses": 1, "within": 1},
        {"at_cap": 1, "within": 2},
    ])
    _write(path, data)


def _mark_record(path: Path, criteria: list[str]) -> None:
    data = _read(path)
    data["internal"] = f"{INTERNAL}\n\n{data.get('internal', '')}"
    notes = data.get("internal_notes") or {}
    for cid in criteria:
        notes[cid] = f"{CRITERION_NOTE} {notes.get(cid, '')}"
    data["internal_notes"] = notes
    _write(path, data)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _shared_texts(node: Any) -> Iterator[str]:
    """Every string in ``node`` that is not under an internal field."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in INTERNAL_KEYS:
                yield from _shared_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _shared_texts(value)


@dataclass(frozen=True)
class Known:
    """What the checker knows: who is who, and the shared free text with watched words."""

    names: dict[str, tuple[str, ...]]  # provider id -> id, name and short name
    shared: tuple[str, ...]  # casefolded, whitespace collapsed, longest first


def _known(data: Path) -> Known:
    names: dict[str, tuple[str, ...]] = {}
    texts: set[str] = set()
    for path in sorted((data / "providers").glob("*.yaml")):
        info = _read(path)
        names[info["id"]] = tuple(n for n in (info["id"], info["name"], info.get("short_name"))
                                  if n)
    for path in [data / "scorecard.yaml", *sorted(data.glob("providers/*.yaml")),
                 *sorted(data.glob("records/*/*.yaml"))]:
        texts.update(_shared_texts(_read(path)))
    shared = {_norm(t).casefold() for t in texts if any(w.search(t) for w in WORDS.values())}
    # The one shared phrase of the tool's own with a watched word: scoring.md v1.1 has a
    # criterion that does not apply to a provider say "does not apply to this contract"
    # (the provider agreed the contract's terms; no contract figure is in it).
    shared |= {"does not apply to this contract", "do not apply to this contract"}
    return Known(names, tuple(sorted(shared, key=lambda s: (-len(s), s))))


# --- the checker -------------------------------------------------------------

_INLINE = frozenset({"a", "abbr", "b", "code", "em", "i", "small", "span", "strong", "sub", "sup"})


class _Text(HTMLParser):
    """What a reader sees or hears: text outside <style>/<script>, and the text of
    aria-label, title, alt and <meta content>. Block boundaries become spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._hidden += 1
        if tag not in _INLINE:
            self.parts.append(" ")
        self.parts += [f" {v} " for k, v in attrs if v and k in ("aria-label", "title", "alt",
                                                                   "content")]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._hidden -= 1
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return _norm("".join(parser.parts))


def _found(pattern: str, text: str) -> bool:
    return re.search(pattern, text) is not None


def _content_leaks(text: str, known: Known, provider: str, *, disagree: bool = True) -> list[str]:
    """Markers, internal days and figures, other providers, per-evaluator ratings."""
    found = [m for m in (*MARKERS, *NUMBERS, *DAYS) if m in text]
    if _found(r"\b2031\b", text):  # the contract's end and notice deadline, in any form
        found.append("2031")
    for other, names in known.names.items():
        if other != provider:
            found += [n for n in names if _found(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]
    for who, rating in RATERS.items():
        if _found(rf"{re.escape(who)}\W{{1,12}}(gave\s+)?{rating}\b", text):
            found.append(f"{who}'s rating")
    if disagree and _found(r"(?i)disagree", text):
        found.append("disagree")
    return found


def _word_leaks(visible: str, known: Known) -> tuple[list[str], Counter[str]]:
    """Watched words outside the shared free text; and how often each occurs inside it."""
    text = visible.casefold()
    rest = text
    for shared in known.shared:
        rest = rest.replace(shared, " | ")
    found: list[str] = []
    allowed: Counter[str] = Counter()
    for word, pattern in WORDS.items():
        allowed[word] = len(pattern.findall(text)) - len(pattern.findall(rest))
        for hit in pattern.finditer(rest):
            found.append(f"{word!r}: ...{rest[max(0, hit.start() - 50):hit.end() + 30]}...")
    return found, allowed


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return _norm(done.stdout.decode("utf-8"))


def _pdf_metadata(path: Path) -> str:
    """The document information dictionary, the XMP packet, link targets and the
    names of attached files, as text."""
    reader = PdfReader(path)
    info = " ".join(f"{k}={v}" for k, v in (reader.metadata or {}).items())
    catalog: Any = reader.trailer["/Root"]
    xmp = catalog.get("/Metadata")
    packet = xmp.get_object().get_data().decode("utf-8") if xmp is not None else ""
    links: list[str] = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            target: Any = annotation.get_object().get("/A") or {}
            links.append(str(target.get("/URI", "")))
    return _norm(" ".join([info, unescape(packet), *links, *reader.attachments]))


def _manifest(out: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return result


def provider_entries(out: Path) -> list[dict[str, Any]]:
    """What a distributor would send to providers: the manifest's provider documents."""
    return [d for d in _manifest(out)["documents"] if d["audience"] == "provider"]


def provider_leaks(out: Path, known: Known) -> dict[str, list[str]]:
    """Every leak in the provider documents of build output ``out``, by path."""
    leaks: dict[str, list[str]] = {}
    allowances: dict[str, Counter[str]] = {}
    entries = sorted(provider_entries(out), key=lambda d: (d["format"] != "html", d["path"]))
    for doc in entries:  # HTML first: a PDF's allowance comes from its HTML
        provider, path, found = doc["provider"], doc["path"], []
        found += [f"path: {n}" for o, names in known.names.items() if o != provider
                  for n in names if _found(rf"(?i)(?<![\w-]){re.escape(n)}(?![\w-])", path)]
        if sha256_file(out / path) != doc["sha256"]:
            found.append("file differs from the manifest")
        if doc["format"] == "html":
            html = (out / path).read_text(encoding="utf-8")
            found += [f"html: {x}" for x in _content_leaks(html, known, provider, disagree=False)]
            # "disagree" outside the stylesheet, which styles the team document's marks too.
            if _found(r"(?i)disagree", re.sub(r"(?s)<style>.*?</style>", "", html)):
                found.append("html: disagree")
            # No link to, or mention of, the internal files.
            found += [f"html: {f}" for f in ("team.html", "portfolio.html", "index.html",
                                             "data.json") if f in html]
            visible = _visible(html)
            found += [f"html text: {x}" for x in _content_leaks(visible, known, provider)]
            words, allowances[path] = _word_leaks(visible, known)
            found += [f"html word {x}" for x in words]
        elif doc["format"] == "csv":  # v1.2: evidence.csv, ids and times only
            text = (out / path).read_text(encoding="utf-8")
            found += [f"csv: {x}" for x in _content_leaks(text, known, provider)]
        else:
            text = _pdf_text(out / path)
            if f"Shared with {known.names[provider][1]}" not in text:
                found.append("pdf: no 'Shared with' label (is the text extracted?)")
            found += [f"pdf: {x}" for x in _content_leaks(text, known, provider)]
            allowed = allowances.get(path.removesuffix(".pdf") + ".html")
            if allowed is None:
                found.append("pdf: its HTML is not in the manifest")
            else:
                for word, pattern in WORDS.items():
                    n = len(pattern.findall(text))
                    if n > allowed[word]:
                        found.append(f"pdf word {word!r}: {n} times, {allowed[word]} shared")
            meta = _pdf_metadata(out / path)
            found += [f"pdf metadata: {x}" for x in _content_leaks(meta, known, provider)]
            found += [f"pdf metadata: {w!r}" for w, p in WORDS.items() if p.search(meta)]
        if found:
            leaks[path] = found
    return leaks


# --- the build ---------------------------------------------------------------


@dataclass
class Built:
    repo: GitRepo
    html: Path  # the full --no-pdf build
    pdf: Path  # --audience provider: every provider document, with its PDF
    renewal: Path  # --audience renewal: every renewal brief, with its PDF
    known: Known
    records: set[tuple[str, str]]  # (provider id, period) of every record
    rated_record: tuple[str, str]  # (provider id, period) of the record with RATERS


def _build(repo: GitRepo, out: Path, *args: str) -> None:
    result = repo.build("--as-of", AS_OF, *args, out=out)
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("redaction")
    repo = GitRepo(root)
    data = repo.data
    shutil.copytree(DEMO, data, ignore=shutil.ignore_patterns("__pycache__"))
    programme = _read(data / "scorecard.yaml")
    criteria = [c["id"] for cat in programme["categories"] for c in cat["criteria"]]
    rated = next(c["id"] for cat in programme["categories"] for c in cat["criteria"]
                 if "measure" not in c)
    for path in sorted((data / "providers").glob("*.yaml")):
        _mark_provider(path)
    records = sorted((data / "records").glob("*/*.yaml"))
    for path in records:
        _mark_record(path, criteria)
    # The latest record of the first provider gets two raters far apart.
    target = sorted(sorted((data / "records").iterdir())[0].glob("*.yaml"))[-1]
    record = _read(target)
    record["evaluators"] = sorted({*record.get("evaluators", [record["lead"]]), *RATERS})
    record["scores"][rated] = dict(RATERS)
    _write(target, record)
    repo.git("init", "--quiet", "--initial-branch=main")
    repo.commit("Evaluations", COMMIT_TIME)
    # An amendment by a marked author with a marked subject.
    record["summary"] = "The figures were corrected after the review."
    _write(target, record)
    who = {"GIT_AUTHOR_NAME": AUTHOR, "GIT_COMMITTER_NAME": AUTHOR,
           "GIT_AUTHOR_DATE": AMEND_TIME, "GIT_COMMITTER_DATE": AMEND_TIME}
    subprocess.run(["git", "commit", "--quiet", "--no-verify", "-am", SUBJECT], cwd=root,
                   env={**git_env(), **who}, check=True, capture_output=True)

    built = Built(repo, root / "reports", root / "sent", root / "briefs", _known(data),
                  {(p.parent.name, p.stem) for p in records}, (target.parent.name, target.stem))
    _build(repo, built.html, "--no-pdf", "--jobs", "2")
    _build(repo, built.pdf, "--audience", "provider", "--jobs", "2")
    _build(repo, built.renewal, "--audience", "renewal", "--jobs", "2")
    return built


# --- tests -------------------------------------------------------------------


def test_the_shared_free_text_is_known(built: Built) -> None:
    # The cut-outs of the word search: the demo's shared sentences named above.
    for sentence in ("a good first quarter under the new contract.",
                     "the share of tickets that were fixed within the time the contract allows",
                     "they notice the difference."):
        assert any(sentence in s for s in built.known.shared), sentence
    # An internal text is never among them (castellan 2026-Q3's internal note).
    assert not any("renewal in 2028" in s for s in built.known.shared)


def test_manifest_marks_only_the_provider_scorecards(built: Built) -> None:
    expected = {f"{p}/{period}/provider.html" for p, period in built.records}
    assert len(expected) == 38  # one per demo record: 7 + 8 + 9 + 7 + 7
    docs = _manifest(built.html)["documents"]
    # v1.2: evidence.csv (the rows behind computed figures that missed) goes to the
    # provider too; provider_leaks checks it like the scorecards
    assert {d["path"] for d in provider_entries(built.html) if d["format"] != "csv"} == expected
    for doc in docs:
        name = doc["path"].rsplit("/", 1)[-1]
        assert (doc["audience"] == "provider") == (
            name.startswith("provider.") or name == "evidence.csv"), doc
        if doc["audience"] == "provider":
            assert doc["path"] in (f"{doc['provider']}/{doc['period']}/provider.html",
                                   f"{doc['provider']}/{doc['period']}/evidence.csv")
    assert {d["audience"] for d in docs} == {"provider", "team", "portfolio"}
    # data.json and the index hold internal things and are never sent: the
    # manifest does not mark them (files on disk = manifest + those + itself +
    # the hidden list of input hashes that incremental builds reuse, and the
    # staging area's lock and .gitignore).
    on_disk = {p.relative_to(built.html).as_posix() for p in built.html.rglob("*")
               if p.is_file()}
    unlisted = {"index.html", "data.json", "manifest.json", ".scorecard-inputs.json",
                ".scorecard-staging/.gitignore", ".scorecard-staging/lock"}
    assert on_disk == {d["path"] for d in docs} | unlisted
    data = (built.html / "data.json").read_text(encoding="utf-8")
    assert DEADLINE_ISO in data and "Eve Qxrater" in data
    assert "team.html" in (built.html / "index.html").read_text(encoding="utf-8")
    # The provider build: every document it makes is a provider document, PDFs too.
    sent = provider_entries(built.pdf)
    assert len(sent) == len(_manifest(built.pdf)["documents"])
    evidence = {"northgate/2026-Q3/evidence.csv", "helpwise/2026-09/evidence.csv"}
    assert {d["path"] for d in sent} == expected | {p[:-4] + "pdf" for p in expected} | evidence
    for doc in sent:
        name = "evidence.csv" if doc["format"] == "csv" else f"provider.{doc['format']}"
        assert doc["path"] == f"{doc['provider']}/{doc['period']}/{name}"


def test_every_provider_document_is_free_of_internal_fields(built: Built) -> None:
    assert provider_leaks(built.html, built.known) == {}
    assert provider_leaks(built.pdf, built.known) == {}
    # The same HTML is sent as was built with the full build.
    for doc in provider_entries(built.html):
        assert sha256_file(built.pdf / doc["path"]) == doc["sha256"], doc["path"]


def test_provider_document_says_revised_but_not_by_whom(built: Built) -> None:
    pid, period = built.rated_record
    html = (built.html / pid / period / "provider.html").read_text(encoding="utf-8")
    assert "Revised on 20 November 2026" in html
    assert AUTHOR not in html and SUBJECT not in html
    assert "Eve Qxrater" in html  # the evaluators are named, their ratings are not
    text = _pdf_text(built.pdf / pid / period / "provider.pdf")
    assert "Revised on 20 November 2026" in text


def test_team_documents_do_hold_the_markers(built: Built, tmp_path: Path) -> None:
    """The searches above can fail: the same markers are in the internal documents."""
    pid, period = built.rated_record
    html = (built.html / pid / period / "team.html").read_text(encoding="utf-8")
    # The decision's note is shown only once it settles the decision (not before 2030
    # here); data.json holds it (test_renewal_briefs_and_team_documents_do_hold_...).
    shown = tuple(m for m in MARKERS if m != DECISION_NOTE)
    for marker in (*shown, "987,654,321", "876,543,219", f"{NOTICE_DAYS} days"):
        assert marker in html, marker
    for day in (END_WORDS, DEADLINE_WORDS, REVIEWED_WORDS, STARTS[pid][1]):
        assert day in html, day
    assert "Eve Qxrater: 5" in html and "Ada Qxrater: 1" in html
    assert "Disagree" in html
    # The checker's searches find them in the team page's text.
    visible = _visible(html)
    found = _content_leaks(visible, built.known, pid)
    for expected in (*shown, END_WORDS, DEADLINE_WORDS, "2031", "disagree",
                     "Eve Qxrater's rating", "Ada Qxrater's rating"):
        assert expected in found, expected
    # The team page ranks the provider against its peers: other names appear.
    assert any(n in found for o, names in built.known.names.items() if o != pid for n in names)
    words, _ = _word_leaks(visible, built.known)
    assert {w.split(":")[0].strip("'") for w in words} >= V1_WORDS
    # And in its PDF, made by the real build too.
    out = tmp_path / "team"
    _build(built.repo, out, "--audience", "team", "--provider", pid, "--period", period)
    text = _pdf_text(out / pid / period / "team.pdf")
    found = _content_leaks(text, built.known, pid)
    for expected in (INTERNAL, ALTERNATIVE, CURRENCY, END_WORDS, "Eve Qxrater's rating"):
        assert expected in found, expected
    assert all(p.search(text) for w, p in WORDS.items() if w in V1_WORDS)


def test_no_termination_right_or_distance_reaches_a_provider_document(built: Built) -> None:
    """v1.2: the rights are in every team document (and data.json, due, the portfolio),
    never in a provider document; the word search above covers every provider document
    (HTML and PDF); here the searches are shown to find them where they belong."""
    assert provider_leaks(built.html, built.known) == {}
    teams = [d for d in _manifest(built.html)["documents"] if d["audience"] == "team"]
    holds = 0
    for doc in teams:
        visible = _visible((built.html / doc["path"]).read_text(encoding="utf-8"))
        words, _ = _word_leaks(visible, built.known)
        found = {w.split(":")[0].strip("'") for w in words}
        assert {"right to end", "end the contract", "in a row"} <= found, doc["path"]
        holds += "We have the right to end the contract" in visible
    assert holds > 0
    for doc in provider_entries(built.html):
        html = (built.html / doc["path"]).read_text(encoding="utf-8")
        if doc["path"].endswith(".html"):  # evidence.csv holds rows only
            assert "Service credits for this" in html, doc["path"]  # the shared part is there
        for pattern in (WORDS[w] for w in TERMINATION_WORDS):
            assert not pattern.search(html), (doc["path"], pattern.pattern)
    data = json.loads((built.html / "data.json").read_text(encoding="utf-8"))
    assert any(t["holds"] for p in data["providers"] for t in p["termination"])
    portfolio = (built.html / "portfolio.html").read_text(encoding="utf-8")
    assert "We have the right to end the contract with" in portfolio


def test_every_team_document_holds_the_internal_summary(built: Built) -> None:
    teams = [d for d in _manifest(built.html)["documents"] if d["audience"] == "team"]
    assert len(teams) == 38
    for doc in teams:
        html = (built.html / doc["path"]).read_text(encoding="utf-8")
        assert INTERNAL in html and CRITERION_NOTE in html, doc["path"]
        assert END_WORDS in html and "Renews by itself" in html, doc["path"]


# A template that leaks. The provider template cannot print the real contract:
# its context (views.provider.ProviderPage) has no field for it. So the leak is planted
# as text, with the values the marked data holds, the way a careless custom
# template (or a future field) would put them there: in the body, and in <head>
# meta tags that WeasyPrint copies into the PDF's metadata.
PLANTED = (
    '<p class="planted">Contract: {value} {currency} a year, ends on {end}; it renews '
    "by itself unless notice is given. Compare Northgate Infrastructure Solutions Ltd.</p>"
)
PLANTED_HEAD = (
    '<meta name="keywords" content="{currency}, Northgate">\n'
    '<meta name="description" content="Contract renews on {end}">\n'
)


def test_the_checker_catches_a_planted_leak(built: Built, tmp_path: Path) -> None:
    ours = (ROOT / "templates" / "provider.html").read_text(encoding="utf-8")
    values = {"value": "987,654,321", "currency": CURRENCY, "end": END_WORDS}
    leaky = ours.replace("{% block head %}", "{% block head %}\n" + PLANTED_HEAD.format(**values))
    leaky = leaky.replace("{% block content %}", "{% block content %}\n" + PLANTED.format(**values))
    assert leaky.count("planted") == 1 and leaky.count('name="keywords"') == 1
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "provider.html").write_text(leaky, encoding="utf-8")
    out = tmp_path / "out"
    # castellan 2026-Q3: its shared action note says "The contract asks ...", so
    # the word is allowed once there and the planted one must still be caught.
    _build(built.repo, out, "--templates", str(templates), "--audience", "provider",
           "--provider", "castellan", "--period", "2026-Q3", "--jobs", "1")
    leaks = provider_leaks(out, built.known)
    assert set(leaks) == {"castellan/2026-Q3/provider.html", "castellan/2026-Q3/provider.pdf"}
    html, pdf = leaks["castellan/2026-Q3/provider.html"], leaks["castellan/2026-Q3/provider.pdf"]
    for expected in (f"html: {CURRENCY}", "html: 987,654,321", f"html: {END_WORDS}",
                     "html: 2031", "html: Northgate Infrastructure Solutions Ltd",
                     "html: Northgate", f"html text: {CURRENCY}"):
        assert expected in html, expected
    planted_words = {x.split(":")[0] for x in html if x.startswith("html word")}
    assert planted_words == {"html word 'contract'", "html word 'renew'", "html word 'notice'",
                             "html word 'a year'"}  # v1.1: "987,654,321 ... a year"
    for expected in (f"pdf: {CURRENCY}", "pdf: 987,654,321", f"pdf: {END_WORDS}",
                     "pdf: Northgate Infrastructure Solutions Ltd",
                     f"pdf metadata: {CURRENCY}", "pdf metadata: Northgate"):
        assert expected in pdf, expected
    assert any(x.startswith("pdf word 'contract'") for x in pdf), pdf
    assert any(x.startswith("pdf word 'renew'") for x in pdf), pdf
    assert "pdf metadata: 'contract'" in pdf  # the planted description


# --- v1.1: spend, decisions, unused cost and the renewal brief -----------------------


def _briefs(built: Built) -> list[dict[str, Any]]:
    return [d for d in _manifest(built.renewal)["documents"] if d.get("document") == "renewal"]


def test_renewal_briefs_are_team_documents_internal_on_every_page(built: Built) -> None:
    docs = _manifest(built.renewal)["documents"]
    providers = sorted(built.known.names)
    assert len(providers) == 5
    # --audience renewal: one brief per provider with a contract (all five), HTML and PDF
    assert sorted((d["path"], d["audience"], d["document"], d["period"]) for d in docs) == sorted(
        (f"{pid}/renewal.{fmt}", "team", "renewal", None)
        for pid in providers for fmt in ("html", "pdf")
    )
    for doc in (d for d in docs if d["format"] == "pdf"):
        path = built.renewal / doc["path"]
        pages = len(PdfReader(path).pages)
        # v1.2 added service credits and the asks of page one: at most four pages
        assert 1 <= pages <= 4, (doc["path"], pages)
        for page in range(1, pages + 1):
            done = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path),
                                   "-"], capture_output=True, check=True)
            assert "Internal: do not forward" in done.stdout.decode("utf-8"), (path, page)
    # A full build makes no brief here: no decision is due (every deadline is in 2031).
    assert not [d for d in _manifest(built.html)["documents"] if d.get("document") == "renewal"]


def test_renewal_briefs_and_team_documents_do_hold_the_new_markers(built: Built) -> None:
    """The searches can fail: spend, unused cost and peers are in the internal documents."""
    brief = _visible((built.renewal / "northgate" / "renewal.html").read_text(encoding="utf-8"))
    found = _content_leaks(brief, built.known, "northgate")
    for expected in (CURRENCY, "987,654,321", "765,432,189", "Castellan Managed Services B.V."):
        assert expected in found, expected
    # northgate's disaster recovery site is unused for a year: its cost is said
    assert f"We pay {CURRENCY} 765,432,189 a year for Disaster recovery site" in brief
    team = _visible((built.html / "northgate" / "2026-Q3" / "team.html").read_text("utf-8"))
    assert "765,432,189" in team
    portfolio = _visible((built.html / "portfolio.html").read_text(encoding="utf-8"))
    assert "We pay Northgate" in portfolio and "No other provider does" in portfolio
    words = set()
    for text in (brief, portfolio):
        found_words, _ = _word_leaks(text, built.known)
        words |= {w.split(":")[0].strip("'") for w in found_words}
    assert words >= V11_WORDS - V1_WORDS
    data = (built.html / "data.json").read_text(encoding="utf-8")
    assert DECISION_NOTE in data and '"renegotiate"' in data and "765432189" in data


def _brief_sentences(built: Built) -> set[str]:
    """Every sentence-like text of every brief: points, sentences, table cells."""
    texts: set[str] = set()
    for doc in _briefs(built):
        if doc["format"] != "html":
            continue
        html = (built.renewal / doc["path"]).read_text(encoding="utf-8")
        main = html.split("<main>", 1)[1]
        for chunk in re.findall(r"(?s)<(?:li|p)[^>]*>(.*?)</(?:li|p)>", main):
            text = _visible(chunk)
            if len(text) >= 30:  # whole sentences, not a "Yes" or a day
                texts.add(text)
    return texts


def test_no_renewal_content_reaches_a_provider_document(built: Built) -> None:
    sentences = _brief_sentences(built)
    points = [t for t in sentences if "missed the target" in t or t.startswith("We pay")]
    assert points  # the search has something to find
    for out in (built.html, built.pdf):
        for doc in provider_entries(out):
            path = out / doc["path"]
            text = _visible(path.read_text("utf-8")) if doc["format"] == "html" else (
                path.read_text("utf-8") if doc["format"] == "csv" else _pdf_text(path))
            assert "renewal brief" not in text.casefold(), doc["path"]
            assert "What to ask for" not in text, doc["path"]
            leaked = [t for t in sentences if t in text]
            assert leaked == [], (doc["path"], leaked)
