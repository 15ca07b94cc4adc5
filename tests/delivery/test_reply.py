"""Writing a provider's reply into ``provider_response``: only that field's text
changes; comments and layout stay byte for byte; an .eml must come from a contact."""

from __future__ import annotations

import re

import pytest

from scorecard.data.model import Provider
from scorecard.delivery.reply import ReplyError, edit_response, read_reply

RECORD = """\
# Alpha, second quarter. Reviewed with Dana on 12 July.
provider: alpha
period: 2026-Q2
evaluated: 2026-07-10   # the review meeting
lead: Priya Shah
scores:
  availability: 99.95
  fix-quality: 4        # Tom agreed
summary: Better fixes.
"""

ALPHA = Provider("alpha", "Alpha Managed IT Ltd",
                 contacts=("Dana Cole <dana@alpha.example>", "reviews@alpha.example"))


def test_a_new_reply_is_added_at_the_end_and_nothing_else_changes() -> None:
    new = edit_response(RECORD, "We will fix the weekend cover.\n")
    assert new == RECORD + "provider_response: |\n  We will fix the weekend cover.\n"


def test_a_block_reply_is_replaced_in_place_keeping_the_comments_around_it() -> None:
    text = RECORD.replace("summary: Better fixes.\n", (
        "provider_response: |  # their words, unedited\n"
        "  Thanks.\n"
        "\n"
        "  More later.\n"
        "# the summary is ours\n"
        "summary: Better fixes.\n"))
    new = edit_response(text, "Two paragraphs.\n\nSecond one.\n")
    assert new == RECORD.replace("summary: Better fixes.\n", (
        "provider_response: |  # their words, unedited\n"
        "  Two paragraphs.\n"
        "\n"
        "  Second one.\n"
        "# the summary is ours\n"
        "summary: Better fixes.\n"))


def test_a_one_line_reply_with_a_comment_keeps_the_comment() -> None:
    text = RECORD.replace("summary: Better fixes.\n",
                          'provider_response: "Old words."   # from the call\n'
                          "summary: Better fixes.\n")
    new = edit_response(text, "New words.\n")
    assert new == RECORD.replace("summary: Better fixes.\n",
                                 "provider_response: |  # from the call\n"
                                 "  New words.\n"
                                 "summary: Better fixes.\n")


def test_windows_line_ends_are_kept() -> None:
    text = RECORD.replace("\n", "\r\n")
    new = edit_response(text, "Line one.\nLine two.\n")
    assert new == text + "provider_response: |\r\n  Line one.\r\n  Line two.\r\n"


def test_words_that_start_with_spaces_get_an_indentation_indicator() -> None:
    new = edit_response(RECORD, "  indented first line\nnext\n")
    assert new.endswith("provider_response: |2\n    indented first line\n  next\n")


EML = b"""\
From: Dana Cole <Dana@Alpha.example>
To: Priya Shah <priya.shah@northwind.example>
Subject: Re: Your scorecard from Northwind Freight for the second quarter of 2026
Message-ID: <r1@alpha.example>
Content-Type: text/plain; charset=utf-8

Thank you. The weekend rota starts on 1 November.

It covers Saturdays too.

On Tue, 1 Dec 2026 at 10:22, IT vendor management wrote:
> Attached is your scorecard
"""


def test_an_eml_from_a_contact_gives_its_own_words_without_the_quote() -> None:
    words = read_reply(EML, "reply.eml", ALPHA)
    assert words.sender == "Dana@Alpha.example"
    assert words.text == ("Thank you. The weekend rota starts on 1 November.\n\n"
                          "It covers Saturdays too.\n")


def test_an_eml_from_anyone_else_is_refused() -> None:
    forged = EML.replace(b"Dana Cole <Dana@Alpha.example>", b"mallory@alpha-example.net")
    with pytest.raises(ReplyError, match=re.escape(
            "mallory@alpha-example.net, who is not a contact of Alpha Managed IT Ltd")):
        read_reply(forged, "-", ALPHA)


def test_plain_text_is_taken_as_it_is() -> None:
    words = read_reply("Wir melden uns.\r\nGrüße\r\n".encode(), "reply.txt", ALPHA)
    assert words.sender is None
    assert words.text == "Wir melden uns.\nGrüße\n"


def test_an_empty_reply_is_refused() -> None:
    with pytest.raises(ReplyError, match="no words"):
        read_reply(b"\n\n", "reply.txt", ALPHA)
