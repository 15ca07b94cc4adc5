"""Issue 18 (scoring.md and outputs.md v1.2, "Documents issued once, revised only
when their content changes"): real git repositories, real builds, a real SMTP
server. Each test here failed on the code before v1.2 (see the report of
issue 18: run against main at bd8008c).

The repository is ``buildrepo``'s: alpha (2026-Q1, evaluated 2026-04-10, and
2026-Q2, evaluated 2026-07-10) and beta (2026-Q2, evaluated 2026-07-12), both in
the service area Infrastructure, so beta's team scorecard ranks beta against
alpha's 2026-Q2 record, the latest scored on 2026-07-12.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from buildrepo import Repo, tree
from conftest import GitRepo, run_cli
from mailroom import MailServer, delivery_repo, log_lines

ROOT = Path(__file__).resolve().parents[2]


def send(repo: Repo, *args: str) -> tuple[int, str, str]:
    result = run_cli("send", "--data", str(repo.data), "--out", str(repo.root / "reports"),
                     "--outbox", str(repo.root / "outbox"), "--pause", "0", *args)
    return result.exit_code, result.stdout, result.stderr


def status_rows(repo: Repo) -> list[list[str]]:
    code, out, err = send(repo, "--status")
    assert code == 0, err
    return [line.split() for line in out.splitlines()[1:] if line.strip()]


def commit_later(repo: Repo, message: str, when: str) -> str:
    """A commit made on another day than buildrepo's fixed one."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_AUTHOR_NAME="Priya Shah", GIT_AUTHOR_EMAIL="priya@example.com",
               GIT_COMMITTER_NAME="Priya Shah", GIT_COMMITTER_EMAIL="priya@example.com",
               GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    for args in (["add", "--all", "."], ["commit", "-q", "--no-verify", "-m", message]):
        subprocess.run(["git", *args], cwd=repo.root, env=env, check=True,
                       capture_output=True)
    return repo.git("rev-parse", "HEAD").strip()


def commit_named(html: bytes) -> str:
    marker = b'name="scorecard-commit" content="'
    start = html.index(marker) + len(marker)
    return html[start:html.index(b'"', start)].decode()


# --- a peer's summary ----------------------------------------------------------------


def test_a_peer_summary_edit_leaves_other_providers_documents_byte_identical(
    tmp_path: Path,
) -> None:
    repo = Repo(tmp_path / "repo")
    out = tmp_path / "out"
    first = repo.build(out, jobs=1)
    assert (first.rendered, first.reused) == (7, 0)
    before = tree(out)
    repo.edit("evaluations/records/alpha/2026-Q2.yaml", "summary: Better fixes.",
              "summary: Better fixes, and quicker.")
    edit = repo.commit("Alpha Q2: a fuller summary")
    report = repo.build(out, jobs=1)
    after = tree(out)
    # beta's documents show alpha's Q2 only through its score and rank, which did not
    # change: byte-identical, HTML and PDF, still naming the first commit (before
    # v1.2 beta's team scorecard named the summary's commit and was rendered again)
    for path in ("beta/2026-Q2/provider.html", "beta/2026-Q2/provider.pdf",
                 "beta/2026-Q2/team.html", "beta/2026-Q2/team.pdf",
                 "alpha/2026-Q1/provider.pdf", "alpha/2026-Q1/team.pdf"):
        assert after[path] == before[path], path
    assert commit_named(after["beta/2026-Q2/team.html"]) != edit
    # rendered: alpha's Q2 provider and team scorecards (the summary is theirs) and the
    # portfolio (build-wide, names the build's commit): 3 of 7
    assert (report.rendered, report.reused) == (3, 4)
    changed = {p for p in after if p.endswith(".pdf") and after[p] != before.get(p)}
    assert changed == {"alpha/2026-Q2/provider.pdf", "alpha/2026-Q2/team.pdf", "portfolio.pdf"}


def test_a_peer_score_change_does_restamp_the_team_scorecard(tmp_path: Path) -> None:
    # the counterpart: the peers' table shows alpha's score, so a score change is content
    repo = Repo(tmp_path / "repo")
    out = tmp_path / "out"
    repo.build(out, pdf=False)
    repo.edit("evaluations/records/alpha/2026-Q2.yaml", "communication: 4", "communication: 2")
    edit = repo.commit("Alpha Q2: communication rated again")
    repo.build(out, pdf=False)
    assert commit_named((out / "beta/2026-Q2/team.html").read_bytes()) == edit
    assert commit_named((out / "beta/2026-Q2/provider.html").read_bytes()) != edit


# --- what is sent ----------------------------------------------------------------------


@pytest.fixture
def sent_repo(tmp_path: Path, mail_server: MailServer) -> Repo:
    """The delivery repository, built HTML only and sent: alpha 2026-Q2 and beta
    2026-Q2 to their contacts and leads, the portfolio to the board; alpha's 2026-Q1
    is the baseline."""
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    code, _, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err
    assert len(mail_server.inbox.received) == 6
    mail_server.inbox.received.clear()
    return repo


def test_new_look_and_pdfs_after_an_html_send_revise_nothing(
    sent_repo: Repo, mail_server: MailServer, tmp_path: Path
) -> None:
    repo = sent_repo
    templates = tmp_path / "templates"
    templates.mkdir()
    css = (ROOT / "templates" / "documents.css").read_text(encoding="utf-8")
    (templates / "documents.css").write_text(css + "\nh1 { letter-spacing: 0.02em; }\n",
                                             encoding="utf-8")
    before = json.loads((repo.root / "reports" / "manifest.json").read_text())
    repo.build(repo.root / "reports", templates=templates)  # PDFs now, and a new look
    after = json.loads((repo.root / "reports" / "manifest.json").read_text())
    # before v1.2 every document sent was "new" again (the log keyed on the HTML's path)
    states = {row[0] for row in status_rows(repo)}
    assert states <= {"sent", "baseline"}, status_rows(repo)
    html_before = {d["path"]: d for d in before["documents"]}
    for entry in after["documents"]:
        if entry["format"] == "html":
            # new bytes, same content
            assert entry["sha256"] != html_before[entry["path"]]["sha256"], entry["path"]
            assert entry["content"] == html_before[entry["path"]]["content"], entry["path"]
    code, _, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err
    assert mail_server.inbox.received == []


def test_committing_the_sent_log_changes_no_document(
    sent_repo: Repo, mail_server: MailServer
) -> None:
    repo = sent_repo
    reports = repo.root / "reports"
    repo.build(reports, as_of=None)  # as of the data's commit day, as CI builds
    before = tree(reports)
    assert (repo.root / "sent.jsonl").is_file()
    commit_later(repo, "Sent the 2026-Q2 scorecards", "2026-09-22T09:00:00+00:00")
    report = repo.build(reports, as_of=None)
    assert report.rendered == 0
    # before v1.2 the portfolio named the new HEAD and was as of 22 September
    assert tree(reports) == before
    code, _, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err  # not refused as stale: the data did not change
    assert mail_server.inbox.received == []


def test_a_draft_made_final_is_issued_not_revised(
    sent_repo: Repo, mail_server: MailServer
) -> None:
    repo = sent_repo
    record = repo.data / "records" / "beta" / "2026-Q1.yaml"
    record.write_text("provider: beta\nperiod: 2026-Q1\nstatus: draft\nevaluated: 2026-04-15\n"
                      "lead: Tom Berg\nscores:\n  availability: 99.4\n  fix-quality: 3\n"
                      "  communication: 3\nsummary: Steady.\n", encoding="utf-8")
    repo.commit("Beta Q1: draft")
    repo.edit("evaluations/records/beta/2026-Q1.yaml", "status: draft\n", "")
    repo.edit("evaluations/records/beta/2026-Q1.yaml", "summary: Steady.", "summary: Steady work.")
    repo.commit("Beta Q1: final")
    repo.build(repo.root / "reports", pdf=False)
    provider = (repo.root / "reports/beta/2026-Q1/provider.html").read_text(encoding="utf-8")
    team = (repo.root / "reports/beta/2026-Q1/team.html").read_text(encoding="utf-8")
    assert "Revised on" not in provider  # before v1.2: "Revised on 15 September 2026."
    assert "Revised on" not in team and "after it was first saved" not in team
    rows = [r for r in status_rows(repo) if "2026-Q1" in r and "beta" in r]
    assert rows and all(r[0] == "new" for r in rows), rows
    code, _, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err
    subjects = [(r.to, str(r.message["Subject"])) for r in mail_server.inbox.received]
    first = [s for to, s in subjects if to == "ben@beta.example" and "first quarter" in s]
    assert first == ["Your scorecard from Northwind Freight for the first quarter of 2026"]
    # (beta's 2026-Q2 scorecards are revised, rightly: their trend now compares with Q1)


def test_send_refuses_a_build_older_than_the_committed_data(
    tmp_path: Path, mail_server: MailServer
) -> None:
    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", pdf=False)
    built = json.loads((repo.root / "reports/manifest.json").read_text())["source"]["commit"]
    repo.edit("evaluations/records/beta/2026-Q2.yaml", "availability: 99.2",
              "availability: 99.6")
    now = repo.commit("Beta Q2: corrected availability")
    code, _, err = send(repo, "--smtp", mail_server.address)
    assert code == 1
    assert f"reports/ was built from {built[:7]}; the data is now at {now[:7]}: build again" \
        in err
    assert len([line for line in err.splitlines() if "build again" in line]) == 1
    assert mail_server.inbox.received == []
    assert log_lines(repo.root / "sent.jsonl") == []
    repo.build(repo.root / "reports", pdf=False)
    code, _, err = send(repo, "--smtp", mail_server.address)
    assert code == 0, err


# --- dates -----------------------------------------------------------------------------


def test_the_provider_pdf_and_its_email_never_disagree_on_a_date(
    tmp_path: Path, mail_server: MailServer
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    repo = delivery_repo(tmp_path / "repo")
    repo.build(repo.root / "reports", providers={"beta"})
    code, _, err = send(repo, "--smtp", mail_server.address, "--provider", "beta",
                        "--audience", "provider")
    assert code == 0, err
    [received] = mail_server.inbox.received
    body = " ".join(received.message.get_body(("plain",)).get_content().split())
    [(_, pdf)] = received.attachments()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).split())
    # beta's record was evaluated on 12 July 2026 and reply_days is 10: before v1.2 the
    # PDF asked for a reply "by 22 July 2026", long past on the day it was sent, while
    # the e-mail counted 10 days from the send. Now the PDF names no reply-by day.
    assert "22 July 2026" not in text
    assert "within 10 days of the day we send you this scorecard" in text
    assert "Please reply to this e-mail by" in body and "10 days after today," in body


def test_every_count_of_days_in_the_demo_names_the_day_it_counts_from(demo_repo: GitRepo) -> None:
    import html
    import re

    assert demo_repo.build("--no-pdf").exit_code == 0
    texts = []
    for page in sorted(demo_repo.reports.rglob("*.html")):
        text = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
        texts.append(" ".join(text.split()))
    every = "\n".join(texts)
    # before v1.2: "That is 65 days from now.", "It is 180 days late.", "30 days left",
    # each counting from a day the reader was not told
    for unanchored in (r"\d+ days? from (now|today)", r"\d+ days? ago", r"It is \d+ days? late",
                       r"\d+ days left(?! on \d)"):
        assert re.search(unanchored, every) is None, unanchored
    day = r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|" \
          r"November|December) \d{4}"
    counted = re.findall(rf"That is \d+ days after ({day}), the day these figures are as of",
                         every)
    assert counted  # the contract decisions count from the as-of day, and name it
    assert re.search(rf"By {day} it was \d+ days? late", every)
