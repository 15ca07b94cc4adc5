"""Messages from templates: the subject is the template's first line, and a
--templates folder replaces ours."""

from __future__ import annotations

from pathlib import Path

from scorecard.delivery.messages import environment, letter


def _context(**extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "organisation": "Northwind Freight", "provider_name": "Acme Managed IT Ltd",
        "period": "2026-Q3", "period_words": "the third quarter of 2026",
        "greeting": "Dana Cole", "reply_days": 14, "reply_by": "15 December 2026",
        "has_response": False, "lead_name": "Priya Shah", "sender_name": "IT vendor management",
        "revised": False, "previous_day": "", "as_of": "1 December 2026",
        "today": "1 December 2026",
    }
    base.update(extra)
    return base


def test_the_provider_message_says_how_and_by_when_to_reply() -> None:
    words = letter(environment(), "provider", _context())
    assert words.subject == "Your scorecard from Northwind Freight for the third quarter of 2026"
    assert words.body.startswith("Dear Dana Cole,\n")
    # v1.2: the count of days names the day it counts from
    assert "Please reply to this e-mail by 15 December 2026: 14 days after today, " \
        "1 December 2026." in \
        " ".join(words.body.split())
    assert all(len(line) <= 72 for line in words.body.splitlines())


def test_a_revised_message_says_so_in_the_subject_and_first_line() -> None:
    words = letter(environment(), "provider",
                   _context(revised=True, previous_day="1 October 2026"))
    assert words.subject.startswith("Revised: Your scorecard")
    # 72 characters to a line: "...we sent on 1 October 2026." is 69, " It" makes 72
    assert words.body.startswith("This is a revised version of the scorecard we sent on 1 "
                                 "October 2026. It\nreplaces that one.\n\nDear Dana Cole,")


def test_a_templates_folder_replaces_ours(tmp_path: Path) -> None:
    (tmp_path / "email").mkdir()
    (tmp_path / "email" / "provider.txt").write_text(
        "Scorecard {{ period }}\n\nHello {{ greeting }}.\n", encoding="utf-8")
    words = letter(environment(tmp_path), "provider", _context())
    assert (words.subject, words.body) == ("Scorecard 2026-Q3", "Hello Dana Cole.\n")
    assert letter(environment(tmp_path), "team", _context()).subject.startswith("Internal:")


def test_every_message_reads_at_grade_8_or_lower() -> None:
    from scorecard.words.readability import flesch_kincaid_grade

    env = environment()
    for kind in ("provider", "team", "portfolio"):
        for extra in ({}, {"revised": True, "previous_day": "1 October 2026"},
                      {"has_response": True}):
            words = letter(env, kind, _context(**extra))
            # the greeting and the signature are names, not sentences
            lines = [line for line in words.body.split("\n")
                     if not line.startswith(("Dear ", "Hello ", "Kind regards"))]
            body = "\n".join(lines)
            assert flesch_kincaid_grade(body) <= 8, (kind, extra, body)


def test_a_broken_template_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    import pytest

    from scorecard.delivery.messages import MessageError

    (tmp_path / "email").mkdir()
    broken = tmp_path / "email" / "provider.txt"
    broken.write_text("Scorecard {{ period }}\n\nHello {{ nobody }}.\n", encoding="utf-8")
    with pytest.raises(MessageError) as caught:
        letter(environment(tmp_path), "provider", _context())
    assert "'nobody' is undefined" in caught.value.problem.message
    assert caught.value.problem.location.file == str(broken)
