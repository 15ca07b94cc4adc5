"""``scorecard reply``: a provider's answer into its record's ``provider_response``.

The answer comes as it came: a saved ``.eml`` (which must be from one of the
provider's contacts; quoted text and the signature are left out and counted,
:mod:`scorecard.delivery.reply_mail`) or plain text. The record file is
changed in that one field only: every other byte, comments and layout
included, stays as it was; the result is read back, and validated with the
whole data folder (:mod:`scorecard.delivery.reply_check`), before it is
written, for the lead to review and commit.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from scorecard.data.addresses import parse_mailbox
from scorecard.data.model import Provider
from scorecard.data.yaml.reader import parse_text
from scorecard.data.yaml.spans import top_level_span
from scorecard.delivery import reply_mail
from scorecard.output.folder import write_new

__all__ = ["ReplyError", "Words", "edit_response", "read_reply"]

FIELD = "provider_response"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")


class ReplyError(Exception):
    """Why the reply cannot be written, in words for the lead."""


@dataclass(frozen=True)
class Words:
    text: str  # the provider's words, cleaned, ending in one newline
    sender: str | None  # the address it came from (an .eml), or None (plain text)
    left_out: tuple[str, ...] = ()  # what of the e-mail is not the provider's words, and why


def _looks_like_email(data: bytes, name: str) -> bool:
    if name.lower().endswith(".eml"):
        return True
    head = data.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    lines = head.splitlines()
    return bool(lines) and all(_HEADER_LINE.match(li) or li[:1] in b" \t" for li in lines) \
        and any(li.lower().startswith(b"from:") for li in lines)


def _clean(text: str) -> str:
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


def _from_email(data: bytes, provider: Provider) -> Words:
    try:
        msg = reply_mail.parse(data)
        address = reply_mail.sender(msg)
        contacts = {m.key: m for m in (parse_mailbox(c)[0] for c in provider.contacts) if m}
        if address.lower() not in contacts:
            known = ", ".join(m.address for m in contacts.values()) or "none"
            raise ReplyError(f"the e-mail is from {address}, who is not a contact of "
                             f"{provider.name} (contacts: {known}); its words are not written")
        body = reply_mail.own_words(reply_mail.plain_text(msg))
    except reply_mail.MailError as exc:
        raise ReplyError(str(exc)) from None
    except (AttributeError, TypeError, ValueError, LookupError) as exc:
        # the standard library parses headers lazily and fails in these ways on hostile
        # ones (an empty second From: "'Group' object has no attribute 'local_part'")
        raise ReplyError(f"the e-mail cannot be read ({type(exc).__name__}); its words are "
                         "not written") from None
    return Words(_clean(body.text), address, body.left_out)


def read_reply(data: bytes, name: str, provider: Provider) -> Words:
    """The provider's words from a saved e-mail or plain text."""
    if _looks_like_email(data, name):
        words = _from_email(data, provider)
    else:
        try:
            words = Words(_clean(data.decode("utf-8-sig")), None)
        except UnicodeDecodeError as exc:
            raise ReplyError("the reply is not UTF-8 text; save it as UTF-8") from exc
    if not words.text.strip():
        raise ReplyError("the reply holds no words" + (
            f" (left out: {'; '.join(words.left_out)})" if words.left_out else ""))
    return words


def _block(words: str, comment: str, newline: str = "\n") -> str:
    lines = words.rstrip("\n").split("\n")
    indicator = "|2" if lines[0][:1] in (" ", "\t") else "|"
    body = newline.join(f"  {line}" if line else "" for line in lines)
    return f"{FIELD}: {indicator}{'  ' + comment if comment else ''}{newline}{body}"


def _comment_after(text: str, start: int) -> str:
    """A ``# comment`` on the rest of the line from ``start``, or empty."""
    end = text.find("\n", start)
    rest = text[start: len(text) if end < 0 else end].strip()
    return rest if rest.startswith("#") else ""


def _replaced(text: str, words: str) -> str:
    span, readable = top_level_span(text, FIELD)
    nl = "\r\n" if "\r\n" in text else "\n"  # keep Windows line ends where they were
    if not readable:
        raise ReplyError("the record cannot be read as YAML; fix it first (scorecard validate)")
    if span is None:
        joint = "" if not text or text.endswith("\n") else nl
        return f"{text}{joint}{_block(words, '', nl)}{nl}"
    if span.block:
        header_end = text.find("\n", span.value_start)
        comment = _comment_after(text, span.value_start + 1) if header_end > 0 else ""
        end = span.value_end
    else:
        comment = _comment_after(text, span.value_end)
        line_end = text.find("\n", span.value_end)
        end = span.value_end if not comment else (len(text) if line_end < 0 else line_end)
    return text[: span.key_start] + _block(words, comment, nl) + text[end:]


def edit_response(text: str, words: str) -> str:
    """``text`` with ``provider_response`` set to ``words``, nothing else changed; read
    back and compared before it is returned."""
    new = _replaced(text, words)
    before, after = parse_text(text), parse_text(new)
    if after.problems or not isinstance(after.value, dict) or not isinstance(before.value, dict):
        raise ReplyError("the reply could not be written without changing the rest of "
                         "the record; add it by hand")
    rest_before = {k: v for k, v in before.value.items() if k != FIELD}
    rest_after = {k: v for k, v in after.value.items() if k != FIELD}
    if after.value.get(FIELD) != words or rest_before != rest_after:
        raise ReplyError("the reply could not be written without changing the rest of "
                         "the record; add it by hand")
    return new


def prepared(path: Path, words: str) -> tuple[bytes, bool]:
    """The record at ``path`` with the reply in it (its bytes), and whether it replaces an
    earlier reply."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise ReplyError(f"{path} cannot be read as UTF-8 text; fix it first "
                         "(scorecard validate)") from None
    bom = raw.startswith(b"\xef\xbb\xbf")
    had = top_level_span(text, FIELD)[0] is not None
    new = edit_response(text, words)
    return (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"), had


def replace_file(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a new file beside it, never through a link
    planted under a temporary name."""
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    tmp = f".{path.name}.{secrets.token_hex(8)}.tmp"
    try:
        write_new(folder, tmp, content)
        os.replace(tmp, path.name, src_dir_fd=folder, dst_dir_fd=folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=folder)
        raise ReplyError(f"{path} cannot be written: {exc.strerror or exc}") from None
    finally:
        os.close(folder)


def write_response(path: Path, words: str) -> bool:
    """Write the reply into the record at ``path``; True when it replaced an earlier one."""
    content, had = prepared(path, words)
    replace_file(path, content)
    return had
