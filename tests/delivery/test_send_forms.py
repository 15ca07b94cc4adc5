"""``send --forms``: the provider's fillable form goes with its scorecard, and the
e-mail says how to fill it in and send it back; no other party gets one."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from pypdf import PdfReader

from conftest import run_cli
from formfill import fill
from mailroom import delivery_repo


def test_the_provider_gets_its_form_with_its_scorecard(tmp_path: Path) -> None:
    repo = delivery_repo(tmp_path / "repo")
    reports, outbox = repo.root / "reports", tmp_path / "outbox"
    repo.build(reports, pdf=False)
    result = run_cli("send", "--data", str(repo.data), "--out", str(reports), "--outbox",
                     str(outbox), "--forms", "--all")
    assert result.exit_code == 0, result.stderr
    with_forms = 0
    for eml in sorted(outbox.glob("*.eml")):
        msg = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
        names = [part.get_filename() for part in msg.iter_attachments()]
        body = " ".join(msg.get_body(("plain",)).get_content().split())  # type: ignore[union-attr]
        forms = [n for n in names if n and n.endswith("(form).pdf")]
        to_provider = "alpha.example" in msg["To"] or "beta.example" in msg["To"]
        if not to_provider:
            assert forms == [] and "Also attached is a form" not in body
            continue
        with_forms += 1
        assert len(forms) == 1
        assert "Also attached is a form" in body and "send it back to us" in body
        part = next(p for p in msg.iter_attachments() if p.get_filename() == forms[0])
        pdf = tmp_path / "form.pdf"
        pdf.write_bytes(part.get_content())
        names_in_form = set(PdfReader(pdf).get_fields() or {})
        assert "reply" in names_in_form
        assert not [n for n in names_in_form if n.startswith(("internal", "score.", "rating."))]
        if "beta.example" in msg["To"]:
            beta_form = pdf.with_name("beta-form.pdf")
            beta_form.write_bytes(pdf.read_bytes())
    assert with_forms >= 2  # alpha's contacts and beta's
    # the provider fills in the form it was sent and e-mails it back: it reads into its record
    filled = fill(tmp_path / "beta-form.pdf", tmp_path / "back.pdf",
                  {"reply": "We will be quicker."})
    taken = run_cli("take", "--data", str(repo.data), str(filled))
    assert taken.exit_code == 0, taken.stderr
    assert "reply" in taken.stdout and "beta" in taken.stdout


def test_the_words_about_the_form_read_at_grade_8_or_lower() -> None:
    from scorecard.delivery.messages import environment, letter
    from scorecard.words.readability import flesch_kincaid_grade

    words = letter(environment(), "provider", {
        "organisation": "Northwind Freight", "provider_name": "Acme Managed IT Ltd",
        "period": "2026-Q3", "period_words": "the third quarter of 2026", "greeting": "Dana",
        "reply_days": 14, "reply_by": "15 December 2026", "has_response": False,
        "lead_name": "Priya Shah", "sender_name": "IT vendor management", "revised": False,
        "previous_day": "", "as_of": "1 December 2026", "today": "1 December 2026",
        "form_attached": True})
    paragraph = next(p for p in words.body.split("\n\n") if p.startswith("Also attached"))
    assert "(form).pdf" in paragraph and "send it back to us" in paragraph
    assert flesch_kincaid_grade(" ".join(paragraph.split())) <= 8
