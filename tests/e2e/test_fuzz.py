"""Fuzzing: hostile YAML values and Markdown put into a real data folder.

Hypothesis writes generated values into the small fixture (tests/fixtures/small),
in the places people edit: numbers, days, day counts, weights, names, notes and
summaries in Markdown, and a contract and an exit plan added to a provider.
For each example, in a fresh git repository:

- ``validate`` either finds no problem, or gives problems that each name the
  file, line and column;
- when it finds none, ``build --no-pdf`` and ``due`` succeed;
- nothing ever ends in a traceback (``run_cli`` lets exceptions through, so one
  fails the test with the example that caused it).

And for delivery: hostile ``.eml`` files given to ``reply`` (forged and defective
senders, unknown charsets and encodings, parts nested deep, control characters
and emoji) end in a one-line reason or in words ``validate`` accepts; hostile
lines in ``sent.jsonl`` (cut, nested, not JSON, not ours, odd line breaks) end
in a problem at the log's line, or a send whose log then holds what it sent;
neither ever in a traceback.

Bounded and reproducible for CI: a fixed number of examples, derandomized (the
same examples on every run), no example database, no deadline per example.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from buildrepo import Repo
from conftest import SMALL, GitRepo, make_repo, run_cli
from mailroom import MailServer

FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
FEW_PDFS = settings(FUZZ, max_examples=4)

# --- hostile values, as YAML text -----------------------------------------------

HOSTILE_CHARACTERS = (
    "\x00\x02\x03\x07\x1b\x7f\x85\u200b\u200d\u202e\u2066\u2028\ufeff\ufdd0\ue000"
    "😀🎉🇳🇱👩‍💻株式会社한국어Zoë Müller Ελληνικά Россия ½€“”•—"
    "[]()!*_`#>|<&\\:\"'{},-~%@"
)
MARKDOWN_PIECES = (
    "[", "]", "(", ")", "![a](x.png)", "![b](https://x.example/b.png)", "[l](https://a.example)",
    "[r][1]\n\n[1]: javascript:alert(1)", "<script>alert(1)</script>", "`code`", "```\nx\n```",
    "**b**", "_i_", "# h", "> q", "- item", "1. item", "| a |\n|---|\n| b |", "\n\n", "  \n",
    "\x02klzzwxh:0000\x03", "\x02wzxhzdk:0\x03", "klzzwxh:0", "&amp;", "&#0;", "\\", "\t",
)


def quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's escapes are YAML's too)."""
    return json.dumps(text, ensure_ascii=False)


DRAWABLE_PIECES = [p for p in MARKDOWN_PIECES if "\x02" not in p]

drawable_texts = st.lists(st.sampled_from(DRAWABLE_PIECES), min_size=1, max_size=12)
texts = st.one_of(
    drawable_texts.map("".join),
    drawable_texts.map(" word ".join),
    st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=12).map("".join),
    st.text(alphabet=HOSTILE_CHARACTERS, max_size=40),
    st.builds(lambda piece, n: piece * n, st.sampled_from(["[", "![", "[a](", "> ", "- ", "*"]),
              st.integers(1, 3000)),
    st.text(max_size=30),
).map(quoted)


def yaml_float(x: float) -> str:
    if x != x:
        return ".nan"
    if x in (float("inf"), float("-inf")):
        return ".inf" if x > 0 else "-.inf"
    return f"{x:.6e}"  # 1.000000e+308: a point and a signed exponent, as YAML 1.1 wants


numbers = st.one_of(
    st.integers(0, 3650).map(str),
    st.floats(0.001, 1000).map(lambda x: f"{x:.6e}"),
    st.integers(-(10**30), 10**30).map(str),
    st.integers(-(10**400), 10**400).map(str),
    st.sampled_from(["0", "-1", "1000", "1001", "3650", "3651", "1000000000000",
                     "1000000000001", "1.0e+308", "-1.0e+308", "1.0e-320", ".inf", "-.inf",
                     ".nan", "0x7fffffff", "1_000", "12:30", "0o17", "true", "null", "~", ""]),
    st.floats(allow_nan=True, allow_infinity=True).map(yaml_float),
)
days = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)).map(date.isoformat),
    st.dates().map(date.isoformat),
    st.sampled_from(["1899-12-31", "1900-01-01", "2999-12-31", "3000-01-01", "9999-12-31",
                     "0001-01-01", "2026-02-30", "2026-13-01", "2026-10-06 10:00:00",
                     '"2026-10-06"', "yesterday"]),
)
values = st.one_of(numbers, days, texts)

# Values at or near the edges of what validate accepts, so that many examples get built.
ratings = st.integers(1, 5).map(str)
day_counts = st.one_of(st.integers(0, 3650), st.sampled_from([0, 1, 3649, 3650])).map(str)
weights = st.one_of(st.floats(1e-300, 1000), st.sampled_from([1e-320, 0.001, 999.999, 1000.0])
                    ).map(lambda x: f"{x:.6e}")
measures = st.one_of(st.floats(-1e12, 1e12), st.integers(-(10**12), 10**12),
                     st.sampled_from([-1e12, 1e12, 1e-320, 0.0])).map(
    lambda x: f"{x:.6e}" if isinstance(x, float) else str(x))
in_range_days = st.one_of(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)),
    st.sampled_from([date(1900, 1, 1), date(2999, 12, 31), date(2000, 2, 29)]),
).map(date.isoformat)
shown_texts = st.one_of(drawable_texts.map("".join), drawable_texts.map(" word ".join),
                        st.text(alphabet=HOSTILE_CHARACTERS[40:], min_size=1, max_size=40)
                        ).filter(str.strip).map(quoted)



def where(edge: st.SearchStrategy[str], kind: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Half the time a value near the edges of what a place accepts (so that many
    examples get built), else a hostile one of its kind, or of any kind."""
    return st.one_of(edge, edge, kind, values)


DAY_COUNTS = where(day_counts, numbers)
WEIGHTS = where(weights, numbers)
MEASURES = where(measures, numbers)
RATINGS = where(ratings, numbers)
DAYS = where(in_range_days, days)
TEXTS = where(shown_texts, texts)
PERIODS = where(st.sampled_from(["2026-Q2", "2026-Q3", "2026-Q4", "2026-06", "2026", "1900-Q1",
                                 "2999-Q4", "2027-Q1"]), texts)


# The places a value goes: (file, what the value replaces there, its values).
def place(old: str, key: str) -> Callable[[str], tuple[str, str]]:
    return lambda value: (old, f"{key}: {value}")


PLACES: list[tuple[str, Callable[[str], tuple[str, str]], st.SearchStrategy[str]]] = [
    ("scorecard.yaml", place("grace_days: 30", "grace_days"), DAY_COUNTS),
    ("scorecard.yaml", place("weight: 60", "weight"), WEIGHTS),
    ("scorecard.yaml", place("weight: 2", "weight"), WEIGHTS),
    ("scorecard.yaml", place("target: 99.9", "target"), MEASURES),
    ("scorecard.yaml", place("floor: 120", "floor"), MEASURES),
    ("scorecard.yaml", place("max: 5", "max"), DAY_COUNTS),
    ("scorecard.yaml", place("organisation: Northwind Freight", "organisation"), TEXTS),
    ("scorecard.yaml", place("name: Availability", "name"), TEXTS),
    ("providers/acme.yaml", place("name: Acme Managed IT Ltd", "name"), TEXTS),
    ("providers/acme.yaml", place("short_name: Acme", "short_name"), TEXTS),
    ("providers/acme.yaml", place("title: Weekend on-call cover", "title"), TEXTS),
    ("providers/acme.yaml", place("due: 2026-09-30", "due"), DAYS),
    ("providers/acme.yaml", place("raised: 2026-08-01", "raised"), DAYS),
    ("providers/acme.yaml", place("lead: Priya Shah", "lead: Priya Shah\ncontract:\n  start: "
                                   "2024-01-01\n  notice_days"), DAY_COUNTS),
    ("providers/acme.yaml", place("lead: Priya Shah", "lead: Priya Shah\ncontract:\n  end"),
     DAYS),
    ("providers/acme.yaml", place("lead: Priya Shah", "lead: Priya Shah\nexit_plan:\n  status: "
                                   "drafted\n  reviewed"), DAYS),
    ("providers/acme.yaml", place("lead: Priya Shah", "lead: Priya Shah\ncontract:\n  "
                                   "annual_value"), MEASURES),
    ("records/acme/2026-Q3.yaml", place("availability: 99.95", "availability"), MEASURES),
    ("records/acme/2026-Q3.yaml", place("p1-response: 42", "p1-response"), MEASURES),
    ("records/acme/2026-Q3.yaml", place("communication: 4", "communication"), RATINGS),
    ("records/acme/2026-Q3.yaml", place("evaluated: 2026-10-06", "evaluated"), DAYS),
    ("records/acme/2026-Q3.yaml",
     place("p1-response: Two weekend incidents waited over an hour.", "p1-response"), TEXTS),
    ("records/acme/2026-Q3.yaml", place("services_used: [service-desk]",
                                        "services_used: [service-desk]\nsummary"), TEXTS),
    ("records/acme/2026-Q3.yaml", place("services_used: [service-desk]",
                                        "services_used: [service-desk]\nprovider_response"),
     TEXTS),
    ("records/globex/2026-07.yaml", place("lead: Tom Berg", "lead"), TEXTS),
    # v1.2: the provider's reported figures, plausible ranges, tolerance, adoption
    ("records/acme/2026-Q3.yaml", place("services_used: [service-desk]",
                                        "services_used: [service-desk]\nreported:\n  "
                                        "availability"), MEASURES),
    ("scorecard.yaml", place("target: 99.9", "target: 99.9, tolerance"), MEASURES),
    ("scorecard.yaml", place("target: 99.9", "target: 99.9, min"), MEASURES),
    ("scorecard.yaml", place("floor: 120", "floor: 120, max"), MEASURES),
    ("providers/acme.yaml", place("short_name: Acme", "short_name: Acme\nevaluated_from"),
     PERIODS),
]

edits = st.lists(
    st.sampled_from(range(len(PLACES))).flatmap(
        lambda i: PLACES[i][2].map(lambda v: (i, v))),
    min_size=1, max_size=2, unique_by=lambda e: e[0],
)

# --- one example ----------------------------------------------------------------


@contextmanager
def repo_with(chosen: list[tuple[int, str]]) -> Iterator[GitRepo]:
    """The small fixture with the chosen values in their places, committed."""
    with tempfile.TemporaryDirectory(prefix="scorecard-fuzz-") as tmp:
        root = Path(tmp) / "repo"
        repo = make_repo(root, SMALL)
        for index, value in chosen:
            rel, edit, _ = PLACES[index]
            old, new = edit(value)
            path = repo.data / rel
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        repo.commit("Hostile values")
        yield repo


def check_example(repo: GitRepo, *build_args: str) -> bool:
    """The three promises for one example; whether it was valid (and so was built)."""
    data = str(repo.data)
    checked = run_cli("validate", "--data", data, "--format", "json")
    assert checked.exit_code in (0, 1), checked.output
    problems = json.loads(checked.stdout)
    errors = [p for p in problems if p["severity"] == "error"]
    for p in problems:
        assert p["file"] and p["line"] and p["column"], p
        assert p["file"].endswith(".yaml"), p
    assert (checked.exit_code == 1) == bool(errors)
    event("refused by validate" if errors else "valid, so built")
    if errors:
        return False
    built = repo.build("--as-of", "2026-11-26", "--jobs", "1", *build_args)
    assert built.exit_code == 0, built.output
    assert "Traceback" not in built.output
    due = run_cli("due", "--data", data, "--as-of", "2026-11-26", "--format", "json")
    assert due.exit_code == 0, due.output
    assert json.loads(due.stdout)["as_of"] == "2026-11-26"
    return True


@FUZZ
@given(chosen=edits)
def test_hostile_values_give_problems_with_places_or_build(chosen: list[tuple[int, str]]) -> None:
    with repo_with(chosen) as repo:
        if check_example(repo, "--no-pdf"):
            assert (repo.reports / "index.html").is_file()


@FEW_PDFS
@given(summary=TEXTS, name=TEXTS)
def test_hostile_text_that_validates_makes_real_pdfs(summary: str, name: str) -> None:
    chosen = [(8, name), (22, summary)]  # the provider's name, the record's summary
    with repo_with(chosen) as repo:
        if check_example(repo, "--provider", "acme", "--period", "2026-Q3",
                         "--audience", "provider"):
            assert (repo.reports / "acme" / "2026-Q3" / "provider.pdf").stat().st_size > 0


def test_the_places_fit_the_fixture() -> None:
    """Every place's text is in its file once, so each edit lands where it says."""
    for rel, edit, _ in PLACES:
        old, _new = edit("x")
        assert (SMALL / rel).read_text(encoding="utf-8").count(old) >= 1, (rel, old)
    assert PLACES[8][1]("x")[0] == "name: Acme Managed IT Ltd"
    assert PLACES[22][1]("x")[1].endswith("summary: x")



# --- reply: hostile .eml files --------------------------------------------------

FROMS = [
    b"Dana Cole <dana@alpha.example>", b"dana@alpha.example", b"reviews@alpha.example",
    b"m.hoekstra@castellan-ms.example <evil@attacker.example>", b'"a@b" <dana@alpha.example>',
    b"dana@alpha.example, evil@attacker.example", b"<>", b"", b"Dana <dana@alpha.example",
    b"=?utf-8?q?Dana?= <dana@alpha.example>", b"=?x-nope?b?AAAA?= <dana@alpha.example>",
    b"undisclosed-recipients:;", b"Dana (comment) <dana@alpha.example> (more)",
]
CONTENT_TYPES = [
    b"text/plain; charset=utf-8", b"text/plain; charset=x-no-such", b"text/plain",
    b"text/html; charset=utf-8", b"text/plain; charset=utf-16", b"text/plain; charset=\"",
    b"multipart/alternative; boundary=b", b"multipart/mixed", b"message/rfc822", b"",
]
ENCODINGS = [b"", b"Content-Transfer-Encoding: base64\n", b"Content-Transfer-Encoding: "
             b"quoted-printable\n", b"Content-Transfer-Encoding: x-uuencode\n"]
BODY_PIECES = [
    b"We agree.\n", b"> quoted\n", b"On Mon, 1 Dec 2026, X wrote:\n", b"-- \n", b"--\n",
    b"From: our side\n", b"Sent: today\n", b"-----Original Message-----\n", b"\n", b"\r\n",
    b"--b\nContent-Type: text/plain\n\nInner.\n", b"--b--\n", b"=E2=82=AC=\n", b"4pyTIA==\n",
    "Zo\u00eb \N{GRINNING FACE} \u202e\n".encode(), b"\x00\x07\x1b", b"\xff\xfe\xc3(\n",
    b"begin 644 x\n", b"provider_response: |\n", b"# not yaml\n", b"  indented\n",
]


def nested(depth: int) -> bytes:
    return b"".join(b'Content-Type: multipart/mixed; boundary="n%d"\n\n--n%d\n' % (i, i)
                    for i in range(depth))


emails = st.builds(
    lambda froms, ctype, enc, body, depth, extra: (
        b"".join(b"From: " + f + b"\n" for f in froms) + b"To: priya.shah@northwind.example\n"
        + b"Subject: Re: scorecard\nMIME-Version: 1.0\n" + extra + nested(depth)
        + (b"Content-Type: " + ctype + b"\n" if ctype else b"") + enc + b"\n" + body),
    st.one_of(st.just(FROMS[:1]), st.just(FROMS[:1]),
              st.lists(st.sampled_from(FROMS), min_size=0, max_size=2)),
    st.one_of(st.just(CONTENT_TYPES[0]), st.sampled_from(CONTENT_TYPES)),
    st.one_of(st.just(b""), st.sampled_from(ENCODINGS)),
    st.lists(st.sampled_from(BODY_PIECES), min_size=1, max_size=12).map(b"".join),
    st.one_of(st.just(0), st.just(0), st.integers(1, 30), st.sampled_from([200, 1500])),
    st.one_of(st.just(b""), st.just(b""),
              st.binary(max_size=40).map(lambda b: b.replace(b"\n\n", b"\n"))),
)


@pytest.fixture(scope="module")
def reply_repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    from mailroom import delivery_repo

    return delivery_repo(tmp_path_factory.mktemp("fuzz-reply") / "repo")


@FUZZ
@given(message=emails)
def test_hostile_emails_give_reply_a_reason_or_valid_words(reply_repo: Repo,
                                                           message: bytes) -> None:
    repo = reply_repo
    eml = repo.root.parent / "reply.eml"
    eml.write_bytes(message)
    try:
        result = run_cli("reply", "--data", str(repo.data), "alpha", "2026-Q2", str(eml))
        assert result.exit_code in (0, 1), result.output
        if result.exit_code == 1:
            event("refused")
            assert result.stderr.splitlines()[-1].startswith("Error: "), result.stderr
            assert result.stdout == ""
        else:
            event("written")
            assert run_cli("validate", "--data", str(repo.data)).exit_code == 0
    finally:
        repo.git("checkout", "-q", "--", ".")


# --- the sent log: hostile lines --------------------------------------------------

LOG_PIECES = [
    '{"sent": "2026-12-01T10:22:05Z", "to": "board@northwind.example", "audience": '
    '"portfolio", "provider": null, "period": null, "documents": [{"path": "portfolio.html", '
    '"sha256": "00"}], "message_id": "<x@y>", "revised": false}',
    '{"sent": "2026', '{"sent": "2026-12-01T10:22:05Z", "to": ', "{}", "[]", "null", "1e999",
    '{"documents": "x"}', '{"sent": 1, "to": [], "audience": {}}', "\x00", "\ufeff", "\u2028",
    "\x85", "\r", " ", "{" * 5000, "[" * 100000, '"' + "a" * 1000, "\udcff", "\\ud800",
    '{"sent": "x", "to": "x", "audience": "x", "documents": [{"path": 1, "sha256": 2}]}',
]
log_lines = st.lists(st.one_of(st.sampled_from(LOG_PIECES),
                               st.lists(st.sampled_from(LOG_PIECES), max_size=3).map("".join),
                               st.text(max_size=30)), min_size=1, max_size=6)


@pytest.fixture(scope="module")
def send_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Repo, MailServer]]:
    from mailroom import delivery_repo

    repo = delivery_repo(tmp_path_factory.mktemp("fuzz-send") / "repo")
    repo.build(repo.root / "reports", pdf=False)
    server = MailServer()
    server.start()
    try:
        yield repo, server
    finally:
        server.stop()


@FUZZ
@given(lines=log_lines, ending=st.sampled_from(["\n", ""]), smtp=st.booleans())
def test_hostile_sent_log_lines_give_send_a_reason_never_a_traceback(
    send_repo: tuple[Repo, MailServer], lines: list[str], ending: str, smtp: bool
) -> None:
    repo, server = send_repo
    log = repo.root / "sent.jsonl"
    log.write_bytes(("\n".join(lines) + ending).encode("utf-8", "surrogatepass"))
    args = ["send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
            "--outbox", str(repo.root / "outbox"), "--pause", "0"]
    if smtp:
        args += ["--smtp", server.address]
    before = len(server.inbox.received)
    result = run_cli(*args)
    assert result.exit_code in (0, 1), result.output
    for line in result.stderr.splitlines():
        if "sent.jsonl" in line:  # a problem with the log names its line
            assert re.search(r"sent\.jsonl(:\d+:\d+)?: ", line), line
    if result.exit_code == 1:
        event("refused")
        assert len(server.inbox.received) == before  # nothing sent on a log it cannot read
    else:
        event("sent" if smtp else "dry run")
    if smtp and result.exit_code == 0:
        status = run_cli(*args[:7], "--status")  # what was sent is now in the log
        assert status.exit_code == 0, status.output
        assert all(not row.startswith(("new ", "revised ")) for row in
                   status.stdout.splitlines())
