"""``scorecard reply`` with hostile and awkward e-mails, in a real git repository:
a forged sender, a period that climbs out of the provider's folder, a provider
who answers inline, an unknown charset, parts nested 1,000 deep, and words that
``validate`` refuses. Each ends in a one-line error (exit 1) with nothing
written, or in the provider's words, every answer kept, with what was left out
counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from buildrepo import Repo, tree
from conftest import run_cli
from mailroom import delivery_repo

HEAD = b"To: Priya Shah <priya.shah@northwind.example>\nSubject: Re: your scorecard\n"
TEXT = b"Content-Type: text/plain; charset=utf-8\n\n"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return delivery_repo(tmp_path / "repo")


def reply(repo: Repo, message: bytes, provider: str = "alpha", period: str = "2026-Q2"
          ) -> tuple[int, str, str]:
    eml = repo.root.parent / "reply.eml"
    eml.write_bytes(message)
    result = run_cli("reply", "--data", str(repo.data), provider, period, str(eml))
    return result.exit_code, result.stdout, result.stderr


def refused(repo: Repo, message: bytes, *words: str, provider: str = "alpha",
            period: str = "2026-Q2") -> str:
    """Exit 1, one line on standard error holding ``words``, and nothing changed."""
    before = tree(repo.root)
    code, out, err = reply(repo, message, provider, period)
    assert code == 1, out
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    for w in words:
        assert w in err, err
    assert tree(repo.root) == before
    return err


def response(repo: Repo) -> str:
    text = (repo.data / "records" / "alpha" / "2026-Q2.yaml").read_text(encoding="utf-8")
    return text.split("provider_response: |\n", 1)[1]


@pytest.mark.parametrize("sender", [
    b"m.hoekstra@castellan-ms.example <evil@attacker.example>",  # the shown name: an address
    b"dana@alpha.example <evil@attacker.example>",
    b'"dana@alpha.example" <evil@attacker.example>',
])
def test_a_sender_shown_as_a_contact_but_from_another_address_is_refused(
    repo: Repo, sender: bytes
) -> None:
    refused(repo, b"From: " + sender + b"\n" + HEAD + TEXT + b"We agree.\n",
            "evil@attacker.example")


@pytest.mark.parametrize("headers", [
    b"From: dana@alpha.example\nFrom: evil@attacker.example\n",  # two From headers
    b"From: dana@alpha.example, evil@attacker.example\n",  # two addresses
    b"From: dana@alpha.example <\n",  # defective
    b"From: Dana Cole <dana@alpha.example\n",  # defective: no closing >
])
def test_a_defective_from_header_is_refused(repo: Repo, headers: bytes) -> None:
    refused(repo, headers + HEAD + TEXT + b"We agree.\n", "From")


@pytest.mark.parametrize(("provider", "period"), [
    ("alpha", "../beta/2026-Q2"),
    ("alpha", "../../../scorecard"),
    ("alpha", "2026-Q1/../2026-Q2"),
    ("../alpha", "2026-Q2"),
    ("alpha/../beta", "2026-Q2"),
    ("alpha", "2026-Q3"),  # a period with no record
])
def test_the_period_must_be_one_of_the_providers_own(repo: Repo, provider: str,
                                                     period: str) -> None:
    message = b"From: Dana Cole <dana@alpha.example>\n" + HEAD + TEXT + b"We agree.\n"
    refused(repo, message, provider=provider, period=period)


INLINE = b"""\
Dear Priya,

Thank you for the scorecard. Our answers are below each point.

On Tue, 1 Dec 2026 at 10:22, IT vendor management wrote:
> Availability was 99.2% against a target of 99.9%.

The outage on 3 August was a failed storage controller; we replaced all three.

> Two weekend P1 incidents waited over an hour.

From: our side, the weekend rota now has two engineers.
As your auditor wrote:
both of them are on call from Friday 18:00.

> Please send the exit plan.

Attached to this e-mail.

--\x20
Dana Cole
Service manager
"""


def test_inline_answers_are_all_kept_and_what_is_left_out_is_counted(repo: Repo) -> None:
    message = b"From: Dana Cole <dana@alpha.example>\n" + HEAD + TEXT + INLINE
    code, out, err = reply(repo, message)
    assert code == 0, err
    assert response(repo) == (
        "  Dear Priya,\n\n"
        "  Thank you for the scorecard. Our answers are below each point.\n\n"
        "  The outage on 3 August was a failed storage controller; we replaced all three.\n\n"
        "  From: our side, the weekend rota now has two engineers.\n"
        "  As your auditor wrote:\n"
        "  both of them are on call from Friday 18:00.\n\n"
        "  Attached to this e-mail.\n")
    # 3 lines start with ">", 1 line introduces them, 3 lines of signature below "-- "
    assert ("Left out of the e-mail: 3 lines quoted (starting with >); 1 line introducing "
            "a quote ('... wrote:'); 3 lines of signature below '-- '.") in out
    assert run_cli("validate", "--data", str(repo.data)).exit_code == 0


def test_an_outlook_original_below_the_answer_is_left_out_and_counted(repo: Repo) -> None:
    body = (b"We will send the plan by Friday.\n\n"
            b"From: IT vendor management <vendors@northwind.example>\n"
            b"Sent: Tuesday, 1 December 2026 10:22\n"
            b"To: Dana Cole <dana@alpha.example>\n"
            b"Subject: Your scorecard\n\n"
            b"Please send the exit plan.\n")
    code, out, err = reply(repo, b"From: Dana Cole <dana@alpha.example>\n" + HEAD + TEXT
                           + body)
    assert code == 0, err
    assert response(repo) == "  We will send the plan by Friday.\n"
    # the header block (4 lines) and the original's one line: 5 lines that are not blank
    assert "5 lines of the quoted original message below its header" in out


def test_an_unknown_charset_is_a_one_line_error(repo: Repo) -> None:
    message = (b"From: Dana Cole <dana@alpha.example>\n" + HEAD
               + b"Content-Type: text/plain; charset=x-no-such-charset\n\nWe agree.\n")
    refused(repo, message, "x-no-such-charset")


def test_parts_nested_a_thousand_deep_are_a_one_line_error(repo: Repo) -> None:
    depth = 1000
    opening = b"".join(b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i)
                       for i in range(depth))
    closing = b"".join(b"\n--b%d--\n" % i for i in reversed(range(depth)))
    message = (b"From: Dana Cole <dana@alpha.example>\n" + HEAD + b"MIME-Version: 1.0\n"
               + opening + b"Content-Type: text/plain\n\nWe agree.\n" + closing)
    refused(repo, message, "deep")


def test_words_that_validate_refuses_are_not_written(repo: Repo) -> None:
    message = (b"From: Dana Cole <dana@alpha.example>\n" + HEAD + TEXT
               + "We agree \N{GRINNING FACE}\n".encode())
    before = tree(repo.root)
    code, _, err = reply(repo, message)
    assert code == 1
    assert "cannot draw" in err and "the reply was not written" in err
    assert tree(repo.root) == before
    assert run_cli("validate", "--data", str(repo.data)).exit_code == 0


def test_an_attribution_wrapped_over_two_lines_is_left_out(repo: Repo) -> None:
    body = (b"Agreed, we will add a second engineer.\n\n"
            b"On Tue, 1 Dec 2026 at 10:22, IT vendor management <\n"
            b"vendors@northwind.example> wrote:\n\n"
            b"> Two weekend P1 incidents waited over an hour.\n")
    code, out, err = reply(repo, b"From: Dana Cole <dana@alpha.example>\n" + HEAD + TEXT
                           + body)
    assert code == 0, err
    assert response(repo) == "  Agreed, we will add a second engineer.\n"
    assert "1 line quoted (starting with >); 2 lines introducing a quote" in out
